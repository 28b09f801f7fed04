import BacaCore
import BacaStore
import Foundation
@testable import BacaTUI

/// An article built in code, with `sections` numbered sections of `paragraphs` paragraphs.
func makeArticle(
    _ title: String, day: Int, sections: Int = 3, paragraphs: Int = 3, keyPoints: [String]? = nil,
    extraText: String = ""
) -> Article {
    var allSections = [Section(blocks: [
        .paragraph("Pembuka artikel \(title). Kalimat pertama menjelaskan duduk perkara dengan jelas. \(extraText)"),
        .paragraph("Paragraf kedua pembuka memberi latar belakang yang cukup panjang agar terbungkus rapi."),
    ])]
    for number in 1...max(1, sections) where sections > 0 {
        var blocks: [Block] = []
        for index in 1...paragraphs {
            blocks.append(.paragraph("Isi bagian \(number) paragraf \(index): warga kota berbicara tentang pasar, banjir dan jalan raya yang ramai setiap pagi."))
        }
        blocks.insert(.quote("\"Kami bekerja sepanjang malam,\" kata petugas bagian \(number)."), at: 1)
        allSections.append(Section(number: number, heading: "Judul bagian \(number)", blocks: blocks))
    }
    return Article(
        title: title,
        heroImage: ImageCaption(caption: "Foto suasana \(title)", credit: "IDN Times/Fotografer"),
        keyPoints: keyPoints ?? ["Poin utama pertama tentang \(title).", "Poin kedua yang juga penting."],
        location: "Jakarta", outlet: "IDN Times",
        publishedAt: CalendarDate(year: 2024, month: 11, day: day).map(PublishedDate.init(day:)),
        editor: "Sari Dewi",
        sections: allSections)
}

/// A reader over an in-memory repository, with the default keys and theme.
func makeApp(articles: [Article], size: TerminalSize = TerminalSize(columns: 80, rows: 24), config: String? = nil) throws -> App {
    let store = try ArticleStore.inMemory()
    for (index, article) in articles.enumerated() {
        _ = try store.importArticle(article, sourcePath: "/test/\(index).txt")
    }
    var keyMap = KeyMap.default
    if let config {
        let loaded = BacaConfig.parse(config, file: "test-config.toml")
        keyMap = loaded.keyMap
    }
    let environment = AppEnvironment(
        store: store, keyMap: keyMap, theme: Theme.default,
        loadTheme: { name in
            if name == "mono" { return Theme(name: "mono", styles: [:], isMonochrome: true) }
            throw StoreError("unknown theme \(name)")
        })
    let app = App(environment: environment)
    app.resize(to: size)
    return app
}

extension App {
    /// Presses keys given as key names (`j`, `enter`, `ctrl-d`, `]`).
    func press(_ names: String...) {
        for name in names {
            guard let key = Key(name: name) else { fatalError("no key named \(name)") }
            handle(.key(key))
        }
    }

    /// Types text at a prompt.
    func type(_ text: String) {
        for character in text { handle(.key(.character(character))) }
    }

    /// The frame as text lines, trailing blanks trimmed.
    var screenLines: [String] {
        render().buffer.lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    var screenText: String { screenLines.joined(separator: "\n") }
}
