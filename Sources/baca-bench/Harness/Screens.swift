import Foundation

/// What the two programs' screens say, read from text.
enum BacaScreen {
    /// The list's `N/M` at the end of the status bar: cursor position and count.
    static func listPosition(_ screen: Tmux.Screen) -> (position: Int, count: Int)? {
        guard let token = screen.status.split(separator: " ").last else { return nil }
        let parts = token.split(separator: "/")
        guard parts.count == 2, let position = number(parts[0]), let count = number(parts[1]) else { return nil }
        return (position, count)
    }

    /// The full list of `count` articles is on screen with the cursor at `position`: the status
    /// bar says so and the rows between header and status bar are drawn.
    static func isList(_ screen: Tmux.Screen, position: Int? = nil, count: Int) -> Bool {
        guard let list = listPosition(screen), list.count == count else { return false }
        if let position, list.position != position { return false }
        let rows = screen.lines.dropFirst().dropLast().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return rows.count >= min(count, screen.lines.count - 4)
    }

    /// The reader: its status bar ends with where it is (`Atas`, `Akhir`, `Pembuka`, or a
    /// section, `2/4 · Judul bagian`).
    static func isReader(_ screen: Tmux.Screen) -> Bool {
        guard listPosition(screen) == nil else { return false }
        let status = screen.status.trimmingCharacters(in: .whitespaces)
        if ["Atas", "Akhir", "Pembuka"].contains(where: { status.hasSuffix($0) }) { return true }
        return status.range(of: #"\d+/\d+ · "#, options: .regularExpression) != nil
    }

    /// The search results for `word` are on screen: the header's `cari: "word" · K hasil` and
    /// the list's `1/K`; the number of hits.
    static func searchHits(_ screen: Tmux.Screen, word: String) -> Int? {
        let header = screen.lines.prefix(2).joined(separator: " ")
        guard header.contains("cari"), header.contains(word), let range = header.range(of: "hasil") else { return nil }
        let before = header[..<range.lowerBound].split(separator: " ")
        guard let hits = before.last.flatMap(number) else { return nil }
        if hits == 0 { return 0 }
        guard let list = listPosition(screen), list.count == hits else { return nil }
        return hits
    }

    /// `1.284` or `1,284` or `1284`.
    static func number<S: StringProtocol>(_ text: S) -> Int? {
        let digits = text.filter { $0 != "." && $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII) else { return nil }
        return Int(String(digits))
    }
}

enum NewsboatScreen {
    static func isFeedList(_ screen: Tmux.Screen, count: Int) -> Bool {
        screen.header.contains("Your feeds") && screen.contains("/\(count)) baca bench")
    }

    static func isItemList(_ screen: Tmux.Screen) -> Bool {
        screen.header.contains("Articles in feed") && screen.lines.count > 2 && !screen.lines[1].isEmpty
    }

    static func isArticle(_ screen: Tmux.Screen) -> Bool {
        screen.header.contains(" - Article '") && screen.contains("Title: ")
    }

    static func isSearchResult(_ screen: Tmux.Screen) -> Bool {
        screen.header.contains("Search results") || screen.status.contains("No results")
    }

    /// The last item's number (`%4i` of the article list) opens a row.
    static func showsItem(_ screen: Tmux.Screen, number: Int) -> Bool {
        let needle = String(number)
        return screen.lines.contains { $0.split(separator: " ").first.map(String.init) == needle }
    }
}
