/// What the layout leaves above a picture's caption: rows kept free for the picture (drawn
/// there later by the reader), or a one-line note when it cannot be shown.
public enum PictureSpace: Sendable, Equatable, Hashable {
    /// `rows` blank lines the picture is drawn into.
    case rows(Int)
    /// One line saying why there is no picture (`gambar tidak dimuat: HTTP 404`).
    case note(String)
}

/// A line that is part of a picture's reserved rows: which picture, and which of its rows.
public struct PictureRow: Sendable, Equatable, Hashable {
    /// The picture's address (`ImageCaption.url`).
    public var url: String
    /// This line's row within the picture, from 0.
    public var row: Int
    /// All the rows the picture has.
    public var rows: Int

    public init(url: String, row: Int, rows: Int) {
        self.url = url
        self.row = row
        self.rows = rows
    }
}

/// The pictures an article layout makes room for: for each address, the space to leave, or nil
/// for none (pictures off, or a capture with no address). A plain function of the address, so
/// the layout stays pure: the reader answers from what it has fetched so far.
public typealias PictureSpacing = (String) -> PictureSpace?
