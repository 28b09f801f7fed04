import BacaCore

// MARK: - The command table's help in English

extension CommandSpec {
    /// The English of every help line in `CommandSpec.all` (its `help`, `contextHelp` and
    /// `argumentHelp`), keyed by the Indonesian line the table is written in. A test checks
    /// that no line of the table is missing here.
    static let englishHelp: [String: String] = [
        "turun satu baris": "down one line",
        "naik satu baris": "up one line",
        "turun setengah layar": "down half a screen",
        "naik setengah layar": "up half a screen",
        "turun satu layar": "down one screen",
        "naik satu layar": "up one screen",
        "ke paling atas": "to the top",
        "ke paling bawah": "to the bottom",
        "baca artikel terpilih": "read the chosen article",
        "tandai sudah/belum dibaca": "mark read/unread",
        "beri/hapus bintang": "star/unstar",
        "saring daftar": "filter the list",
        "urutkan daftar": "sort the list",
        "muat ulang daftar": "reload the list",
        "daftar langganan (feed)": "subscriptions (feeds)",
        "ambil artikel baru dari semua feed": "fetch new articles from every feed",
        "buka tautan artikel di $BROWSER": "open the article's link in $BROWSER",
        "kelola langganan: feed add URL": "manage subscriptions: feed add URL",
        "artikel satu tag; tanpa NAMA: tag berikutnya di daftar langganan": "one tag's articles; without NAME: the next tag in the feeds view",
        "simpan pencarian ini dengan nama": "save this search under a name",
        "tandai semua di tampilan ini sudah dibaca": "mark everything in this view read",
        "batalkan tandai-massal terakhir": "undo the last bulk mark-read",
        "simpan artikel ke berkas (.md, .html, .txt)": "save the article to a file (.md, .html, .txt)",
        "kirim artikel sebagai teks ke program (tanpa PROGRAM: tanyakan)": "pipe the article as text to a program (without PROGRAM: ask)",
        "daftar tautan artikel": "the article's links",
        "buka tautan nomor N di $BROWSER": "open link number N in $BROWSER",
        "salin tautan (OSC 52)": "copy the link (OSC 52)",
        "kembali satu tingkat": "back one level",
        "kembali satu tingkat; di daftar utama: keluar": "back one level; in the main list: quit",
        "bagian berikutnya": "next section",
        "bagian sebelumnya": "previous section",
        "lompat ke bagian nomor N": "jump to section number N",
        "daftar isi artikel": "the article's contents",
        "tampilan ringkas/lengkap": "summary/full view",
        "tampilkan/sembunyikan gambar": "show/hide pictures",
        "artikel berikutnya": "next article",
        "artikel sebelumnya": "previous article",
        "cari": "search",
        "hasil cari berikutnya": "next match",
        "hasil cari sebelumnya": "previous match",
        "hapus pencarian": "clear the search",
        "bantuan: daftar tombol": "help: the keys",
        "baris perintah": "command line",
        "ganti tema": "change the theme",
        "impor berkas artikel": "import article files",
        "gambar ulang layar": "redraw the screen",
        "keluar dari baca (dari layar mana pun)": "quit baca (from any screen)",
        "jalankan / cari": "run / search",
        "batal": "cancel",
        "kursor ke kiri": "cursor left",
        "kursor ke kanan": "cursor right",
        "ke awal baris": "to the start of the line",
        "ke akhir baris": "to the end of the line",
        "hapus huruf sebelum kursor": "delete the character before the cursor",
        "hapus huruf di kursor": "delete the character at the cursor",
        "hapus seluruh baris": "delete the whole line",
        "hapus kata sebelum kursor": "delete the word before the cursor",
        "riwayat sebelumnya": "previous in history",
        "riwayat berikutnya": "next in history",
        "lengkapi nama perintah": "complete the command's name",
        "lompat ke bagian terpilih": "jump to the chosen section",
        "buka tautannya": "open the link",
        "buka artikelnya": "open its articles",
        "kembali ke daftar": "back to the list",
        "tutup bantuan (atau hapus cari)": "close help (or clear its search)",
        "tutup daftar isi": "close the contents",
        "cari artikel": "search articles",
        "cari di artikel ini": "search in this article",
        "belum dibaca saja / semua": "unread only / all",
        "tampilkan semua artikel": "show every article",
        "tampilkan yang belum dibaca": "show the unread ones",
        "tampilkan yang berbintang": "show the starred ones",
        "urutkan terbaru dulu": "newest first",
        "urutkan terlama dulu": "oldest first",
        "urutkan menurut judul": "by title",
        "tampilkan tema sekarang": "show the current theme",
    ]

    /// A help line of the table in `language`.
    public static func helpLine(_ indonesian: String, in language: Language) -> String {
        language == .en ? englishHelp[indonesian] ?? indonesian : indonesian
    }

    /// Every help line the table holds, in Indonesian (for the test that each has its English).
    static var allHelpLines: [String] {
        all.flatMap { [$0.help] + Array($0.contextHelp.values) + Array($0.argumentHelp.values) }
    }
}
