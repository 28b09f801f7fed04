import BacaCore
import BacaStore
import Foundation

/// The links of an article: its own page first, then every http(s) URL in its text, in order,
/// then the addresses of its related links and cited outlets (`linkTargets`), without repeats. (The repository keeps the article's words, not its markup, so links are
/// what the text itself shows.)
enum ArticleLinks {
    static func collect(_ article: Article, url: String?) -> [String] {
        var links: [String] = []
        func add(_ link: String) { if !links.contains(link) { links.append(link) } }
        if let url, url.hasPrefix("http://") || url.hasPrefix("https://") { add(url) }
        var texts = [article.title] + article.keyPoints
        if let hero = article.heroImage { texts.append(hero.caption + " " + (hero.credit ?? "")) }
        for section in article.sections {
            if let heading = section.heading { texts.append(heading) }
            texts += section.blocks.map(\.plainText)
        }
        for text in texts {
            for link in LineLinks.find(in: text) { add(link.url) }
        }
        // The pages of related articles and cited outlets, where the page linked them.
        for target in article.linkTargets ?? [] { add(target.url) }
        return links
    }
}

/// The http(s) addresses a line of text shows, with the display columns they take.
enum LineLinks {
    struct Found: Equatable {
        var url: String
        var column: Int
        var width: Int
    }

    static func find(in text: String) -> [Found] {
        guard text.contains("http") else { return [] }
        var found: [Found] = []
        var column = 0
        var word = ""
        var wordColumn = 0
        func finish() {
            defer { word = "" }
            guard word.hasPrefix("http://") || word.hasPrefix("https://") else { return }
            var candidate = word
            while let last = candidate.last, ".,;:!?'".contains(last) { candidate.removeLast() }
            if URL(string: candidate)?.host != nil {
                found.append(Found(url: candidate, column: wordColumn, width: candidate.displayWidth))
            }
        }
        for character in text {
            if character.isWhitespace || "()<>\"".contains(character) {
                finish()
            } else {
                if word.isEmpty { wordColumn = column }
                word.append(character)
            }
            column += character.displayWidth
        }
        finish()
        return found
    }
}

/// `L` in the reader: every link of the article, numbered. Enter or the link's number opens it
/// in `$BROWSER`; `y` copies it to the clipboard with OSC 52.
final class LinksOverlay: Component {
    let links: [String]
    private var cursor = 0

    var kind: ScreenKind { .tableOfContents }
    var keyContext: KeyContext { .links }
    var isOverlay: Bool { true }

    init(links: [String]) { self.links = links }

    func handle(_ command: Command, context: AppContext) -> EventResult {
        switch command {
        case .move(let movement):
            switch movement {
            case .lines(let count): cursor += count
            case .halfPages(let count), .pages(let count): cursor += count * 5
            case .top: cursor = 0
            case .bottom: cursor = links.count - 1
            }
            cursor = min(max(0, cursor), max(0, links.count - 1))
            return .done
        case .open: return open(cursor, context)
        case .link(let number): return open(number - 1, context)
        case .copyLink:
            guard cursor < links.count else { return .done }
            return .perform(.effect(.copyToClipboard(links[cursor])),
                            .message(.info(context.tr("Disalin: ", "Copied: ") + links[cursor])))
        case .back, .backOrQuit, .links:
            return .perform(.pop)
        default:
            return .ignored
        }
    }

    /// A click on a link opens it, as Enter on it does.
    func handle(click target: HitTarget, context: AppContext) -> EventResult {
        guard case .link(let index) = target else { return .ignored }
        return open(index, context)
    }

    private func open(_ index: Int, _ context: AppContext) -> EventResult {
        guard index >= 0, index < links.count else {
            return .perform(.message(.info(context.tr("Tidak ada tautan nomor \(index + 1)", "No link number \(index + 1)"))))
        }
        cursor = index
        guard let browser = context.environment.browser, !browser.isEmpty else {
            return .perform(.message(.info(context.tr("Setel $BROWSER untuk membuka tautan: \(links[index])",
                                                      "Set $BROWSER to open links: \(links[index])"))))
        }
        return .perform(.effect(.runProgram(browser + [links[index]])))
    }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        let size = context.size
        let width = min(size.columns - 4, max(40, (links.map(\.displayWidth).max() ?? 0) + 8))
        let height = min(size.rows - 4, links.count + 2)
        let left = (size.columns - width) / 2
        let top = max(1, (size.rows - height) / 2)
        buffer.fill(row: top, column: left, width: width, height: height, style: .listRow)
        buffer.write((" " + context.tr("Tautan", "Links") + " (\(links.count))").truncated(toWidth: width), row: top, column: left, style: .title)
        guard !links.isEmpty else {
            buffer.write(context.tr("  Artikel ini tidak punya tautan", "  This article has no links"), row: top + 1, column: left, style: .dim)
            return
        }
        let visible = max(1, height - 2)
        let first = min(max(0, cursor - visible / 2), max(0, links.count - visible))
        for offset in 0..<visible where first + offset < links.count {
            let index = first + offset
            let focused = index == cursor
            let line = (focused ? ">" : " ") + String(format: "%2d. ", index + 1) + links[index]
            if focused { buffer.fill(row: top + 1 + offset, column: left, width: width, height: 1, style: .listFocus) }
            let shown = line.truncated(toWidth: width - 1)
            buffer.write(shown, row: top + 1 + offset, column: left, style: focused ? .listFocus : .listRow)
            buffer.addHit(row: top + 1 + offset, column: left, width: width, .link(index))
            // The address itself, as a terminal hyperlink when it is shown whole.
            let prefixWidth = line.displayWidth - links[index].displayWidth
            if shown == line {
                buffer.addLink(row: top + 1 + offset, column: left + prefixWidth, width: links[index].displayWidth, url: links[index])
            }
        }
    }

    func status(context: AppContext) -> StatusContent {
        var hints: [Hint] = []
        func add(_ keys: String?, _ label: String) { if let keys { hints.append(Hint(keys: keys, label: label)) } }
        add(context.key(.open, .links), context.tr("buka", "open"))
        add("1-9", context.tr("buka nomor", "open number"))
        add(context.key(.copyLink, .links), context.tr("salin", "copy"))
        add(context.backKey(.links), context.tr("tutup", "close"))
        return StatusContent(hints: hints, position: links.isEmpty ? "0/0" : "\(cursor + 1)/\(links.count)")
    }
}

/// `:export PATH` and `:pipe PROGRAM…` in the reader.
enum ArticleOutput {
    /// Writes the article to `path`: Markdown, unless it ends in `.html`/`.htm` or `.txt`.
    static func export(_ article: Article, to path: String, context: AppContext) -> EventResult {
        guard !path.isEmpty else { return .perform(.message(.error(context.tr("export perlu BERKAS", "export needs a FILE")))) }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let expanded = path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst() : path
        let lower = expanded.lowercased()
        let text: String
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            text = ArticleExport.html(article)
        } else if lower.hasSuffix(".txt") {
            text = plainText(article)
        } else {
            text = ArticleExport.markdown(article)
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: expanded), options: .atomic)
            return .perform(.message(.info(context.tr("Disimpan: \(path)", "Saved: \(path)"))))
        } catch {
            return .perform(.message(.error(context.tr("Tidak bisa menyimpan \(path): ", "Cannot save \(path): ") + error.localizedDescription)))
        }
    }

    static func plainText(_ article: Article) -> String {
        ArticleLayout.make(article: article, width: 80, mode: .full).plainText() + "\n"
    }

    /// Runs `arguments` (a program and its arguments, never a shell) with the article as text
    /// on its standard input, in the background; the status bar reports how it ended.
    static func pipe(_ article: Article, to arguments: [String], context: AppContext) -> EventResult {
        guard let program = arguments.first, !program.isEmpty else {
            return .perform(.message(.error(context.tr("pipe perlu PROGRAM", "pipe needs a PROGRAM"))))
        }
        let text = plainText(article)
        let job = BackgroundJob(name: "pipe") { post in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["--"] + arguments
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                post(.programFinished(name: program, status: nil))
                return
            }
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            post(.programFinished(name: program, status: process.terminationStatus))
        }
        return .perform(.effect(.background(job)), .message(.info(context.tr("Dikirim ke \(program)", "Sent to \(program)"))))
    }
}
