// MARK: - The command table

extension CommandSpec {
    private static let moving: [KeyContext] = [.list, .reader, .help, .toc, .feeds, .links]

    /// Every command, in the order the help screen lists them.
    public static let all: [CommandSpec] = [
        // Moving
        CommandSpec(.moveDown, "turun satu baris", contexts: moving),
        CommandSpec(.moveUp, "naik satu baris", contexts: moving),
        CommandSpec(.halfPageDown, "turun setengah layar", contexts: moving),
        CommandSpec(.halfPageUp, "naik setengah layar", contexts: moving),
        CommandSpec(.pageDown, "turun satu layar", contexts: moving),
        CommandSpec(.pageUp, "naik satu layar", contexts: moving),
        CommandSpec(.goTop, "ke paling atas", contexts: moving),
        CommandSpec(.goBottom, "ke paling bawah", contexts: moving),

        // List
        CommandSpec(
            .open, "baca artikel terpilih", contexts: [.list, .toc, .feeds, .links],
            contextHelp: [.toc: "lompat ke bagian terpilih", .links: "buka tautannya", .feeds: "buka artikelnya"]
        ),
        CommandSpec(.toggleRead, "tandai sudah/belum dibaca", contexts: [.list, .reader]),
        CommandSpec(.toggleStar, "beri/hapus bintang", contexts: [.list, .reader]),
        CommandSpec(
            .filter, "saring daftar", contexts: [.list],
            arguments: [
                ArgumentSpec(
                    "SARING",
                    .choice(
                        ["all", "unread", "starred"],
                        synonyms: ["semua": "all", "belum": "unread", "belum-dibaca": "unread", "bintang": "starred"]
                    ),
                    optional: true
                )
            ],
            aliases: ["saring"],
            argumentHelp: [
                "": "belum dibaca saja / semua",
                "all": "tampilkan semua artikel",
                "unread": "tampilkan yang belum dibaca",
                "starred": "tampilkan yang berbintang",
            ]
        ),
        CommandSpec(
            .sort, "urutkan daftar", contexts: [.list],
            arguments: [
                ArgumentSpec(
                    "URUTAN",
                    .choice(
                        ["date", "oldest", "title"],
                        synonyms: ["newest": "date", "terbaru": "date", "terlama": "oldest", "judul": "title"]
                    ),
                    optional: true
                )
            ],
            aliases: ["urut"],
            argumentHelp: [
                "": "urutkan terbaru dulu",
                "date": "urutkan terbaru dulu",
                "oldest": "urutkan terlama dulu",
                "title": "urutkan menurut judul",
            ]
        ),
        CommandSpec(.refresh, "muat ulang daftar", contexts: [.list]),

        // Feeds
        CommandSpec(.feeds, "daftar langganan (feed)", contexts: [.list], aliases: ["langganan"]),
        CommandSpec(.fetch, "ambil artikel baru dari semua feed", contexts: [.list, .reader, .feeds], aliases: ["ambil"]),
        CommandSpec(.openLink, "buka tautan artikel di $BROWSER", contexts: [.list, .reader], aliases: ["buka"]),
        CommandSpec(
            .feed, "kelola langganan: feed add URL", contexts: [.global],
            arguments: [ArgumentSpec("add", .choice(["add"], synonyms: ["tambah": "add"])), ArgumentSpec("URL")]
        ),

        // The daily workflow
        CommandSpec(
            .tag, "artikel satu tag; tanpa NAMA: tag berikutnya di daftar langganan", contexts: [.list, .feeds],
            arguments: [ArgumentSpec("NAMA", optional: true, variadic: true)]
        ),
        CommandSpec(
            .saveSearch, "simpan pencarian ini dengan nama", contexts: [.list],
            arguments: [ArgumentSpec("NAMA", variadic: true)], aliases: ["simpan-cari"]
        ),
        CommandSpec(.markAllRead, "tandai semua di tampilan ini sudah dibaca", contexts: [.list, .feeds], aliases: ["baca-semua"]),
        CommandSpec(.undo, "batalkan tandai-massal terakhir", contexts: [.global], aliases: ["batal"]),
        CommandSpec(
            .export, "simpan artikel ke berkas (.md, .html, .txt)", contexts: [.reader],
            arguments: [ArgumentSpec("BERKAS", variadic: true)], aliases: ["ekspor"]
        ),
        CommandSpec(
            .pipe, "kirim artikel sebagai teks ke program (tanpa PROGRAM: tanyakan)", contexts: [.reader],
            arguments: [ArgumentSpec("PROGRAM", optional: true, variadic: true)]
        ),
        CommandSpec(.links, "daftar tautan artikel", contexts: [.reader], aliases: ["tautan"]),
        CommandSpec(.link, "buka tautan nomor N di $BROWSER", contexts: [.links], arguments: [ArgumentSpec("N", .number)]),
        CommandSpec(.copyLink, "salin tautan (OSC 52)", contexts: [.links]),

        // Reader
        CommandSpec(
            .back, "kembali satu tingkat", contexts: [.list, .reader, .help, .toc, .feeds, .links],
            aliases: ["kembali"],
            contextHelp: [.reader: "kembali ke daftar", .help: "tutup bantuan (atau hapus cari)", .toc: "tutup daftar isi"]
        ),
        CommandSpec(
            .backOrQuit, "kembali satu tingkat; di daftar utama: keluar", contexts: [.list, .reader, .help, .toc, .feeds, .links]
        ),
        CommandSpec(.nextSection, "bagian berikutnya", contexts: [.reader]),
        CommandSpec(.previousSection, "bagian sebelumnya", contexts: [.reader]),
        CommandSpec(
            .gotoSection, "lompat ke bagian nomor N", contexts: [.reader],
            arguments: [ArgumentSpec("N", .number)], aliases: ["bagian"]
        ),
        CommandSpec(.tableOfContents, "daftar isi artikel", contexts: [.reader], aliases: ["isi"]),
        CommandSpec(.toggleSummary, "tampilan ringkas/lengkap", contexts: [.reader], aliases: ["ringkas"]),
        CommandSpec(.toggleImages, "tampilkan/sembunyikan gambar", contexts: [.reader], aliases: ["gambar"]),
        CommandSpec(.nextArticle, "artikel berikutnya", contexts: [.reader]),
        CommandSpec(.previousArticle, "artikel sebelumnya", contexts: [.reader]),

        // Search
        CommandSpec(
            .search, "cari", contexts: [.list, .reader, .help],
            arguments: [ArgumentSpec("TEKS", optional: true, variadic: true)], aliases: ["cari"],
            contextHelp: [.list: "cari artikel", .reader: "cari di artikel ini"]
        ),
        CommandSpec(.searchNext, "hasil cari berikutnya", contexts: [.list, .reader]),
        CommandSpec(.searchPrevious, "hasil cari sebelumnya", contexts: [.list, .reader]),
        CommandSpec(.clearSearch, "hapus pencarian", contexts: [.list, .reader]),

        // Global
        CommandSpec(.help, "bantuan: daftar tombol", contexts: [.global], aliases: ["h", "bantuan"]),
        CommandSpec(.commandLine, "baris perintah", contexts: [.global]),
        CommandSpec(
            .theme, "ganti tema", contexts: [.global],
            arguments: [ArgumentSpec("NAMA", optional: true)], aliases: ["tema"],
            argumentHelp: ["": "tampilkan tema sekarang"]
        ),
        CommandSpec(
            .importPath, "impor berkas artikel", contexts: [.global],
            arguments: [ArgumentSpec("BERKAS", variadic: true)], aliases: ["impor"]
        ),
        CommandSpec(.redraw, "gambar ulang layar", contexts: [.global]),
        CommandSpec(.quit, "keluar dari baca (dari layar mana pun)", contexts: [.global], aliases: ["q", "keluar"]),

        // Prompt editing
        CommandSpec(.promptSubmit, "jalankan / cari", contexts: [.prompt]),
        CommandSpec(.promptCancel, "batal", contexts: [.prompt]),
        CommandSpec(.promptLeft, "kursor ke kiri", contexts: [.prompt]),
        CommandSpec(.promptRight, "kursor ke kanan", contexts: [.prompt]),
        CommandSpec(.promptHome, "ke awal baris", contexts: [.prompt]),
        CommandSpec(.promptEnd, "ke akhir baris", contexts: [.prompt]),
        CommandSpec(.promptBackspace, "hapus huruf sebelum kursor", contexts: [.prompt]),
        CommandSpec(.promptDelete, "hapus huruf di kursor", contexts: [.prompt]),
        CommandSpec(.promptKillLine, "hapus seluruh baris", contexts: [.prompt]),
        CommandSpec(.promptKillWord, "hapus kata sebelum kursor", contexts: [.prompt]),
        CommandSpec(.promptHistoryPrevious, "riwayat sebelumnya", contexts: [.prompt]),
        CommandSpec(.promptHistoryNext, "riwayat berikutnya", contexts: [.prompt]),
        CommandSpec(.promptComplete, "lengkapi nama perintah", contexts: [.prompt]),
    ]
}
