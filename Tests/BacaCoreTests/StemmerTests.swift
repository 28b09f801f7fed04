import Testing
@testable import BacaCore

@Suite("Indonesian stemmer")
struct StemmerTests {
    let stemmer = IndonesianStemmer()

    @Test("prefixes, suffixes and confixes come off, with their sound changes", arguments: [
        ("kebanjiran", "banjir"), ("membanjiri", "banjir"), ("dibanjiri", "banjir"),
        ("kunjungan", "kunjung"), ("berkunjung", "kunjung"), ("mengunjungi", "kunjung"), ("pengunjung", "kunjung"),
        ("menyapu", "sapu"), ("menyampaikan", "sampai"),   // meny- → s-
        ("memukul", "pukul"), ("pemukul", "pukul"),        // mem- → p-
        ("pengirim", "kirim"), ("mengirimkan", "kirim"),   // peng- → k-
        ("menanam", "tanam"), ("penulis", "tulis"),        // men-/pen- → t-
        ("penyanyi", "nyanyi"), ("perasaan", "rasa"), ("pertanyaan", "tanya"),
        ("keberangkatan", "berangkat"), ("memperbaiki", "baik"), ("pelajaran", "ajar"), ("belajar", "ajar"),
        ("kerusakan", "rusak"), ("membedakan", "beda"), ("penolakan", "tolak"), ("beragam", "ragam"), ("pemadam", "padam"), ("pemetaan", "peta"),
        ("bukunya", "buku"), ("rumahku", "rumah"), ("dialah", "dia"),
    ])
    func roots(word: String, root: String) {
        #expect(stemmer.stem(word) == root)
    }

    @Test("reduplication: both halves with one root", arguments: [
        ("anak-anak", "anak"), ("bermain-main", "main"), ("buah-buahan", "buah"), ("Anak-Anak", "anak"),
        ("sayur-mayur", "sayur-mayur"),
    ])
    func reduplication(word: String, root: String) {
        #expect(stemmer.stem(word) == root)
    }

    @Test("words without a root pass unchanged, lower-cased", arguments: [
        "meeting", "international", "startup", "jakarta", "covid19", "kafé", "2024", "di", "asa", "rasa",
    ])
    func unchanged(word: String) {
        #expect(stemmer.stem(word) == word.lowercased())
    }

    @Test("unrelated words keep apart", arguments: [
        ("perasaan", "asa"), ("pengunjung", "unjung"), ("beragam", "agam"), ("pemadam", "madam"),
    ])
    func keepsApart(word: String, other: String) {
        #expect(stemmer.stem(word) != stemmer.stem(other))
    }

    @Test("the dictionary is the bundled list, read once")
    func dictionary() {
        #expect(RootWords.shared.count > 29_000)
        #expect(RootWords.shared.contains("kunjung"))
        #expect(!RootWords.shared.contains("kunjungan"))
    }

    @Test("a dictionary in any order, with repeats, finds the same words as a sorted one")
    func dictionaryInAnyOrder() {
        let sorted = RootWords(lines: "abu\nbanjir\nkopi\nkopi-kopi\n")
        let shuffled = RootWords(lines: "kopi\nbanjir\nkopi-kopi\nabu\nkopi\n")
        for dictionary in [sorted, shuffled] {
            #expect(dictionary.count == 4)
            #expect(["abu", "banjir", "kopi", "kopi-kopi"].allSatisfy { dictionary.contains($0) })
            #expect(!["ab", "abuk", "banjirr", "kop", "zebra", ""].contains { dictionary.contains($0) })
        }
    }
}

@Suite("Matching every form in a text")
struct WordFormMatcherTests {
    func matches(_ query: String, _ text: String) -> [String] {
        WordFormMatcher(query: query).ranges(in: text).map { String(text[$0]) }
    }

    @Test("a word matches its every form, as written")
    func everyForm() {
        let text = "Banjir datang lagi. Warga kebanjiran, air membanjiri jalan; banjirnya surut."
        #expect(matches("banjir", text) == ["Banjir", "kebanjiran", "membanjiri", "banjirnya"])
        #expect(matches("KEBANJIRAN", text) == ["Banjir", "kebanjiran", "membanjiri", "banjirnya"])
        #expect(matches("kunjung", "Kunjungan naik; pengunjung berkunjung.") == ["Kunjungan", "pengunjung", "berkunjung"])
    }

    @Test("phrases, prefixes and unrelated words")
    func phrasesAndPrefixes() {
        let text = "Rasa lega dan perasaan haru; asa tetap ada. Kafé Kopi buka."
        #expect(matches("perasaan", text) == ["Rasa", "perasaan"])
        #expect(matches("asa", text) == ["asa"])
        #expect(matches("\"lega dan\"", text) == ["lega dan"])
        #expect(matches("kaf*", text) == ["Kafé"])
        #expect(matches("kafe -kopi OR", text) == ["Kafé"])
        #expect(matches("", text).isEmpty)
        #expect(matches("meeting", "The meeting met.") == ["meeting"])
    }
}
