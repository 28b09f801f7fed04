import Foundation
import BacaTUI

/// Parts of `--help` and of the man page (made from the same definitions by swift-argument-parser's
/// `generate-manual`, which has no sections of its own for keys or files): the reader's keys and
/// `:` commands, read from the command table and the default keymap so that they never drift
/// from the program, and the files baca reads and writes.
enum ManualText {
    /// Every default key, screen by screen, in the order of the help screen (`?`) but by the
    /// names config.toml uses (`down`, not an arrow): plain ASCII, which the man page keeps.
    static var readerKeys: String {
        let keyMap = KeyMap.default
        let sections = HelpContent.defaultContexts.compactMap { context -> (String, [(String, String)])? in
            let rows = keyRows(keyMap.bindings(in: context), context: context)
            return rows.isEmpty ? nil : ("\(HelpContent.title(of: context)) (\(context.rawValue))", rows)
        }
        let width = sections.flatMap { $0.1.map(\.0.count) }.max() ?? 0
        return sections.map { title, rows in
            ([title + ":"] + rows.map { keys, text in
                "  " + keys.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + text
            }).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// One row per command and arguments, its keys joined; a run of keys that each pass their own
    /// name (`"3" = "goto-section 3"`) becomes one row `0-9`.
    private static func keyRows(_ bindings: [KeyMap.Binding], context: KeyContext) -> [(String, String)] {
        var order: [CommandInvocation] = []
        var keys: [CommandInvocation: [String]] = [:]
        var ownKeyRuns: [CommandName: [String]] = [:]
        for binding in bindings {
            let name = KeySequence.name(binding.keys)
            if binding.invocation.arguments == [name], binding.keys.count == 1 {
                let plain = CommandInvocation(binding.invocation.name)
                if ownKeyRuns[plain.name] == nil { order.append(plain) }
                ownKeyRuns[plain.name, default: []].append(name)
                continue
            }
            if keys[binding.invocation] == nil { order.append(binding.invocation) }
            keys[binding.invocation, default: []].append(name)
        }
        let rank = Dictionary(uniqueKeysWithValues: CommandSpec.all.enumerated().map { ($1.name, $0) })
        return order.enumerated().sorted { a, b in
            let (x, y) = (rank[a.element.name] ?? 0, rank[b.element.name] ?? 0)
            return x != y ? x < y : a.offset < b.offset
        }.map { _, invocation in
            let spec = CommandSpec.spec(for: invocation.name)
            if keys[invocation] == nil, let run = ownKeyRuns[invocation.name] {
                let label = run.count > 2 ? "\(run[0])-\(run[run.count - 1])" : run.joined(separator: ", ")
                return (label, CommandSpec.helpLine(spec.contextHelp[context] ?? spec.help, in: CLILanguage.current))
            }
            return ((keys[invocation] ?? []).joined(separator: ", "), spec.describe(invocation, in: context, language: CLILanguage.current))
        }
    }

    /// What can be typed after `:`, with its other names.
    static var promptCommands: String {
        let typable = CommandSpec.all.filter(\.isTypable)
        let width = typable.map { $0.signature.replacingOccurrences(of: "…", with: "...").count }.max() ?? 0
        return typable.map { spec in
            // ASCII only: generate-manual drops every other character.
            let signature = spec.signature.replacingOccurrences(of: "…", with: "...")
            let aliases = spec.aliases.isEmpty ? "" : " (also :\(spec.aliases.joined(separator: ", :")))"
            return "  :" + signature.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + CommandSpec.helpLine(spec.help, in: CLILanguage.current) + aliases
        }.joined(separator: "\n")
    }

    /// The reader's discussion: how it is used, then its keys and commands.
    /// `reader` when the command line asks for help or for the manual's definitions (`--help`,
    /// `-h`, `help`, `--experimental-dump-help`), else nothing: the reader's configuration is
    /// built on every start, and the key list in it parses the default keymap and lays out
    /// every key (about 7 M instructions, a sixth of a start: `docs/PERFORMANCE.md`).
    static var readerWhenAsked: String {
        let asked = CommandLine.arguments.dropFirst().contains {
            $0 == "--help" || $0 == "-h" || $0 == "help" || $0.hasPrefix("--experimental-dump-help")
        }
        return asked ? reader : ""
    }

    static var reader: String {
        """
        The list shows the newest articles first; Enter opens one. The reader goes section by \
        section (] and [), s switches between the summary (the key points and the outline) and \
        the full article, / searches, : runs a command by name, ? shows every key as bound now. \
        The reader's own words are Indonesian.

        The mouse (unless [mouse] enabled = false): the wheel scrolls; a click focuses a list \
        row and a second click opens it; a click on a section of the table of contents or the \
        summary's outline jumps there; a click in the link list (L) opens the link. Shift lets \
        the terminal select text. Pasted text goes into the / and : lines on one line, with \
        control characters dropped; elsewhere it is ignored.

        Keys can be changed in the [keys.CONTEXT] tables of config.toml (see FILES in 'baca \
        --help'); a key is a name (j, G, ?, space, enter, esc, tab, up, pgdn, ctrl-d, f1 ...) or \
        names separated by spaces ("g g"), bound to a command as typed after ':', or to "none".

        The default keys, screen by screen (global keys work on every screen):

        \(readerKeys)

        Commands for the ':' line (Tab completes):

        \(promptCommands)

        Examples:
          baca
          baca --demo
          baca --theme gruvbox --db ~/berita.sqlite
        """
    }

    /// The files and environment variables, for the top-level discussion.
    static let files = """
        FILES
          $XDG_CONFIG_HOME/baca/config.toml (else ~/.config/baca/config.toml)
              Settings: theme = "NAME", and key bindings in [keys.global],
              [keys.list], [keys.reader], [keys.toc], [keys.feeds], [keys.help]
              and [keys.prompt] (see 'baca read --help'). What cannot be used is
              reported when the reader starts; the defaults still work.
          $XDG_CONFIG_HOME/baca/themes/NAME.toml (else ~/.config/baca/themes/)
              Your own themes: they win over shipped ones of the same name and
              may start with inherits = "dark" (see 'baca themes --help').
          PREFIX/share/baca/themes/NAME.toml
              The shipped themes, installed beside PREFIX/bin/baca. They are
              also compiled into the program: a lone copy still has them all.
          PREFIX/share/baca/samples/
              The sample articles that 'baca --demo' opens. They are also
              compiled into the program: a lone copy still has its demo.
          $XDG_DATA_HOME/baca/baca.sqlite (else ~/.local/share/baca/baca.sqlite)
              The repository: articles, feeds, reading state. --db PATH or
              $BACA_DB choose another.
          $XDG_STATE_HOME/baca/ (else ~/.local/state/baca/)
              The reader's history and preferences.

        ENVIRONMENT
          BACA_DB         the repository, when --db is not given
          BACA_LANGUAGE   id or en: the language of messages (--language on any
                          command wins; else config.toml's language, else LANG)
          BACA_SHARE_DIR  a folder with themes/ and samples/ to use first
          BROWSER         the program 'o' opens an article's link with
          NO_COLOR        when set and not empty, themes are shown without colour
          COLORTERM       truecolor or 24bit: themes in 24-bit colour (needs the
                          xterm-direct or tmux-direct terminfo entry, ncurses-term)
        """
}
