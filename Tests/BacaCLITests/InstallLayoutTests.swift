import BacaTestSupport
import Foundation
import Testing

/// The program finds its things from where it runs, never from where it was built: a copy in a
/// prefix of its own (`PREFIX/bin/baca`) reads `PREFIX/share/baca/themes` and has every shipped
/// theme compiled in. The full `make install` is checked by `.ci/install-test.sh`.
@Suite("Install layout")
struct InstallLayoutTests {
    /// A copy of the built binary at `<sandbox>/prefix/bin/baca` (a copy, not a link: the program
    /// resolves links to find itself). `cp` writes it, so that no file descriptor open for writing
    /// leaks into a child another test forks meanwhile (exec would then fail with ETXTBSY).
    private func installedCopy(in sandbox: Sandbox) throws -> URL {
        let bin = sandbox.root.appendingPathComponent("prefix/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("baca")
        let copied = try Spawn.run(["cp", BacaBinary.url.path, copy.path])
        #expect(copied.status == 0, "\(copied.stderr)")
        return copy
    }

    private func run(_ binary: URL, _ arguments: [String], sandbox: Sandbox) throws -> (status: Int32, stdout: String) {
        let output = try Spawn.run([binary.path] + arguments, environment: sandbox.environment, directory: sandbox.root)
        #expect(output.status == 0, "\(output.stderr)")
        return (output.status, output.stdout)
    }

    @Test func aCopyReadsThemesBesideItAndHasTheShippedOnesCompiledIn() throws {
        let sandbox = try Sandbox(language: "id")   // the origins' words below are Indonesian
        let binary = try installedCopy(in: sandbox)
        let installed = sandbox.root.appendingPathComponent("prefix/share/baca/themes")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try "inherits = \"dark\"\n".write(to: installed.appendingPathComponent("site.toml"), atomically: true, encoding: .utf8)

        let result = try run(binary, ["themes"], sandbox: sandbox)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Shown as ~/prefix/…: the sandbox is HOME.
        #expect(lines.contains { $0.hasPrefix("site ") && $0.contains("prefix/share/baca/themes/site.toml") }, "\(result.stdout)")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: BacaBinary.packageRoot.appendingPathComponent("themes").path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        for name in shipped {
            #expect(lines.contains { $0.hasPrefix(name + " ") && $0.contains("dalam program") }, "\(name): \(result.stdout)")
        }
        #expect(!result.stdout.contains(BacaBinary.packageRoot.path), "names the checkout: \(result.stdout)")
        #expect(try run(binary, ["themes", "--check", "site"], sandbox: sandbox).stdout == "site: ok\n")
    }

    @Test func versionNamesTheVersionAndTheCommitWhenThereIsOne() throws {
        let result = try BacaBinary.run(["--version"], sandbox: Sandbox())
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+( \(commit [0-9a-f]{7,40}(, modified)?\))?/) != nil, "\(line)")
    }
}
