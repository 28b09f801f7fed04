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
        var out = Writer(capacity: capacity ?? article.bodyText.utf8.count + 2048)
        out.literal("{")
        if let author = article.author { out.key("author"); out.string(author) }
        if let disclaimer = article.disclaimer { out.key("disclaimer"); out.string(disclaimer) }
        if let editor = article.editor { out.key("editor"); out.string(editor) }
        if let hero = article.heroImage {
            out.key("heroImage")
            out.literal("{\"caption\":")
            out.string(hero.caption)
            if let credit = hero.credit {
                out.literal(",\"credit\":")
                out.string(credit)
            }
            if imageAddresses, let url = hero.url {
                out.literal(",\"url\":")
                out.string(url)
            }
            out.literal("}")
        }
        out.key("keyPoints"); out.strings(article.keyPoints)
        if let link = article.link { out.key("link"); out.string(link) }
        if imageAddresses, let targets = article.linkTargets {
            out.key("linkTargets")
            out.literal("[")
            for (index, target) in targets.enumerated() {
                if index > 0 { out.literal(",") }
                out.literal("{\"text\":")
                out.string(target.text)
                out.literal(",\"url\":")
                out.string(target.url)
                out.literal("}")
            }
            out.literal("]")
        }
        if let location = article.location { out.key("location"); out.string(location) }
        if let outlet = article.outlet { out.key("outlet"); out.string(outlet) }
        if let date = article.publishedAt { out.key("publishedAt"); out.string(date.iso) }
        out.key("sections")
        out.literal("[")
        for (index, section) in article.sections.enumerated() {
            if index > 0 { out.literal(",") }
            out.literal("{\"blocks\":[")
            for (blockIndex, block) in section.blocks.enumerated() {
                if blockIndex > 0 { out.literal(",") }
                out.block(block, imageAddresses: imageAddresses)
            }
            out.literal("],\"heading\":")
            if let heading = section.heading { out.string(heading) } else { out.literal("null") }
            out.literal(",\"number\":")
            if let number = section.number { out.raw(String(number)) } else { out.literal("null") }
            out.literal("}")
        }
        out.literal("]")
        out.key("sources"); out.strings(article.sources)
        out.key("title"); out.string(article.title)
        if let derived = article.titleDerived { out.key("titleDerived"); out.literal(derived ? "true" : "false") }
        out.key("topics"); out.strings(article.topics)
        out.literal("}")
        return out.finish()
    }

    /// The key points as a JSON array of strings (the `keyPoints` column), as a plain
    /// `JSONEncoder()` writes it: with `/` escaped.
    static func encode(_ strings: [String]) -> [UInt8] {
        var out = Writer(capacity: strings.reduce(2) { $0 + $1.utf8.count + 3 })
        out.escapesSlashes = true
        out.strings(strings)
        return out.finish()
    }

    /// Appends the JSON to a buffer it owns: bytes written through a pointer, where an
    /// `[UInt8]`'s `append` checks uniqueness and capacity in generic code for every literal
    /// (about 170 instructions for each `{"text":`, two hundred times an article).
    /// Non-copyable: the buffer has one owner, freed once.
    private struct Writer: ~Copyable {
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        private var count = 0
        var escapesSlashes = false
        /// Whether the top-level object has a key yet (`key` writes a comma before the others).
        private var wroteKey = false

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// The bytes written.
        consuming func finish() -> [UInt8] {
            Array(UnsafeBufferPointer(start: base, count: count))
        }

        /// Room for `extra` more bytes.
        @inline(__always)
        private mutating func reserve(_ extra: Int) {
            if count + extra > capacity { grow(count + extra) }
        }

        private mutating func grow(_ needed: Int) {
            let newCapacity = max(needed, capacity * 2)
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.update(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        @inline(__always)
        private mutating func append(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            (base + count).update(from: source, count: bytes.count)
            count += bytes.count
        }

        /// `"name":` of the top-level object, after a comma unless it is the first.
        mutating func key(_ name: StaticString) {
            if wroteKey { append(0x2C) }
            wroteKey = true
            append(0x22)
            literal(name)
            literal("\":")
        }

        mutating func literal(_ text: StaticString) {
            append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func raw(_ text: String) {
            var text = text
            text.withUTF8 { append($0) }
        }

        mutating func strings(_ items: [String]) {
            literal("[")
            for (index, item) in items.enumerated() {
                if index > 0 { append(0x2C) }
                string(item)
            }
            append(0x5D)
        }

        mutating func block(_ block: Block, imageAddresses: Bool) {
            switch block {
            case .paragraph(let text), .quote(let text), .related(let text):
                literal("{\"text\":")
                string(text)
            case .list(let items, let ordered):
                literal("{\"items\":")
                strings(items)
                literal(ordered ? ",\"ordered\":true" : ",\"ordered\":false")
            case .image(let image):
                literal("{\"caption\":")
                string(image.caption)
                literal(",\"credit\":")
                if let credit = image.credit { string(credit) } else { literal("null") }
            }
            switch block {
            case .paragraph: literal(",\"type\":\"paragraph\"")
            case .image: literal(",\"type\":\"image\"")
            case .quote: literal(",\"type\":\"quote\"")
            case .list: literal(",\"type\":\"list\"")
            case .related: literal(",\"type\":\"related\"")
            }
            // `url` sorts after `type`.
            if imageAddresses, case .image(let image) = block, let url = image.url {
                literal(",\"url\":")
                string(url)
            }
            append(0x7D)
        }

        /// A JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
        /// `\u00XX`; everything else, `/` and all of Unicode included, as its UTF-8.
        mutating func string(_ text: String) {
            append(0x22)
            var text = text
            text.withUTF8 { utf8 in
                var start = 0
                // The loop specialised for each setting (the test out of the eight-byte loop).
                let slashes = escapesSlashes
                func next(_ start: Int) -> Int? {
                    slashes ? Self.firstToEscape(in: utf8, from: start, slashes: true)
                        : Self.firstToEscape(in: utf8, from: start, slashes: false)
                }
                while let escaped = next(start) {
                    append(UnsafeBufferPointer(rebasing: utf8[start..<escaped]))
                    escape(utf8[escaped])
                    start = escaped + 1
                }
                append(UnsafeBufferPointer(rebasing: utf8[start...]))
            }
            append(0x22)
        }

        /// The escape sequence of a byte `firstToEscape` found.
        private mutating func escape(_ byte: UInt8) {
            switch byte {
            case 0x22: literal("\\\"")
            case 0x5C: literal("\\\\")
            case 0x2F: literal("\\/")
            case 0x08: literal("\\b")
            case 0x09: literal("\\t")
            case 0x0A: literal("\\n")
            case 0x0C: literal("\\f")
            case 0x0D: literal("\\r")
            default:
                let digits: StaticString = "0123456789abcdef"
                literal("\\u00")
                append(digits.utf8Start[Int(byte >> 4)])
                append(digits.utf8Start[Int(byte & 0x0F)])
            }
        }

        /// The index of the first byte at or after `start` that a JSON string must escape (a
        /// control character, `"`, `\`, and `/` when `slashes`), or nil.
        ///
        /// Eight bytes at a time, each byte judged exactly on its low seven bits (with the high
        /// bits cleared no sum carries into the next byte): `x + 0x60` has its high bit set when
        /// x ≥ 0x20, `(x ^ c) + 0x7F` when x ≠ c; a byte from 0x80 on (part of a longer scalar)
        /// never needs escaping. A byte whose high bit ends clear is the first to escape.
        /// `CanonicalJSONTests` hold the output to `JSONEncoder`'s.
        @inline(__always)
        static func firstToEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int, slashes: Bool) -> Int? {
            guard let base = utf8.baseAddress else { return nil }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func notEqual(_ low: UInt64, _ byte: UInt64) -> UInt64 { (low ^ byte &* ones) &+ 0x7F &* ones }
            var index = start
            while index + 8 <= utf8.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let low = word & ~high
                var fine = (low &+ 0x60 &* ones) & notEqual(low, 0x22) & notEqual(low, 0x5C)
                if slashes { fine &= notEqual(low, 0x2F) }
                let flags = ~(fine | word) & high
                if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
                index += 8
            }
            while index < utf8.count {
                let byte = base[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0x2F && slashes) { return index }
                index += 1
            }
            return nil
        }
    }
}
