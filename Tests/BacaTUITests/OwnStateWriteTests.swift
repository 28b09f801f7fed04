import BacaCore
import BacaStore
import Foundation
import Testing
@testable import BacaTUI

/// The reader's own state writes (read, star, reading position) change the repository's data
/// version like any other commit; the next idle tick must not take them for another process's
/// import and read the whole list again (docs/PERFORMANCE.md: ~10 ms at 100,000 articles).
@Suite("The reader's own state writes do not reload the list")
struct OwnStateWriteTests {
    /// A reader over a repository file (a real one: the store watches it through a second
    /// connection, as it does when another process imports), and that file's path.
    func makeFileApp(_ titles: [String]) throws -> (TestReader, String) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("baca-own-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("baca.sqlite").path
        let store = try ArticleStore(path: path)
        for (index, title) in titles.enumerated() {
            _ = try store.importArticle(makeArticle(title, day: 20 - index), sourcePath: "/test/\(index).txt")
        }
        let environment = AppEnvironment(store: store, keyMap: .default, theme: .default, loadTheme: { _ in .default }, language: .id)
        let app = App(environment: environment)
        return (TestReader(app: app, backend: MemoryBackend(size: TerminalSize(columns: 80, rows: 24)), store: store), path)
    }

    /// Lets the queued state writes land, then runs the idle tick.
    func settleAndTick(_ app: TestReader) {
        app.app.context.stateWriter.finish()
        app.idle()
    }

    @Test("opening an article (marks it read), starring it and marking it unread: no reload, counts right")
    func ownWrites() throws {
        let (app, _) = try makeFileApp(["Banjir Rob Genangi Pesisir", "Pasar Malam Dibuka", "Jalan Tol Diresmikan"])
        settleAndTick(app)
        let before = app.rootList.model.reloads
        app.press("enter")
        settleAndTick(app)
        app.press("q")
        settleAndTick(app)
        #expect(app.screenLines[0].contains("3 artikel · 2 belum dibaca"))
        app.press("f")
        settleAndTick(app)
        app.press("j", "m")
        settleAndTick(app)
        #expect(app.rootList.model.reloads == before)
        #expect(app.screenLines[0].contains("3 artikel · 1 belum dibaca"))
        #expect(app.app.context.counts.starred == 1)
    }

    /// The idle tick can come between an own write's commit and the moment its versions are
    /// noted (a position saved by that very tick, on a busy machine): it waits for the next tick.
    @Test("an idle tick during an own write's commit does not take it for another process's")
    func tickDuringOwnWrite() throws {
        let (app, _) = try makeFileApp(["Banjir Rob Genangi Pesisir", "Pasar Malam Dibuka"])
        settleAndTick(app)
        let before = app.rootList.model.reloads
        let committed = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let id = try #require(app.rootList.model.row(at: 0)).id
        app.app.context.stateWriter.enqueue { store in
            try store.setStarred(true, id: id)
            committed.signal()
            release.wait()
        }
        committed.wait()
        app.idle()
        #expect(app.rootList.model.reloads == before)
        release.signal()
        settleAndTick(app)
        #expect(app.rootList.model.reloads == before)
    }

    /// A long import lets another writer in only now and then: a state write that found the
    /// repository busy past the time-out is tried again, and only a busy error is.
    @Test("a state write is tried again while the repository is busy, and only then")
    func busyRetried() throws {
        var calls = 0
        try StateWriter.retryingWhileBusy {
            calls += 1
            if calls < 3 { throw StoreError(.storeBusy(label: "baca.sqlite")) }
        }
        #expect(calls == 3)
        calls = 0
        #expect(throws: StoreError.self) {
            try StateWriter.retryingWhileBusy {
                calls += 1
                throw StoreError(.storeReadOnly(label: "baca.sqlite", doing: "starring"))
            }
        }
        #expect(calls == 1)
        calls = 0
        #expect(throws: StoreError.self) {
            try StateWriter.retryingWhileBusy(attempts: 4) {
                calls += 1
                throw StoreError(.storeBusy(label: "baca.sqlite"))
            }
        }
        #expect(calls == 4)
    }

    @Test("another process's import still reloads the list and shows the new article")
    func foreignWrite() throws {
        let (app, path) = try makeFileApp(["Banjir Rob Genangi Pesisir"])
        app.press("enter", "q")
        settleAndTick(app)
        let before = app.rootList.model.reloads
        let other = try ArticleStore(path: path)
        _ = try other.importArticle(makeArticle("Kabar Baru Dari Pelabuhan", day: 27), sourcePath: "/test/new.txt")
        settleAndTick(app)
        #expect(app.rootList.model.reloads == before + 1)
        #expect(app.screenText.contains("Kabar Baru Dari Pelabuhan"))
    }

    @Test("in the unread list an article read leaves it: that write reloads")
    func filteredListReloads() throws {
        let (app, _) = try makeFileApp(["Banjir Rob Genangi Pesisir", "Pasar Malam Dibuka"])
        app.command("filter unread")
        settleAndTick(app)
        let before = app.rootList.model.reloads
        app.press("enter", "q")
        settleAndTick(app)
        #expect(app.rootList.model.reloads == before + 1)
        #expect(app.screenLines[23].contains("1/1"))
    }
}
