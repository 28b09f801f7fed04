import Foundation

/// A title for an item that has none: the first sentence of its text, cut at a word when long.
enum DerivedTitle {
    /// The longest a derived title gets, in characters, before it is cut with `…`.
    static let maximumLength = 90

    static func make(from paragraphs: [String]) -> String? {
        guard let text = paragraphs.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        return shortened(firstSentence(of: text))
    }

    /// `https://social.test/@ana/1134` → `social.test/@ana/1134`.
    static func make(from link: URL) -> String {
        let text = (link.host ?? "") + link.path
        return shortened(text.hasSuffix("/") ? String(text.dropLast()) : text)
    }

    /// Up to the first `.`, `!`, `?` or `…` followed by a space, the stop kept: `Banjir
    /// surut. Warga pulang.` → `Banjir surut.` A stop after a single letter or digit
    /// (`J. Doe`, `1.`) does not end the sentence.
    static func firstSentence(of text: String) -> String {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if ".!?…".contains(character), index + 1 < characters.count, characters[index + 1].isWhitespace,
               index >= 2, characters[index - 1].isLetter || characters[index - 1].isNumber || !".".contains(character),
               !(character == "." && (index < 2 || characters[index - 2].isWhitespace)) {
                return String(characters[...index])
            }
            index += 1
        }
        return String(characters)
    }

    static func shortened(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        let cut = text.prefix(maximumLength)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–—")) + "…"
    }
}
