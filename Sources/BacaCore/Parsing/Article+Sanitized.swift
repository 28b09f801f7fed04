extension Article {
    /// The article with every string passed through `Sanitizer.sanitizeLine`: no control
    /// character, no bidirectional control, no invisible character, no line break.
    ///
    /// The parser's output is already like that, so for it this is the identity. The repository
    /// applies it again on the way in and on the way out: an article built by other code, or read
    /// from a file that another program (or an older baca) wrote, must not carry a terminal
    /// command to the screen either.
    public var sanitized: Article {
        var article = self
        article.title = Sanitizer.sanitizeLine(title)
        article.heroImage = heroImage?.sanitized
        article.keyPoints = keyPoints.map(Sanitizer.sanitizeLine)
        article.location = location.map(Sanitizer.sanitizeLine)
        article.outlet = outlet.map(Sanitizer.sanitizeLine)
        article.author = author.map(Sanitizer.sanitizeLine)
        article.editor = editor.map(Sanitizer.sanitizeLine)
        article.link = link.map(Sanitizer.sanitizeLine)
        article.sections = sections.map { section in
            Section(
                number: section.number,
                heading: section.heading.map(Sanitizer.sanitizeLine),
                blocks: section.blocks.map(\.sanitized))
        }
        article.sources = sources.map(Sanitizer.sanitizeLine)
        article.topics = topics.map(Sanitizer.sanitizeLine)
        article.disclaimer = disclaimer.map(Sanitizer.sanitizeLine)
        // The texts as the blocks and sources now read; an address stays only if still accepted.
        article.linkTargets = linkTargets.flatMap { targets in
            let kept = targets.compactMap { LinkTarget(text: Sanitizer.sanitizeLine($0.text), url: $0.url) }
            return kept.isEmpty ? nil : kept
        }
        return article
    }
}

extension ImageCaption {
    public var sanitized: ImageCaption {
        // `init` keeps only an address without control characters or spaces.
        ImageCaption(caption: Sanitizer.sanitizeLine(caption), credit: credit.map(Sanitizer.sanitizeLine), url: url)
    }
}

extension Block {
    public var sanitized: Block {
        switch self {
        case .paragraph(let text): return .paragraph(Sanitizer.sanitizeLine(text))
        case .quote(let text): return .quote(Sanitizer.sanitizeLine(text))
        case .related(let text): return .related(Sanitizer.sanitizeLine(text))
        case .list(let items, let ordered): return .list(items.map(Sanitizer.sanitizeLine), ordered: ordered)
        case .image(let caption): return .image(caption.sanitized)
        }
    }
}
