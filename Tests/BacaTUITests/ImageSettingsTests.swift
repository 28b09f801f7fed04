import Testing
@testable import BacaTUI

@Suite("[images] in config.toml")
struct ImageSettingsTests {
    @Test("protocol, max_rows and cache_mb are read; bad values warn and keep the defaults")
    func reading() {
        let good = BacaConfig.parse("[images]\nprotocol = \"sixel\"\nmax_rows = 8\ncache_mb = 20\n", file: "c.toml")
        #expect(good.warnings.isEmpty)
        #expect(good.images == ImageSettings(forcedProtocol: .sixel, maxRows: 8, cacheMegabytes: 20))
        #expect(BacaConfig.parse("[images]\nprotocol = \"auto\"\n", file: "c.toml").images.forcedProtocol == nil)

        let bad = BacaConfig.parse("[images]\nprotocol = \"gif\"\nmax_rows = 0\ncolour = 1\n", file: "c.toml")
        #expect(bad.images == ImageSettings())
        #expect(bad.warnings.count == 3)
        #expect(bad.warnings.allSatisfy { $0.hasPrefix("c.toml: [images] ") })
    }

    @Test("its warnings follow the language, like the other tables'")
    func warningsInEitherLanguage() {
        let source = "[images]\nmax_rows = 0\ncolour = 1\n"
        let english = BacaConfig.parse(source, file: "c.toml", messagesIn: .en).warnings
        #expect(english.sorted() == ["c.toml: [images] max_rows must be a number 1 … 200",
                                     "c.toml: [images] unknown key 'colour' (known: protocol, max_rows, cache_mb)"])
        let indonesian = BacaConfig.parse(source, file: "c.toml", messagesIn: .id).warnings
        #expect(indonesian.sorted() == ["c.toml: [images] kunci tidak dikenal 'colour' (ada: protocol, max_rows, cache_mb)",
                                        "c.toml: [images] max_rows harus bilangan 1 … 200"])
    }

    @Test("auto follows the terminal, none under NO_COLOR; a forced protocol stands even there")
    func resolving() {
        #expect(ImageSettings().resolve(detected: .sixel, noColor: false) == .sixel)
        #expect(ImageSettings().resolve(detected: .sixel, noColor: true) == .none)
        #expect(ImageSettings(forcedProtocol: .symbols).resolve(detected: .none, noColor: true) == .symbols)
    }

    @Test("the cache lives under XDG_CACHE_HOME, else ~/.cache")
    func cacheFolder() {
        #expect(ImageSettings.cacheDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"])?.path == "/x/cache/baca/images")
        #expect(ImageSettings.cacheDirectory(environment: ["HOME": "/h"])?.path == "/h/.cache/baca/images")
    }
}
