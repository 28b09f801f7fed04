import Testing

@testable import BacaTUI

@Suite("Command table and the : line")
struct CommandLineTests {
    private func parse(_ line: String) -> CommandInvocation? { try? CommandLineParser.parse(line).get() }
    private func error(_ line: String) -> CommandLineError? {
        if case .failure(let error) = CommandLineParser.parse(line) { return error }
        return nil
    }

    // MARK: The table

    @Test func everyCommandHasOneSpecWithIndonesianHelp() {
        #expect(CommandSpec.all.map(\.name).sorted { $0.rawValue < $1.rawValue }
            == CommandName.allCases.sorted { $0.rawValue < $1.rawValue })
        for spec in CommandSpec.all {
            #expect(!spec.help.isEmpty && !spec.contexts.isEmpty, "\(spec.name)")
        }
        #expect(CommandSpec.spec(for: .moveDown).help == "turun satu baris")
    }

    @Test func aliasesAreUniqueAndDoNotShadowNames() {
        var seen = Set(CommandName.allCases.map(\.rawValue))
        for alias in CommandSpec.all.flatMap(\.aliases) {
            #expect(seen.insert(alias).inserted, "alias \(alias) is taken")
        }
    }

    @Test func lookupByNameOrAlias() {
        #expect(CommandSpec.lookup("quit")?.name == .quit)
        #expect(CommandSpec.lookup("q")?.name == .quit)
        #expect(CommandSpec.lookup("keluar")?.name == .quit)
        #expect(CommandSpec.lookup("import")?.name == .importPath)
        #expect(CommandSpec.lookup("toc")?.name == .tableOfContents)
        #expect(CommandSpec.lookup("foo") == nil)
    }

    @Test func signatures() {
        #expect(CommandSpec.spec(for: .theme).signature == "theme [NAMA]")
        #expect(CommandSpec.spec(for: .importPath).signature == "import BERKAS…")
        #expect(CommandSpec.spec(for: .filter).signature == "filter [all|unread|starred]")
        #expect(CommandSpec.spec(for: .gotoSection).signature == "goto-section N")
        #expect(CommandSpec.spec(for: .moveDown).signature == "move-down")
    }

    // MARK: Parsing

    @Test func parsesCommandsAndArguments() {
        #expect(parse("theme dark") == CommandInvocation(.theme, arguments: ["dark"]))
        #expect(parse("  :theme   dark  ") == CommandInvocation(.theme, arguments: ["dark"]))
        #expect(parse("theme") == CommandInvocation(.theme))
        #expect(parse("sort date") == CommandInvocation(.sort, arguments: ["date"]))
        #expect(parse("goto-section 3") == CommandInvocation(.gotoSection, arguments: ["3"]))
        #expect(parse("search banjir bandang") == CommandInvocation(.search, arguments: ["banjir", "bandang"]))
        #expect(parse("move-down") == CommandInvocation(.moveDown))
    }

    @Test func aliasesAndSynonyms() {
        #expect(parse("q") == CommandInvocation(.quit))
        #expect(parse("tema gruvbox") == CommandInvocation(.theme, arguments: ["gruvbox"]))
        #expect(parse("filter semua") == CommandInvocation(.filter, arguments: ["all"]))
        #expect(parse("sort Terbaru") == CommandInvocation(.sort, arguments: ["date"]))
    }

    @Test func quotes() {
        #expect(parse(#"import "/path with space/a.txt""#) == CommandInvocation(.importPath, arguments: ["/path with space/a.txt"]))
        #expect(parse(#"import '/it'"'"'s/b.txt' c.txt"#) == CommandInvocation(.importPath, arguments: ["/it's/b.txt", "c.txt"]))
        #expect(parse(#"import /a\ b.txt"#) == CommandInvocation(.importPath, arguments: ["/a b.txt"]))
        #expect(parse(#"import "say \"hi\"""#) == CommandInvocation(.importPath, arguments: [#"say "hi""#]))
        #expect(parse(#"theme """#) == CommandInvocation(.theme, arguments: [""]))
    }

    @Test func errorsAreOneIndonesianLine() {
        #expect(error("foo")?.description == "perintah tidak dikenal: foo")
        #expect(error("foo bar") == .unknownCommand("foo"))
        #expect(error("   ") == .empty)
        #expect(error(#"import "/unterminated"#) == .unterminatedQuote)
        #expect(error("import")?.description == "import perlu argumen: import BERKAS…")
        #expect(error("goto-section") == .missingArgument(CommandSpec.spec(for: .gotoSection)))
        #expect(error("goto-section tiga")?.description == "goto-section: nilai tidak dikenal 'tiga' (goto-section N)")
        #expect(error("goto-section -1") != nil)
        #expect(error("sort random") == .invalidValue(CommandSpec.spec(for: .sort), value: "random"))
        #expect(error("move-down 5") == .tooManyArguments(CommandSpec.spec(for: .moveDown)))
        #expect(error("theme a b")?.description == "terlalu banyak argumen: theme [NAMA]")
        #expect(error("prompt-submit") == .notTypable(.promptSubmit))
    }

    // MARK: Completion

    @Test func completesCommandNames() {
        #expect(CommandLineParser.completions(for: "th") == ["theme"])
        #expect(CommandLineParser.completions(for: "to") == ["toc", "toggle-images", "toggle-read", "toggle-star", "toggle-summary"])
        #expect(CommandLineParser.completions(for: ":go") == ["go-bottom", "go-top", "goto-section"])
        #expect(CommandLineParser.completions(for: "kel") == ["quit"])  // by alias
        #expect(CommandLineParser.completions(for: "prompt") == [])  // keys only
        #expect(CommandLineParser.completions(for: "zz") == [])
        #expect(CommandLineParser.completions(for: "").count == CommandSpec.all.filter(\.isTypable).count)
    }

    @Test func completesArguments() {
        #expect(CommandLineParser.completions(for: "sort ") == ["sort date", "sort oldest", "sort title"])
        #expect(CommandLineParser.completions(for: "filter u") == ["filter unread"])
        #expect(CommandLineParser.completions(for: "theme g", values: { $0 == .theme ? ["gruvbox", "dark"] : [] }) == ["theme gruvbox"])
        #expect(CommandLineParser.completions(for: "move-down x") == [])
    }
}
