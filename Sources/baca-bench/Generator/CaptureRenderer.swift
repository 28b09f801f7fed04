/// Writes a `GeneratedArticle` in the capture format (see `/work/shared/capture-format.md`
/// and `samples/`): promo and menu, title, hero caption twice, key points, dateline, lead,
/// numbered sections, footer.
enum CaptureRenderer {
    static func render(_ article: GeneratedArticle) -> String {
        var out = ""
        out.reserveCapacity(5000)
        func line(_ text: String = "") { out += text; out += "\n" }

        if article.index % 10 != 3 {
            line("Baca artikel IDN Times lainnya di IDN App")
            line("For")
            line("You")
            line()
        }
        line(article.title)
        line()
        if let hero = article.hero {
            line("\(hero.text) (\(hero.credit))")
            line("\(hero.text) (\(hero.credit))")
        }
        if !article.keyPoints.isEmpty {
            line("Intinya sih...")
            for point in article.keyPoints { line("  • \(point)") }
        }
        line()
        line("\(article.city), IDN Times - \(article.dateline)")
        line()
        for block in article.lead { render(block, into: &out) }
        for (number, section) in article.sections.enumerated() {
            line("\(number + 1). \(section.heading)")
            line()
            for block in section.blocks { render(block, into: &out) }
        }
        if let disclaimer = article.disclaimer {
            line(disclaimer)
            line()
        }
        line("Share")
        line("Editor’s Picks")
        line("Topics")
        for topic in article.footerTopics { line(topic) }
        line("Editorial Team")
        line(article.writer)
        line("Editor\(article.editor)")
        line("Follow Us")
        return out
    }

    private static func render(_ block: GeneratedArticle.Block, into out: inout String) {
        switch block {
        case .paragraph(let text):
            out += text
        case .quote(let text, let attribution, let curly, let twoLines):
            var body = text
            if twoLines, let range = body.range(of: ". ") {
                body.replaceSubrange(range, with: ".\n")
            }
            out += curly ? "“\(body)” \(attribution)" : "\"\(body)\" \(attribution)"
        case .caption(let text, let credit):
            out += "\(text) (\(credit))\n\(text) (\(credit))"
        case .related(let title):
            out += "Baca Juga: \(title)"
        case .cited(let verb, let outlet, let text):
            out += "\(verb) \(outlet), \(text)"
        case .list(let intro, let items, let numbered):
            out += intro
            for (n, item) in items.enumerated() {
                out += numbered ? "\n\(n + 1). \(item)" : "\n- \(item)"
            }
        }
        out += "\n\n"
    }
}

/// Writes the same articles as RSS 2.0 items for newsboat: title, link, guid, date, and the text
/// as HTML in the description (what a news site's full-text feed carries).
enum FeedRenderer {
    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel>
        <title>baca bench</title>
        <link>https://bench.baca.invalid/</link>
        <description>Synthetic corpus of baca-bench</description>

        """
    static let footer = "</channel></rss>\n"

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func item(_ article: GeneratedArticle) -> String {
        let d = article.date
        let pubDate = "\(days[d.weekday]), \(two(d.day)) \(months[d.month - 1]) \(d.year) 08:00:00 +0700"
        var html = ""
        html.reserveCapacity(5000)
        if let hero = article.hero { html += "<figure><figcaption>\(escape(hero.text)) (\(escape(hero.credit)))</figcaption></figure>" }
        if !article.keyPoints.isEmpty {
            html += "<p>Intinya sih...</p><ul>"
            for point in article.keyPoints { html += "<li>\(escape(point))</li>" }
            html += "</ul>"
        }
        html += "<p>\(escape(article.city)), IDN Times - \(escape(article.dateline))</p>"
        for block in article.lead { html += render(block) }
        for (number, section) in article.sections.enumerated() {
            html += "<h2>\(number + 1). \(escape(section.heading))</h2>"
            for block in section.blocks { html += render(block) }
        }
        if let disclaimer = article.disclaimer { html += "<p><em>\(escape(disclaimer))</em></p>" }
        return """
            <item><title>\(escape(article.title))</title>\
            <link>https://bench.baca.invalid/artikel/\(article.index)</link>\
            <guid>https://bench.baca.invalid/artikel/\(article.index)</guid>\
            <pubDate>\(pubDate)</pubDate><author>\(escape(article.writer))</author>\
            <description><![CDATA[\(html)]]></description></item>

            """
    }

    private static func render(_ block: GeneratedArticle.Block) -> String {
        switch block {
        case .paragraph(let text): return "<p>\(escape(text))</p>"
        case .quote(let text, let attribution, _, _): return "<blockquote>\"\(escape(text))\" \(escape(attribution))</blockquote>"
        case .caption(let text, let credit): return "<figure><figcaption>\(escape(text)) (\(escape(credit)))</figcaption></figure>"
        case .related(let title): return "<p>Baca Juga: <a href=\"https://bench.baca.invalid/\">\(escape(title))</a></p>"
        case .cited(let verb, let outlet, let text): return "<p>\(verb) \(escape(outlet)), \(escape(text))</p>"
        case .list(let intro, let items, let numbered):
            let tag = numbered ? "ol" : "ul"
            return "<p>\(escape(intro))</p><\(tag)>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</\(tag)>"
        }
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

import Foundation
