import BacaCore
import BacaStore
import Foundation

/// Marking a whole view read (`A`, `:mark-all-read`), asking first above a threshold, and
/// undoing it (`U`, `:undo`) from the repository's journal.
enum BulkRead {
    /// More unread articles than this in the view: ask first.
    static let confirmAbove = 10

    /// Everything unread in `list` read: the list's query, or its rows for a full-text search.
    static func markView(_ list: ListScreen, context: AppContext) -> EventResult {
        let name = list.viewName(context)
        if let query = list.model.viewQuery {
            let count = (try? context.store.count(matching: query, unreadOnly: true)) ?? 0
            return confirm(count: count, name: name, context: context) {
                try context.store.markRead(matching: query, describing: "A: \(name)")
            }
        }
        let ids = (0..<list.model.count).compactMap { list.model.row(at: $0) }.filter { !$0.read }.map(\.id)
        return confirm(count: ids.count, name: name, context: context) {
            try context.store.markRead(ids: ids, describing: "A: \(name)")
        }
    }

    /// A tag's, a saved search's or a feed's articles read, from the feeds view.
    static func markQuery(_ query: LibraryQuery, name: String, context: AppContext) -> EventResult {
        let count = (try? context.store.count(matching: query, unreadOnly: true)) ?? 0
        return confirm(count: count, name: name, context: context) {
            try context.store.markRead(matching: query, describing: "A: \(name)")
        }
    }

    private static func confirm(count: Int, name: String, context: AppContext, _ change: @escaping () throws -> BulkChange) -> EventResult {
        guard count > 0 else {
            return .perform(.message(.info(context.tr("Tidak ada yang belum dibaca di sini", "Nothing unread here"))))
        }
        let apply: () -> [Action] = {
            do {
                let done = try change()
                let undoKey = context.key(.undo, .list) ?? ":undo"
                return [.dataChanged, .message(.info(context.tr(
                    "\(done.count) artikel ditandai sudah dibaca · \(undoKey) batalkan",
                    "\(done.count) articles marked read · \(undoKey) undoes")))]
            } catch {
                return [.message(.error(context.language.describe(error)))]
            }
        }
        guard count > confirmAbove else { return .consumed(apply()) }
        let question = context.tr("Tandai \(count) artikel di \(name) sudah dibaca? (y/n)",
                                  "Mark \(count) articles in \(name) read? (y/n)")
        return .perform(.push(ConfirmOverlay(question: question, onYes: apply)))
    }

    /// `U`: the last bulk change undone.
    static func undo(context: AppContext) -> EventResult {
        do {
            guard let change = try context.store.undoLastBulkChange() else {
                return .perform(.message(.info(context.tr("Tidak ada yang bisa dibatalkan", "Nothing to undo"))))
            }
            return .perform(.dataChanged, .message(.info(context.tr(
                "Dibatalkan: \(change.description) (\(change.count) artikel)",
                "Undone: \(change.description) (\(change.count) articles)"))))
        } catch {
            return .perform(.message(.error(context.language.describe(error))))
        }
    }
}

/// A yes/no question on the bottom row. `y` runs `onYes`; anything else (`n`, Enter, Esc) does not.
final class ConfirmOverlay: Component {
    let question: String
    let onYes: () -> [Action]

    var kind: ScreenKind { .prompt }
    /// The prompt's context: unbound keys arrive as characters.
    var keyContext: KeyContext { .prompt }
    var isOverlay: Bool { true }

    init(question: String, onYes: @escaping () -> [Action]) {
        self.question = question
        self.onYes = onYes
    }

    func handle(character: Character, context: AppContext) -> EventResult {
        if character == "y" || character == "Y" { return .consumed([.pop] + onYes()) }
        return .consumed([.pop, .message(.info(context.tr("Tidak jadi", "Cancelled")))])
    }

    func handle(_ command: Command, context: AppContext) -> EventResult {
        .consumed([.pop, .message(.info(context.tr("Tidak jadi", "Cancelled")))])
    }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        let row = context.size.rows - 1
        buffer.fill(row: row, column: 0, width: context.size.columns, height: 1, style: .status)
        buffer.write(question.truncated(toWidth: context.size.columns - 1), row: row, column: 0, style: .status)
    }

    func status(context: AppContext) -> StatusContent { StatusContent() }
}

/// `:tag NAME`: the articles of a tag's feeds as a list of their own.
enum TagLists {
    static func open(_ name: String, context: AppContext) -> EventResult {
        let tags = (try? context.store.tagOverviews()) ?? []
        guard let tag = tags.first(where: { $0.tag.lowercased() == name.lowercased() }) else {
            let known = tags.map(\.tag).joined(separator: ", ")
            return .perform(.message(.error(context.tr("Tidak ada tag \(name)", "No tag \(name)")
                + (known.isEmpty ? "" : " (\(known))"))))
        }
        return .perform(.push(ListScreen(level: .library(name: "tag: \(tag.tag)", query: LibraryQuery(tags: [tag.tag])), store: context.store)))
    }
}
