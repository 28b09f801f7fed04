// MARK: - Preferences between readings

/// Which root wins when a prefix can be read two ways and both readings are roots.
///
/// *mengunjungi* is *meng-* + *unjung* + *-i* or *meng-* + *kunjung* + *-i*; *perasaan* is
/// *per-* + *asa* + *-an* or *pe-* + *rasa* + *-an*. The dictionary alone cannot tell; Sastrawi
/// takes the first rule's reading (*unjung*, *asa*), which is wrong for the words news text uses.
/// Here, a root listed below beats the other readings: the list holds common roots of news text
/// whose ambiguous prefixed forms (*meng-*/*peng-* + vowel, *ber-*/*per-*/*ter-* + vowel,
/// *mem-*/*pem-* + vowel, *men-*/*pen-* + vowel, *meny-*/*peny-* + vowel) collide with a rarer root.
enum StemmerPreferences {
    static let preferred: Set<[UInt8]> = Set(words.split { $0 == " " || $0 == "\n" }.map { Array($0.utf8) })

    /// The preferred root among `candidates` (roots all), or nil when none or only one is.
    static func choose(_ candidates: [[UInt8]]) -> [UInt8]? {
        guard candidates.count > 1 else { return nil }
        return candidates.first { preferred.contains($0) }
    }

    /// By the sound the prefix swallowed. k: meng-/peng- + vowel (*mengabarkan*); r: ber-/per-/
    /// ter- + vowel (*perasaan*, *beragam*); t: men-/pen- + vowel (*menipis*); p: mem-/pem- + vowel
    /// (*pemadam*, *memetakan*); s: meny-/peny- + vowel (*penyaringan*).
    private static let words = """
        kunjung kabar kacau kawin kasih kurung kuras karang kira kemas kering kabur kali kekang kembara
        rasa rawat ramal rampas rancang ragam rupa ribu rombak rokok rusak ratap
        tajam tipis tanah
        padam padat pangkas putih poles pungut puas pupus pinggir pilu pikat peta pesan perang padu
        saring sepi
        """
}
