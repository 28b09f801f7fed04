import BacaTestSupport
import Foundation
import Testing

/// One language throughout: the command line's messages and errors follow `--language`,
/// `BACA_LANGUAGE`, `language` in config.toml, then LANG; the same failure has the same exit
/// code in both; JSON output does not change; query words work in both languages.
@Suite("The command line's language", .serialized)
struct LanguageTests {
    /// A repository with the bundled samples; its config says `language`.
    static func repository(language: String = "id") throws -> Sandbox {
        let sandbox = try Sandbox(language: language)
        let imported = try BacaBinary.run(["import", BacaBinary.samplesDirectory.path], sandbox: sandbox)
        #expect(imported.status == 0, "\(imported.stderr)")
        return sandbox
    }

    @Test("the same error in both languages, with the same exit code", arguments: [
        (["show", "99999"], "baca: no article with id 99999", "baca: tidak ada artikel dengan id 99999"),
        (["searches", "--delete", "tidak-ada"], "baca: no saved search 'tidak-ada'", "baca: tidak ada pencarian tersimpan 'tidak-ada'"),
        (["search", "before:kemarin"], "baca: invalid query 'before:kemarin'", "baca: kueri tidak sah 'before:kemarin'"),
        (["undo"], "baca: nothing to undo", "baca: tidak ada yang bisa dibatalkan"),
        (["list", "--db", "/nonexistent/baca.sqlite"], "baca: no repository at /nonexistent/baca.sqlite",
         "baca: tidak ada repositori di /nonexistent/baca.sqlite"),
        (["list", "--db", "/"], "baca: / is a folder; give the path", "baca: / adalah folder; beri jalur"),
    ])
    func sameErrorBothLanguages(arguments: [String], english: String, indonesian: String) throws {
        let sandbox = try Self.repository()
        let inEnglish = try BacaBinary.run(arguments, sandbox: sandbox, language: "en")
        let inIndonesian = try BacaBinary.run(arguments, sandbox: sandbox, language: "id")
        #expect(inEnglish.stderr.hasPrefix(english), "\(inEnglish.stderr)")
        #expect(inIndonesian.stderr.hasPrefix(indonesian), "\(inIndonesian.stderr)")
        #expect(inEnglish.status != 0 && inEnglish.status == inIndonesian.status, "\(inEnglish.status) \(inIndonesian.status)")
        #expect(inEnglish.stderr.split(separator: "\n").count == 1 && inIndonesian.stderr.split(separator: "\n").count == 1)
    }

    @Test("a config.toml that is not TOML stops fetch with its line, in either language, exit 1")
    func configErrorBothLanguages() throws {
        let sandbox = try Self.repository()
        let bad = try sandbox.write("bad.toml", "theme = \"dark\"\n\n[[rule]\n")
        let inEnglish = try BacaBinary.run(["fetch", "--config", bad], sandbox: sandbox, language: "en")
        let inIndonesian = try BacaBinary.run(["fetch", "--config", bad], sandbox: sandbox, language: "id")
        #expect(inEnglish.stderr.hasPrefix("baca: ") && inEnglish.stderr.contains("bad.toml: line 3, column"), "\(inEnglish.stderr)")
        #expect(inIndonesian.stderr.hasPrefix("baca: ") && inIndonesian.stderr.contains("bad.toml: baris 3, kolom"), "\(inIndonesian.stderr)")
        #expect(inEnglish.status == 1 && inIndonesian.status == 1)
    }

    @Test("a theme that does not load says why in either language, exit 1")
    func themeErrorBothLanguages() throws {
        let sandbox = try Sandbox()
        let theme = try sandbox.write("bad-theme.toml", "\"text\" = { fg = \"bukan-warna\" }\n")
        let inEnglish = try BacaBinary.run(["themes", "--check", theme], sandbox: sandbox, language: "en")
        let inIndonesian = try BacaBinary.run(["themes", "--check", theme], sandbox: sandbox, language: "id")
        #expect(inEnglish.stderr.contains("'fg' of 'text' is not a colour"), "\(inEnglish.stderr)")
        #expect(inIndonesian.stderr.contains("'fg' di 'text' bukan warna"), "\(inIndonesian.stderr)")
        #expect(inEnglish.status == 1 && inIndonesian.status == 1, "\(inEnglish.status) \(inIndonesian.status)")
    }

    @Test("--language, then BACA_LANGUAGE, then config.toml, then LANG choose; a bad one is an error naming it")
    func precedence() throws {
        let sandbox = try Self.repository(language: "id")
        let empty = ["undo", "--list"]
        func journal(_ extra: [String], environment: [String: String]) throws -> String {
            // Not through BacaBinary.run's language: this test sets BACA_LANGUAGE itself, or not at all.
            var env = sandbox.environment.merging(environment) { $1 }
            if environment["BACA_LANGUAGE"] == nil { env.removeValue(forKey: "BACA_LANGUAGE") }
            let output = try Spawn.run([BacaBinary.url.path] + empty + extra, environment: env, directory: sandbox.root)
            #expect(output.status == 0, "\(output.stderr)")
            return output.stdout
        }
        #expect(try journal([], environment: [:]) == "jurnal kosong\n")                                  // config.toml
        #expect(try journal([], environment: ["BACA_LANGUAGE": "en"]) == "the journal is empty\n")       // beats config
        #expect(try journal(["--language", "id"], environment: ["BACA_LANGUAGE": "en"]) == "jurnal kosong\n")
        #expect(try journal(["--language=english"], environment: [:]) == "the journal is empty\n")

        try Data("".utf8).write(to: sandbox.configFile)   // no language in config.toml: LANG decides
        #expect(try journal([], environment: ["LANG": "id_ID.UTF-8", "LC_ALL": ""]) == "jurnal kosong\n")
        #expect(try journal([], environment: ["LANG": "C.UTF-8", "LC_ALL": ""]) == "the journal is empty\n")

        let bad = try BacaBinary.run(["list", "--language", "fr"], sandbox: sandbox)
        #expect(bad.status == 64 && bad.stderr.contains("'fr'"), "\(bad.status) \(bad.stderr)")
        let badEnvironment = try BacaBinary.run(["list"], sandbox: sandbox, language: "klingon")
        #expect(badEnvironment.status == 64 && badEnvironment.stderr.contains("BACA_LANGUAGE") && badEnvironment.stderr.contains("'klingon'"),
                "\(badEnvironment.stderr)")
    }

    @Test("what a command reports follows the language; JSON output is the same in both")
    func reportsAndJSON() throws {
        let sandbox = try Self.repository()
        let english = try BacaBinary.run(["mark-read", "--all", "--yes"], sandbox: sandbox, language: "en")
        #expect(english.stdout.hasPrefix("marked ") && english.stdout.hasSuffix(" read; undo with: baca undo\n"), "\(english.stdout)")
        let undone = try BacaBinary.run(["undo"], sandbox: sandbox, language: "id")
        #expect(undone.stdout.hasPrefix("dibatalkan: mark-read --all ("), "\(undone.stdout)")
        let indonesian = try BacaBinary.run(["mark-read", "--all", "--yes"], sandbox: sandbox, language: "id")
        #expect(indonesian.stdout.hasSuffix(" artikel ditandai sudah dibaca; batalkan dengan: baca undo\n"), "\(indonesian.stdout)")

        #expect(try BacaBinary.run(["fetch"], sandbox: sandbox, language: "en").stdout == "no feeds; add one with: baca feed add URL\n")
        #expect(try BacaBinary.run(["fetch"], sandbox: sandbox, language: "id").stdout == "belum ada feed; tambahkan dengan: baca feed add URL\n")

        let themes = try BacaBinary.run(["themes"], sandbox: sandbox, language: "en")
        #expect(themes.stdout.contains("built in ("), "\(themes.stdout)")
        #expect(try BacaBinary.run(["themes"], sandbox: sandbox, language: "id").stdout.contains("bawaan ("))

        for arguments in [["list", "--json"], ["search", "kota", "--json"], ["show", "1", "--json"]] {
            let en = try BacaBinary.run(arguments, sandbox: sandbox, language: "en")
            let id = try BacaBinary.run(arguments, sandbox: sandbox, language: "id")
            #expect(en.status == 0 && !en.stdout.isEmpty, "\(arguments): \(en.stderr)")
            #expect(en.stdout == id.stdout, "\(arguments): JSON differs between languages")
        }

        let imported = try BacaBinary.run(["import", BacaBinary.samplesDirectory.path], sandbox: sandbox, language: "id")
        #expect(imported.stdout.split(separator: "\n").last?.contains(" tak berubah, 0 gagal") == true, "\(imported.stdout)")
    }

    @Test("query words in either language: penulis: is author:, belum-dibaca is unread")
    func queryWordsBothLanguages() throws {
        let sandbox = try Self.repository()
        for (english, indonesian) in [("unread", "belum-dibaca"), ("starred", "berbintang"), ("after:2000-01-01", "sesudah:2000-01-01"),
                                      ("before:2100-01-01 unread", "sebelum:2100-01-01 belum-dibaca")] {
            let en = try BacaBinary.run(["search", english, "--json"], sandbox: sandbox)
            let id = try BacaBinary.run(["search", indonesian, "--json"], sandbox: sandbox)
            #expect(en.status == id.status && en.stdout == id.stdout, "\(english) / \(indonesian): \(id.stderr)")
        }
        #expect(try BacaBinary.run(["search", "unread", "--json"], sandbox: sandbox).stdout.split(separator: "\n").count > 1)
        let bad = try BacaBinary.run(["search", "sebelum:kemarin"], sandbox: sandbox)
        #expect(bad.status == 1 && bad.stderr.contains("'kemarin' is not a date"), "\(bad.stderr)")
        let buruk = try BacaBinary.run(["search", "sebelum:kemarin"], sandbox: sandbox, language: "id")
        #expect(buruk.status == 1 && buruk.stderr.contains("kolom 1, 'sebelum:kemarin': 'kemarin' bukan tanggal"), "\(buruk.stderr)")
    }
}
