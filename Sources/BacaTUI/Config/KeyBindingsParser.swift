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
                let here = "\(file): \(section) \"\(keyName)\""
                guard let sequence = KeySequence.parse(keyName) else {
                    warnings.append("\(here): " + tr("nama tombol tidak dikenal", "unknown key name") + " '\(KeySequence.unknownName(in: keyName) ?? keyName)'")
                    continue
                }
                guard let value = bindings[keyName]?.string else {
                    warnings.append("\(here): " + tr("nilainya harus berupa perintah dalam tanda kutip, misalnya \"move-down\"",
                                                      "the value must be a command in quotes, such as \"move-down\""))
                    continue
                }
                switch command(value, context: context) {
                case .success(let invocation):
                    changes.append(KeyBindingChange(context: context, keys: sequence, invocation: invocation))
                case .failure(let problem):
                    warnings.append("\(here): \(problem.describe(in: language))")
                }
            }
        }
        return (changes, warnings)
    }

    /// A binding's value: `none`/`""` unbinds; prompt editing commands belong in `[keys.prompt]`.
    private static func command(_ value: String, context: KeyContext) -> Result<CommandInvocation?, CommandLineError> {
        // Spaces and tabs, trimmed by hand: `trimmingCharacters(in: .whitespaces)` costs 15 k
        // instructions a call on Linux, 2 M of every start for the default keymap's 138 bindings.
        // (`.whitespaces`: a tab or a space separator.)
        func isSpace(_ character: Character) -> Bool {
            character == " " || character.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        let trimmed = String(String(value.drop(while: isSpace).reversed()).drop(while: isSpace).reversed())
        if trimmed.isEmpty || trimmed == "none" { return .success(nil) }
        return CommandLineParser.parse(trimmed, allowingPromptCommands: context == .prompt).map { $0 }
    }
}
