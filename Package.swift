// swift-tools-version: 6.1
import PackageDescription

/// The lazily opened libraries' wrappers are compiled with hidden visibility: the functions
/// they define under a library's own names (`curl_easy_init` …) are then not exported from the
/// program, so the library, once opened, still calls its own.
let lazyLibraryFlags: [CSetting] = [.unsafeFlags(["-fvisibility=hidden"])]

/// `pkg-config --cflags chafa` on Debian and Ubuntu (each multiarch folder) and on Fedora; folders
/// that do not exist are ignored. Written out because a system-library target's pkg-config would
/// link libchafa at start (it is opened on first use, see Sources/CLazyLoad).
let chafaIncludeFlags = ["/usr/include/chafa", "/usr/include/glib-2.0"].map { "-I" + $0 }
    + ["x86_64-linux-gnu", "aarch64-linux-gnu", "arm-linux-gnueabihf", "i386-linux-gnu",
       "powerpc64le-linux-gnu", "riscv64-linux-gnu", "s390x-linux-gnu"].flatMap { triple in
        ["-I/usr/lib/\(triple)/chafa/include", "-I/usr/lib/\(triple)/glib-2.0/include"]
    }
    // Fedora and other distributions without multiarch folders.
    + ["-I/usr/lib64/chafa/include", "-I/usr/lib64/glib-2.0/include"]

let package = Package(
    name: "baca",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "baca", targets: ["baca"]),
        .library(name: "BacaCore", targets: ["BacaCore"]),
        .library(name: "BacaStore", targets: ["BacaStore"]),
        .library(name: "BacaFeeds", targets: ["BacaFeeds"]),
        .executable(name: "baca-bench", targets: ["baca-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // The pure core: model, capture parser, sanitiser, text layout. No I/O besides decoding bytes.
        .target(name: "BacaCore"),
        // The article repository: the only code that speaks SQL.
        .target(
            name: "BacaStore",
            dependencies: [
                "BacaCore", "CLibCrypto", "CXXHash", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for the search's FTS5 ranking function (`SearchRankFunction`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // xxHash's XXH3-128 (`libxxhash-dev`, header only: nothing linked, nothing needed to run):
        // the content fingerprint of an import (schema v9, `ContentFingerprint`).
        .target(name: "CXXHash"),
        // zstd (`libzstd-dev`): the article's text is stored compressed (schema v6).
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        // Libraries opened on first use (`dlopen` by soname) rather than at every start: the
        // reader's first frame needs none of them (Sources/CLazyLoad/include/baca_lazy.h). Each
        // C target below takes its types from the library's own headers (found on the default
        // include path, chafa's and GLib's excepted), links nothing, and opens the library when
        // a function of it is first called. `.ci/install-test.sh` checks the README's list of
        // them against the sonames here.
        .target(name: "CLazyLoad", linkerSettings: [.linkedLibrary("dl")]),
        // OpenSSL's libcrypto (`libssl-dev`): SHA-256 for the picture cache's file names and the
        // content hashes of repositories written before schema v9, with the CPU's SHA
        // instructions where it has them.
        .target(name: "CLibCrypto", dependencies: ["CLazyLoad"], cSettings: lazyLibraryFlags),
        // The interactive reader's pure part: state, commands, keymap, themes, views, screen buffer.
        .target(
            name: "BacaTUI",
            dependencies: ["BacaCore", "BacaStore", .product(name: "TOMLKit", package: "TOMLKit")],
            plugins: ["EmbedThemes"]
        ),
        // ncursesw, seen through a small C shim (macros and globals Swift cannot import).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // libxml2's HTML parser (`libxml2-dev`); see Sources/CLibXML2/shim.h.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // libcurl (`libcurl4-openssl-dev`) for the HTTP client; see Sources/CCurl/shim.h and
        // BacaFeeds' CurlTransfer for why not URLSession.
        .target(name: "CCurl", dependencies: ["CLazyLoad"], cSettings: lazyLibraryFlags),
        // libchafa (`libchafa-dev`, whose headers need `libglib2.0-dev`'s): pictures drawn as
        // Unicode symbols, sixel, kitty or iTerm2 graphics. Its headers' folders are those
        // `pkg-config --cflags chafa` gives on Debian and Ubuntu (a system-library target's
        // pkg-config would link the library at start, which is what this avoids).
        .target(
            name: "CChafa", dependencies: ["CLazyLoad"],
            cSettings: lazyLibraryFlags + [.unsafeFlags(chafaIncludeFlags)]),
        // The picture decoders: libpng (`libpng-dev`), libjpeg-turbo (`libjpeg62-turbo-dev`),
        // libwebp (`libwebp-dev`); see Sources/CImageCodecs/shim.h.
        .target(name: "CImageCodecs", dependencies: ["CLazyLoad"], cSettings: lazyLibraryFlags),
        // The reader's pictures: fetched through BacaFeeds' client, cached on disk, decoded,
        // drawn with chafa (BacaTUI's `ImageSource`).
        .target(
            name: "BacaImages",
            dependencies: ["BacaCore", "BacaStore", "BacaTUI", "BacaFeeds", "CChafa", "CImageCodecs"]),
        // Feeds and article pages: feed parsers, HTML extraction, the fetcher, OPML.
        .target(name: "BacaFeeds", dependencies: ["BacaCore", "BacaStore", "CLibXML2", "CCurl"]),
        // The ncurses backend and the terminal's lifecycle.
        .target(name: "BacaTerminal", dependencies: ["BacaCore", "BacaTUI", "CNcurses", "CLazyLoad"]),
        .executableTarget(
            name: "baca",
            dependencies: [
                "BacaCore", "BacaStore", "BacaFeeds", "BacaTUI", "BacaTerminal", "BacaImages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommit", "EmbedSamples"]
        ),
        // Build steps: themes/*.toml compiled into BacaTUI, samples/*.txt into baca (for
        // `--demo`), and the git commit that `baca --version` shows. They run /bin/sh and
        // nothing else (git and base64 if they are there).
        .plugin(name: "EmbedThemes", capability: .buildTool()),
        .plugin(name: "EmbedSamples", capability: .buildTool()),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // The corpus generator and the benchmark (bench/run.sh). newsboat is its runtime
        // dependency only, installed by the script; nothing else builds or tests against it.
        .executableTarget(
            name: "baca-bench",
            dependencies: [
                "BacaCore", "BacaStore", "BacaFeeds", "BacaImages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's own arithmetic (callgrind's totals, the printed figures) and its commands' exits.
        .testTarget(name: "BacaBenchTests", dependencies: ["baca-bench", "BacaTestSupport"]),
        .testTarget(name: "BacaCoreTests", dependencies: ["BacaCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BacaStoreTests", dependencies: ["BacaStore", "BacaCore", "BacaTestSupport"]),
        .testTarget(name: "BacaTUITests", dependencies: ["BacaTUI", "BacaCore", "BacaStore", "BacaFeeds", "BacaTestSupport"]),
        // Helpers shared by the tests that run the real binary.
        .target(name: "BacaTestSupport", path: "Tests/BacaTestSupport"),
        .testTarget(name: "BacaCLITests", dependencies: ["BacaCore", "BacaTestSupport"]),
        .testTarget(
            name: "BacaFeedsTests",
            dependencies: [
                "BacaFeeds", "BacaStore", "BacaCore", "BacaTestSupport", "BacaImages", "BacaTUI", "CLazyLoad",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]),
        // Hostile input, bad files, crashes, concurrent use, damaged repositories, hostile
        // terminals and fuzzing (docs/RELIABILITY.md). Sandbox and BacaBinary come from BacaTestSupport.
        .testTarget(
            name: "BacaHardeningTests",
            dependencies: [
                "BacaCore", "BacaStore", "BacaFeeds", "BacaTerminal", "BacaTUI", "BacaTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Fuzz/ is built by its own script (libFuzzer); Fixtures/ is read from the source tree.
            exclude: ["Fuzz", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
