/// The words the corpus generator writes with. All lowercase ASCII except the names.
///
/// Two lists carry the statistics:
/// - `fillerWords`, roughly in order of frequency, drawn for every running word of the text with
///   a Zipf–Mandelbrot law (rank r weighs 1/(r + 2.7)), as in real prose;
/// - `topicWords`, in order of popularity: every article has a main and a second topic, drawn with
///   a Zipf law (rank r weighs 1/r). A topic's word appears only in the articles about it, so the
///   share of articles that contain it is known in advance; the benchmark's search words are the
///   topics whose share is nearest 10 %, 1 % and 0.1 % (see `CorpusPlan`).
///
/// The lists are disjoint by construction (`CorpusPlan` drops filler words that are topics).
enum Vocabulary {
    static let topicWords: [String] = """
        banjir pemilu inflasi gempa vaksin macet sampah beras kebakaran korupsi mudik festival nelayan
        petani stunting longsor kemarau listrik pajak investasi startup kuliner batik timnas badminton
        motogp kereta bandara pelabuhan tol pasar kopi cabai bawang gula minyak garam sapi ayam udang
        sawit karet cengkeh vanili kakao tembakau jagung kedelai singkong padi tebu pupuk irigasi
        bendungan waduk danau pantai hutan mangrove terumbu kawah erupsi tsunami kabut polusi iklim emisi
        karbon surya baterai nikel tambang batubara emas timah bauksit migas kilang smelter pabrik buruh
        upah pesangon pengangguran lowongan magang beasiswa kampus mahasiswa guru siswa kurikulum ujian
        zonasi perpustakaan museum candi keraton wayang gamelan angklung keroncong dangdut konser film
        bioskop sinetron novel puisi komik animasi esport sepeda maraton renang voli basket futsal tinju
        silat karate catur atletik panahan liga stadion suporter wasit pelatih puskesmas dokter perawat
        bidan apotek demam malaria tuberkulosis diabetes hipertensi kanker jantung ginjal gizi imunisasi
        posyandu sanitasi asuransi pensiun perbankan kredit pinjol saham obligasi kripto emiten ekspor
        impor cukai koperasi ojek angkot kapal feri pesawat maskapai tiket hotel homestay kelurahan bupati
        gubernur menteri presiden kabinet partai kampanye caleg pilkada bawaslu polisi tilang narkoba
        pencurian penipuan judi hoaks siber internet sinyal satelit robot drone cip gawai ponsel laptop
        sumur abrasi reklamasi tanggul drainase gorong trotoar jembatan terowongan halte parkir bengkel
        pertalite solar elpiji kompor sembako bansos subsidi zakat wakaf haji umrah masjid gereja pura
        vihara klenteng ramadan lebaran natal nyepi waisak imlek kurban takjil ngabuburit ketupat rendang
        sate bakso soto gudeg pempek rawon seblak martabak tempe durian manggis salak mangga rambutan
        pisang kelapa nanas semangka anggrek melati bonsai kucing anjing burung gajah harimau orangutan
        komodo badak penyu hiu paus lumba buaya ular monyet rusa elang cendrawasih kupu lebah madu jamur
        kebun sawah ladang hidroponik kompos limbah plastik kerajinan tenun songket ulos keris ukiran
        gerabah anyaman rotan bambu mebel busana kosmetik parfum perhiasan properti apartemen rusun kos
        sertifikat sengketa warisan perceraian pernikahan adopsi lansia disabilitas pramuka relawan donor
        evakuasi pengungsi kekeringan karhutla cuaca suhu gelombang badai siklon petir salju kabel tarif
        ombak karang kerapu tuna cakalang lobster rumput rempah jamu dukun kemenyan dupa lilin lampion
        ondel reog barongsai kecak pencak layang gasing egrang kelereng bekel congklak
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let fillerWords: [String] = """
        yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke karena tersebut bisa ada
        mereka lebih sudah atau telah oleh hingga para kami masih menjadi sebagai harus namun setelah
        baru bahwa tahun hari warga pemerintah saat secara sangat masyarakat lalu dua kota satu tiga
        banyak agar jika tetapi belum sejak kembali menurut antara sekitar seperti hal cukup mulai program
        kegiatan pihak daerah wilayah orang anak ibu bapak keluarga rumah kantor jalan waktu bulan pekan
        pagi siang sore malam lokasi kawasan kecamatan petugas kepala dinas badan layanan data informasi
        kebijakan anggaran dana biaya mengatakan menjelaskan menyebutkan mengungkapkan menambahkan meminta
        berharap melakukan memberikan mendapatkan membuat menggunakan membantu menyiapkan mengikuti
        mendorong meningkatkan menurunkan menunggu menerima mengirim membangun memperbaiki besar kecil
        baik tinggi rendah panjang pendek cepat lambat mudah sulit penting utama lama ramai sepi aman
        bersih murah mahal sejumlah beberapa semua setiap seluruh sebagian lain sendiri bersama terus
        selalu sering jarang kadang hanya bahkan tentu memang pun saja lagi sempat segera langsung
        nanti kemarin sekarang kini dulu tadi depan belakang atas bawah luar samping tengah dekat jauh
        tempat bagian jumlah angka persen ribu juta miliar triliun kilometer meter jam menit detik
        pukul tanggal periode tahap proses sistem upaya langkah rencana target hasil dampak manfaat
        masalah kendala tantangan peluang kesempatan kondisi situasi keadaan posisi peran fungsi tugas
        tanggung jawab kerja sama pertemuan rapat acara peresmian pembukaan penutupan pelaksanaan
        pengawasan pemeriksaan penanganan pencegahan perlindungan pengembangan pembangunan perbaikan
        peningkatan penurunan kenaikan perubahan pertumbuhan penjualan pembelian penyaluran pendataan
        pendaftaran penyerahan penghargaan bantuan dukungan kerjasama koordinasi sosialisasi edukasi
        pelatihan pendampingan pemantauan evaluasi laporan catatan keterangan pernyataan penjelasan
        tanggapan usulan permintaan keluhan harapan pesan imbauan peringatan ketentuan aturan regulasi
        undang keputusan izin syarat prosedur mekanisme standar kualitas kapasitas fasilitas sarana
        prasarana infrastruktur gedung ruang lapangan halaman taman lahan area titik jalur arus akses
        pintu gerbang jendela atap dinding lantai tangga kendaraan mobil motor truk perahu penumpang
        pengunjung peserta penonton pembeli penjual pedagang pengusaha pekerja karyawan pegawai pejabat
        pimpinan ketua anggota tokoh pengurus panitia tim kelompok komunitas organisasi lembaga instansi
        perusahaan usaha bisnis industri sektor produk barang jasa harga nilai modal keuntungan kerugian
        pendapatan pengeluaran tabungan pinjaman utang cicilan pembayaran transaksi dagang toko warung
        kios gudang stok pasokan permintaan distribusi pengiriman produksi hasil panen musim tanam
        kualitas air tanah udara api cahaya suara warna bentuk ukuran berat tinggi luas dalam tebal
        baru lama muda tua pertama kedua ketiga terakhir berikutnya sebelumnya selanjutnya akhirnya
        awalnya biasanya umumnya khususnya terutama termasuk misalnya yakni yaitu ialah adalah merupakan
        berupa berasal berada bertemu berjalan bekerja belajar bermain berbicara berkumpul bergabung
        berlangsung berlaku berhasil berusaha berencana bersiap bertahan berubah bertambah berkurang
        terjadi terlihat terdapat tercatat terkait termasuk terus terbuka tertutup terbesar terkecil
        tertinggi terendah terbaik terdekat terjauh ditemukan ditangani dibangun dibuka ditutup dipakai
        digunakan diberikan diterima dikirim dijual dibeli dibayar dilakukan dilaksanakan diharapkan
        disebut dinilai dianggap diminta diajak diundang dihadiri diikuti didukung dibantu disiapkan
        diperbaiki ditingkatkan dikembangkan diresmikan diumumkan dilaporkan diperkirakan dipastikan
        ditargetkan direncanakan mengenai terhadap tentang bagi kepada melalui tanpa selama sampai
        sehingga supaya walaupun meskipun sedangkan sementara kemudian akhir awal tengah sebelum sesudah
        ketika bila apabila maka pula lagi mungkin tampak terasa merasa melihat mendengar membaca menulis
        berkata bertanya menjawab menjual membeli membayar mengambil membawa memakai menanam memanen
        memasak makan minum tidur bangun pulang pergi datang tiba berangkat kembali keluar masuk naik
        turun buka tutup mulai selesai lanjut henti pindah tinggal hidup mati sakit sehat kuat lemah
        senang sedih marah takut berani yakin ragu puas kecewa bangga malu lelah semangat sabar ramah
        sopan jujur rajin tekun teliti hati pikiran perasaan pendapat pandangan sikap perilaku kebiasaan
        budaya tradisi adat agama bahasa sejarah cerita kisah pengalaman kenangan peristiwa kejadian
        kasus perkara korban pelaku saksi tersangka terdakwa hakim jaksa pengacara sidang putusan hukuman
        denda penjara sanksi pelanggaran kejahatan keamanan ketertiban patroli razia operasi penangkapan
        penyelidikan penyidikan barang bukti uang tunai rekening dompet tas kunci surat dokumen kartu
        identitas nama alamat nomor telepon pesan video foto gambar berita media sosial akun unggahan
        komentar warganet viral populer terkenal ternama sederhana modern tradisional lokal nasional
        internasional regional pusat provinsi kabupaten desa dusun kampung pulau benua negara dunia
        utara selatan timur barat hulu hilir pesisir pedalaman perbatasan pinggiran sekitarnya setempat
        umum khusus resmi swasta negeri mandiri gratis terbatas penuh kosong cukup kurang lebih sama
        berbeda serupa mirip jelas terang gelap panas dingin hangat sejuk basah kering hujan deras
        ringan berat keras lembut halus kasar manis asin pedas asam pahit gurih segar harum wangi
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Cities that open a dateline (`Bandung, IDN Times - …`).
    static let cities: [String] = """
        Jakarta Bandung Surabaya Medan Semarang Yogyakarta Makassar Palembang Denpasar Malang Padang
        Pekanbaru Banjarmasin Pontianak Samarinda Balikpapan Manado Mataram Kupang Jayapura Ambon
        Kendari Palu Jambi Bengkulu Lampung Serang Tangerang Bekasi Depok Bogor Cirebon Tasikmalaya
        Solo Magelang Tegal Kudus Jember Banyuwangi Kediri Madiun Blitar Probolinggo Lumajang Sumenep
        Batam Tanjungpinang Pangkalpinang Gorontalo Ternate Sorong Merauke Bukittinggi Purwokerto
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Invented people: a first name and a family name drawn apart.
    static let firstNames: [String] = """
        Agus Budi Citra Dewi Eko Fitri Gilang Hendra Indah Joko Kartika Lestari Made Nur Oki Putri
        Rahmat Sari Taufik Udin Vina Wahyu Yanti Zainal Arif Bambang Cahya Dimas Endang Farhan Galih
        Hana Irfan Jihan Kurnia Lukman Mega Nanda Oktaviani Pandu Rina Sigit Tiara Umar Wulan Yoga
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let lastNames: [String] = """
        Santoso Wijaya Pratama Lestari Nugroho Saputra Hidayat Kusuma Setiawan Rahayu Siregar Nasution
        Simanjuntak Harahap Tanjung Pohan Wibowo Susanto Hakim Fauzi Anggraini Permana Gunawan Purnomo
        Suryadi Halim Wirawan Maulana Ramadhan Febrianti Utami Kurniawan Prasetyo Sulaeman Fadhilah
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Invented outlets for `Dilansir …,` and `Mengutip …,`.
    static let outlets: [String] = [
        "Harian Cakrawala Nusantara", "Kabar Selaparang", "Warta Dewata", "Lensa Pasundan",
        "Suara Jateng Raya", "Buletin Pasar Deli", "Ranah Minang Hari Ini", "Warta Olahraga Nusantara",
        "Jurnal Sains Pesisir", "Kabar Arema Raya", "Layar Kita", "Kabar Mataram Raya",
        "Harian Borneo Timur", "Suara Celebes", "Warta Bahari", "Jurnal Teknologi Priangan",
    ]

    static let quoteVerbs = ["kata", "ujar", "tutur", "ungkap", "jelas"]
    static let quoteSuffixVerbs = ["ujarnya", "tuturnya", "katanya", "ungkapnya", "jelasnya"]

    /// Indonesian weekday names, Sunday first (the order `CorpusDate.weekday` counts in).
    static let weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    /// Worded like the real ones (see the reference capture): a community writer, reviewed by editors.
    static let disclaimers = [
        "This article is written by our community writers and has been reviewed by our editorial team. We strive to provide accurate and reliable information.",
        "This piece was written by a member of our community of writers and edited by the IDN Times team. We aim to publish information that is accurate and fair.",
    ]
}
