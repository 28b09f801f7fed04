// MARK: - Prefix rules

/// The prefix rules of Confix Stripping (Asian 2007) with the ECS and Sastrawi additions, in
/// their order. A group holds the readings of one prefix shape: the stemmer keeps the reading
/// that is a root (see `StemmerPreferences` when several are), else the last one.
///
/// Each rule reads a lower-case a–z word and returns what is left without the prefix, or nil.
enum PrefixRules {
    typealias Rule = @Sendable ([UInt8]) -> [UInt8]?

    /// di-, ke-, se-.
    static func plain(_ w: [UInt8]) -> [UInt8]? {
        w.starts(with: "di".utf8) || w.starts(with: "ke".utf8) || w.starts(with: "se".utf8) ? tail(w, 2) : nil
    }

    static let groups: [[Rule]] = [
        // 1: ber-V → V | rV
        [{ begins($0, "ber") && vowel($0, 3) ? tail($0, 3) : nil },
         { begins($0, "ber") && vowel($0, 3) ? r + tail($0, 3) : nil }],
        // 2: ber-CAP, P ≠ er…
        [{ begins($0, "ber") && consonant($0, 3) && letter($0, 4) && !begins(tail($0, 5), "er") ? tail($0, 3) : nil }],
        // 3: ber-CAerV, C ≠ r
        [{ begins($0, "ber") && consonant($0, 3) && letter($0, 4) && at($0, 5, "e") && at($0, 6, "r") && vowel($0, 7)
            && !at($0, 3, "r") ? tail($0, 3) : nil }],
        // 4: belajar
        [{ $0 == Array("belajar".utf8) ? Array("ajar".utf8) : nil }],
        // 5: be-C1erC2, C1 ≠ r
        [{ begins($0, "be") && consonantNotR($0, 2) && at($0, 3, "e") && at($0, 4, "r") && consonant($0, 5) ? tail($0, 2) : nil }],
        // 6: ter-V → V | rV
        [{ begins($0, "ter") && vowel($0, 3) ? tail($0, 3) : nil },
         { begins($0, "ter") && vowel($0, 3) ? r + tail($0, 3) : nil }],
        // 7: ter-CerV, C ≠ r
        [{ begins($0, "ter") && consonant($0, 3) && at($0, 4, "e") && at($0, 5, "r") && vowel($0, 6) && !at($0, 3, "r")
            ? tail($0, 3) : nil }],
        // 8: ter-CP, C ≠ r, P ≠ er…
        [{ begins($0, "ter") && consonant($0, 3) && !at($0, 3, "r") && !begins(tail($0, 4), "er") ? tail($0, 3) : nil }],
        // 9: te-C1erC2, C1 ≠ r
        [{ begins($0, "te") && consonant($0, 2) && at($0, 3, "e") && at($0, 4, "r") && consonant($0, 5) && !at($0, 2, "r")
            ? tail($0, 2) : nil }],
        // 10: me-{l,r,w,y}V
        [{ begins($0, "me") && oneOf($0, 2, "lrwy") && vowel($0, 3) ? tail($0, 2) : nil }],
        // 11: mem-{b,f,v}
        [{ begins($0, "mem") && oneOf($0, 3, "bfv") ? tail($0, 3) : nil }],
        // 12: mempe- → pe-
        [{ begins($0, "mempe") ? tail($0, 3) : nil }],
        // 13: mem-V → mV | pV
        [{ begins($0, "mem") && vowel($0, 3) ? tail($0, 2) : nil },
         { begins($0, "mem") && vowel($0, 3) ? p + tail($0, 3) : nil }],
        // 14: men-{c,d,j,s,t,z}
        [{ begins($0, "men") && oneOf($0, 3, "cdjstz") ? tail($0, 3) : nil }],
        // 15: men-V → nV | tV
        [{ begins($0, "men") && vowel($0, 3) ? tail($0, 2) : nil },
         { begins($0, "men") && vowel($0, 3) ? t + tail($0, 3) : nil }],
        // 16: meng-{g,h,q,k}
        [{ begins($0, "meng") && oneOf($0, 4, "ghqk") ? tail($0, 4) : nil }],
        // 17: meng-V → V | kV; menge- → …; meng-V → ngV
        [{ begins($0, "meng") && vowel($0, 4) ? tail($0, 4) : nil },
         { begins($0, "meng") && vowel($0, 4) ? k + tail($0, 4) : nil },
         { begins($0, "menge") ? tail($0, 5) : nil },
         { begins($0, "meng") && vowel($0, 4) ? tail($0, 2) : nil }],
        // 18: meny-V → nyV | sV
        [{ begins($0, "meny") && vowel($0, 4) ? tail($0, 2) : nil },
         { begins($0, "meny") && vowel($0, 4) ? s + tail($0, 4) : nil }],
        // 19: memp-X, X ≠ e, n → pX
        [{ begins($0, "memp") && letter($0, 4) && !oneOf($0, 4, "en") ? tail($0, 3) : nil }],
        // 20: pe-{w,y}V
        [{ begins($0, "pe") && oneOf($0, 2, "wy") && vowel($0, 3) ? tail($0, 2) : nil }],
        // 21: per-V → V | rV
        [{ begins($0, "per") && vowel($0, 3) ? tail($0, 3) : nil },
         { begins($0, "per") && vowel($0, 3) ? tail($0, 2) : nil }],
        // 23: per-CAP, P ≠ er…
        [{ begins($0, "per") && consonant($0, 3) && letter($0, 4) && !begins(tail($0, 5), "er") ? tail($0, 3) : nil }],
        // 24: per-CAerV, C ≠ r
        [{ begins($0, "per") && consonant($0, 3) && letter($0, 4) && at($0, 5, "e") && at($0, 6, "r") && vowel($0, 7)
            && !at($0, 3, "r") ? tail($0, 3) : nil }],
        // 25: pem-{b,f,v}
        [{ begins($0, "pem") && oneOf($0, 3, "bfv") ? tail($0, 3) : nil }],
        // 26: pem-V → mV | pV
        [{ begins($0, "pem") && vowel($0, 3) ? tail($0, 2) : nil },
         { begins($0, "pem") && vowel($0, 3) ? p + tail($0, 3) : nil }],
        // 27: pen-{c,d,j,z}
        [{ begins($0, "pen") && oneOf($0, 3, "cdjz") ? tail($0, 3) : nil }],
        // 28: pen-V → nV | tV
        [{ begins($0, "pen") && vowel($0, 3) ? tail($0, 2) : nil },
         { begins($0, "pen") && vowel($0, 3) ? t + tail($0, 3) : nil }],
        // 29: peng-C
        [{ begins($0, "peng") && consonant($0, 4) ? tail($0, 4) : nil }],
        // 30: peng-V → V | kV; penge- → …
        [{ begins($0, "peng") && vowel($0, 4) ? tail($0, 4) : nil },
         { begins($0, "peng") && vowel($0, 4) ? k + tail($0, 4) : nil },
         { begins($0, "penge") ? tail($0, 5) : nil }],
        // 31: peny-V → nyV | sV
        [{ begins($0, "peny") && vowel($0, 4) ? tail($0, 2) : nil },
         { begins($0, "peny") && vowel($0, 4) ? s + tail($0, 4) : nil }],
        // 32: pelajar; pe-lV
        [{ $0 == Array("pelajar".utf8) ? Array("ajar".utf8)
            : begins($0, "pe") && at($0, 2, "l") && vowel($0, 3) ? tail($0, 2) : nil }],
        // 34: pe-CP, P ≠ er…
        [{ begins($0, "pe") && consonant($0, 2) && !begins(tail($0, 3), "er") ? tail($0, 2) : nil }],
        // 35: ter-C1erC2, C1 ∉ {l, m, n, r, w, y}
        [{ begins($0, "ter") && oneOf($0, 3, "bcdfghjkpqstvxz") && at($0, 4, "e") && at($0, 5, "r") && consonant($0, 6)
            ? tail($0, 3) : nil }],
        // 36: pe-C1erC2, C1 ∉ {l, m, n, r, w, y}
        [{ begins($0, "pe") && oneOf($0, 2, "bcdfghjkpqstvxz") && at($0, 3, "e") && at($0, 4, "r") && consonant($0, 5)
            ? tail($0, 2) : nil }],
        // 37–40: the infixes -er-, -el-, -em-, -in-
        infix("er"), infix("el"), infix("em"), infix("in"),
        // 41, 42: ku-, kau-
        [{ begins($0, "ku") ? tail($0, 2) : nil }],
        [{ begins($0, "kau") ? tail($0, 3) : nil }],
    ]

    /// The first letters a word of each group in `groups` (same order) must start with for
    /// any of its rules to match: its prefix's first letter, or any consonant for the infixes.
    static let firstLetters: [String] = {
        let consonants = "bcdfghjklmnpqrstvwxyz"
        return Array(repeating: "b", count: 5) + Array(repeating: "t", count: 4) + Array(repeating: "m", count: 10)
            + Array(repeating: "p", count: 13) + ["t", "p"] + Array(repeating: consonants, count: 4) + ["k", "k"]
    }()

    /// The groups, in their order, that can match a word starting with `letter` (`firstLetters`):
    /// a prefix is looked for in 40 groups otherwise, ~10 k instructions a new word the index
    /// meets. Every other group gives nothing for such a word, so the outcome is the same
    /// (`PrefixRuleTests`).
    static func groups(startingWith letter: UInt8) -> [[Rule]] {
        letter >= 0x61 && letter <= 0x7A ? groupsByFirstLetter[Int(letter - 0x61)] : []
    }

    private static let groupsByFirstLetter: [[[Rule]]] = {
        precondition(firstLetters.count == groups.count, "a first-letter set for every prefix group")
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).map { letter in
            zip(groups, firstLetters).filter { $0.1.utf8.contains(letter) }.map(\.0)
        }
    }()

    /// C-xV… → C-xV… (as it is) | CV… (the infix taken out).
    private static func infix(_ letters: String) -> [Rule] {
        let infix = Array(letters.utf8)
        @Sendable func matches(_ w: [UInt8]) -> Bool {
            consonant(w, 0) && w.count > 3 && w[1] == infix[0] && w[2] == infix[1] && vowel(w, 3)
        }
        return [{ matches($0) ? $0 : nil },
                { matches($0) ? [$0[0]] + tail($0, 3) : nil }]
    }

    // MARK: Reading bytes

    private static let r = [UInt8(ascii: "r")]
    private static let p = [UInt8(ascii: "p")]
    private static let t = [UInt8(ascii: "t")]
    private static let k = [UInt8(ascii: "k")]
    private static let s = [UInt8(ascii: "s")]

    @inline(__always) static func tail(_ w: [UInt8], _ index: Int) -> [UInt8] {
        index < w.count ? Array(w[index...]) : []
    }

    @inline(__always) static func begins(_ w: [UInt8], _ prefix: String) -> Bool {
        w.starts(with: prefix.utf8)
    }

    @inline(__always) static func at(_ w: [UInt8], _ index: Int, _ letter: Unicode.Scalar) -> Bool {
        index < w.count && w[index] == UInt8(letter.value)
    }

    @inline(__always) static func oneOf(_ w: [UInt8], _ index: Int, _ letters: String) -> Bool {
        index < w.count && letters.utf8.contains(w[index])
    }

    @inline(__always) static func letter(_ w: [UInt8], _ index: Int) -> Bool {
        index < w.count && w[index] >= 0x61 && w[index] <= 0x7A
    }

    @inline(__always) static func vowel(_ w: [UInt8], _ index: Int) -> Bool {
        index < w.count && isVowel(w[index])
    }

    @inline(__always) static func consonant(_ w: [UInt8], _ index: Int) -> Bool {
        letter(w, index) && !isVowel(w[index])
    }

    @inline(__always) static func consonantNotR(_ w: [UInt8], _ index: Int) -> Bool {
        consonant(w, index) && w[index] != UInt8(ascii: "r")
    }

    @inline(__always) static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return true  // a e i o u
        default: return false
        }
    }
}
