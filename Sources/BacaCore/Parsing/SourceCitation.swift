/// The outlet a paragraph cites: `Dilansir The Moscow Times, …` or `Mengutip Reuters, …`.
enum SourceCitation {
    /// Longest first, so `Dilansir dari` wins over `Dilansir`.
    static let openers = [
        "Dilansir dari ", "Mengutip dari ", "Dikutip dari ", "Melansir dari ",
        "Dilansir ", "Mengutip ", "Melansir ",
    ]
    /// Words that name the kind of place rather than the outlet (`Dilansir laman resmi WHO,`).
    static let placeWords = ["laman resmi ", "situs resmi ", "laman ", "situs ", "akun resmi ", "akun "]
    static let maximumOutletLength = 60

    /// The outlet named before the first comma, or `nil` when the paragraph cites none.
    static func outlet(in paragraph: String) -> String? {
        // Every opener starts with `D` or `M`: most paragraphs are ruled out on one byte.
        guard let lead = paragraph.utf8.first, lead == UInt8(ascii: "D") || lead == UInt8(ascii: "M") else { return nil }
        guard let opener = openers.first(where: { paragraph.utf8.starts(with: $0.utf8) }) else { return nil }
        let rest = paragraph.dropFirst(opener.count).prefix(maximumOutletLength + 1)
        guard let comma = rest.firstIndex(of: ",") else { return nil }
        var outlet = String(rest[..<comma])
        // `Dilansir Reuters pada Senin (4/11/2024),` names Reuters.
        for stop in [" pada ", " (", " yang ", " bahwa "] {
            if let range = outlet.range(of: stop) { outlet = String(outlet[..<range.lowerBound]) }
        }
        for word in placeWords where outlet.hasPrefix(word) {
            outlet = String(outlet.dropFirst(word.count))
            break
        }
        outlet = outlet.trimmingSpaces
        guard let first = outlet.unicodeScalars.first,
              first.properties.isUppercase || ("0"..."9").contains(first),
              outlet.split(separator: " ").count <= 6
        else { return nil }
        return outlet
    }
}
