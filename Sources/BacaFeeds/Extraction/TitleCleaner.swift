/// Takes the site's name off a page title (`Flood closes the ring road | Daily Post`).
///
/// The separators sites use: `|` `–` `—` `-` `·` `:` `»` `::` `/` `~`, with spaces around them.
/// The name goes when it is the site's stated name (`og:site_name`); otherwise a short part at
/// either end (four words or fewer) goes when what stays is a title of three words or more.
/// A colon separates only the site's stated name: `Review: the new phone` keeps it.
enum TitleCleaner {
    static let separators = [" | ", " – ", " — ", " - ", " · ", " » ", " :: ", " // ", " / ", " ~ ", " « ", " • "]

    /// `siteNames`: what the page calls its site (`og:site_name`, the publisher, the host of
    /// its canonical URL).
    static func clean(_ title: String, siteNames: [String]) -> String {
        var text = title.trimmingCharacters(in: .whitespaces)
        let sites = Set(siteNames.map(key).filter { !$0.isEmpty })
        for separator in separators + [": ", " : "] where !sites.isEmpty {
            if let (head, tail) = cut(text, at: separator, backwards: true), sites.contains(key(tail)) { return head }
            if let (head, tail) = cut(text, at: separator, backwards: false), sites.contains(key(head)) { return tail }
        }
        // A short trailing part (the site, a section), again while there is one.
        while let (head, tail) = split(text, last: true, among: separators), words(tail) <= 4, words(head) >= 3 {
            text = head
        }
        if let (head, tail) = split(text, last: false, among: separators), words(head) <= 3, words(tail) >= 3, words(tail) > words(head) {
            text = tail
        }
        return text
    }

    private static func split(_ text: String, last: Bool, among separators: [String]) -> (String, String)? {
        var best: Range<Int>?
        for separator in separators {
            guard let range = text.utf8.firstRange(of: separator.utf8, backwards: last) else { continue }
            if best == nil || (last ? range.lowerBound > best!.lowerBound : range.lowerBound < best!.lowerBound) { best = range }
        }
        guard let best else { return nil }
        return parts(text, best)
    }

    /// The text before and after `separator`'s first (or last) place, trimmed.
    private static func cut(_ text: String, at separator: String, backwards: Bool) -> (String, String)? {
        text.utf8.firstRange(of: separator.utf8, backwards: backwards).map { parts(text, $0) }
    }

    private static func parts(_ text: String, _ range: Range<Int>) -> (String, String) {
        let bytes = Array(text.utf8)
        return (String(decoding: bytes[..<range.lowerBound], as: UTF8.self).trimmingCharacters(in: .whitespaces),
                String(decoding: bytes[range.upperBound...], as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    static func words(_ text: String) -> Int { text.split(whereSeparator: { $0 == " " }).count }

    /// Letters and digits, lower-cased: `The Daily Post` and `thedailypost.com` compare by
    /// `thedailypost`.
    static func key(_ text: String) -> String {
        var value = text.lowercased()
        for suffix in [".com", ".net", ".org", ".co.uk", ".co.id", ".id"] where value.hasSuffix(suffix) { value.removeLast(suffix.count) }
        if value.hasPrefix("www.") { value.removeFirst(4) }
        return String(value.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Text compared as a reader would: case, spaces and punctuation aside.
    static func comparable(_ text: String) -> String { key(text) }
}

/// Names in bylines: `By Jane Doe | Updated 10:31` → `Jane Doe`; a URL, a handle or a
/// paragraph is no name.
enum Bylines {
    static let prefixes = [
        "written by", "posted by", "published by", "story by", "words by", "reported by", "by:", "by ", "oleh:", "oleh ",
        "penulis:", "penulis ", "author:", "reporter:", "von ", "par ", "por ", "door ",
    ]
    static let cuts = [" | ", " • ", " — ", " – ", " · ", "\n", " Updated", " Published", " Posted", " on ", " Diperbarui", " - "]

    static func clean(_ raw: String) -> String? {
        var text = Sanitizer.sanitizeLine(raw)
        let lower = text.lowercased()
        if lower.contains("http") || lower.contains("www.") || lower.hasPrefix("@") || lower.contains("@") { return nil }
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.lowercased().hasPrefix(prefix) && text.count > prefix.count {
                text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        // `Analysis by Jane Doe`, `Text: Jane Doe`: a label of a word or two goes.
        if let range = text.range(of: " by ", options: .caseInsensitive), TitleCleaner.words(String(text[..<range.lowerBound])) <= 2 {
            text = String(text[range.upperBound...])
        }
        if let colon = text.firstIndex(of: ":"), TitleCleaner.words(String(text[..<colon])) == 1 {
            text = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        for cut in cuts {
            if let range = text.range(of: cut), range.lowerBound > text.startIndex { text = String(text[..<range.lowerBound]) }
        }
        // A date after the name: `Jeff Foust Monday, November 18, 2019`.
        let words = text.split(separator: " ")
        if let index = words.indices.dropFirst().first(where: { BoilerplateText.dateWords.contains($0 == 0 ? "" : words[$0].lowercased().trimmingCharacters(in: .punctuationCharacters)) && words[$0].count > 2 }) {
            text = words[..<index].joined(separator: " ")
        }
        for tail in [", view more articles", " view more articles", ", more articles", ", view all posts"] where text.lowercased().hasSuffix(tail) {
            text.removeLast(tail.count)
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:|-–—·"))
        guard !text.isEmpty, text.count <= 80, TitleCleaner.words(text) <= 10,
              text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
              !["share", "follow", "view ", "more ", "all posts", "see all", "read more"].contains(where: text.lowercased().hasPrefix)
        else { return nil }
        return text
    }

    /// Words of a class or id that mark a byline.
    static let marks = ["byline", "author", "writer", "reporter", "penulis", "contributor", "posted-by", "article-by"]

    /// An element that is a byline: marked as one (class, id, `itemprop="author"`) or holding
    /// a `rel="author"` link, and short.
    static func isByline(_ element: HTMLElement) -> Bool {
        guard element.name != "body", element.name != "article", element.name != "main", element.measure.length < 160 else { return false }
        let reading = BoilerplateNames.reading(of: element)
        let marked = (reading.contains(.byline) || isMarked(element["itemprop"]) || isMarked(element["rel"])) && !reading.contains(.bodyName)
        return marked || element.firstDescendant(where: { ($0["rel"] ?? "").lowercased().split(separator: " ").contains("author") }) != nil
    }

    private static func isMarked(_ value: String?) -> Bool {
        guard let value, !value.isEmpty else { return false }
        let lower = value.lowercased()
        return marks.contains { lower.utf8.contains(bytes: $0) }
    }

    /// The first byline element's names: its links to author pages or named parts, else its text.
    static func byline(in root: HTMLElement) -> String? {
        let elements = root.descendants { element in
            guard !HTMLText.invisibleElements.contains(element.name), !["html", "body", "meta", "link", "img"].contains(element.name) else { return false }
            let reading = BoilerplateNames.reading(of: element)
            guard reading.contains(.byline) || isMarked(element["rel"]), !reading.contains(.notByline) else { return false }
            let length = element.measure.length
            return length > 1 && length < 160
        }
        for element in elements {
            let named = element.descendants { child in
                child.name == "a" && ((child["href"] ?? "").lowercased().contains("author") || (child["rel"] ?? "").contains("author"))
                    || ((child["itemprop"] ?? "") == "name")
            }.compactMap { clean(HTMLText.line(of: $0)) }
            if !named.isEmpty {
                var unique: [String] = []
                for name in named where !unique.contains(name) { unique.append(name) }
                return unique.joined(separator: ", ")
            }
            if let name = clean(HTMLText.line(of: element)) { return name }
        }
        return nil
    }
}

import BacaCore
import Foundation
