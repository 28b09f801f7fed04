import Testing
@testable import BacaCore

/// The stemmer looks for a prefix only in the groups that can match the word's first letter
/// (`PrefixRules.firstLetters`); the outcome must be what all 40 groups give.
@Suite("Prefix rules by first letter")
struct PrefixRuleTests {
    /// Every root word, and every root word behind each prefix's letters: the words a stemmer
    /// meets, with every first letter.
    private var words: [[UInt8]] {
        let roots = RootWords.list.split(separator: "\n").map { Array($0.utf8) }
        let prefixes = ["ber", "be", "ter", "te", "mem", "men", "meng", "meny", "me", "pem", "pen", "peng", "peny",
                        "per", "pe", "ku", "kau", "di", "ke", "se"].map { Array($0.utf8) }
        return roots + prefixes.flatMap { prefix in roots.enumerated().filter { $0.offset % 7 == 0 }.map { prefix + $0.element } }
    }

    @Test("a group left out for a word's first letter has no rule that matches the word")
    func leftOutGroupsNeverMatch() {
        #expect(PrefixRules.firstLetters.count == PrefixRules.groups.count)
        var checked = 0
        for word in words {
            guard let first = word.first else { continue }
            for (group, letters) in zip(PrefixRules.groups, PrefixRules.firstLetters) where !letters.utf8.contains(first) {
                for rule in group {
                    #expect(rule(word) == nil, "\(String(decoding: word, as: UTF8.self))")
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000_000)
    }

    @Test("the groups for a letter keep their order")
    func order() {
        let forM = PrefixRules.groups(startingWith: UInt8(ascii: "m"))
        // 10 me- groups and the 4 infixes, the me- groups first.
        #expect(forM.count == 14)
        #expect(PrefixRules.groups(startingWith: UInt8(ascii: "a")).isEmpty)
        #expect(PrefixRules.groups(startingWith: UInt8(ascii: "-")).isEmpty)
        #expect(forM.first?.first?(Array("merawat".utf8)) == Array("rawat".utf8))
    }
}
