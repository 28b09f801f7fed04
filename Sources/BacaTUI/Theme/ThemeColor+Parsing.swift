import Foundation

// MARK: - Colour names

extension ThemeColor {
    /// The names of the 16 ANSI colours, by number. `gray` and `grey` also name 8.
    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Reads a colour as a theme writes it:
    ///
    /// - `default` (or `reset`): the terminal's own colour;
    /// - an ANSI name: `black`, `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`,
    ///   `gray`/`grey`/`bright-black`, `bright-red` … `bright-white` (case and `_` for `-` do not matter);
    /// - a palette number, `0` … `255`;
    /// - `#rrggbb` (or the short `#rgb`).
    ///
    /// Returns nil for anything else.
    public init?(parsing text: String) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-")
        if name.hasPrefix("#") {
            guard let rgb = Self.parseHex(name.dropFirst()) else { return nil }
            self = rgb
        } else if let number = Int(name) {
            guard (0...255).contains(number) else { return nil }
            self = .palette(number)
        } else if name == "default" || name == "reset" {
            self = .terminalDefault
        } else if name == "gray" || name == "grey" {
            self = .ansi(8)
        } else if let index = Self.ansiNames.firstIndex(of: name) {
            self = .ansi(index)
        } else {
            return nil
        }
    }

    private static func parseHex(_ digits: Substring) -> ThemeColor? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let values = digits.compactMap { $0.hexDigitValue }
        switch values.count {
        case 6:
            return .rgb(red: values[0] * 16 + values[1], green: values[2] * 16 + values[3], blue: values[4] * 16 + values[5])
        case 3:
            return .rgb(red: values[0] * 17, green: values[1] * 17, blue: values[2] * 17)
        default:
            return nil
        }
    }

    /// The colour as a theme file would write it (`default`, `bright-red`, `208`, `#ff8700`).
    public var themeText: String {
        switch self {
        case .terminalDefault: return "default"
        case .ansi(let index): return Self.ansiNames.indices.contains(index) ? Self.ansiNames[index] : "\(index)"
        case .palette(let index): return "\(index)"
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { value in
                let hex = String(min(max(value, 0), 255), radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
        }
    }
}
