/// Lines of a page that are chrome by what they say, wherever they sit: a date and time alone
/// (`Published 4:00 am CST, Wednesday, November 20, 2019`), a byline (`by Jane Doe`), a
/// picture's credit outside its figure (`(Image: GETTY)`, `Photo: …`), a call to follow,
/// subscribe or read more, a copyright line. Only short lines are judged: a paragraph of
/// prose never is.
enum BoilerplateText {
    static let maximumLength = 200

    /// Openings of chrome lines (lower-cased).
    static let openings = [
        "read more", "see more", "related:", "related post", "related stories", "related articles", "also on ",
        "also read", "also:", "more:", "don't miss", "don’t miss", "you may also like", "you might also like",
        "recommended for you", "trending", "popular on", "click here", "follow us", "follow me", "share this",
        "share on", "like this story", "sign up", "subscribe", "copyright", "©", "via ", "photo:", "photos:",
        "image:", "image caption", "media caption", "credit:", "credit…", "credit...", "order reprints",
        "print article", "tags:", "tags ", "filed under", "leggi anche", "advertisement", "comments",
        "tell us what you think", "this slideshow requires", "previous next", "previous article", "next article",
        "get the latest", "listen to", "download the", "watch:", "watch the video", "lihat juga", "artikel terkait",
        "tempo de leitura", "leia também", "lesen sie auch", "mehr zum thema", "lire aussi", "à lire aussi",
        "citation:", "this document is subject to copyright", "explore further", "more information:",
    ]
    static let anywhere = ["all rights reserved", "(image:", "(photo:", "all sharing options", "affiliate commission"]

    static func isChrome(_ text: String) -> Bool {
        let lower = text.lowercased()
        // A list of tags may run long.
        if lower.hasPrefix("tags:") || lower.hasPrefix("tags ") || lower.hasPrefix("tagged ") { return text.count <= 600 }
        guard text.count <= maximumLength else { return false }
        if openings.contains(where: lower.hasPrefix) || anywhere.contains(where: { lower.utf8.contains(bytes: $0) }) { return true }
        if isByline(lower) || isDateLine(lower) { return true }
        if !lower.utf8.contains(32), lower.utf8.contains(64) || lower.hasPrefix("http") || lower.hasPrefix("twitter.com/") { return true }
        if lower.hasPrefix("@"), TitleCleaner.words(lower) <= 2 { return true }
        return false
    }

    /// `by Jane Doe`, `By Jane Doe and John Roe`, `Oleh Rani Putri`: a short line naming authors.
    static func isByline(_ lower: String) -> Bool {
        guard lower.hasPrefix("by ") || lower.hasPrefix("oleh ") || lower.hasPrefix("von ") || lower.hasPrefix("por ") else { return false }
        return TitleCleaner.words(lower) <= 12 && !lower.utf8.contains(bytes: ". ") && !lower.hasSuffix(".")
    }

    static let dateWords: Set<String> = [
        "published", "updated", "posted", "original", "modified", "on", "at", "am", "pm", "a", "m", "p", "et", "est",
        "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "wib", "wita", "wit", "amt", "jan", "feb", "mar",
        "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "st", "nd", "rd",
        "th", "de", "às", "di", "le", "el", "um", "am", "der", "den", "segunda", "terça", "quarta", "quinta", "sexta",
        "feira", "sábado", "domingo", "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
        "setembro", "outubro", "novembro", "dezembro", "min", "read", "ago", "hours", "minutes", "h", "mins",
        "publicado", "atualizado", "diperbarui", "dipublikasikan", "senin", "selasa", "rabu", "kamis", "jumat",
        "sabtu", "minggu", "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember",
    ]

    /// A line of dates and times alone (with `Published`, `Updated`, zones, weekdays).
    static func isDateLine(_ lower: String) -> Bool {
        let tokens = ShingleTokens.words(lower)
        guard tokens.count >= 2, tokens.count <= 24 else { return false }
        var digits = 0
        for token in tokens {
            if token.allSatisfy(\.isNumber) || (token.first?.isNumber == true && ["st", "nd", "rd", "th", "h", "am", "pm"].contains(where: token.hasSuffix)) {
                digits += 1
            } else if !dateWords.contains(token) {
                return false
            }
        }
        return digits >= 2
    }
}

/// Runs of letters and digits, as the benchmark and a reader count words.
enum ShingleTokens {
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}

extension String.UTF8View {
    /// Whether the text holds `needle`, compared byte by byte (Foundation's `contains` goes
    /// through NSString, many times slower on the short lines judged here).
    func contains(bytes needle: String) -> Bool { firstRange(of: needle.utf8) != nil }

    /// The first (or last) place `needle` sits, as byte offsets.
    func firstRange(of needle: String.UTF8View, backwards: Bool = false) -> Range<Int>? {
        let hay = Array(self), pattern = Array(needle)
        guard !pattern.isEmpty, hay.count >= pattern.count else { return nil }
        let starts = 0...(hay.count - pattern.count)
        for start in backwards ? Array(starts.reversed()) : Array(starts) where hay[start] == pattern[0] {
            var index = 1
            while index < pattern.count && hay[start + index] == pattern[index] { index += 1 }
            if index == pattern.count { return start..<(start + pattern.count) }
        }
        return nil
    }
}
