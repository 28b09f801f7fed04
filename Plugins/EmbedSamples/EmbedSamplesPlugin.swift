import Foundation
import PackagePlugin

/// Compiles the package's `samples/*.txt` into the target as `BundledSamples.files` (file name →
/// its bytes in base64), so that `baca --demo` from a lone copy of the program, with no
/// `share/baca/samples` beside it, still has its articles. Base64 rather than a string literal:
/// the samples carry CRLF line ends and byte-order marks on purpose, which a Swift literal would
/// not keep. A build command with the sample files as inputs: it runs again when one changes.
@main
struct EmbedSamplesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let samples = context.package.directoryURL.appendingPathComponent("samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
            .map { samples.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BundledSamples.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) sample articles into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "embed-samples", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    /// `$1` the Swift file to write, then the sample files (`base64` is coreutils').
    static let script = #"""
        set -eu
        PATH="/usr/local/bin:/usr/bin:/bin:${PATH:-}"
        out="$1"; shift
        {
            echo '// Generated from samples/*.txt by the EmbedSamples plugin (Plugins/EmbedSamples); not in git.'
            echo ''
            echo '/// The sample articles, compiled in: file name → the file'"'"'s bytes in base64.'
            echo 'enum BundledSamples {'
            echo '    static let files: [(name: String, base64: String)] = ['
            for file in "$@"; do
                printf '        ("%s", "%s"),\n' "$(basename "$file")" "$(base64 -w 0 "$file")"
            done
            echo '    ]'
            echo '}'
        } > "$out.new"
        mv "$out.new" "$out"
        """#
}
