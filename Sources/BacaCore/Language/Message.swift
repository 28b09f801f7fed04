import Foundation

/// What baca says to a user outside the reader's own screens: the command line's messages and
/// errors, and the problems of `config.toml` that the CLI and the reader both show. One typed
/// case a message, both languages side by side in `text(_:)`, so no message can miss its
/// translation and no caller looks text up by a string key.
///
/// Values in a message (file names, URLs, titles, a library's reason) are given, never
/// translated. JSON output has no messages: its keys stay the same in both languages.
public enum Message: Sendable, Equatable {
    // MARK: Errors of the command line

    case noConfigFile(path: String)
    case noRepository(path: String)
    case noFeed(name: String)
    case noSavedSearch(name: String)
    case noArticle(id: Int64)
    case invalidQuery(query: String, reason: String)
    case cannotSaveSearch(name: String, reason: String)
    case readerNeedsTerminal
    case samplesNotFound
    case noSamplesImported(folder: String)
    case cannotReadFile(path: String, reason: String)
    case nothingToUndo
    case nothingFound(query: String)
    /// The first of several problems, and how many more there are.
    case firstOfProblems(first: String, more: Int)
    case invalidDate(option: String, value: String)
    case invalidLanguage(value: String)

    // MARK: What the commands report

    case noFeeds
    case noFeedDue
    case noTags
    case noSavedSearches
    case noRules
    case searchDeleted(name: String)
    case searchSaved(name: String, unread: Int, query: String)
    case searchReplaced(name: String, unread: Int, query: String)
    /// `3 unread, 10 articles` of a saved search or a tag.
    case unreadOfArticles(unread: Int, articles: Int)
    case invalidSavedSearch(reason: String)
    case nothingToMark
    case markQuestion(count: Int)
    case nothingMarked
    case marked(count: Int)
    case journalEmpty
    case undone(change: String, count: Int)
    case articleCount(Int)
    /// `would remove` / `removed`, before an article's line.
    case pruneAction(dryRun: Bool)
    /// `too old` / `over the limit`: why an article goes.
    case pruneReason(tooOld: Bool)
    case pruned(count: Int, dryRun: Bool)
    case importLine(status: ImportStatusWord, reason: String?)
    case decodedFrom(encoding: String)
    case importSummary(imported: Int, updated: Int, unchanged: Int, failed: Int)
    case notifyDidNotStart(program: String, reason: String)
    case notifyTookTooLong(program: String)
    case notifyExited(program: String, status: Int32)
    case feedAdded(id: Int64, url: String)
    case feedAlreadySubscribed(id: Int64, url: String)
    case feedOfPage(page: String)
    case feedNotCheckedNow(reason: String)
    case severalFeeds(page: String, count: Int)
    case feedRemoved(id: Int64, url: String, deletedArticles: Int?)
    case tagLine(unread: Int, articles: Int, feeds: Int, tag: String)
    case opmlSkipped(url: String)
    case opmlSummary(feeds: Int, added: Int, existing: Int, skipped: Int)
    case themeOK(name: String)
    case themeBuiltIn(path: String)
    case themeCompiledIn
    case themeUser(path: String)

    // MARK: config.toml

    /// `baris 3, kolom 7: …`: a TOML syntax error at its place, in toml++'s own words.
    case tomlSyntax(line: Int, column: Int, detail: String)
    case reloadIntervalNotDuration
    case notifyCommandNotList
    case limitsNotTable
    case limitNotPositive(name: String)
    case unknownLimit(name: String)
    case ruleNotArrayOfTables
    case ruleNotTable(number: Int)
    case ruleProblem(number: Int, problem: String)
    case ruleValueNotText(key: String)
    case unknownRuleKey(key: String, known: [String])
    case ruleActionMissing
    case unknownRuleAction(String)
    case ruleMatchesEverything

    /// The words an import gives each file.
    public enum ImportStatusWord: Sendable, Equatable {
        case imported, updated, unchanged, failed
    }

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        let id = language == .id
        func en(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        switch self {
        case .noConfigFile(let path):
            return id ? "tidak ada berkas config di \(path)" : "no config file at \(path)"
        case .noRepository(let path):
            return id ? "tidak ada repositori di \(path); periksa jalurnya, atau buat dengan 'baca import BERKAS --db \(path)'"
                : "no repository at \(path); check the path, or create it with 'baca import FILES --db \(path)'"
        case .noFeed(let name):
            return id ? "tidak ada feed \(name); lihat baca feed list" : "no feed \(name); see baca feed list"
        case .noSavedSearch(let name):
            return id ? "tidak ada pencarian tersimpan '\(name)'; lihat baca searches" : "no saved search '\(name)'; see baca searches"
        case .noArticle(let articleId):
            return id ? "tidak ada artikel dengan id \(articleId); 'baca list' menampilkan id-nya"
                : "no article with id \(articleId); 'baca list' shows the ids"
        case .invalidQuery(let query, let reason):
            return id ? "kueri tidak sah '\(query)': \(reason)" : "invalid query '\(query)': \(reason)"
        case .cannotSaveSearch(let name, let reason):
            return id ? "tidak bisa menyimpan '\(name)': \(reason)" : "cannot save '\(name)': \(reason)"
        case .readerNeedsTerminal:
            return id ? "pembaca perlu terminal; coba 'baca list' atau 'baca show ID'"
                : "the reader needs a terminal; try 'baca list' or 'baca show ID'"
        case .samplesNotFound:
            return id ? "contoh artikel tidak ditemukan (dicari di samping program dan di checkout sumber); "
                + "atur BACA_SHARE_DIR ke folder yang berisi samples/"
                : "cannot find the sample articles (looked beside the program and in the source checkout); "
                + "set BACA_SHARE_DIR to the folder that holds samples/"
        case .noSamplesImported(let folder):
            return id ? "tidak ada contoh artikel yang bisa diimpor dari \(folder)" : "no sample articles could be imported from \(folder)"
        case .cannotReadFile(let path, let reason):
            return id ? "tidak bisa membaca \(path) (\(reason))" : "cannot read \(path) (\(reason))"
        case .nothingToUndo:
            return id ? "tidak ada yang bisa dibatalkan: jurnal kosong" : "nothing to undo: the journal is empty"
        case .nothingFound(let query):
            return id ? "tidak ada hasil untuk '\(query)'" : "nothing found for '\(query)'"
        case .firstOfProblems(let first, let more):
            return more == 0 ? first : id ? "\(first) (dan \(more) lagi)" : "\(first) (and \(more) more)"
        case .invalidDate(let option, let value):
            return id ? "\(option) harus berupa tanggal YYYY-MM-DD, bukan '\(value)'"
                : "\(option) must be a date as YYYY-MM-DD, not '\(value)'"
        case .invalidLanguage(let value):
            return id ? "bahasa harus id atau en, bukan '\(value)'" : "the language must be id or en, not '\(value)'"

        case .noFeeds:
            return id ? "belum ada feed; tambahkan dengan: baca feed add URL" : "no feeds; add one with: baca feed add URL"
        case .noFeedDue:
            return id ? "tidak ada feed yang jatuh tempo" : "no feed is due"
        case .noTags:
            return id ? "belum ada tag; tambahkan dengan: baca feed tag ID TAG" : "no tags; add one with: baca feed tag ID TAG"
        case .noSavedSearches:
            return id ? "belum ada pencarian tersimpan; simpan dengan: baca search KUERI --save NAMA"
                : "no saved searches; save one with: baca search QUERY --save NAME"
        case .noRules:
            return id ? "belum ada aturan; tambahkan tabel [[rule]] di config.toml (lihat baca rules --help)"
                : "no rules; add [[rule]] tables to config.toml (see baca rules --help)"
        case .searchDeleted(let name):
            return id ? "dihapus  \(name)" : "deleted  \(name)"
        case .searchSaved(let name, let unread, let query):
            return id ? "disimpan  \(name)  \(unread) belum dibaca  \(query)" : "saved  \(name)  \(unread) unread  \(query)"
        case .searchReplaced(let name, let unread, let query):
            return id ? "diganti  \(name)  \(unread) belum dibaca  \(query)" : "replaced  \(name)  \(unread) unread  \(query)"
        case .unreadOfArticles(let unread, let articles):
            return id ? "\(unread) belum dibaca, \(articles) artikel" : "\(unread) unread, \(en(articles, "article", "articles"))"
        case .invalidSavedSearch(let reason):
            return id ? "tidak sah: \(reason)" : "invalid: \(reason)"
        case .nothingToMark:
            return id ? "tidak ada yang ditandai: tidak ada artikel belum dibaca yang cocok" : "nothing to mark: no unread article matches"
        case .markQuestion(let count):
            return id ? "Tandai \(count) artikel sudah dibaca?" : "Mark \(en(count, "article", "articles")) read?"
        case .nothingMarked:
            return id ? "tidak ada yang ditandai" : "nothing marked"
        case .marked(let count):
            return id ? "\(count) artikel ditandai sudah dibaca; batalkan dengan: baca undo"
                : "marked \(en(count, "article", "articles")) read; undo with: baca undo"
        case .journalEmpty:
            return id ? "jurnal kosong" : "the journal is empty"
        case .undone(let change, let count):
            return id ? "dibatalkan: \(change) (\(count) artikel dipulihkan)"
                : "undone: \(change) (\(en(count, "article", "articles")) restored)"
        case .articleCount(let count):
            return id ? "\(count) artikel" : en(count, "article", "articles")
        case .pruneAction(let dryRun):
            return id ? (dryRun ? "akan dihapus" : "dihapus") : (dryRun ? "would remove" : "removed")
        case .pruneReason(let tooOld):
            return id ? (tooOld ? "terlalu lama" : "melewati batas") : (tooOld ? "too old" : "over the limit")
        case .pruned(let count, let dryRun):
            if id { return dryRun ? "\(count) artikel akan dihapus; tidak ada yang diubah" : "\(count) artikel dihapus" }
            return dryRun ? "\(en(count, "article", "articles")) would be removed; nothing changed"
                : "\(en(count, "article", "articles")) removed"
        case .importLine(let status, let reason):
            let word: String
            switch status {
            case .imported: word = id ? "diimpor" : "imported"
            case .updated: word = id ? "diperbarui" : "updated"
            case .unchanged: word = id ? "tak berubah" : "unchanged"
            case .failed: word = id ? "gagal" : "failed"
            }
            return reason.map { "\(word): \($0)" } ?? word
        case .decodedFrom(let encoding):
            return id ? "(didekode dari \(encoding))" : "(decoded from \(encoding))"
        case .importSummary(let imported, let updated, let unchanged, let failed):
            let total = imported + updated + unchanged + failed
            return id ? "\(total) berkas: \(imported) diimpor, \(updated) diperbarui, \(unchanged) tak berubah, \(failed) gagal"
                : "\(en(total, "file", "files")): \(imported) imported, \(updated) updated, \(unchanged) unchanged, \(failed) failed"
        case .notifyDidNotStart(let program, let reason):
            return id ? "notify-command \(program) tidak bisa dijalankan (\(reason))" : "notify-command \(program) did not start (\(reason))"
        case .notifyTookTooLong(let program):
            return id ? "notify-command \(program) berjalan lebih dari 10 detik; dihentikan"
                : "notify-command \(program) took more than 10 s; stopped"
        case .notifyExited(let program, let status):
            return id ? "notify-command \(program) keluar dengan \(status)" : "notify-command \(program) exited with \(status)"
        case .feedAdded(let feedId, let url):
            return id ? "ditambahkan  \(feedId)  \(url)" : "added  \(feedId)  \(url)"
        case .feedAlreadySubscribed(let feedId, let url):
            return id ? "sudah berlangganan  \(feedId)  \(url)" : "already subscribed  \(feedId)  \(url)"
        case .feedOfPage(let page):
            return id ? "feed dari \(page)" : "the feed of \(page)"
        case .feedNotCheckedNow(let reason):
            return id ? "belum diperiksa sekarang: \(reason); baca fetch akan mencobanya"
                : "not checked now: \(reason); baca fetch will try it"
        case .severalFeeds(let page, let count):
            return id ? "\(page) menyebut \(count) feed; tambahkan yang Anda mau:"
                : "\(page) names \(count) feeds; add the one you want:"
        case .feedRemoved(let feedId, let url, let deleted):
            let tail = deleted.map { id ? "  (\($0) artikel dihapus)" : "  (\($0) articles deleted)" } ?? ""
            return (id ? "dihapus  \(feedId)  \(url)" : "removed  \(feedId)  \(url)") + tail
        case .tagLine(let unread, let articles, let feeds, let tag):
            return id ? "\(unread) belum dibaca, \(articles) artikel, \(feeds) feed  \(tag)"
                : "\(unread) unread, \(articles) articles, \(en(feeds, "feed", "feeds"))  \(tag)"
        case .opmlSkipped(let url):
            return id ? "dilewati: bukan URL http atau https  \(url)" : "skipped: not an http or https URL  \(url)"
        case .opmlSummary(let feeds, let added, let existing, let skipped):
            return id ? "\(feeds) feed: \(added) ditambahkan, \(existing) sudah berlangganan, \(skipped) dilewati"
                : "\(feeds) feeds: \(added) added, \(existing) already subscribed, \(skipped) skipped"
        case .themeOK(let name):
            return "\(name): ok"   // "ok" is Indonesian too
        case .themeBuiltIn(let path):
            return id ? "bawaan (\(path))" : "built in (\(path))"
        case .themeCompiledIn:
            return id ? "bawaan (dalam program)" : "built in (inside the program)"
        case .themeUser(let path):
            return path

        case .tomlSyntax(let line, let column, let detail):
            return id ? "baris \(line), kolom \(column): \(detail)" : "line \(line), column \(column): \(detail)"
        case .reloadIntervalNotDuration:
            return id ? "'reload-interval' harus berupa lama waktu seperti \"30m\", \"2h\" atau \"1d\""
                : "'reload-interval' must be a duration such as \"30m\", \"2h\" or \"1d\""
        case .notifyCommandNotList:
            return id ? "'notify-command' harus berupa daftar argumen, misalnya [\"notify-send\", \"baca\"]"
                : "'notify-command' must be a list of arguments, for example [\"notify-send\", \"baca\"]"
        case .limitsNotTable:
            return id ? "'limits' harus berupa tabel [limits]" : "'limits' must be a [limits] table"
        case .limitNotPositive(let name):
            return id ? "[limits] '\(name)' harus berupa bilangan bulat positif" : "[limits] '\(name)' must be a positive whole number"
        case .unknownLimit(let name):
            return id ? "[limits] kunci tidak dikenal '\(name)' (ada: keep-articles, keep-days)"
                : "[limits] unknown key '\(name)' (known: keep-articles, keep-days)"
        case .ruleNotArrayOfTables:
            return id ? "aturan ditulis sebagai [[rule]]" : "rules are written as [[rule]]"
        case .ruleNotTable(let number):
            return id ? "[[rule]] ke-\(number) harus berupa tabel" : "[[rule]] number \(number) must be a table"
        case .ruleProblem(let number, let problem):
            return id ? "[[rule]] ke-\(number): \(problem)" : "[[rule]] number \(number): \(problem)"
        case .ruleValueNotText(let key):
            return id ? "'\(key)' harus berupa teks atau daftar teks" : "'\(key)' must be text or a list of texts"
        case .unknownRuleKey(let key, let known):
            return id ? "kunci tidak dikenal '\(key)' (ada: \(known.joined(separator: ", ")))"
                : "unknown key '\(key)' (known: \(known.joined(separator: ", ")))"
        case .ruleActionMissing:
            return id ? "'action' harus \"hide\" atau \"mark-read\"" : "'action' must be \"hide\" or \"mark-read\""
        case .unknownRuleAction(let action):
            return id ? "action '\(action)' tidak dikenal (pilih hide atau mark-read)" : "unknown action '\(action)' (choose hide or mark-read)"
        case .ruleMatchesEverything:
            return id ? "aturan tanpa feed, tag, title, author atau words akan mengenai semua artikel"
                : "a rule without feed, tag, title, author or words would match every article"
        }
    }
}

extension Language {
    /// `language.say(.noFeeds)`: a catalogue message in this language.
    public func say(_ message: Message) -> String { message.text(self) }

    /// The language a word names, in either language's words: `id`, `en`, `indonesia`,
    /// `english`, `inggris`, … (for `--language`, `BACA_LANGUAGE` and `language =`).
    public init?(word: String) {
        switch word.trimmingCharacters(in: .whitespaces).lowercased() {
        case "id", "ind", "indonesia", "indonesian", "bahasa", "bahasa indonesia": self = .id
        case "en", "eng", "english", "inggris", "bahasa inggris": self = .en
        default: return nil
        }
    }
}
