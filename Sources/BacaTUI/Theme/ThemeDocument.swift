import BacaCore
import TOMLKit

/// One theme file as written, before inheritance and palette names are resolved.
///
/// The format (documented for users at the top of `themes/default.toml`):
///
/// ```toml
/// inherits = "dark"          # optional: start from another theme
/// monochrome = true          # optional: attributes only, every colour dropped
/// "list.focus" = { fg = "black", bg = "#ffd75f", modifiers = ["bold"] }
/// "reader.meta" = "gray"     # a plain string is the foreground
/// [palette]                  # optional, last: names for colours used above
/// gold = "#ffd75f"
/// ```
struct ThemeDocument: Sendable {
    /// A style as written: colours still as text (a palette name or a colour), modifiers read.
    struct StyleSpec: Sendable, Equatable {
        var foreground: String?
        var background: String?
        /// Only the attributes (`bold` … `reverse`) are used; colours are left nil here.
        var modifiers = TextStyle()
        /// The file that wrote this style, for errors found while resolving colours.
        var file: String
    }

    var name: String
    /// The file as shown in messages.
    var file: String
    /// The file on disk; nil for the compiled-in default.
    var path: String?
    var inherits: String?
    var monochrome: Bool?
    var palette: [String: ThemeColor] = [:]
    var styles: [StyleName: StyleSpec] = [:]

    /// Keys at the top of a theme file that are not style names.
    static let reservedKeys: Set<String> = ["inherits", "monochrome", "palette"]
    /// Sets the attribute a word of `modifiers = [...]` names (helix's `underlined` and
    /// `reversed` are accepted too); false for an unknown word.
    static func setModifier(_ word: String, on style: inout TextStyle) -> Bool {
        switch word.lowercased() {
        case "bold": style.bold = true
        case "dim": style.dim = true
        case "italic": style.italic = true
        case "underline", "underlined": style.underline = true
        case "reverse", "reversed": style.reverse = true
        default: return false
        }
        return true
    }

    // MARK: Parsing

    /// Reads a theme from TOML text; throws an error that names `file` and the key or line.
    static func parse(_ source: String, name: String, file: String, path: String?, language: Language = .id) throws(ThemeError) -> ThemeDocument {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch {
            throw ThemeError(file: file, message: TOMLErrorText.message(for: error, language: language))
        }

        var document = ThemeDocument(name: name, file: file, path: path)
        func fail(_ message: String) -> ThemeError { ThemeError(file: file, message: message) }

        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "inherits":
                guard let parent = value.string, !parent.isEmpty else {
                    throw fail(language.say(.themeInheritsNotName))
                }
                document.inherits = parent
            case "monochrome":
                guard let flag = value.bool else { throw fail(language.say(.themeMonochromeNotBool)) }
                document.monochrome = flag
            case "palette":
                guard let palette = value.table else { throw fail(language.say(.themePaletteNotTable)) }
                for colorName in palette.keys {
                    guard let entry = palette[colorName], let text = colorText(entry),
                        let color = ThemeColor(parsing: text)
                    else {
                        throw fail(language.say(.themePaletteNotColor(name: colorName, value: describe(palette[colorName]))))
                    }
                    document.palette[colorName] = color
                }
            default:
                document.styles[StyleName(key)] = try parseStyle(value, styleName: key, file: file, language: language)
            }
        }
        return document
    }

    /// A style value: a colour string (the foreground), or a table of `fg`, `bg` and `modifiers`.
    static func parseStyle(
        _ value: TOMLValueConvertible, styleName: String, file: String, language: Language = .id
    ) throws(ThemeError) -> StyleSpec {
        func fail(_ message: String) -> ThemeError { ThemeError(file: file, message: message) }
        var spec = StyleSpec(file: file)
        if let text = colorText(value) {
            spec.foreground = text
            return spec
        }
        guard let table = value.table else {
            throw fail(language.say(.themeStyleNotColorOrTable(style: styleName, value: describe(value))))
        }
        for attribute in table.keys {
            guard let entry = table[attribute] else { continue }
            switch attribute {
            case "fg", "bg":
                guard let text = colorText(entry) else {
                    throw fail(language.say(.themeAttributeNotColor(attribute: attribute, style: styleName, value: describe(entry))))
                }
                if attribute == "fg" { spec.foreground = text } else { spec.background = text }
            case "modifiers":
                guard let list = entry.array else {
                    throw fail(language.say(.themeModifiersNotList(style: styleName)))
                }
                for item in list {
                    guard let word = item.string, setModifier(word, on: &spec.modifiers) else {
                        throw fail(language.say(.themeUnknownModifier(value: describe(item), style: styleName)))
                    }
                }
            default:
                var hint: Message.ThemeAttributeHint?
                var probe = TextStyle()
                if setModifier(attribute, on: &probe) {
                    hint = .modifier(attribute)
                } else if entry.table != nil || entry.string != nil {
                    hint = .dottedName("\(styleName).\(attribute)")
                }
                throw fail(language.say(.themeUnknownAttribute(attribute: attribute, style: styleName, hint: hint)))
            }
        }
        return spec
    }

    /// A colour as written: a string, or a bare palette number.
    private static func colorText(_ value: TOMLValueConvertible) -> String? {
        if let string = value.string { return string }
        if let number = value.int { return String(number) }
        return nil
    }

    /// A TOML value quoted for a message: `'purplish'`, `true`, `a table`.
    static func describe(_ value: TOMLValueConvertible?) -> String {
        guard let value else { return "kosong" }
        if let string = value.string { return "'\(string)'" }
        switch value.type {
        case .table: return "sebuah tabel"
        case .array: return "sebuah daftar"
        default: return value.debugDescription
        }
    }
}
