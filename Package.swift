// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "baca",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "baca", targets: ["baca"]),
        .library(name: "BacaCore", targets: ["BacaCore"]),
        .library(name: "BacaStore", targets: ["BacaStore"]),
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
            dependencies: ["BacaCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The interactive reader's pure part: state, commands, keymap, themes, views, screen buffer.
        .target(
            name: "BacaTUI",
            dependencies: ["BacaCore", "BacaStore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // ncursesw, seen through a small C shim (macros and globals Swift cannot import).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The ncurses backend and the terminal's lifecycle.
        .target(name: "BacaTerminal", dependencies: ["BacaCore", "BacaTUI", "CNcurses"]),
        .executableTarget(
            name: "baca",
            dependencies: [
                "BacaCore", "BacaStore", "BacaTUI", "BacaTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: []
        ),
        .testTarget(name: "BacaCoreTests", dependencies: ["BacaCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BacaStoreTests", dependencies: ["BacaStore", "BacaCore"]),
        .testTarget(name: "BacaTUITests", dependencies: ["BacaTUI", "BacaCore", "BacaStore"]),
        .testTarget(name: "BacaCLITests", dependencies: ["BacaCore"]),
        // Hostile input, bad files, crashes, concurrent use, damaged repositories, hostile
        // terminals and fuzzing (docs/RELIABILITY.md). Its Support/ links the CLI tests' helpers.
        .testTarget(
            name: "BacaHardeningTests",
            dependencies: [
                "BacaCore", "BacaStore", "BacaTerminal", "BacaTUI",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Fuzz/ is built by its own script (libFuzzer); Fixtures/ is read from the source tree.
            exclude: ["Fuzz", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
