// CONTRACT (owned by the rendering work): terminal column widths of text.

extension String {
    /// Columns the text takes in a terminal: wide East Asian characters and emoji take 2,
    /// combining marks and zero-width characters 0.
    public var displayWidth: Int { fatalError("unimplemented") }

    /// The text cut to at most `width` columns, ending in `…` when it was cut.
    public func truncated(toWidth width: Int) -> String { fatalError("unimplemented") }

    /// Words wrapped into lines of at most `width` columns; a word longer than a line is broken.
    public func wrapped(toWidth width: Int) -> [String] { fatalError("unimplemented") }
}

extension Character {
    /// Columns this grapheme takes: 0, 1 or 2.
    public var displayWidth: Int { fatalError("unimplemented") }
}
