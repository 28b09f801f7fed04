import BacaCore

/// The canonical JSON of an article, written by hand: the same bytes as `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` gives (the tests compare the two on every sample,
/// a generated corpus and hostile text), at a tenth of the cost. Foundation's encoder was
/// 15 % of an import's instructions (`docs/PERFORMANCE.md`).
///
/// Keys in sorted order; an absent optional field of `Article` is left out (synthesized
/// `Codable`), while `Section.number`, `Section.heading` and an image block's `credit` are
/// written as `null` (their `encode(to:)` says so); `heroImage.credit` is left out when absent,
/// and an image's `url` always is: an article without addresses (every capture) keeps its hash.
enum CanonicalJSON {
    /// - Parameter imageAddresses: `false` leaves every picture's `url` (and the link targets) out: the bytes the
    ///   content hash is taken of, so a page and its capture (which states no addresses) stay
    ///   one article.
    /// - Parameter capacity: the bytes to reserve, when the caller knows about how many (the
    ///   body's text and 2 KB); worked out from the article otherwise.
    static func encode(_ article: Article, imageAddresses: Bool = true, capacity: Int? = nil) -> [UInt8] {
        var out = Writer()
        out.bytes.reserveCapacity(capacity ?? article.bodyText.utf8.count + 2048)
        out.raw("{")
        var first = true
        func key(_ name: StaticString) {
            if !first { out.raw(",") }
            first = false
            out.raw("\"")
            out.raw(name)
            out.raw("\":")
        }
        if let author = article.author { key("author"); out.string(author) }
        if let disclaimer = article.disclaimer { key("disclaimer"); out.string(disclaimer) }
        if let editor = article.editor { key("editor"); out.string(editor) }
        if let hero = article.heroImage {
            key("heroImage")
            out.raw("{\"caption\":")
            out.string(hero.caption)
            if let credit = hero.credit {
                out.raw(",\"credit\":")
                out.string(credit)
            }
            if imageAddresses, let url = hero.url {
                out.raw(",\"url\":")
                out.string(url)
            }
            out.raw("}")
        }
        key("keyPoints"); out.strings(article.keyPoints)
        if let link = article.link { key("link"); out.string(link) }
        if imageAddresses, let targets = article.linkTargets {
            key("linkTargets")
            out.raw("[")
            for (index, target) in targets.enumerated() {
                if index > 0 { out.raw(",") }
                out.raw("{\"text\":")
                out.string(target.text)
                out.raw(",\"url\":")
                out.string(target.url)
                out.raw("}")
            }
            out.raw("]")
        }
        if let location = article.location { key("location"); out.string(location) }
        if let outlet = article.outlet { key("outlet"); out.string(outlet) }
        if let date = article.publishedAt { key("publishedAt"); out.string(date.iso) }
        key("sections")
        out.raw("[")
        for (index, section) in article.sections.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"blocks\":[")
            for (blockIndex, block) in section.blocks.enumerated() {
                if blockIndex > 0 { out.raw(",") }
                out.block(block, imageAddresses: imageAddresses)
            }
            out.raw("],\"heading\":")
            if let heading = section.heading { out.string(heading) } else { out.raw("null") }
            out.raw(",\"number\":")
            if let number = section.number { out.raw(String(number)) } else { out.raw("null") }
            out.raw("}")
        }
        out.raw("]")
        key("sources"); out.strings(article.sources)
        key("title"); out.string(article.title)
        if let derived = article.titleDerived { key("titleDerived"); out.raw(derived ? "true" : "false") }
        key("topics"); out.strings(article.topics)
        out.raw("}")
        return out.bytes
    }

    /// The key points as a JSON array of strings (the `keyPoints` column), as a plain
    /// `JSONEncoder()` writes it: with `/` escaped.
    static func encode(_ strings: [String]) -> [UInt8] {
        var out = Writer()
        out.escapesSlashes = true
        out.strings(strings)
        return out.bytes
    }

    private struct Writer {
        var bytes: [UInt8] = []
        var escapesSlashes = false

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func raw(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        mutating func strings(_ items: [String]) {
            raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(",") }
                string(item)
            }
            raw("]")
        }

        mutating func block(_ block: Block, imageAddresses: Bool) {
            switch block {
            case .paragraph(let text), .quote(let text), .related(let text):
                raw("{\"text\":")
                string(text)
            case .list(let items, let ordered):
                raw("{\"items\":")
                strings(items)
                raw(ordered ? ",\"ordered\":true" : ",\"ordered\":false")
            case .image(let image):
                raw("{\"caption\":")
                string(image.caption)
                raw(",\"credit\":")
                if let credit = image.credit { string(credit) } else { raw("null") }
            }
            raw(",\"type\":\"")
            raw(block.kind)
            raw("\"")
            // `url` sorts after `type`.
            if imageAddresses, case .image(let image) = block, let url = image.url {
                raw(",\"url\":")
                string(url)
            }
            raw("}")
        }

        /// A JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
        /// `\u00XX`; everything else, `/` and all of Unicode included, as its UTF-8.
        mutating func string(_ text: String) {
            bytes.append(0x22)
            var text = text
            let escapesSlashes = escapesSlashes
            text.withUTF8 { utf8 in
                var start = 0
                var index = 0
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                /// Whether any byte of `word` is zero (exact as a test of any).
                func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & high != 0 }
                while index < utf8.count {
                    // Eight bytes at a time while none needs escaping (most of any text).
                    if index + 8 <= utf8.count {
                        let word = UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        let control = (word &- 0x20 &* ones) & ~word & high != 0
                        if !control && !hasZero(word ^ 0x22 &* ones) && !hasZero(word ^ 0x5C &* ones)
                            && !(escapesSlashes && hasZero(word ^ 0x2F &* ones)) {
                            index += 8
                            continue
                        }
                    }
                    let byte = utf8[index]
                    index += 1
                    guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0x2F && escapesSlashes) else { continue }
                    let escaped = index - 1
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<escaped]))
                    start = escaped + 1
                    switch byte {
                    case 0x22: raw("\\\"")
                    case 0x5C: raw("\\\\")
                    case 0x2F: raw("\\/")
                    case 0x08: raw("\\b")
                    case 0x09: raw("\\t")
                    case 0x0A: raw("\\n")
                    case 0x0C: raw("\\f")
                    case 0x0D: raw("\\r")
                    default:
                        let digits = Array("0123456789abcdef".utf8)
                        raw("\\u00")
                        bytes.append(digits[Int(byte >> 4)])
                        bytes.append(digits[Int(byte & 0x0F)])
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
            }
            bytes.append(0x22)
        }
    }
}
