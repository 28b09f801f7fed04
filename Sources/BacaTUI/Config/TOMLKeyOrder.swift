/// The order in which a TOML document writes the keys of its tables.
///
/// TOMLKit hands table keys back sorted (toml++ keeps tables in a `std::map`), but for key
/// bindings the order carries meaning: the first key bound to a command is the one the status
/// bar and the help show first (`j` before `down`, `Enter` before `l`). This reads the order back
/// from the text with a line scanner that understands table headers and bare, quoted and dotted
/// keys. It only orders what TOMLKit parsed; a key it misses (say, inside an inline table) still
/// counts, after the ones it found.
enum TOMLKeyOrder {
    /// For each table path (`keys.list`; `""` for the top), its keys in the order written.
    static func scan(_ source: String) -> [String: [String]] {
        var order: [String: [String]] = [:]
        var table: [String] = []
        for rawLine in source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard let first = line.first, first != "#" else { continue }
            if first == "[" {
                guard line.dropFirst().first != "[" else { continue }  // arrays of tables: not used here
                line = line.dropFirst()
                guard let path = readKeyPath(&line), line.first == "]" else { continue }
                table = path
                continue
            }
            guard let path = readKeyPath(&line), line.first == "=" else { continue }
            let owner = (table + path.dropLast()).joined(separator: ".")
            if let key = path.last, !(order[owner]?.contains(key) ?? false) {
                order[owner, default: []].append(key)
            }
        }
        return order
    }

    /// Sorts `keys` of the table at `path` as the document wrote them.
    static func sorted(_ keys: [String], table path: String, order: [String: [String]]) -> [String] {
        let written = order[path] ?? []
        let position = Dictionary(written.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return keys.sorted { a, b in
            switch (position[a], position[b]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
    }

    // MARK: Keys

    /// Reads `a.b."c d"` and the spaces after it; nil when the text is not a key.
    private static func readKeyPath(_ text: inout Substring) -> [String]? {
        var parts: [String] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard let part = readKey(&text) else { return nil }
            parts.append(part)
            text = text.drop { $0 == " " || $0 == "\t" }
            guard text.first == "." else { return parts }
            text = text.dropFirst()
        }
    }

    private static func readKey(_ text: inout Substring) -> String? {
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            var key = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let character = text[index]
                if character == first {
                    text = text[text.index(after: index)...]
                    return key
                }
                if character == "\\", first == "\"", text.index(after: index) < text.endIndex {
                    index = text.index(after: index)
                    let escaped = text[index]
                    key.append(escaped == "t" ? "\t" : escaped == "n" ? "\n" : escaped)
                } else {
                    key.append(character)
                }
                index = text.index(after: index)
            }
            return nil
        }
        let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard !bare.isEmpty else { return nil }
        text = text.dropFirst(bare.count)
        return String(bare)
    }
}
