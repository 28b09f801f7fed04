/// Builds the sections of an article from the body's lines.
///
/// The parser hands over text lines one by one and tells where a run of them ends (a blank
/// line, or a line that is structure of its own: an image, a related link, chrome). A run is
/// then one of:
/// - a numbered heading: a run of one line `N. Heading` whose number continues the sequence
///   (1, 2, 3 …); `2024. Tahun itu…` or `5.` after `2.` stays text;
/// - a caption wrapped over several lines and printed twice;
/// - paragraphs and lists: bulleted lines, and numbered lines running 1, 2 … (at least two,
///   or one `1.` under a paragraph) are lists; every other line joins the paragraph it is in.
///
/// A paragraph that opens with a quotation mark is a quote; one that starts `Dilansir X,`
/// or `Mengutip X,` adds X to the sources. The first paragraph of the lead may carry the
/// dateline.
struct SectionAssembler {
    /// The sections before the one being filled.
    private var sections: [Section] = []
    /// The section being filled (the lead, to begin with), apart from `sections`: a block is
    /// appended to an array that has one owner, not through a copy of the last section's.
    private var current = Section()
    private(set) var sources: [String] = []
    private(set) var dateline: Dateline?
    private var run: [CaptureLine] = []
    private var expectedNumber = 1
    /// Whether the first paragraph of the body has been seen: only it may hold the dateline.
    private var sawFirstParagraph = false

    init() {
        current.blocks.reserveCapacity(16)
    }

    /// A heading longer than this is a numbered paragraph.
    static let maximumHeadingLength = 200

    mutating func addLine(_ line: CaptureLine) {
        run.append(line)
    }

    mutating func addBlock(_ block: Block) {
        endRun()
        append(block)
    }

    /// The sections, without an empty lead.
    mutating func finish() -> [Section] {
        endRun()
        sections.append(current)
        current = Section()
        if let lead = sections.first, lead.number == nil, lead.blocks.isEmpty { sections.removeFirst() }
        return sections
    }

    /// Starts a numbered section; the one filled so far is done.
    private mutating func startSection(_ section: Section) {
        sections.append(current)
        current = section
        // Room for a section's usual blocks at once, not grown from one.
        current.blocks.reserveCapacity(16)
    }

    mutating func endRun() {
        guard !run.isEmpty else { return }
        defer { run.removeAll(keepingCapacity: true) }

        if run.count == 1, let (number, heading) = run[0].numberedItem, number == expectedNumber,
           heading.utf8.count <= Self.maximumHeadingLength || heading.count <= Self.maximumHeadingLength {
            startSection(Section(number: number, heading: heading))
            expectedNumber = number + 1
            sawFirstParagraph = true
            return
        }
        if let caption = CaptionMatcher.wrappedPair(run[...]) {
            append(.image(caption))
            return
        }

        // The paragraph being gathered is the run's lines from `paragraphStart` to `index`.
        var paragraphStart = 0
        var index = 0
        while index < run.count {
            if let (items, ordered, next) = list(from: index, underParagraph: index > paragraphStart) {
                flushParagraph(run[paragraphStart..<index])
                append(.list(items, ordered: ordered))
                index = next
                paragraphStart = next
            } else {
                index += 1
            }
        }
        flushParagraph(run[paragraphStart..<index])
    }

    /// The list that starts at `start` in the run, and the index after it.
    private func list(from start: Int, underParagraph: Bool) -> ([String], ordered: Bool, next: Int)? {
        if run[start].bulletItem != nil {
            var items: [String] = []
            var index = start
            while index < run.count, let item = run[index].bulletItem {
                items.append(item)
                index += 1
            }
            return (items, false, index)
        }
        guard let (first, _) = run[start].numberedItem else { return nil }
        var items: [String] = []
        var index = start
        while index < run.count, let (number, item) = run[index].numberedItem, number == first + items.count {
            items.append(item)
            index += 1
        }
        guard items.count >= 2 || (underParagraph && first == 1) else { return nil }
        return (items, true, index)
    }

    private mutating func flushParagraph(_ lines: ArraySlice<CaptureLine>) {
        guard let first = lines.first else { return }
        // One line (most paragraphs of a browser's copy) is the paragraph as it is.
        var text = lines.count == 1 ? first.text : lines.map(\.text).joined(separator: " ")
        if !sawFirstParagraph {
            sawFirstParagraph = true
            if let found = Dateline(paragraph: text) {
                dateline = found
                text = found.rest
                if !text.isEmpty { append(.paragraph(text)) }
                return
            }
        }
        if Self.opensWithQuote(text) {
            append(.quote(text))
            return
        }
        if let outlet = SourceCitation.outlet(in: text),
           !sources.contains(where: { $0.lowercased() == outlet.lowercased() }) {
            sources.append(outlet)
        }
        append(.paragraph(text))
    }

    private mutating func append(_ block: Block) {
        current.blocks.append(block)
    }

    /// A double quotation mark of any style, or a single one that a closing one follows.
    static func opensWithQuote(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}":
            return true
        case "'", "\u{2018}":
            return text.unicodeScalars.dropFirst().contains { $0 == "'" || $0 == "\u{2019}" }
        default:
            return false
        }
    }
}
