// MARK: - Indonesian stemmer

/// Reduces an Indonesian word to its root: *kebanjiran* → *banjir*, *mengunjungi* → *kunjung*,
/// *pertanyaan* → *tanya*, *anak-anak* → *anak*.
///
/// Nazief–Adriani with the refinements of Confix Stripping and Enhanced Confix Stripping (the
/// algorithm of Sastrawi, MIT, whose rule set this follows; see THIRD_PARTY.md): particles
/// (*-lah*, *-kah*), possessives (*-nya*, *-ku*), derivational suffixes (*-i*, *-kan*, *-an*),
/// then up to three prefixes with their morphophonemic rules (*meny-* → *s-*, *mem-* → *p-*,
/// *peng-* → *k-* …), every step checked against `RootWords`, so that a word is only cut down to
/// a root the dictionary knows. A word for which no root is found comes back unchanged (English
/// words, names, numbers), so the stemmer never merges words it does not understand.
///
/// Where a prefix rule has several readings that are all roots (*peng-* + vowel: the root starts
/// with the vowel or with *k-*), the reading a news text means far more often wins
/// (`StemmerPreferences`): *mengunjungi* is *kunjung*, not *unjung*; *perasaan* is *rasa*, not
/// *asa*. Hand-written: Sastrawi is Python/PHP/Java, and no Swift package does this.
public struct IndonesianStemmer: Sendable {
    let roots: RootWords

    /// A stemmer with baca's dictionary (parsed on first use).
    public init() { roots = .shared }

    public init(roots: RootWords) { self.roots = roots }

    /// The root of `word`, lower-cased; `word` lower-cased when it has none, or is not made of
    /// the letters a–z (and hyphens, for reduplication).
    public func stem(_ word: String) -> String {
        let lowered = word.lowercased()
        let bytes = Array(lowered.utf8)
        guard Self.isStemmable(bytes) else { return lowered }
        let result = stem(bytes: bytes)
        return result == bytes ? lowered : String(decoding: result, as: UTF8.self)
    }

    /// Whether `bytes` is a word the stemmer reads: a–z, hyphens inside.
    static func isStemmable(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != hyphen, last != hyphen else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == hyphen }
    }

    /// The root of a lower-case word of the letters a–z (hyphens allowed); the word when none.
    public func stem(bytes word: [UInt8]) -> [UInt8] {
        if word.contains(Self.hyphen) { return stemReduplicated(word) }
        return stemSingle(word)
    }

    /// `anak-anak` → `anak`, `bermain-main` → `main`, `buah-buahan` → `buah`; `sayur-mayur` (two
    /// roots) stays as it is. (Asian 2007, as Sastrawi does it.)
    func stemReduplicated(_ word: [UInt8]) -> [UInt8] {
        guard let dash = word.lastIndex(of: Self.hyphen) else { return stemSingle(word) }
        var first = Array(word[..<dash])
        var second = Array(word[(dash + 1)...])
        // malaikat-malaikat-nya: the suffix belongs to the second half.
        if Self.clitics.contains(second), let inner = first.lastIndex(of: Self.hyphen) {
            second = Array(first[(inner + 1)...]) + second
            first = Array(first[..<inner])
        }
        guard !first.isEmpty, !second.isEmpty, !first.contains(Self.hyphen) else { return word }
        let firstRoot = stemSingle(first)
        var secondRoot = stemSingle(second)
        // meniru-nirukan: the second half lost its prefix's sound.
        if !roots.contains(second), secondRoot == second {
            secondRoot = stemSingle(Array("me".utf8) + second)
        }
        return firstRoot == secondRoot ? firstRoot : word
    }

    /// One word without hyphens.
    func stemSingle(_ word: [UInt8]) -> [UInt8] {
        guard !word.isEmpty else { return word }
        var run = StemmingRun(word: word, roots: roots)
        let root = run.execute()
        // ke-…-an and pe-…-an on a root ending in k: kerusakan is rusak, not rusa + -kan (ke- and
        // pe- never take -kan; me-, di-, ber- do: membedakan is beda).
        if root != word, word.count > root.count + 3, word.suffix(3).elementsEqual("kan".utf8),
           word.starts(with: "ke".utf8) || word.starts(with: "pe".utf8),
           roots.contains(root + [UInt8(ascii: "k")]),
           word.dropLast(2).suffix(root.count + 1).elementsEqual(root + [UInt8(ascii: "k")]) {
            return root + [UInt8(ascii: "k")]
        }
        return root
    }

    static let hyphen = UInt8(ascii: "-")
    static let clitics: Set<[UInt8]> = Set(["ku", "mu", "nya", "lah", "kah", "tah", "pun"].map { Array($0.utf8) })
}

// MARK: - One word's stemming

/// What was cut off the word, and what it was before.
private struct Removal {
    enum Kind { case particle, possessive, derivationalSuffix, prefix }
    var subject: [UInt8]
    var result: [UInt8]
    var removed: [UInt8]
    var kind: Kind
    var isSuffix: Bool { kind != .prefix }
}

/// The state of stemming one word (Sastrawi's `Context`): the steps of Nazief–Adriani with the
/// ECS precedence adjustment and "loop pengembalian akhiran" (putting suffixes back).
private struct StemmingRun {
    let original: [UInt8]
    let roots: RootWords
    var current: [UInt8]
    var removals: [Removal] = []
    /// Set for words of three letters or less: each step then tries only its first visitor.
    var stopped = false

    init(word: [UInt8], roots: RootWords) {
        original = word
        current = word
        self.roots = roots
    }

    var isRoot: Bool { roots.contains(current) }

    mutating func execute() -> [UInt8] {
        start()
        return isRoot ? current : original
    }

    private mutating func start() {
        if isRoot { return }
        if current.count <= 3 { stopped = true }
        if StemmingRun.prefixFirst(original) {
            removePrefixes()
            if isRoot { return }
            removeSuffixes()
            if isRoot { return }
            current = original
            removals = []
        }
        removeSuffixes()
        if isRoot { return }
        removePrefixes()
        if isRoot { return }
        putSuffixesBack()
    }

    /// Confixes whose prefix is removed before the suffix (Asian 2007): be-…-lah, be-…-an,
    /// me-…-i, di-…-i, pe-…-i, ter-…-i.
    static func prefixFirst(_ word: [UInt8]) -> Bool {
        func confix(_ prefix: String, _ suffix: String) -> Bool {
            word.count >= prefix.utf8.count + suffix.utf8.count
                && word.starts(with: prefix.utf8) && word.reversed().starts(with: suffix.utf8.reversed())
        }
        return confix("be", "lah") || confix("be", "an") || confix("me", "i") || confix("di", "i")
            || confix("pe", "i") || confix("ter", "i")
    }

    // MARK: Suffixes

    private mutating func removeSuffixes() {
        for kind in [Removal.Kind.particle, .possessive, .derivationalSuffix] {
            removeSuffix(kind)
            if isRoot || stopped { return }
        }
    }

    private static let particles = ["lah", "kah", "tah", "pun"].map { Array($0.utf8) }
    private static let possessives = ["nya", "ku", "mu"].map { Array($0.utf8) }
    /// Longest first: at most one of them can end the word at each starting position.
    private static let derivationalSuffixes = ["isasi", "isme", "kan", "is", "an", "i"].map { Array($0.utf8) }

    private mutating func removeSuffix(_ kind: Removal.Kind) {
        let suffixes: [[UInt8]]
        switch kind {
        case .particle: suffixes = Self.particles
        case .possessive: suffixes = Self.possessives
        default: suffixes = Self.derivationalSuffixes
        }
        guard let suffix = suffixes.first(where: { current.count >= $0.count && current.suffix($0.count).elementsEqual($0) })
        else { return }
        let result = Array(current.dropLast(suffix.count))
        removals.append(Removal(subject: current, result: result, removed: suffix, kind: kind))
        current = result
    }

    // MARK: Prefixes

    /// Up to three prefixes, one at a time.
    private mutating func removePrefixes() {
        for _ in 0..<3 {
            removeOnePrefix()
            if isRoot { return }
        }
    }

    /// Tries the plain prefixes, then each rule group in turn, until one removes something.
    private mutating func removeOnePrefix() {
        let before = removals.count
        // di-, ke-, se-
        if let plain = PrefixRules.plain(current) {
            record(plain)
            if isRoot || stopped || removals.count > before { return }
        } else if stopped {
            return
        }
        for group in current.first.map(PrefixRules.groups(startingWith:)) ?? [] {
            var result: [UInt8]?
            var candidates: [[UInt8]] = []
            for rule in group {
                result = rule(current)
                if let result, !result.isEmpty, roots.contains(result) { candidates.append(result) }
            }
            if let preferred = StemmerPreferences.choose(candidates) {
                result = preferred
            } else if let first = candidates.first {
                result = first
            }
            if let result, !result.isEmpty { record(result) }
            if isRoot || removals.count > before { return }
        }
    }

    private mutating func record(_ result: [UInt8]) {
        removals.append(Removal(subject: current, result: result, removed: [], kind: .prefix))
        current = result
    }

    // MARK: Putting suffixes back (ECS)

    /// When no root was found, puts the suffixes back one at a time, innermost first, and tries
    /// the prefixes again on each (*-kan* is also tried as a root ending in *k*).
    private mutating func putSuffixesBack() {
        if let first = removals.first { current = first.subject }
        removals.removeAll { $0.kind == .prefix }
        let saved = removals
        let savedWord = current
        for removal in saved.reversed() where removal.isSuffix {
            if removal.removed == Array("kan".utf8) {
                current = removal.result + [UInt8(ascii: "k")]
                removePrefixes()
                if isRoot { return }
                current = removal.result + Array("kan".utf8)
            } else {
                current = removal.subject
            }
            removePrefixes()
            if isRoot { return }
            removals = saved
            current = savedWord
        }
    }
}
