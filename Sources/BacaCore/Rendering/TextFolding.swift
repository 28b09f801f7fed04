// CONTRACT (owned by the rendering work): case- and diacritic-insensitive matching.

public enum TextFolding {
    /// Ranges of `text` matching `query`, ignoring case and diacritics (`kafe` finds `Kafé`),
    /// in order, not overlapping. An empty query matches nothing.
    public static func matches(of query: String, in text: String) -> [Range<String.Index>] {
        fatalError("unimplemented")
    }
}
