import BacaCore
import Foundation
import Testing
@testable import BacaStore

@Suite("Importing")
struct ImportTests {
    @Test("an imported article reads back equal, with its list row", arguments: StoreKind.allCases)
    func importThenReadBack(kind: StoreKind) throws {
        try withStore(kind) { store in
            let importedAt = Sample.moment(11, 25, 8)
            let outcome = try store.importArticle(Sample.puncak, sourcePath: "/captures/puncak.txt", importedAt: importedAt)
            guard case .imported(let id) = outcome else {
                Issue.record("expected .imported, got \(outcome)")
                return
            }

            let stored = try #require(try store.article(id: id))
            #expect(stored.article == Sample.puncak)
            #expect(stored.id == id)
            #expect(stored.sourcePath == "/captures/puncak.txt")
            #expect(stored.state == ArticleState())
            #expect(abs(stored.importedAt.timeIntervalSince(importedAt)) < 0.001)

            let summary = try #require(try store.summary(id: id))
            #expect(summary.title == Sample.puncak.title)
            #expect(summary.publishedAt == Sample.date(2024, 11, 24))
            #expect(summary.location == "Bogor")
            #expect(summary.keyPoints == Sample.puncak.keyPoints)
            #expect(summary.leadExcerpt == "Hujan deras sejak malam membuat tebing di Jalur Puncak runtuh.")
            #expect(summary.wordCount == Sample.puncak.wordCount)
            #expect(!summary.read && !summary.starred)
            #expect(try store.counts() == ArticleCounts(total: 1, unread: 1, starred: 0))
        }
    }

    @Test("a missing id reads as nil", arguments: StoreKind.allCases)
    func missingId(kind: StoreKind) throws {
        try withStore(kind) { store in
            let article = try store.article(id: 42)
            let summary = try store.summary(id: 42)
            #expect(article == nil)
            #expect(summary == nil)
        }
    }

    @Test("importing the same file twice changes nothing", arguments: StoreKind.allCases)
    func idempotentImport(kind: StoreKind) throws {
        try withStore(kind) { store in
            let first = try store.importArticle(Sample.kafe, sourcePath: "/captures/kafe.txt")
            let second = try store.importArticle(Sample.kafe, sourcePath: "/captures/kafe.txt")
            #expect(second == .unchanged(id: first.id))
            #expect(try store.counts().total == 1)
            #expect(try store.searchCount("kemang", scope: .all) == 1)
        }
    }

    @Test("new content at the same path updates the article and keeps its state", arguments: StoreKind.allCases)
    func updateKeepsState(kind: StoreKind) throws {
        try withStore(kind) { store in
            let importedAt = Sample.moment(11, 22, 9)
            let id = try store.importArticle(Sample.kafe, sourcePath: "/captures/kafe.txt", importedAt: importedAt).id
            try store.setRead(true, id: id)
            try store.setStarred(true, id: id)
            try store.savePosition(ReadingPosition(sectionIndex: 0, blockIndex: 1), id: id)

            var edited = Sample.kafe
            edited.title = "Kafé Baru di Jakarta Selatan Tutup Sementara"
            edited.sections[0].blocks[1] = .paragraph("Pemiliknya menutup kafé untuk renovasi dapur.")
            let outcome = try store.importArticle(edited, sourcePath: "/captures/kafe.txt", importedAt: Sample.moment(11, 30))
            #expect(outcome == .updated(id: id))

            let stored = try #require(try store.article(id: id))
            #expect(stored.article == edited)
            #expect(stored.state == ArticleState(
                read: true, starred: true, position: ReadingPosition(sectionIndex: 0, blockIndex: 1)))
            #expect(abs(stored.importedAt.timeIntervalSince(importedAt)) < 0.001, "the first import's time stays")
            #expect(try store.counts() == ArticleCounts(total: 1, unread: 0, starred: 1))

            // The index follows the new text, and forgot the old.
            #expect(try store.searchCount("renovasi", scope: .all) == 1)
            #expect(try store.searchCount("mengeluhkan", scope: .all) == 0)
            #expect(try store.search("tutup sementara", scope: .all, offset: 0, limit: 10).map(\.summary.id) == [id])
        }
    }

    @Test("content already stored under another path is recognised", arguments: StoreKind.allCases)
    func contentHashDedupe(kind: StoreKind) throws {
        try withStore(kind) { store in
            let id = try store.importArticle(Sample.puncak, sourcePath: "/a/puncak.txt").id
            #expect(try store.importArticle(Sample.puncak, sourcePath: "/b/copy-of-puncak.txt") == .unchanged(id: id))
            #expect(try store.importArticle(Sample.puncak, sourcePath: nil) == .unchanged(id: id))
            #expect(try store.counts().total == 1)
            #expect(try store.article(id: id)?.sourcePath == "/a/puncak.txt")
        }
    }

    @Test("without a path the content is the identity", arguments: StoreKind.allCases)
    func identityByContent(kind: StoreKind) throws {
        try withStore(kind) { store in
            let first = try store.importArticle(Sample.kafe, sourcePath: nil)
            #expect(try store.importArticle(Sample.kafe, sourcePath: nil) == .unchanged(id: first.id))
            var other = Sample.kafe
            other.keyPoints.append("Parkir penuh.")
            let second = try store.importArticle(other, sourcePath: nil)
            #expect(second == .imported(id: second.id))
            #expect(second.id != first.id)
            #expect(try store.counts().total == 2)
        }
    }

    @Test("an article stored without a path adopts the path it is imported from next")
    func adoptsSourcePath() throws {
        let store = try ArticleStore.inMemory()
        let id = try store.importArticle(Sample.kafe, sourcePath: nil).id
        #expect(try store.importArticle(Sample.kafe, sourcePath: "/captures/kafe.txt") == .unchanged(id: id))
        #expect(try store.article(id: id)?.sourcePath == "/captures/kafe.txt")
        var edited = Sample.kafe
        edited.title = "Kafé Baru Diperluas"
        #expect(try store.importArticle(edited, sourcePath: "/captures/kafe.txt") == .updated(id: id))
    }

    @Test("a failed import leaves the repository as it was", arguments: StoreKind.allCases)
    func failedImportRollsBack(kind: StoreKind) throws {
        try withStore(kind) { store in
            let id = try store.importArticle(Sample.kafe, sourcePath: "/captures/kafe.txt").id
            try store.setStarred(true, id: id)
            let counts = try store.counts()
            let rows = try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10)

            // A new article, failing after its row and index entries were written.
            #expect(throws: StoreError.self) {
                try store.importArticle(Sample.puncak, sourcePath: "/captures/puncak.txt", importedAt: Date()) { _ in
                    throw InjectedFailure()
                }
            }
            // An update, failing the same way.
            var edited = Sample.kafe
            edited.sections[0].blocks[1] = .paragraph("Pemiliknya menutup kafé untuk renovasi dapur.")
            #expect(throws: StoreError.self) {
                try store.importArticle(edited, sourcePath: "/captures/kafe.txt", importedAt: Date()) { _ in
                    throw InjectedFailure()
                }
            }

            #expect(try store.counts() == counts)
            #expect(try store.summaries(scope: .all, sort: .newest, offset: 0, limit: 10) == rows)
            #expect(try store.article(id: id)?.article == Sample.kafe)
            #expect(try store.searchCount("longsor", scope: .all) == 0)
            #expect(try store.searchCount("renovasi", scope: .all) == 0)
            #expect(try store.searchCount("mengeluhkan", scope: .all) == 1)

            // And the repository still takes the same article afterwards.
            #expect(try store.importArticle(Sample.puncak, sourcePath: "/captures/puncak.txt") == .imported(id: id + 1))
        }
    }

    @Test("a state change on a missing article is a StoreError", arguments: StoreKind.allCases)
    func stateOfMissingArticle(kind: StoreKind) throws {
        try withStore(kind) { store in
            let error = #expect(throws: StoreError.self) { try store.setRead(true, id: 7) }
            #expect(error?.description.contains("no article 7") == true)
            #expect(throws: StoreError.self) { try store.setStarred(true, id: 7) }
            #expect(throws: StoreError.self) { try store.savePosition(nil, id: 7) }
        }
    }

    @Test("state writes change one column each", arguments: StoreKind.allCases)
    func stateUpserts(kind: StoreKind) throws {
        try withStore(kind) { store in
            let id = try store.importArticle(Sample.kafe, sourcePath: nil).id
            try store.savePosition(ReadingPosition(sectionIndex: 1, blockIndex: 3), id: id)
            try store.setStarred(true, id: id)
            try store.setRead(true, id: id)
            #expect(try store.article(id: id)?.state == ArticleState(
                read: true, starred: true, position: ReadingPosition(sectionIndex: 1, blockIndex: 3)))
            try store.setStarred(false, id: id)
            try store.savePosition(nil, id: id)
            #expect(try store.article(id: id)?.state == ArticleState(read: true, starred: false, position: nil))
            try store.setRead(false, id: id)
            #expect(try store.summary(id: id)?.read == false)
        }
    }
}

@Suite("Derived columns")
struct DerivedColumnTests {
    @Test("the dateline is cut from the lead excerpt only when it names the outlet")
    func dateline() {
        #expect(ArticleRecord.removingDateline(from: "Jakarta, IDN Times - Hujan turun.", location: "Jakarta", outlet: "IDN Times") == "Hujan turun.")
        #expect(ArticleRecord.removingDateline(from: "IDN Times – Hujan turun.", location: nil, outlet: "IDN Times") == "Hujan turun.")
        #expect(ArticleRecord.removingDateline(from: "Jakarta, kota yang padat.", location: "Jakarta", outlet: "IDN Times") == "Jakarta, kota yang padat.")
        #expect(ArticleRecord.removingDateline(from: "IDN Timesnya ramai.", location: nil, outlet: "IDN Times") == "IDN Timesnya ramai.")
    }

    @Test("an article with no lead paragraph takes its first paragraph as excerpt, or none")
    func excerptFallback() {
        let numbered = Article(title: "T", sections: [Section(number: 1, heading: "H", blocks: [.quote("“Q”"), .paragraph("Isi.")])])
        #expect(ArticleRecord.leadExcerpt(of: numbered) == "Isi.")
        #expect(ArticleRecord.leadExcerpt(of: Article(title: "T")) == nil)
    }

    @Test("equal articles hash equal; any change changes the hash")
    func contentHash() throws {
        let a = try ArticleRecord(article: Sample.kafe, sourcePath: "/a", importedAt: Date())
        let b = try ArticleRecord(article: Sample.kafe, sourcePath: "/b", importedAt: Date(timeIntervalSince1970: 0))
        var changed = Sample.kafe
        changed.disclaimer = "x"
        let c = try ArticleRecord(article: changed, sourcePath: "/a", importedAt: Date())
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash != c.contentHash)
        // A fingerprint (XXH3-128, 32 digits), never the 64 digits of an older baca's SHA-256.
        #expect(a.contentHash.count == 32)
        #expect(a.contentHash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(!LegacyContentHash.isLegacy(a.contentHash))
    }

    /// Fixed so a repository's fingerprints never silently change (a library update, another
    /// variant or byte order would make every stored article look new). Computed with the
    /// Python `xxhash` package (3.x): `xxhash.xxh3_128(data).hexdigest()`.
    @Test("the content fingerprint is XXH3-128 and matches its known values")
    func fingerprintVectors() {
        #expect(ContentFingerprint.hexDigest(of: Array("".utf8)) == "99aa06d3014798d86001c324468d497f")
        #expect(ContentFingerprint.hexDigest(of: Array("baca".utf8)) == "bcc730184d7db91e9a33d137ee906742")
        #expect(ContentFingerprint.hexDigest(of: Array("Berita hari ini: hujan deras di Jakarta.".utf8))
            == "0a38d23df965fa1cee87983386eadef1")
        // Long enough for XXH3's striped loop over 64-byte stripes and its 1,024-byte blocks.
        #expect(ContentFingerprint.hexDigest(of: (0..<1280).map { UInt8($0 % 256) }) == "d92ab3a1cb0542a74844b009e164352e")
    }

    @Test("SHA-256 matches the standard test vectors")
    func sha256() {
        #expect(SHA256.hexDigest(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest(of: Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1000))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
