/// How much a reader would see of an element: its visible text's length (white space
/// collapsed), the part of it inside links, and its commas. Measured once per element and
/// kept, since scoring asks for the same element's measure many times.
public struct TextMeasure: Sendable, Equatable {
    /// Characters of the text with runs of white space counted as one.
    public var length = 0
    /// Of `length`, the characters inside `<a>` (in-page `#` links count for 30%).
    public var linkLength = 0
    /// Commas of any script (`,` `，` `、` `،`).
    public var commas = 0

    /// The share of the text that is links.
    public var linkDensity: Double { length == 0 ? 0 : min(1, Double(linkLength) / Double(length)) }

    static func + (a: TextMeasure, b: TextMeasure) -> TextMeasure {
        TextMeasure(length: a.length + b.length, linkLength: a.linkLength + b.linkLength, commas: a.commas + b.commas)
    }

    /// The measure of a run of text.
    static func of(_ text: String) -> TextMeasure {
        var measure = TextMeasure()
        var inSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}")
                : scalar.properties.isWhitespace
            if isSpace {
                if !inSpace { measure.length += 1 }
                inSpace = true
            } else {
                measure.length += 1
                inSpace = false
                switch scalar {
                case ",", "，", "、", "،", "﹐", "︐", "﹑": measure.commas += 1
                default: break
                }
            }
        }
        return measure
    }
}

extension HTMLElement {
    /// The element's measure, hidden and invisible descendants left out (kept after the first call).
    public var measure: TextMeasure {
        if let cachedMeasure { return cachedMeasure }
        var total = TextMeasure()
        for child in children {
            switch child {
            case .text(let text): total = total + TextMeasure.of(text)
            case .element(let inner):
                if HTMLText.invisibleElements.contains(inner.name) || HTMLText.isHidden(inner) { continue }
                var part = inner.measure
                if inner.name == "a" {
                    let inPage = (inner["href"] ?? "").hasPrefix("#")
                    part.linkLength = inPage ? Int(Double(part.length) * 0.3) : part.length
                }
                total = total + part
            }
        }
        cachedMeasure = total
        return total
    }
}
