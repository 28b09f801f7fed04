extension Article {
    /// The article with every string passed through `Sanitizer.sanitizeLine`: no control
    /// character, no bidirectional control, no invisible character, no line break.
    ///
    /// The parser's output is already like that, so for it this is the identity. The repository
    /// applies it again on the way in and on the way out: an article built by other code, or read
    /// from a file that another program (or an older baca) wrote, must not carry a terminal
    /// command to the screen either.
    public var sanitized: Article {
        // Most articles are clean already (every one the parser made): checked without
        // building a copy of every string, array and section.
        if isSanitized { return self }
        return sanitizedCopy
    }

    /// Whether `sanitized` would give the article back unchanged: every string is one clean
    /// line as `Sanitizer.sanitizeLine` returns it as is (its own fast path), and there are no
    /// link targets (those `sanitized` may drop, and an empty list of them becomes `nil`).
    /// Picture addresses are left as they are: `ImageCaption` keeps only accepted ones, and
    /// accepting one again gives it back.
    var isSanitized: Bool {
        guard linkTargets == nil else { return false }
        @inline(__always) func clean(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { Sanitizer.isCleanLine($0) }
        }
        @inline(__always) func clean(_ text: String?) -> Bool {
            guard let text else { return true }
            return clean(text)
        }
        @inline(__always) func clean(_ caption: ImageCaption) -> Bool {
            clean(caption.caption) && clean(caption.credit)
        }
        guard clean(title), clean(location), clean(outlet), clean(author), clean(editor), clean(link),
              clean(disclaimer), keyPoints.allSatisfy(clean), sources.allSatisfy(clean),
              topics.allSatisfy(clean), heroImage.map(clean) ?? true
        else { return false }
        for section in sections {
            guard clean(section.heading) else { return false }
            for block in section.blocks {
                switch block {
                case .paragraph(let text), .quote(let text), .related(let text):
                    guard clean(text) else { return false }
                case .list(let items, _):
                    guard items.allSatisfy(clean) else { return false }
                case .image(let caption):
                    guard clean(caption) else { return false }
                }
            }
        }
        return true
    }

    /// `sanitized` string by string, without the check: what it must equal (tests).
    var sanitizedCopy: Article {
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
