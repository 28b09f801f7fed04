import BacaStore
import Foundation
import Testing
@testable import BacaTUI

/// `:feed add URL` subscribes to what the environment's lookup finds (a site's page gives its
/// feed), lists several, and subscribes to nothing when there is no feed.
@Suite("The reader's :feed add")
struct FeedAddLookupTests {
    func app(_ lookup: @escaping FeedLookupFunction) throws -> TestReader {
        let store = try ArticleStore.inMemory()
        let environment = AppEnvironment(
            store: store, keyMap: .default, theme: .default, loadTheme: { _ in .default }, findFeed: lookup, language: .id)
        return TestReader(app: App(environment: environment), backend: MemoryBackend(size: TerminalSize(columns: 100, rows: 24)), store: store)
    }

    @Test("the feed a page names is subscribed to; several are listed; none is an error")
    func lookups() throws {
        let found = try app { _ in .feed(url: "https://situs.example/kabar.xml", note: nil) }
        found.command("feed add https://situs.example/")
        #expect(try found.store.feeds().map(\.feed.url) == ["https://situs.example/kabar.xml"])
        #expect(found.message?.isError == false)

        let several = try app { _ in .several(["https://situs.example/a.xml", "https://situs.example/b.xml"]) }
        several.command("feed add https://situs.example/")
        #expect(try several.store.feeds().isEmpty)
        #expect(several.message?.text.contains("https://situs.example/a.xml  ·  https://situs.example/b.xml") == true)

        let none = try app { _ in .failure("no feed found at https://situs.example/") }
        none.command("feed add https://situs.example/")
        #expect(try none.store.feeds().isEmpty)
        #expect(none.message == StatusMessage("no feed found at https://situs.example/", level: .error))
    }
}

@Suite("config.toml's [network]")
struct NetworkConfigTests {
    @Test("allow_private_addresses is read; off by default; a wrong value or key is a warning")
    func allowPrivateAddresses() {
        #expect(BacaConfig.parse("", file: "c.toml").allowsPrivateAddresses == false)
        let on = BacaConfig.parse("[network]\nallow_private_addresses = true\n", file: "c.toml")
        #expect(on.allowsPrivateAddresses)
        #expect(on.warnings.isEmpty)
        let wrong = BacaConfig.parse("[network]\nallow_private_addresses = \"yes\"\nproxy = 1\n", file: "c.toml")
        #expect(wrong.allowsPrivateAddresses == false)
        #expect(wrong.warnings.count == 2)
        #expect(wrong.warnings.allSatisfy { $0.hasPrefix("c.toml: [network] ") })
    }
}
