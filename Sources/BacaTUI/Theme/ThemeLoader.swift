import BacaCore
import Foundation

/// Finds and loads themes: `NAME.toml` from the user's theme folder, then from the built-in
/// folder, or a file by path; `default` works with no files at all.
///
/// ```swift
/// let loader = ThemeLoader(builtInDirectory: ThemeLoader.locateBuiltInDirectory())
/// let (theme, warning) = loader.loadOrDefault(config.theme ?? "default")
/// ```
public struct ThemeLoader: Sendable {
    // MARK: Where themes come from

    /// Where a theme was found.
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        /// In the user's theme folder.
        case user(path: String)
        /// In the themes shipped with baca.
        case builtIn(path: String)
        /// Compiled into the program (only `default`).
        case compiledIn

        public var description: String {
            switch self {
            case .user(let path): return DisplayPath.shorten(path)
            case .builtIn(let path): return "bawaan (\(DisplayPath.shorten(path)))"
            case .compiledIn: return "bawaan (dalam program)"
            }
        }
    }

    /// A theme `baca themes` can list.
    public struct AvailableTheme: Sendable, Equatable {
        public var name: String
        public var origin: Origin
    }

    /// `$XDG_CONFIG_HOME/baca/themes` or `~/.config/baca/themes`; searched first.
    public var userDirectory: String?
    /// The shipped `themes/` folder; searched second.
    public var builtInDirectory: String?
    /// True under `NO_COLOR`: every theme loads monochrome.
    public var noColor: Bool
    /// The language of the loader's own messages (a theme not found, the fallback).
    public var language: Language = .id

    public init(userDirectory: String?, builtInDirectory: String?, noColor: Bool = false) {
        self.userDirectory = userDirectory
        self.builtInDirectory = builtInDirectory
        self.noColor = noColor
    }

    /// A loader for this process: the user's folder and `NO_COLOR` from `environment`.
    public init(builtInDirectory: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(
            userDirectory: Self.userThemesDirectory(environment: environment),
            builtInDirectory: builtInDirectory,
            noColor: Self.noColorRequested(environment: environment)
        )
    }

    /// `$XDG_CONFIG_HOME/baca/themes`, else `~/.config/baca/themes`.
    public static func userThemesDirectory(environment: [String: String]) -> String? {
        BacaPaths.configDirectory(environment: environment).map { $0 + "/themes" }
    }

    /// `NO_COLOR` present and not empty (https://no-color.org).
    public static func noColorRequested(environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The shipped `themes/` folder: beside an installed program (`PREFIX/share/baca/themes`), in
    /// the source checkout the program was built in (`.build/debug/baca` → `themes/`), or the one
    /// next to this source file; nil when none exists (then only `default` is available).
    public static func locateBuiltInDirectory(executablePath: String? = Bundle.main.executablePath) -> String? {
        var candidates: [String] = []
        if let executablePath {
            let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            var folder = executable.deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/baca/themes").path)
            for _ in 0..<5 {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    candidates.append(folder.appendingPathComponent("themes").path)
                    break
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        // Sources/BacaTUI/Theme/ThemeLoader.swift → the checkout's themes/.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("themes").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/default.toml") }
    }

    // MARK: Loading

    /// Loads a theme by name (`dark`) or by path (anything with a `/`, or ending in `.toml`).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let document = try open(nameOrPath, from: nil)
        let chain = try inheritanceChain(from: document)
        return try ThemeResolution.resolve(chain, name: document.name, noColor: noColor)
    }

    /// Loads a theme, or the default one with the error as a warning when it cannot be loaded.
    public func loadOrDefault(_ nameOrPath: String) -> (theme: Theme, warning: String?) {
        do {
            return (try load(nameOrPath), nil)
        } catch {
            let fallback = (try? load("default")) ?? (noColor ? Theme.default.monochrome() : Theme.default)
            return (fallback, "\(error) — " + language.pick("memakai tema default", "using the default theme"))
        }
    }

    /// Every theme by name, the user's first where both folders have one, sorted by name.
    public func availableThemes() -> [AvailableTheme] {
        var found: [String: Origin] = ["default": .compiledIn]
        for (directory, isUser) in [(builtInDirectory, false), (userDirectory, true)] {
            guard let directory else { continue }
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasSuffix(".toml") {
                let path = directory + "/" + file
                found[String(file.dropLast(5))] = isUser ? .user(path: path) : .builtIn(path: path)
            }
        }
        return found.map { AvailableTheme(name: $0.key, origin: $0.value) }.sorted { $0.name < $1.name }
    }

    // MARK: Finding files

    /// The folders searched by name, in order.
    var searchDirectories: [String] { [userDirectory, builtInDirectory].compactMap { $0 } }

    /// Opens a theme by name or path. `requester` is the document whose `inherits` asked for it:
    /// a path is then relative to it, and a name skips the requester's own file, so that a user's
    /// `dark.toml` can say `inherits = "dark"` to build on the shipped one.
    private func open(_ reference: String, from requester: ThemeDocument?) throws(ThemeError) -> ThemeDocument {
        if reference.contains("/") || reference.hasSuffix(".toml") {
            var path = (reference as NSString).expandingTildeInPath
            if !path.hasPrefix("/"), let base = requester?.path {
                path = (base as NSString).deletingLastPathComponent + "/" + path
            }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return try read(path: Self.normalized(path), name: name)
        }
        for directory in searchDirectories {
            let path = Self.normalized(directory + "/" + reference + ".toml")
            if path != requester?.path, FileManager.default.fileExists(atPath: path) {
                return try read(path: path, name: reference)
            }
        }
        if reference == "default" { return DefaultTheme.document }
        let known = availableThemes().map(\.name).joined(separator: ", ")
        throw ThemeError(file: requester?.file ?? "", message: language.pick("tema tidak ditemukan", "no such theme") + ": '\(reference)' (" + language.pick("ada", "known") + ": \(known))")
    }

    /// An absolute path without `.`, `..` or symbolic links, so that one file has one name.
    private static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private func read(path: String, name: String) throws(ThemeError) -> ThemeDocument {
        let file = DisplayPath.shorten(path)
        let source: String
        do {
            source = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path)
                ? language.pick("tidak bisa dibaca (bukan UTF-8?)", "cannot be read (not UTF-8?)")
                : language.pick("berkas tidak ada", "no such file")
            throw ThemeError(file: file, message: reason)
        }
        return try ThemeDocument.parse(source, name: name, file: file, path: path)
    }

    /// The theme, then its parent, and so on; throws on a cycle (`a → b → a`).
    private func inheritanceChain(from document: ThemeDocument) throws(ThemeError) -> [ThemeDocument] {
        var chain = [document]
        var seen: Set<String> = [document.path ?? "default"]
        var current = document
        while let parentName = current.inherits {
            let parent = try open(parentName, from: current)
            let key = parent.path ?? "default"
            guard seen.insert(key).inserted else {
                let names = (chain + [parent]).map(\.name).joined(separator: " → ")
                throw ThemeError(file: current.file, message: "'inherits' berputar: \(names)")
            }
            chain.append(parent)
            current = parent
        }
        return chain
    }
}
