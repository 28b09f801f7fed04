import BacaCore
import Foundation
import TOMLKit

/// One binding a `[keys.CONTEXT]` table asks for; a nil invocation unbinds.
struct KeyBindingChange: Sendable, Equatable {
    var context: KeyContext
    var keys: [Key]
    var invocation: CommandInvocation?
}

/// Reads the `[keys.*]` tables shared by the default keymap and the user's config:
///
/// ```toml
/// [keys.list]
/// "ctrl-n" = "move-down"      # a key name, or names separated by spaces ("g g")
/// "x" = "filter starred"      # a command with its arguments, as after ':'
/// "j" = "none"                # or "": unbind (and hide a global binding of the same key)
/// ```
///
/// Problems become warnings naming the file and the binding; the rest still applies.
enum KeyBindingsParser {
    static func parse(
        _ keys: TOMLValueConvertible, order: [String: [String]], file: String, language: Language = .id
    ) -> (changes: [KeyBindingChange], warnings: [String]) {
        let tr = language.pick
        var changes: [KeyBindingChange] = []
        var warnings: [String] = []
        guard let table = keys.table else {
            return ([], ["\(file): " + tr("'keys' harus berupa tabel, misalnya [keys.list]", "'keys' must be a table, such as [keys.list]")])
        }
        let contextNames = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
        for contextName in TOMLKeyOrder.sorted(table.keys, table: "keys", order: order) {
            let section = "[keys.\(contextName)]"
            guard let context = KeyContext(rawValue: contextName) else {
                warnings.append("\(file): \(section): " + tr("konteks tidak dikenal (pilih \(contextNames))", "unknown context (choose \(contextNames))"))
                continue
            }
            guard let bindings = table[contextName]?.table else {
                warnings.append("\(file): \(section) " + tr("harus berupa tabel tombol = \"perintah\"", "must be a table of key = \"command\""))
                continue
            }
            for keyName in TOMLKeyOrder.sorted(bindings.keys, table: "keys.\(contextName)", order: order) {
                switch binding(keyName, value: bindings[keyName]?.string, context: context, file: file, language: language) {
                case .success(let change): changes.append(change)
                case .failure(let warning): warnings.append(warning.text)
                }
            }
        }
        return (changes, warnings)
    }

    /// A warning about one binding (an `Error` only to travel in a `Result`).
    struct Warning: Error { var text: String }

    /// One binding, `"keyName" = value` in `[keys.CONTEXT]`, checked: the change, or the warning.
    static func binding(
        _ keyName: String, value: String?, context: KeyContext, file: String, language: Language
    ) -> Result<KeyBindingChange, Warning> {
        let tr = language.pick
        // Built only for a warning: most bindings have none.
        var here: String { "\(file): [keys.\(context.rawValue)] \"\(keyName)\"" }
        guard let sequence = KeySequence.parse(keyName) else {
            return .failure(Warning(text: "\(here): " + tr("nama tombol tidak dikenal", "unknown key name") + " '\(KeySequence.unknownName(in: keyName) ?? keyName)'"))
        }
        guard let value else {
            return .failure(Warning(text: "\(here): " + tr("nilainya harus berupa perintah dalam tanda kutip, misalnya \"move-down\"",
                                                             "the value must be a command in quotes, such as \"move-down\"")))
        }
        switch command(value, context: context) {
        case .success(let invocation): return .success(KeyBindingChange(context: context, keys: sequence, invocation: invocation))
        case .failure(let problem): return .failure(Warning(text: "\(here): \(problem.describe(in: language))"))
        }
    }

    /// A binding's value: `none`/`""` unbinds; prompt editing commands belong in `[keys.prompt]`.
    private static func command(_ value: String, context: KeyContext) -> Result<CommandInvocation?, CommandLineError> {
        // Spaces and tabs, trimmed by hand: `trimmingCharacters(in: .whitespaces)` costs 15 k
        // instructions a call on Linux, and building strings from reversed Characters 9 k: 2 M
        // of every start for the default keymap's 139 bindings. (`.whitespaces`: a tab or a
        // space separator.)
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = value.unicodeScalars
        let trimmed: String
        if let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) {
            trimmed = first == scalars.startIndex && last == scalars.index(before: scalars.endIndex)
                ? value : String(scalars[first...last])
        } else {
            trimmed = ""
        }
        if trimmed.isEmpty || trimmed == "none" { return .success(nil) }
        return CommandLineParser.parse(trimmed, allowingPromptCommands: context == .prompt).map { $0 }
    }

    /// The fast path for a document of `[keys.CONTEXT]` headers and `"key" = "command"` lines
    /// only (comments and blank lines between), such as the default keymap, read in one pass over
    /// its lines without TOMLKit: parsing it as TOML and scanning it again for the keys' order
    /// was 4.5 M instructions of every start. nil for anything else (another table, a bare or
    /// escaped key, a value not a plain string, a table or key written twice): the caller then
    /// reads the document as TOML, which gives the right errors. A test checks both paths give
    /// the same bindings for the default keymap.
    static func parseFlat(_ source: String, file: String, language: Language = .id) -> (changes: [KeyBindingChange], warnings: [String])? {
        // Over the UTF-8 bytes: Character by Character, the same reading cost 4 M instructions.
        let bytes = Array(source.utf8)
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, quote: UInt8 = 0x22, newline: UInt8 = 0x0A
        func skipSpaces(_ index: inout Int, _ end: Int) {
            while index < end, bytes[index] == space || bytes[index] == tab { index += 1 }
        }
        /// `"text"` at `index` (no escapes, no control characters): the text; `index` after it.
        func quoted(_ index: inout Int, _ end: Int) -> String? {
            guard index < end, bytes[index] == quote else { return nil }
            var close = index + 1
            while close < end, bytes[close] != quote {
                if bytes[close] == 0x5C || bytes[close] < space || bytes[close] == 0x7F { return nil }
                close += 1
            }
            guard close < end else { return nil }
            defer { index = close + 1 }
            return String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
        }
        var changes: [KeyBindingChange] = []
        var warnings: [String] = []
        var context: KeyContext?
        var seenContexts: Set<KeyContext> = []
        var seenKeys: Set<String> = []
        var lineStart = 0
        while lineStart <= bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != newline { end += 1 }
            defer { lineStart = end + 1 }
            var index = lineStart
            skipSpaces(&index, end)
            guard index < end, bytes[index] != UInt8(ascii: "#") else { continue }
            if bytes[index] == UInt8(ascii: "[") {
                let header = Array("[keys.".utf8)
                guard end - index > header.count, Array(bytes[index..<(index + header.count)]) == header,
                      let close = bytes[index..<end].firstIndex(of: UInt8(ascii: "]"))
                else { return nil }
                var after = close + 1
                skipSpaces(&after, end)
                guard after == end,
                      let found = KeyContext(rawValue: String(decoding: bytes[(index + header.count)..<close], as: UTF8.self)),
                      seenContexts.insert(found).inserted
                else { return nil }
                context = found
                seenKeys = []
                continue
            }
            guard let context, let key = quoted(&index, end) else { return nil }
            skipSpaces(&index, end)
            guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpaces(&index, end)
            guard let value = quoted(&index, end) else { return nil }
            skipSpaces(&index, end)
            guard index == end || bytes[index] == UInt8(ascii: "#"), seenKeys.insert(key).inserted else { return nil }
            switch binding(key, value: value, context: context, file: file, language: language) {
            case .success(let change): changes.append(change)
            case .failure(let warning): warnings.append(warning.text)
            }
        }
        return (changes, warnings)
    }
}
