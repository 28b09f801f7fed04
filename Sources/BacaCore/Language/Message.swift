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
    /// `column 7, 'before:kemarin': …`: where a query goes wrong, and why.
    case queryAt(column: Int, part: String, reason: String)
    case queryNeedsValue(field: String)
    /// `invalid query: …` where the query itself is not repeated.
    case queryInvalid(reason: String)
    case queryNotADate(text: String)
    case queryUnknownField(field: String, known: [String])
    case queryReadAndUnread
    case queryUnclosedQuote

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
    case fetchedFeed(new: Int, summaryOnly: Int, pagesRecovered: Int, repairNote: String?)
    case unchangedFeed(pagesRecovered: Int)
    case failedFeed(reason: String)
    case waitingFeed(until: String)
    case pageRefused(reason: String)
    case fetchProgress(done: Int, total: Int, new: Int, failures: Int, seconds: Int)
    case fetchSummary(feeds: Int, fetched: Int, unchanged: Int, failed: Int, waiting: Int, new: Int, summaryOnly: Int,
                      refusedPages: Int, seconds: Double)
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

    // MARK: The repository

    case storeIsFolder(path: String)
    case storeMissing(path: String)
    case storeCannotCreateFolder(folder: String, reason: String)
    case storeNeedsSetUpReadOnly(path: String, version: Int)
    case storeOpenedReadOnly(label: String, doing: String)
    case storeCannotReadFile(path: String)
    case storeNotADatabase(path: String)
    case storeTruncated(path: String, detail: String)
    case storeForeign(path: String)
    case storeNewer(path: String, detail: String)
    case storeDamaged(path: String, reason: String)
    case storeBusy(label: String)
    case storeReadOnly(label: String, doing: String)
    case storeDiskFull(label: String, doing: String)
    case storeCannotOpen(label: String, reason: String)
    case storeIOError(label: String, doing: String, reason: String)
    case storeFailed(label: String, doing: String, reason: String)
    case storeNoArticle(label: String, id: Int64)
    case storeNoFeed(label: String, id: Int64)

    // MARK: Themes and [network]

    case themeInheritsNotName
    case themeMonochromeNotBool
    case themePaletteNotTable
    case themePaletteNotColor(name: String, value: String)
    case themeStyleNotColorOrTable(style: String, value: String)
    case themeAttributeNotColor(attribute: String, style: String, value: String)
    case themeModifiersNotList(style: String)
    case themeUnknownModifier(value: String, style: String)
    /// `hint`: how to write what was probably meant (a modifier, a dotted name), if anything.
    case themeUnknownAttribute(attribute: String, style: String, hint: ThemeAttributeHint?)
    case themeInheritsLoop(names: String)
    case networkNotTable
    case networkAllowPrivateNotBool
    case unknownNetworkKey(name: String)

    /// What an unknown attribute of a theme style probably meant.
    public enum ThemeAttributeHint: Sendable, Equatable {
        case modifier(String)
        case dottedName(String)
    }

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

        case .queryAt(let column, let part, let reason):
            return id ? "kolom \(column), '\(part)': \(reason)" : "column \(column), '\(part)': \(reason)"
        case .queryInvalid(let reason):
            return id ? "kueri tidak sah: \(reason)" : "invalid query: \(reason)"
        case .queryNeedsValue(let field):
            return id ? "'\(field):' perlu nilai" : "'\(field):' needs a value"
        case .queryNotADate(let text):
            return id ? "'\(text)' bukan tanggal (pakai YYYY-MM-DD)" : "'\(text)' is not a date (use YYYY-MM-DD)"
        case .queryUnknownField(let field, let known):
            let list = known.map { $0 + ":" }.joined(separator: ", ")
            return id ? "kolom tidak dikenal '\(field):' (ada: \(list); beri tanda kutip untuk mencari teksnya)"
                : "unknown field '\(field):' (known: \(list); quote it to search for the text)"
        case .queryReadAndUnread:
            return id ? "'read' dan 'unread' bersamaan tidak cocok dengan apa pun" : "'read' and 'unread' together match nothing"
        case .queryUnclosedQuote:
            return id ? "tanda kutip tidak ditutup" : "the quote is not closed"

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
        case .fetchedFeed(let new, let summaryOnly, let recovered, let repairNote):
            var text = id ? "ok  \(new) baru" : "ok  \(new) new"
            if summaryOnly > 0 { text += id ? " (\(summaryOnly) ringkasan saja)" : " (\(summaryOnly) summary only)" }
            if recovered > 0 { text += id ? ", \(recovered) halaman dipulihkan" : ", \(recovered) pages recovered" }
            if let repairNote { text += id ? "; diperbaiki (\(repairNote))" : "; repaired (\(repairNote))" }
            return text
        case .unchangedFeed(let recovered):
            let word = id ? "tak berubah" : "unchanged"
            guard recovered > 0 else { return word }
            return id ? "\(word), \(recovered) halaman dipulihkan" : "\(word), \(recovered) pages recovered"
        case .failedFeed(let reason):
            return id ? "gagal: \(reason)" : "failed: \(reason)"
        case .waitingFeed(let until):
            return id ? "menunggu: server minta tidak diambil sebelum \(until)"
                : "waiting: the server asked not to be fetched before \(until)"
        case .pageRefused(let reason):
            return id ? "halaman ditolak: \(reason)" : "page refused: \(reason)"
        case .fetchProgress(let done, let total, let new, let failures, let seconds):
            return id ? " \(done)/\(total) feed · \(new) baru · \(failures) gagal · \(seconds) dtk"
                : " \(done)/\(total) feeds · \(new) new · \(failures) failed · \(seconds) s"
        case .fetchSummary(let feeds, let fetched, let unchanged, let failed, let waiting, let new, let summaryOnly, let refused, let seconds):
            let time = String(format: "%.1f", seconds)
            if id {
                var text = "\(feeds) feed: \(fetched) diambil, \(unchanged) tak berubah, \(failed) gagal"
                if waiting > 0 { text += ", \(waiting) menunggu" }
                text += "; \(new) artikel baru"
                if summaryOnly > 0 { text += " (\(summaryOnly) ringkasan saja)" }
                if refused > 0 { text += ", \(refused) halaman ditolak" }
                return text + " dalam \(time) dtk"
            }
            var text = "\(en(feeds, "feed", "feeds")): \(fetched) fetched, \(unchanged) unchanged, \(failed) failed"
            if waiting > 0 { text += ", \(waiting) waiting" }
            text += "; \(en(new, "new article", "new articles"))"
            if summaryOnly > 0 { text += " (\(summaryOnly) summary only)" }
            if refused > 0 { text += ", \(en(refused, "page", "pages")) refused" }
            return text + " in \(time) s"
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

        case .storeIsFolder(let path):
            return id ? "\(path) adalah folder; beri jalur berkas repositori dengan --db"
                : "\(path) is a folder; give the path of a repository file with --db"
        case .storeMissing(let path):
            return id ? "\(path) tidak ada; impor artikel ke sana dulu" : "\(path) does not exist; import articles into it first"
        case .storeCannotCreateFolder(let folder, let reason):
            return id ? "tidak bisa membuat folder \(folder) untuk repositori (\(reason)); periksa izinnya"
                : "cannot create the folder \(folder) for the repository (\(reason)); check its permissions"
        case .storeNeedsSetUpReadOnly(let path, let version):
            return id ? "\(path) perlu disiapkan ke skema \(version) tetapi dibuka hanya-baca; buka sekali dengan akses tulis"
                : "\(path) needs setting up to schema \(version) but is opened read-only; open it once with write access"
        case .storeOpenedReadOnly(let label, let doing):
            return id ? "\(label) dibuka hanya-baca (berkas atau foldernya tidak bisa ditulis); \(doing) perlu akses tulis: "
                + "periksa izinnya, atau pakai salinan dengan --db"
                : "\(label) is opened read-only (the file or its folder is not writable); \(doing) needs write access: "
                + "check their permissions, or use a copy with --db"
        case .storeCannotReadFile(let path):
            return id ? "tidak bisa membaca \(path): izin ditolak; periksa izin berkasnya"
                : "cannot read \(path): permission denied; check the file's permissions"
        case .storeNotADatabase(let path):
            return id ? "\(path) bukan repositori baca (berkasnya bukan basis data); pilih berkas lain dengan --db"
                : "\(path) is not a baca repository (file is not a database); choose another file with --db"
        case .storeTruncated(let path, let detail):
            return id ? "\(path) rusak (terpotong: \(detail)); berkasnya dibiarkan: pulihkan dari cadangan, "
                + "atau impor lagi tangkapan Anda ke berkas baru dengan --db"
                : "\(path) is damaged (cut short: \(detail)); it was left untouched: restore it from a backup, "
                + "or import your captures again into a new file with --db"
        case .storeForeign(let path):
            return id ? "\(path) bukan repositori baca (berisi tabel program lain); pilih berkas lain dengan --db"
                : "\(path) is not a baca repository (it holds another program's tables); choose another file with --db"
        case .storeNewer(let path, let detail):
            return id ? "\(path) ditulis oleh baca yang lebih baru (\(detail)); perbarui baca untuk membukanya"
                : "\(path) was written by a newer baca (\(detail)); update baca to open it"
        case .storeDamaged(let path, let reason):
            return id ? "\(path) rusak (\(reason)); pulihkan dari cadangan atau impor lagi ke berkas baru"
                : "\(path) is damaged (\(reason)); restore it from a backup or import again into a new file"
        case .storeBusy(let label):
            return id ? "\(label) sibuk (baca lain sedang menulis); coba lagi sebentar lagi"
                : "\(label) is busy (another baca is writing to it); try again in a moment"
        case .storeReadOnly(let label, let doing):
            return id ? "\(label) hanya-baca; \(doing) perlu akses tulis ke berkas dan foldernya"
                : "\(label) is read-only; \(doing) needs write access to the file and its folder"
        case .storeDiskFull(let label, let doing):
            return id ? "\(label): disk penuh saat \(doing); kosongkan ruang dan coba lagi"
                : "\(label): the disk is full while \(doing); free some space and try again"
        case .storeCannotOpen(let label, let reason):
            return id ? "tidak bisa membuka \(label) (\(reason)); periksa jalur dan izinnya"
                : "cannot open \(label) (\(reason)); check the path and its permissions"
        case .storeIOError(let label, let doing, let reason):
            return id ? "\(label): galat masukan/keluaran saat \(doing) (\(reason)); periksa disknya"
                : "\(label): input/output error while \(doing) (\(reason)); check the disk"
        case .storeFailed(let label, let doing, let reason):
            return id ? "\(label): \(doing) gagal (\(reason))" : "\(label): \(doing) failed (\(reason))"
        case .storeNoArticle(let label, let articleId):
            return id ? "\(label) tidak punya artikel \(articleId)" : "\(label) has no article \(articleId)"
        case .storeNoFeed(let label, let feedId):
            return id ? "\(label) tidak punya feed \(feedId)" : "\(label) has no feed \(feedId)"
        case .themeInheritsNotName:
            return id ? "'inherits' harus berupa nama tema, misalnya inherits = \"dark\""
                : "'inherits' must be a theme name, such as inherits = \"dark\""
        case .themeMonochromeNotBool:
            return id ? "'monochrome' harus true atau false" : "'monochrome' must be true or false"
        case .themePaletteNotTable:
            return id ? "'palette' harus berupa tabel [palette]" : "'palette' must be a [palette] table"
        case .themePaletteNotColor(let name, let value):
            return id ? "warna palet '\(name)' bukan warna: \(value)" : "palette colour '\(name)' is not a colour: \(value)"
        case .themeStyleNotColorOrTable(let style, let value):
            return id ? "gaya '\(style)' harus berupa warna atau tabel { fg, bg, modifiers }, bukan \(value)"
                : "style '\(style)' must be a colour or a table { fg, bg, modifiers }, not \(value)"
        case .themeAttributeNotColor(let attribute, let style, let value):
            return id ? "'\(attribute)' di '\(style)' bukan warna: \(value)" : "'\(attribute)' of '\(style)' is not a colour: \(value)"
        case .themeModifiersNotList(let style):
            return id ? "'modifiers' di '\(style)' harus berupa daftar, misalnya [\"bold\", \"italic\"]"
                : "'modifiers' of '\(style)' must be a list, such as [\"bold\", \"italic\"]"
        case .themeUnknownModifier(let value, let style):
            return id ? "atribut gaya tidak dikenal \(value) di '\(style)' (pilih bold, dim, italic, underline, reverse)"
                : "unknown style attribute \(value) in '\(style)' (choose bold, dim, italic, underline, reverse)"
        case .themeUnknownAttribute(let attribute, let style, let hint):
            var text = id ? "atribut gaya tidak dikenal '\(attribute)' di '\(style)'" : "unknown style attribute '\(attribute)' in '\(style)'"
            switch hint {
            case .modifier(let word)?:
                text += id ? " (tulis modifiers = [\"\(word)\"])" : " (write modifiers = [\"\(word)\"])"
            case .dottedName(let name)?:
                text += id ? " (nama bertitik ditulis dalam tanda kutip: \"\(name)\")" : " (quote a dotted name: \"\(name)\")"
            case nil:
                break
            }
            return text
        case .themeInheritsLoop(let names):
            return id ? "'inherits' berputar: \(names)" : "'inherits' goes round in a circle: \(names)"
        case .networkNotTable:
            return id ? "[network] harus berupa tabel" : "[network] must be a table"
        case .networkAllowPrivateNotBool:
            return id ? "[network] allow_private_addresses harus true atau false" : "[network] allow_private_addresses must be true or false"
        case .unknownNetworkKey(let name):
            return id ? "[network] kunci tidak dikenal '\(name)' (ada: allow_private_addresses)"
                : "[network] unknown key '\(name)' (known: allow_private_addresses)"

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

/// An error that can say itself in either language (through the catalogue).
public protocol LocalizedMessage: Error {
    func describe(in language: Language) -> String
}

extension Language {
    /// `language.say(.noFeeds)`: a catalogue message in this language.
    public func say(_ message: Message) -> String { message.text(self) }

    /// An error as one line in this language when it can say itself, else as it describes itself.
    public func describe(_ error: any Error) -> String {
        (error as? any LocalizedMessage)?.describe(in: self) ?? "\(error)"
    }

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
