import Foundation

/// Lines entered at a prompt, oldest first, kept in a file so they survive restarts.
final class PromptHistory {
    private(set) var entries: [String]
    private let file: URL?
    let limit = 200

    init(file: URL?) {
        self.file = file
        if let file, let text = try? String(contentsOf: file, encoding: .utf8) {
            entries = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        } else {
            entries = []
        }
    }

    func add(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains("\n") else { return }
        entries.removeAll { $0 == trimmed }
        entries.append(trimmed)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        isDirty = true
    }

    private var isDirty = false

    /// Writes the file when lines were added; the app calls it when idle and on quit, not at
    /// the key press: the atomic write syncs the file to disk, which cost 4 ms of every search
    /// (`docs/PERFORMANCE.md`).
    func saveIfNeeded() {
        guard isDirty else { return }
        isDirty = false
        save()
    }

    private func save() {
        guard let file else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (entries.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
