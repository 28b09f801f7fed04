import CLibXML2
import Foundation

/// A feed's CDATA sections, taken out before libxml2 reads the document and put back when
/// `FeedTree` reads the text they were in.
///
/// Why: libxml2 2.9 reads a CDATA section one character at a time (`xmlParseCDSect`, about 80
/// instructions a byte), and feeds carry their HTML in CDATA: in a 1 MB feed that was 78 M
/// instructions of the 82 M its XML parse took (`baca-bench feed-parse`, docs/PERFORMANCE.md).
/// A section's content is never parsed (no markup, no entities), so nothing of the document's
/// structure is lost by reading it later: each one becomes `<![CDATA[` + a marker + `]]>`,
/// where the marker is U+FDD0, the section's number, as many line feeds as the content had
/// line ends (so that libxml2's line numbers in a repaired feed's note stay right), and U+FDD1.
/// libxml2 still sees a CDATA section at the same place and makes the same text node of it.
///
/// Only done where it changes nothing: the document is UTF-8 (the bytes put back are read as
/// such), it holds no U+FDD0 or U+FDD1 of its own, and a section is set aside only when its
/// content is valid UTF-8 with no character XML forbids (else libxml2 reads it, and reports it).
/// Comments, processing instructions and the DOCTYPE are skipped as `EntityRepair` skips them.
final class SetAsideCDATA {
    /// The document the sections are in, and each one's content (byte offsets into it).
    private let source: [UInt8]
    private var sections: [Range<Int>] = []

    static let openMarker: [UInt8] = [0xEF, 0xB7, 0x90]   // U+FDD0
    static let closeMarker: [UInt8] = [0xEF, 0xB7, 0x91]  // U+FDD1
    /// Shorter sections are left in: a marker would save nothing.
    static let minimumLength = 32

    private init(source: [UInt8]) { self.source = source }

    /// The document with its CDATA sections set aside, and where they went; `nil` when there
    /// was none to set aside or it could not be done safely. `encoding` is the one libxml2 is
    /// told (the HTTP charset), `nil` for the document's own.
    static func setAside(_ data: Data, encoding: String?) -> (data: Data, sections: SetAsideCDATA)? {
        if let encoding, encoding.lowercased() != "utf-8" { return nil }
        return data.withUnsafeBytes { raw -> (data: Data, sections: SetAsideCDATA)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress, bytes.count > 9,
                  search(Array("<![CDATA[".utf8), in: bytes, from: 0) != nil,
                  declaresUTF8(bytes),
                  search(openMarker, in: bytes, from: 0) == nil, search(closeMarker, in: bytes, from: 0) == nil
            else { return nil }
            let store = SetAsideCDATA(source: Array(bytes))
            var output: [UInt8] = []
            var copiedUpTo = 0
            var index = 0
            let count = bytes.count

            func find(_ literal: StaticString, from position: Int) -> Int? {
                search(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount), in: bytes, from: position)
            }
            func starts(_ literal: StaticString, at position: Int) -> Bool {
                let length = literal.utf8CodeUnitCount
                guard position + length <= count else { return false }
                return memcmp(base + position, literal.utf8Start, length) == 0
            }

            while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) {
                index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if starts("<![CDATA[", at: index) {
                    let contentStart = index + 9
                    guard let end = find("]]>", from: contentStart) else { break }
                    let content = contentStart..<end
                    if content.count >= minimumLength, let lines = lineEndsIfPlainXMLText(UnsafeBufferPointer(rebasing: bytes[content])) {
                        if output.isEmpty { output.reserveCapacity(count / 4) }
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<contentStart]))
                        output.append(contentsOf: openMarker)
                        output.append(contentsOf: String(store.sections.count).utf8)
                        output.append(contentsOf: repeatElement(0x0A, count: lines))
                        output.append(contentsOf: closeMarker)
                        copiedUpTo = end
                        store.sections.append(content)
                    }
                    index = end + 3
                } else if starts("<!--", at: index) {
                    index = (find("-->", from: index + 4) ?? count - 3) + 3
                } else if starts("<?", at: index) {
                    index = (find("?>", from: index + 2) ?? count - 2) + 2
                } else if starts("<!DOCTYPE", at: index) {
                    index = EntityRepair.doctypeEnd(bytes, from: index)
                } else {
                    index += 1
                }
            }
            guard !store.sections.isEmpty else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<count]))
            return (Data(output), store)
        }
    }

    /// Where `needle` first occurs in `bytes` from `position` on (memchr for its first byte, then
    /// a comparison; glibc's `memmem` is not visible to Swift).
    static func search<Needle: Collection<UInt8>>(_ needle: Needle, in bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        let length = needle.count
        var index = position
        while index + length <= bytes.count, let found = memchr(base + index, Int32(first), bytes.count - index) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            guard at + length <= bytes.count else { return nil }
            if needle.elementsEqual(UnsafeBufferPointer(rebasing: bytes[at..<(at + length)])) { return at }
            index = at + 1
        }
        return nil
    }

    /// Whether the document is read as UTF-8: no UTF-16 byte-order mark, and its XML
    /// declaration names no encoding or UTF-8.
    static func declaresUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0, 0]) { return false }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return true }
        guard let end = (start..<min(bytes.count, start + 300)).first(where: { bytes[$0] == UInt8(ascii: ">") }) else { return false }
        let declaration = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" || $0 == "\t" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "?" }
        return value == "utf-8" || value == "utf8"
    }

    /// The line ends in `bytes` (LF, CR LF and a lone CR, as libxml2 counts them) when they
    /// are valid UTF-8 holding only characters XML allows (tab, line ends and from U+0020 on,
    /// without U+FFFE and U+FFFF); `nil` when not. Eight bytes at a time where they are all
    /// printable ASCII, which is nearly all of a feed's HTML.
    static func lineEndsIfPlainXMLText(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var lines = 0
        var highBytes = false
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // No byte from 0x80 on, and none below 0x20 (subtracting 0x20 from each byte
                // borrows into its top bit only for those).
                if (word | (word &- 0x2020_2020_2020_2020)) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x20 {
                switch byte {
                case 0x0A: lines += 1
                case 0x0D: if index + 1 == count || base[index + 1] != 0x0A { lines += 1 }
                case 0x09: break
                default: return nil
                }
            } else if byte >= 0x80 {
                highBytes = true
            }
            index += 1
        }
        guard highBytes else { return lines }
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var offset = 0
        while offset + 2 < count, let found = memchr(base + offset, 0xEF, count - offset - 2) {
            let at = raw.distance(to: UnsafeRawPointer(found))
            if base[at + 1] == 0xBF && (base[at + 2] == 0xBE || base[at + 2] == 0xBF) { return nil }
            offset = at + 1
        }
        return lines
    }

    /// Section `number`'s content as libxml2 would have given it: line ends made LF.
    func text(_ number: Int) -> String {
        let content = source[sections[number]]
        guard content.contains(0x0D) else { return String(decoding: content, as: UTF8.self) }
        var normalised: [UInt8] = []
        normalised.reserveCapacity(content.count)
        var previousWasCR = false
        for byte in content {
            if byte == 0x0D {
                normalised.append(0x0A)
                previousWasCR = true
                continue
            }
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            normalised.append(byte)
        }
        return String(decoding: normalised, as: UTF8.self)
    }

    // MARK: Reading them back

    /// Makes the document's set-aside sections readable by `FeedTree` (through libxml2's
    /// `_private` pointer of the document, which nothing else uses). `self` must outlive the
    /// reading of the tree.
    func attach(to document: xmlDocPtr) {
        document.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    }

    static func attached(to node: xmlNodePtr) -> SetAsideCDATA? {
        guard let document = node.pointee.doc, let pointer = document.pointee._private else { return nil }
        return Unmanaged<SetAsideCDATA>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// The text node's content, its markers replaced by the sections they stand for.
    static func string(_ content: UnsafePointer<xmlChar>, of node: xmlNodePtr) -> String {
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: content, count: length)
        guard length >= 3, search(openMarker, in: bytes, from: 0) != nil, let sections = attached(to: node)
        else { return String(decoding: bytes, as: UTF8.self) }
        var result = ""
        var copiedUpTo = 0
        var index = 0
        while index + 2 < length {
            guard bytes[index] == 0xEF, bytes[index + 1] == 0xB7, bytes[index + 2] == 0x90 else {
                index += 1
                continue
            }
            var cursor = index + 3
            var number = 0
            while cursor < length, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, number < 10_000_000 {
                number = number * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
            }
            while cursor < length, bytes[cursor] == 0x0A { cursor += 1 }
            guard cursor + 2 < length, bytes[cursor] == 0xEF, bytes[cursor + 1] == 0xB7, bytes[cursor + 2] == 0x91,
                  number < sections.sections.count
            else {
                index += 1
                continue
            }
            if copiedUpTo == 0 && index == 0 && cursor + 3 == length {
                // The node is the section alone (a description in CDATA): no copy to join.
                return sections.text(number)
            }
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]), as: UTF8.self)
            result += sections.text(number)
            index = cursor + 3
            copiedUpTo = index
        }
        result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<length]), as: UTF8.self)
        return result
    }
}
