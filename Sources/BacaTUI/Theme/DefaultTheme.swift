import BacaCore

/// The default theme, compiled in: it works with no theme files at all, and fills the styles
/// other themes leave out. `themes/default.toml` holds the same text (a test keeps them equal),
/// so that users can read it and copy it as a start for their own.
enum DefaultTheme {
    static let source = """
    # baca — the default theme: the terminal's own colours, attributes and the 8 ANSI colours, so
    # that it reads well on a dark or a light terminal. It is also compiled into the program: any
    # style another theme leaves out comes from here.
    #
    # ── The theme format ──────────────────────────────────────────────────────────────────────────
    # A theme is a TOML file, themes/NAME.toml, or ~/.config/baca/themes/NAME.toml (which wins).
    #
    #   inherits = "dark"        optional: start from another theme and change only some styles
    #   monochrome = true        optional: attributes only, every colour dropped (as with NO_COLOR)
    #
    # Every other key is a style name, written in quotes because it has dots in it:
    #
    #   "reader.meta" = "gray"                                   a string is the text colour
    #   "list.focus"  = { fg = "black", bg = "#ffd75f", modifiers = ["bold"] }
    #
    #   fg, bg      a colour: default (the terminal's own), black red green yellow blue magenta
    #               cyan white, gray (= bright-black), bright-red … bright-white, a palette number
    #               0–255, #rrggbb, or a name from [palette]
    #   modifiers   any of bold, dim, italic, underline, reverse
    #
    # A style a theme leaves out falls back to its parent (list.focus → list), then to this default
    # theme, then to "text"; a style without fg or bg takes its parent's, then those of "text" (so a
    # background on "text" colours the whole screen). Colours a terminal cannot show become
    # the nearest it can (256, 16 or 8 colours). Under NO_COLOR every theme is shown monochrome:
    # attributes only, and a style that stood out by its background is shown in reverse video.
    #
    # A [palette] table names colours for the styles above; it comes last in the file, because in
    # TOML every key after a [table] line belongs to that table:
    #
    #   [palette]
    #   gold = "#ffd75f"
    # ──────────────────────────────────────────────────────────────────────────────────────────────

    "text" = "default"
    "dim" = { modifiers = ["dim"] }
    "border" = { modifiers = ["dim"] }
    "error" = { fg = "red", modifiers = ["bold"] }

    # The article
    "reader.title" = { modifiers = ["bold"] }
    "reader.meta" = { modifiers = ["dim"] }
    "reader.heading" = { fg = "cyan", modifiers = ["bold"] }
    "reader.bullet" = "cyan"
    "caption" = { modifiers = ["italic"] }
    "caption.marker" = "magenta"
    "caption.credit" = { modifiers = ["italic", "dim"] }
    "quote" = { fg = "green", modifiers = ["italic"] }
    "quote.bar" = "cyan"
    "related" = { modifiers = ["underline"] }
    "disclaimer" = { modifiers = ["italic", "dim"] }

    # The key points box ("Intinya sih")
    "summary.border" = "cyan"
    "summary.title" = { fg = "cyan", modifiers = ["bold"] }
    "summary.text" = "default"
    "summary.bullet" = { fg = "cyan", modifiers = ["bold"] }

    # The article list
    "list.header" = { modifiers = ["bold", "reverse"] }
    "list.row" = "default"
    "list.focus" = { modifiers = ["reverse"] }
    "list.unread" = { modifiers = ["bold"] }
    "list.star" = { fg = "yellow", modifiers = ["bold"] }
    "list.date" = { modifiers = ["dim"] }

    # The bottom line, search and help
    "status" = { modifiers = ["reverse"] }
    "status.key" = { modifiers = ["reverse", "bold"] }
    "prompt" = "default"
    "search.match" = { fg = "black", bg = "yellow" }
    "search.current" = { fg = "white", bg = "red", modifiers = ["bold"] }
    "help.key" = { fg = "cyan", modifiers = ["bold"] }
    "help.title" = { modifiers = ["bold", "underline"] }

    """

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
