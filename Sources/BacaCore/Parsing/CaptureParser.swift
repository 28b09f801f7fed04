/// Parses the sanitised text of a capture into an `Article`.
///
/// A capture is read top to bottom in one pass:
/// 1. **top chrome**: the app promo and menu words (`For`, `You`) before the title;
/// 2. **title**: the first line with words in it (it may start with a number, `5 Fakta …`);
/// 3. **header**: the hero caption printed twice, then `Intinya sih...` and its bullets;
/// 4. **body**: runs of lines separated by blank lines, made into sections by
///    `SectionAssembler`; images, related links, the disclaimer and the footer (read by
///    `FooterReader`) are recognised line by line on the way.
///
/// Any line that is neither chrome nor structure ends up in a paragraph, so no sentence of the
/// article is lost.
public enum CaptureParser {
    /// A first line longer than this is a paragraph, not a title: the file has no title.
    public static let maximumTitleLength = 300

    /// The article in `text`, which must be sanitised already (see `Sanitizer`).
    public static func parse(_ text: String) throws(CaptureError) -> Article {
        var reader = Reader(lines: CaptureLine.split(text))
        return try reader.read()
    }

    /// The article in sanitised text given as its UTF-8 (`Sanitizer.sanitizedUTF8`).
    static func parse(sanitizedUTF8 text: [UInt8]) throws(CaptureError) -> Article {
        var reader = Reader(lines: text.withUnsafeBufferPointer { CaptureLine.split(utf8: $0) })
        return try reader.read()
    }

    struct Reader {
        let lines: [CaptureLine]
        var index = 0

        init(lines: [CaptureLine]) {
            self.lines = lines
        }

        mutating func read() throws(CaptureError) -> Article {
            skipTopChrome()
            guard index < lines.count, Self.isTitle(lines[index]) else { throw .noTitle }
            var article = Article(title: lines[index].text)
            index += 1
            readHeader(into: &article)
            readBody(into: &article)
            return article
        }

        // MARK: Top and header

        /// Skips the promo and the menu words under it. Known menu words go anywhere before the
        /// title; any other line of one or two words goes too while still in the promo's
        /// paragraph (menus differ between editions; titles are longer than that).
        mutating func skipTopChrome() {
            var inPromoParagraph = false
            while index < lines.count {
                let line = lines[index]
                if line.isBlank || !line.hasWordCharacters {
                    if line.isBlank { inPromoParagraph = false }
                    index += 1
                    continue
                }
                if CaptureChrome.isPromo(line.key) {
                    inPromoParagraph = true
                } else if !CaptureChrome.navigationWords.contains(line.key)
                            && !(inPromoParagraph && line.wordCount <= 2) {
                    return
                }
                index += 1
            }
        }

        /// The first line of words must not be some other part of the page.
        static func isTitle(_ line: CaptureLine) -> Bool {
            // A text has no more characters than bytes: counting its characters (a pass over
            // the graphemes) is needed only past that many bytes.
            guard line.text.utf8.count <= maximumTitleLength || line.text.count <= maximumTitleLength else { return false }
            let key = line.key
            return CaptureChrome.FooterHeading(key: key) == nil
                && !CaptureChrome.isKeyPointsHeading(key)
                && !CaptureChrome.isDisclaimer(line)
                && CaptureChrome.relatedTitle(line) == nil
                && line.bulletItem == nil
                && Dateline(paragraph: line.text) == nil
        }

        /// The hero caption and the key points, in either order, each at most once.
        mutating func readHeader(into article: inout Article) {
            var readKeyPoints = false
            while true {
                skipBlankLines()
                guard index < lines.count else { return }
                if !readKeyPoints, CaptureChrome.isKeyPointsHeading(lines[index].key) {
                    index += 1
                    article.keyPoints = readKeyPointItems()
                    readKeyPoints = true
                } else if article.heroImage == nil, let (caption, next) = heroCaption() {
                    article.heroImage = caption
                    index = next
                } else {
                    return
                }
            }
        }

        mutating func heroCaption() -> (ImageCaption, next: Int)? {
            if let pair = CaptionMatcher.pair(in: lines, at: index, requireCredit: false) { return pair }
            var end = index
            while end < lines.count, !lines[end].isBlank, !CaptureChrome.isKeyPointsHeading(lines[end].key) {
                end += 1
            }
            return CaptionMatcher.wrappedPair(lines[index..<end]).map { ($0, end) }
        }

        /// Bullet lines under `Intinya sih`. Blank lines between bullets are skipped; an
        /// indented line without a bullet continues the point above (a wrapped dump).
        mutating func readKeyPointItems() -> [String] {
            var items: [String] = []
            while index < lines.count {
                let line = lines[index]
                if line.isBlank {
                    var next = index
                    while next < lines.count, lines[next].isBlank { next += 1 }
                    guard next < lines.count, lines[next].bulletItem != nil else { break }
                    index = next
                } else if let item = line.bulletItem {
                    items.append(item)
                    index += 1
                } else if !items.isEmpty, line.indent > 0, !isStructure(line) {
                    items[items.count - 1] += " " + line.text
                    index += 1
                } else {
                    break
                }
            }
            return items
        }

        mutating func skipBlankLines() {
            while index < lines.count, lines[index].isBlank { index += 1 }
        }

        /// A line that starts something of its own, and so never continues another line.
        func isStructure(_ line: CaptureLine) -> Bool {
            let key = line.key
            return CaptureChrome.FooterHeading(key: key) != nil || CaptureChrome.isPromo(key)
                || CaptureChrome.isDisclaimer(line) || CaptureChrome.relatedTitle(line) != nil
                || Dateline(paragraph: line.text) != nil
        }

        // MARK: Body

        mutating func readBody(into article: inout Article) {
            var assembler = SectionAssembler()
            var footer = FooterReader()
            while index < lines.count {
                let line = lines[index]
                if line.isBlank {
                    assembler.endRun()
                    index += 1
                    continue
                }
                let key = line.key
                if CaptureChrome.isPromo(key) {
                    assembler.endRun()
                    index += 1
                } else if let heading = CaptureChrome.FooterHeading(key: key) {
                    assembler.endRun()
                    footer.enter(heading)
                    index += 1
                } else if CaptureChrome.isDisclaimer(line) {
                    assembler.endRun()
                    let disclaimer = readDisclaimer()
                    if article.disclaimer == nil { article.disclaimer = disclaimer }
                } else if footer.isActive, footer.take(line) {
                    index += 1
                } else if CaptureChrome.isKeyPointsHeading(key), article.keyPoints.isEmpty {
                    // Key points after some stray line of text, rather than right under the title.
                    assembler.endRun()
                    index += 1
                    article.keyPoints = readKeyPointItems()
                } else if let title = CaptureChrome.relatedTitle(line) {
                    index += 1
                    if let title = title.isEmpty ? relatedTitleOnNextLine() : title {
                        assembler.addBlock(.related(title))
                    } else {
                        assembler.endRun()
                    }
                } else if let (caption, next) = CaptionMatcher.pair(in: lines, at: index, requireCredit: true) {
                    assembler.addBlock(.image(caption))
                    index = next
                } else {
                    assembler.addLine(line)
                    index += 1
                }
            }
            article.sections = assembler.finish()
            article.sources = assembler.sources
            article.location = assembler.dateline?.location
            article.outlet = assembler.dateline?.outlet
            article.topics = footer.topics
            article.author = footer.author
            article.editor = footer.editor
            article.publishedAt = article.lead.flatMap(Self.firstDate(in:)).map(PublishedDate.init(day:))
        }

        /// The disclaimer's line and the lines that continue it (a wrapped dump).
        mutating func readDisclaimer() -> String {
            var parts = [lines[index].text]
            index += 1
            while index < lines.count, !lines[index].isBlank, !isStructure(lines[index]) {
                parts.append(lines[index].text)
                index += 1
            }
            return parts.joined(separator: " ")
        }

        /// `Baca Juga:` alone on its line: the title is the next line, when there is one.
        mutating func relatedTitleOnNextLine() -> String? {
            guard index < lines.count, !lines[index].isBlank, !isStructure(lines[index]) else { return nil }
            defer { index += 1 }
            return lines[index].text
        }

        static func firstDate(in lead: Section) -> CalendarDate? {
            for block in lead.blocks {
                switch block {
                case .paragraph(let text), .quote(let text):
                    if let date = DateScanner.firstDate(in: text) { return date }
                case .list(let items, _):
                    for item in items {
                        if let date = DateScanner.firstDate(in: item) { return date }
                    }
                case .image, .related:
                    continue
                }
            }
            return nil
        }
    }
}
