import ArgumentParser
import BacaCore
import Foundation

/// `baca stem`: the root the search uses for each word (what a search for it also finds).
struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Show the root word a search uses for each word.",
        discussion: """
            A search for any form of a word finds the other forms of its root: mengunjungi, \
            berkunjung and kunjungan all have the root kunjung. Words with no root in the \
            dictionary (names, English words, numbers) are searched as they are.

            Examples:
              baca stem mengunjungi perasaan anak-anak
              cat words.txt | baca stem          (one word a line: prints "word<TAB>root")
            """)

    @Argument(help: "The words; with none, one word a line is read from standard input.")
    var words: [String] = []

    func run() throws {
        let stemmer = IndonesianStemmer()
        if !words.isEmpty {
            for word in words { print("\(word)\t\(stemmer.stem(word))") }
            return
        }
        while let line = readLine() {
            let word = line.trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else { continue }
            print("\(word)\t\(stemmer.stem(word))")
        }
    }
}
