import Foundation

// MARK: - Article export

/// An article as Markdown or HTML, to take it elsewhere (`baca show --format`, `:export`).
///
/// Markdown: `# Title`, one line of metadata, the hero picture, the key points as a list, the
/// lead, then `## N. Heading` for each section; quotes as `>`, pictures as `![caption](url)`
/// (a picture whose address the source did not state as an italic caption line), lists as `-` or
/// `1.`, related articles as `→ title`. Markdown's own characters in the text are escaped, so
/// the words read back as written.
public enum ArticleExport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html
    }

    /// The metadata line: date, place, outlet, author, editor, reading time.
    public static func metadata(of article: Article) -> String {
        var parts: [String] = []
        if let date = article.publishedAt { parts.append(date.iso) }
        for part in [article.location, article.outlet, article.author.map { "oleh \($0)" }, article.editor.map { "editor \($0)" }] {
            if let part = part?.trimmingCharacters(in: .whitespaces), !part.isEmpty { parts.append(part) }
        }
        parts.append("\(article.readingMinutes) menit baca")
        return parts.joined(separator: " · ")
    }

    // MARK: Markdown

    public static func markdown(_ article: Article) -> String {
        var out: [String] = ["# " + escapeMarkdown(article.title), "", "*" + escapeMarkdown(metadata(of: article)) + "*"]
        if let hero = article.heroImage { out += ["", image(hero)] }
        if !article.keyPoints.isEmpty {
            out.append("")
            out += article.keyPoints.map { "- " + escapeMarkdown($0) }
        }
        for section in article.sections {
            if section.number != nil || section.heading != nil {
                let number = section.number.map { "\($0). " } ?? ""
                out += ["", "## " + number + escapeMarkdown(section.heading ?? "")]
            }
            for block in section.blocks {
                out.append("")
                switch block {
                case .paragraph(let text): out.append(escapeMarkdown(text))
                case .quote(let text):
                    out += text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + escapeMarkdown(String($0)) }
                case .image(let caption): out.append(image(caption))
                case .list(let items, let ordered):
                    out += items.enumerated().map { (ordered ? "\($0.offset + 1). " : "- ") + escapeMarkdown($0.element) }
                case .related(let title): out.append("→ " + escapeMarkdown(title))
                }
            }
        }
        if !article.sources.isEmpty { out += ["", "*Sumber: " + escapeMarkdown(article.sources.joined(separator: ", ")) + "*"] }
        if let disclaimer = article.disclaimer { out += ["", "*" + escapeMarkdown(disclaimer) + "*"] }
        return out.joined(separator: "\n") + "\n"
    }

    static func image(_ caption: ImageCaption) -> String {
        let credit = caption.credit.map { " (\($0))" } ?? ""
        let text = escapeMarkdown(caption.caption + credit)
        guard let url = caption.url else { return "*" + text + "*" }
        // Parentheses would end the link early; the address has no spaces (`ImageCaption`).
        let link = url.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
        return "![" + text + "](" + link + ")"
    }

    /// Backslashes Markdown's punctuation and a leading `#`, `>`, `-`, `+` or `1.` so text stays text.
    static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        if let first = result.first, "#>-+".contains(first) { result = "\\" + result }
        if let dot = result.firstIndex(of: "."), result[..<dot].allSatisfy(\.isNumber), dot != result.startIndex {
            result.insert("\\", at: dot)
        }
        return result
    }

    // MARK: HTML

    public static func html(_ article: Article) -> String {
        var out = [
            "<!DOCTYPE html>",
            "<html><head><meta charset=\"utf-8\"><title>\(escapeHTML(article.title))</title></head><body>",
            "<article>",
            "<h1>\(escapeHTML(article.title))</h1>",
            "<p class=\"meta\">\(escapeHTML(metadata(of: article)))</p>",
        ]
        if let hero = article.heroImage { out.append(figure(hero)) }
        if !article.keyPoints.isEmpty {
            out.append("<ul class=\"key-points\">" + article.keyPoints.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>")
        }
        for section in article.sections {
            if section.number != nil || section.heading != nil {
                let number = section.number.map { "\($0). " } ?? ""
                out.append("<h2>\(escapeHTML(number + (section.heading ?? "")))</h2>")
            }
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out.append("<p>\(escapeHTML(text))</p>")
                case .quote(let text): out.append("<blockquote><p>\(escapeHTML(text))</p></blockquote>")
                case .image(let caption): out.append(figure(caption))
                case .list(let items, let ordered):
                    let tag = ordered ? "ol" : "ul"
                    out.append("<\(tag)>" + items.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</\(tag)>")
                case .related(let title): out.append("<p class=\"related\">→ \(escapeHTML(title))</p>")
                }
            }
        }
        if !article.sources.isEmpty { out.append("<p class=\"sources\">Sumber: \(escapeHTML(article.sources.joined(separator: ", ")))</p>") }
        if let disclaimer = article.disclaimer { out.append("<p class=\"disclaimer\">\(escapeHTML(disclaimer))</p>") }
        out += ["</article>", "</body></html>", ""]
        return out.joined(separator: "\n")
    }

    static func figure(_ caption: ImageCaption) -> String {
        let credit = caption.credit.map { " <small>(\(escapeHTML($0)))</small>" } ?? ""
        let image = caption.url.map { "<img src=\"\(escapeHTML($0))\" alt=\"\(escapeHTML(caption.caption))\">" } ?? ""
        return "<figure>\(image)<figcaption>\(escapeHTML(caption.caption))\(credit)</figcaption></figure>"
    }

    static func escapeHTML(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
