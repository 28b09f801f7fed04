import BacaCore
import CLibXML2
import Foundation

/// RSS 0.9x/2.0, RDF (RSS 0.90 and 1.0), Atom 0.3 and 1.0 and CDF, read from libxml2's tree.
///
/// The tree parser (`xmlCtxtReadMemory`) runs in recover mode (`XML_PARSE_RECOVER`), so a
/// feed with a stray `&`, an undefined entity, a bad byte or a missing close tag still gives
/// the items it holds, as newsboat's and feedparser's loose parsing does; such a feed comes
/// back `repaired`. Nothing is ever fetched (`XML_PARSE_NONET`, and an entity loader that
/// refuses everything), entities are never substituted by libxml2 (no `XML_PARSE_NOENT`), no
/// DTD is loaded, and a document's own entities are expanded by `FeedTree` one level deep at
/// most: an entity bomb expands to nothing.
enum XMLFeedParser {
    /// `setAsideCDATA: false` reads CDATA sections through libxml2 (the tests compare both ways).
    static func parse(_ data: Data, url: URL?, charset: String? = nil, setAsideCDATA: Bool = true) throws(FeedParseError) -> ParsedFeed {
        initialiseLibrary
        var repaired = false
        var input = data
        if Self.hasControlCharacters(data), let text = String(validating: data, as: UTF8.self) {
            // Control characters are not XML, but feeds carry them: read the text sanitised
            // (escape sequences removed whole).
            input = Data(Sanitizer.sanitize(text).utf8)
            repaired = true
        }
        if let first = input.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), first > input.startIndex,
           input[first...].starts(with: Array("<?xml".utf8)) {
            // White space before the XML declaration, which must come first: dropped.
            input = input[first...]
        }
        let encoding = Self.encodingName(charset: charset, data: input)
        // CDATA sections out first: libxml2 and the repair then read a much smaller document.
        let setAside = setAsideCDATA ? SetAsideCDATA.setAside(input, encoding: encoding) : nil
        if let setAside { input = setAside.data }
        let repair = EntityRepair.repair(input)
        if let fixed = repair.data {
            input = fixed
            repaired = repaired || repair.wasBroken
        }
        // A document the repair had to mend is likely to have other errors too: its predefined
        // entities go in as character references at once (see below), so that it is read once.
        var readNumeric = false
        if repair.wasBroken, let numeric = EntityRepair.repair(input, numericPredefined: true).data {
            input = numeric
            readNumeric = true
        }
        var (document, wellFormed, lastError) = try read(input, url: url, encoding: encoding)
        if !wellFormed, !readNumeric, let numeric = EntityRepair.repair(input, numericPredefined: true).data {
            // libxml2 drops every entity reference after the document's first error, `&amp;`
            // and `&lt;` included; character references it keeps. Read again with those.
            if let document { xmlFreeDoc(document) }
            (document, wellFormed, lastError) = try read(numeric, url: url, encoding: encoding)
        }
        guard let document else {
            throw .malformed("line \(max(1, lastError.line)): \(describe(code: lastError.code))")
        }
        defer { xmlFreeDoc(document) }
        if !wellFormed { repaired = true }
        setAside?.sections.attach(to: document)
        guard let root = xmlDocGetRootElement(document) else {
            throw .malformed("line \(max(1, lastError.line)): \(describe(code: lastError.code))")
        }
        var feed = try withExtendedLifetime(setAside) { () throws(FeedParseError) -> ParsedFeed in
            try FeedTreeReader(feedURL: url).read(root: root)
        }
        if repaired {
            feed.repaired = true
            var notes: [String] = []
            if lastError.code != 0 { notes.append("line \(lastError.line): \(describe(code: lastError.code))") }
            if let note = repair.note, repair.wasBroken { notes.append(note) }
            feed.repairNote = notes.isEmpty ? "control characters removed" : notes.joined(separator: "; ")
        }
        return feed
    }

    /// One reading by libxml2: the tree (`nil` when nothing could be read), whether the
    /// document was well-formed, and its last error. An entity loop is refused.
    private static func read(_ input: Data, url: URL?, encoding: String?) throws(FeedParseError) -> (xmlDocPtr?, Bool, xmlError) {
        guard let context = xmlNewParserCtxt() else { throw .malformed("out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(bitPattern: XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let document: xmlDocPtr? = input.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlCtxtReadMemory(context, base, Int32(clamping: raw.count), url?.absoluteString, encoding, options)
        }
        let lastError = context.pointee.lastError
        if lastError.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
            if let document { xmlFreeDoc(document) }
            throw .malformed("line \(lastError.line): entity loop")
        }
        return (document, context.pointee.wellFormed != 0, lastError)
    }

    /// The HTTP charset when it names one libxml2 can read; a BOM wins over it. `nil` lets
    /// libxml2 read the BOM or the prolog (UTF-8 when neither says).
    static func encodingName(charset: String?, data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) {
            return nil
        }
        guard let charset, let name = HTMLDocument.normalisedCharset(charset) else { return nil }
        guard xmlFindCharEncodingHandler(name) != nil else { return nil }
        if name == "windows-1252", String(validating: data, as: UTF8.self) != nil,
           data.withUnsafeBytes({ $0.contains { $0 >= 0x80 } }) {
            // A server's Latin-1 default over a feed that is valid UTF-8 beyond ASCII: such bytes
            // are never Latin-1 text in practice; the prolog (UTF-8 by default) is right.
            return nil
        }
        return name
    }

    /// Whether `data` holds a C0 control character other than tab, LF and CR. Eight bytes at a
    /// time: a word with no byte below 0x20 (the usual "has a byte less than n" test, exact for
    /// n ≤ 128) is skipped whole.
    static func hasControlCharacters(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let count = raw.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = raw[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                index += 1
            }
            return false
        }
    }

    /// An `XMLParser` error (NSXMLParserErrorDomain codes are libxml2's), in words.
    static func describe(_ error: any Error) -> String {
        describe(code: Int32(clamping: (error as NSError).code))
    }

    static func describe(code: Int32) -> String {
        switch code {
        case 0: return "no document"
        case 4: return "empty document"
        case 5: return "the document ends too early"
        case 9: return "invalid character"
        case 26, 27: return "undefined entity"
        case 38: return "a < inside an attribute"
        case 39, 41: return "an attribute without a quoted value"
        case 64: return "the XML declaration is not at the start"
        case 68: return "a tag without a name"
        case 73: return "a tag does not end with >"
        case 76: return "mismatched closing tag"
        case 77: return "a tag is not closed"
        case 89, 95: return "entity loop"
        default: return "XML error \(code)"
        }
    }

    /// libxml2's globals, set up once; its external entity loader refuses every entity, so
    /// that no file or URL is ever read, whatever a document declares.
    private static let initialiseLibrary: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()
}
