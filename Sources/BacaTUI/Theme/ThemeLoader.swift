import BacaCore
import Foundation

/// Finds and loads themes: `NAME.toml` from the user's theme folder, then from the installed
/// folder, then the copy compiled into the program; or a file by path. Every shipped theme works
/// with no files at all.
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
        /// Compiled into the program (`themes/*.toml` at build time).
        case compiledIn

        public var description: String { describe(in: .en) }

        /// `bawaan (…)` / `built in (…)`, or the user's file.
        public func describe(in language: Language) -> String {
            switch self {
            case .user(let path): return language.say(.themeUser(path: DisplayPath.shorten(path)))
            case .builtIn(let path): return language.say(.themeBuiltIn(path: DisplayPath.shorten(path)))
            case .compiledIn: return language.say(.themeCompiledIn)
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
    /// The installed `themes/` folder (`PREFIX/share/baca/themes`); searched second.
    public var builtInDirectory: String?
    /// Themes compiled into the program, name → TOML text; searched last. `default` is always
    /// there, whether or not this holds it.
    public var compiledIn: [String: String]
    /// True under `NO_COLOR`: every theme loads monochrome.
    public var noColor: Bool
    /// The language of the loader's own messages (a theme not found, the fallback).
    public var language: Language = .id

    public init(
        userDirectory: String?, builtInDirectory: String?, noColor: Bool = false,
        compiledIn: [String: String] = BundledThemes.sources
    ) {
        self.userDirectory = userDirectory
        self.builtInDirectory = builtInDirectory
        self.compiledIn = compiledIn
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

    /// The installed `themes/` folder (`$BACA_SHARE_DIR/themes`, else `PREFIX/share/baca/themes`
    /// beside the running program); nil when there is none, and the compiled-in copies serve.
    public static func locateBuiltInDirectory() -> String? {
        ResourceLocator.installedDirectory(named: "themes")?.path
    }

    // MARK: Loading

    /// Loads a theme by name (`dark`) or by path (anything with a `/`, or ending in `.toml`).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let document = try open(nameOrPath, from: nil)
        let chain = try inheritanceChain(from: document)
        return try ThemeResolution.resolve(chain, name: document.name, noColor: noColor, language: language)
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
        for name in compiledIn.keys { found[name] = .compiledIn }
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
        if let source = compiledIn[reference], reference != "default" {
            return try ThemeDocument.parse(source, name: reference, file: "<tema \(reference) bawaan>", path: nil, language: language)
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
        return try ThemeDocument.parse(source, name: name, file: file, path: path, language: language)
    }

    /// One name per theme for finding cycles: its file, or its name when compiled in.
    private static func identity(of document: ThemeDocument) -> String {
        document.path ?? "compiled-in:" + document.name
    }

    /// The theme, then its parent, and so on; throws on a cycle (`a → b → a`).
    private func inheritanceChain(from document: ThemeDocument) throws(ThemeError) -> [ThemeDocument] {
        var chain = [document]
        var seen: Set<String> = [Self.identity(of: document)]
        var current = document
        while let parentName = current.inherits {
            let parent = try open(parentName, from: current)
            let key = Self.identity(of: parent)
            guard seen.insert(key).inserted else {
                let names = (chain + [parent]).map(\.name).joined(separator: " → ")
                throw ThemeError(file: current.file, message: language.say(.themeInheritsLoop(names: names)))
            }
            chain.append(parent)
            current = parent
        }
        return chain
    }
}
