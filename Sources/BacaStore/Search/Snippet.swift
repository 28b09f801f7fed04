import BacaCore

// MARK: - Snippets

/// The markers `snippet()` puts around a matched word, and their parsing into runs.
///
/// STX and ETX are control characters, which the parser's sanitiser removes from every text
/// before it is stored, so a marker in a snippet is always one `snippet()` put there.
enum Snippet {
    static let open: Character = "\u{02}"
    static let close: Character = "\u{03}"
    static let ellipsis = "…"
    /// How many tokens a snippet holds, about.
    static let tokens = 12

    /// `snippet(article_fts, column, …)` for one column of the index.
    static func sql(column: Int) -> String {
        "snippet(article_fts, \(column), char(2), char(3), '\(ellipsis)', \(tokens))"
    }

    /// The marked text as runs; white space (new lines between blocks too) folded to one space.
    static func runs(_ marked: String) -> [(text: String, isMatch: Bool)] {
        var runs: [(text: String, isMatch: Bool)] = []
        var current = ""
        var isMatch = false
        var lastWasSpace = false
        func flush() {
            if !current.isEmpty { runs.append((current, isMatch)) }
            current = ""
        }
        for character in marked {
            switch character {
            case open:
                flush()
                isMatch = true
            case close:
                flush()
                isMatch = false
            case _ where character.isWhitespace:
                if !lastWasSpace { current.append(" ") }
                lastWasSpace = true
                continue
            default:
                current.append(character)
            }
            lastWasSpace = false
        }
        flush()
        // The markers are the only controls a snippet may hold: anything else that a file written
        // by another program carries is removed here, run by run.
        runs = runs.compactMap { run in
            let core = Sanitizer.sanitizeLine(run.text)
            if core.isEmpty { return run.text == " " ? run : nil }
            return ((run.text.first == " " ? " " : "") + core + (run.text.last == " " ? " " : ""), run.isMatch)
        }
        if var first = runs.first, first.text.hasPrefix(" ") {
            first.text.removeFirst()
            if first.text.isEmpty { runs.removeFirst() } else { runs[0] = first }
        }
        if var last = runs.last, last.text.hasSuffix(" ") {
            last.text.removeLast()
            if last.text.isEmpty { runs.removeLast() } else { runs[runs.count - 1] = last }
        }
        return runs
    }

    /// Whether `marked` holds a match marker.
    static func hasMatch(_ marked: String) -> Bool {
        marked.contains(open)
    }
}
