#if !BACA_FUZZ  // fuzz.sh compiles this file with BacaCore's sources in one module
import BacaCore
#endif

// MARK: - Marked roots

/// How roots are told apart from words in the index.
public enum StemmedIndex {
    /// Put before a root in the index: U+E000, a private-use character, which unicode61 keeps
    /// inside a token and no text uses. A query asks for `"⟨mark⟩root"` to find derived forms.
    public static let marker = "\u{E000}"
    static let markerBytes: [UInt8] = Array(marker.utf8)

    /// The marked root of a lower-case, diacritic-free word, or nil when the word is its own
    /// root or has none.
    static func markedRoot(of word: [UInt8], stemmer: IndonesianStemmer) -> [UInt8]? {
        guard word.count > 3, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let root = stemmer.stem(bytes: word)
        return root == word ? nil : markerBytes + root
    }
}
