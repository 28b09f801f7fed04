/// Finds picture captions: a page prints each caption twice (the image's alt text, then its
/// visible caption), and the copies differ at most in white space.
enum CaptionMatcher {
    /// Splits `caption (credit)` at the parenthesis that opens the final, balanced `( … )`.
    /// `nil` when the text does not end in a credit or either part would be empty.
    static func split(_ text: String) -> ImageCaption? {
        // On the bytes: `(` and `)` are ASCII, never part of another scalar's bytes, so the
        // scalars' depth count is the bytes' (over the scalars, walking back through
        // `unicodeScalars`, it cost some 5 k instructions a caption).
        var copy = text
        return copy.withUTF8 { bytes -> ImageCaption? in
            guard bytes.last == 0x29 else { return nil }
            var depth = 0
            var index = bytes.count
            while index > 0 {
                index -= 1
                switch bytes[index] {
                case 0x29: depth += 1
                case 0x28:
                    depth -= 1
                    if depth == 0 {
                        let caption = String.trimmingSpaces(bytes, from: 0, to: index)
                        let credit = String.trimmingSpaces(bytes, from: index + 1, to: bytes.count - 1)
                        guard !caption.isEmpty, !credit.isEmpty else { return nil }
                        return ImageCaption(caption: caption, credit: credit)
                    }
                default: break
                }
            }
            return nil
        }
    }

    /// `split` over the scalars, as it was: what it must equal (tests).
    static func splitByScalars(_ text: String) -> ImageCaption? {
        let scalars = text.unicodeScalars
        guard scalars.last == ")" else { return nil }
        var depth = 0
        var index = scalars.endIndex
        while index > scalars.startIndex {
            index = scalars.index(before: index)
            switch scalars[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 {
                    let caption = String(Substring(scalars[..<index])).trimmingSpaces
                    let inner = scalars[scalars.index(after: index)..<scalars.index(before: scalars.endIndex)]
                    let credit = String(Substring(inner)).trimmingSpaces
                    guard !caption.isEmpty, !credit.isEmpty else { return nil }
                    return ImageCaption(caption: caption, credit: credit)
                }
            default: break
            }
        }
        return nil
    }

    /// `text.hasSuffix(")")`, answered from the last two bytes when they tell: no `)` last, or
    /// an ASCII byte before it (then `)` is a character of its own). Otherwise, as after a
    /// prepended mark that joins the `)` into one character, `hasSuffix` decides.
    static func endsWithClosingParenthesis(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.last == 0x29 else { return false }
        let before = bytes.dropLast().last
        if before == nil || before! < 0x80 { return true }
        return text.hasSuffix(")")
    }

    /// A caption printed twice on consecutive lines (one blank line between is allowed),
    /// starting at `start`. Returns the caption and the index of the line after the copy.
    ///
    /// - Parameter requireCredit: inside the article only a line ending in a credit is a
    ///   caption; right under the title the duplication alone is evidence enough.
    static func pair(in lines: [CaptureLine], at start: Int, requireCredit: Bool) -> (ImageCaption, next: Int)? {
        let first = lines[start]
        guard !first.isBlank else { return nil }
        if requireCredit && !endsWithClosingParenthesis(first.text) { return nil }
        guard first.hasWordCharacters else { return nil }
        var copy = start + 1
        if copy < lines.count, lines[copy].isBlank { copy += 1 }
        guard copy < lines.count, !lines[copy].isBlank, first.text.equalsIgnoringSpaces(lines[copy].text) else {
            return nil
        }
        // Keep the copy with more spaces: where they differ, it keeps words apart.
        let text = lines[copy].text.utf8.count > first.text.utf8.count ? lines[copy].text : first.text
        if let caption = split(text) { return (caption, copy + 1) }
        return requireCredit ? nil : (ImageCaption(caption: text), copy + 1)
    }

    /// A caption that a text-mode browser wrapped over several lines, printed twice: a run
    /// whose first half and second half are the same text, ending in a credit.
    static func wrappedPair(_ run: ArraySlice<CaptureLine>) -> ImageCaption? {
        guard run.count >= 4, run.count % 2 == 0 else { return nil }
        let middle = run.startIndex + run.count / 2
        guard endsWithClosingParenthesis(run[middle - 1].text) else { return nil }
        let first = run[..<middle].map(\.text).joined(separator: " ")
        let second = run[middle...].map(\.text).joined(separator: " ")
        guard first.equalsIgnoringSpaces(second) else { return nil }
        return split(first)
    }
}
