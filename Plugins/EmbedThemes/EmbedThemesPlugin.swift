import Foundation
import PackagePlugin

/// Compiles the package's `themes/*.toml` into the target as `BundledThemes.sources` (name →
/// text), so that a lone copy of the program still has every shipped theme. A build command with
/// the theme files as inputs: it runs again when one of them changes.
@main
struct EmbedThemesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themes = context.package.directoryURL.appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: themes.path)
            .filter { $0.hasSuffix(".toml") }
            .sorted()
            .map { themes.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BundledThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) themes into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "embed-themes", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    /// `$1` the Swift file to write, then the theme files. Each file becomes a raw string literal
    /// (`#####"""…"""#####`), which takes the text exactly as it is; a file that could end such a
    /// literal early is refused rather than escaped.
    static let script = #"""
        set -eu
        out="$1"; shift
        delimiter='#####'
        {
            echo '// Generated from themes/*.toml by the EmbedThemes plugin (Plugins/EmbedThemes); not in git.'
            echo ''
            echo '/// The shipped themes, compiled in: file name without `.toml` → the file'"'"'s text.'
            echo 'public enum BundledThemes {'
            echo '    public static let sources: [String: String] = ['
            for file in "$@"; do
                if grep -q -e "\"\"\"$delimiter" -e "\\\\$delimiter" "$file"; then
                    echo "error: $file contains $delimiter, which cannot be embedded" >&2
                    exit 1
                fi
                name=$(basename "$file" .toml)
                echo "\"$name\": $delimiter\"\"\""
                cat "$file"
                echo ''
                echo "\"\"\"$delimiter,"
            done
            echo '    ]'
            echo '}'
        } > "$out.new"
        mv "$out.new" "$out"
        """#
}
