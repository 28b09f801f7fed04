#if !BACA_FUZZ  // fuzz.sh compiles this file with BacaCore's sources in one module
import BacaCore
#endif
import Foundation

// MARK: - The forms of a query word

/// What a query word asks the stemmed index for besides itself (see `StemmingTokenizer`).
enum WordForms {
    /// The index terms that find the other forms of `text`'s root, or none:
    /// - a derived word (`kebanjiran`): its root as a word and marked: `banjir`, `⟨mark⟩banjir`;
    /// - a root (`banjir`): the marked root, which the derived forms carry;
    /// - a reduplication (`anak-anak`, `bermain-main`): its root as a word and marked;
    /// - anything else (English words, names, numbers, several words): nothing.
    static func indexTerms(for text: String) -> [String] {
        guard expands else { return [] }
        let folded = TextFolding.fold(text)
        let word = String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "-" })
        guard word == folded.trimmingPunctuation, !word.isEmpty else { return [] }
        let root = stemmer.stem(word)
        let marked = StemmedIndex.marker + root
        if root != word { return [root, marked] }
        return !word.contains("-") && word.utf8.count > 3 && RootWords.shared.contains(word) ? [marked] : []
    }

    private static let stemmer = IndonesianStemmer()

    /// False under `BACA_INDEX_ROOTS=0`, the benchmark's "without stemming" (see
    /// `StemmingTokenizer.addsRoots`): queries as typed only.
    private static let expands = ProcessInfo.processInfo.environment["BACA_INDEX_ROOTS"] != "0"
}

private extension String {
    /// Without the punctuation around it (`banjir,` → `banjir`), which the tokenizer drops too.
    var trimmingPunctuation: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
              let last = scalars.lastIndex(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return "" }
        return String(scalars[first...last])
    }
}
