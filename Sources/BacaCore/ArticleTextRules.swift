/// The capture parser's rules for reading article text, for the other parsers (feeds and
/// article pages in `BacaFeeds`).
///
/// A page's HTML says which element is a paragraph, a heading or a caption, but what a
/// paragraph *means* (a dateline, a cited outlet, a quote, a related link, the community
/// disclaimer, a role in the editorial team) is written in its text, the same way as in a
/// capture. Reading it with the capture parser's own rules is what makes a saved page and a
/// capture of that page the same article. This file only forwards to those rules
/// (`Dateline`, `SourceCitation`, `DateScanner`, `SectionAssembler`, `CaptureChrome`,
/// `CaptionMatcher`, `FooterReader`, `CaptureLine`); it adds none of its own.
///
/// Every input must be sanitised already (see `Sanitizer`).
public enum ArticleTextRules {
    /// `Jakarta, IDN Times - Presiden …` → (`Jakarta`, `IDN Times`, `Presiden …`).
    public static func dateline(in paragraph: String) -> (location: String, outlet: String, rest: String)? {
        Dateline(paragraph: paragraph).map { ($0.location, $0.outlet, $0.rest) }
    }

    /// The outlet that `Dilansir X,` or `Mengutip X,` cites.
    public static func citedOutlet(in paragraph: String) -> String? {
        SourceCitation.outlet(in: paragraph)
    }

    /// The first valid `(d/m/yyyy)` date in the text.
    public static func firstDate(in text: String) -> CalendarDate? {
        DateScanner.firstDate(in: text)
    }

    /// The date of an article's lead, as the capture parser finds it.
    public static func publishedDate(inLead lead: Section) -> CalendarDate? {
        CaptureParser.Reader.firstDate(in: lead)
    }

    /// Whether a paragraph opens with a quotation mark (and so is a quote).
    public static func opensWithQuote(_ text: String) -> Bool {
        SectionAssembler.opensWithQuote(text)
    }

    /// `1. Heading` → (1, `Heading`); `nil` for text that is no numbered item.
    public static func numberedItem(_ line: String) -> (number: Int, text: String)? {
        CaptureLine(text: line.trimmingSpaces, indent: 0).numberedItem
    }

    /// The longest a numbered heading may be; a longer one is a numbered paragraph.
    public static var maximumHeadingLength: Int { SectionAssembler.maximumHeadingLength }

    /// `Intinya sih...`, `Intinya sih…`, `Intinya sih:`.
    public static func isKeyPointsHeading(_ line: String) -> Bool {
        CaptureChrome.isKeyPointsHeading(CaptureLine.key(of: line.trimmingSpaces))
    }

    /// The English note about community writers.
    public static func isDisclaimer(_ line: String) -> Bool {
        CaptureChrome.isDisclaimer(CaptureLine(text: line.trimmingSpaces, indent: 0))
    }

    /// The title of a `Baca Juga: <title>` line (`""` when the title is not on the line).
    public static func relatedTitle(_ line: String) -> String? {
        CaptureChrome.relatedTitle(CaptureLine(text: line.trimmingSpaces, indent: 0))
    }

    /// `caption (credit)` split at its final parenthesis.
    public static func splitCaption(_ text: String) -> ImageCaption? {
        CaptionMatcher.split(text)
    }

    /// A role in an editorial team.
    public enum TeamRole: Sendable, Equatable { case author, editor, reporter }

    /// `EditorPri Saja`, `Editor: Pri Saja` → (editor, `Pri Saja`); `Editor` → (editor, nil).
    public static func teamRole(_ line: String) -> (role: TeamRole, name: String?)? {
        guard let (role, name) = FooterReader.roleLine(line.trimmingSpaces) else { return nil }
        switch role {
        case .author: return (.author, name)
        case .editor: return (.editor, name)
        case .reporter: return (.reporter, name)
        }
    }

    /// The footer heading a line names (`Editorial Team`, `Topics`, `Share` …), lower-cased.
    public static func isFooterHeading(_ line: String) -> Bool {
        CaptureChrome.FooterHeading(key: CaptureLine.key(of: line.trimmingSpaces)) != nil
    }
}
