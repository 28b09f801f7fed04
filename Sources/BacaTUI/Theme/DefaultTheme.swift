import BacaCore

/// The default theme, compiled in: it works with no theme files at all, and fills the styles
/// other themes leave out. Its text is `themes/default.toml`, embedded at build time (see
/// `BundledThemes`), so that users can read it and copy it as a start for their own.
enum DefaultTheme {
    static let source: String = {
        guard let source = BundledThemes.sources["default"] else {
            fatalError("themes/default.toml was not embedded at build time")
        }
        return source
    }()

    /// Parsed once; a broken literal is a programming error that the tests catch.
    static let document: ThemeDocument = {
        do {
            return try ThemeDocument.parse(source, name: "default", file: "<tema default bawaan>", path: nil)
        } catch {
            fatalError("the compiled-in default theme does not parse: \(error)")
        }
    }()
}

extension Theme {
    /// The compiled-in default theme, in colour.
    public static let `default`: Theme = {
        do {
            return try ThemeResolution.resolve([DefaultTheme.document], name: "default", noColor: false)
        } catch {
            fatalError("the compiled-in default theme does not resolve: \(error)")
        }
    }()
}
