import CLibXML2
import Foundation

/// Mends the two damages feeds most often carry before libxml2 reads them: a stray `&`
/// (`Tom & Jerry`) and an HTML entity XML does not know (`&nbsp;`, `&eacute;`, or a name
/// nobody knows).
///
/// Hand-written rather than left to libxml2's recovery: after its first well-formedness error,
/// libxml2 (2.9) drops every later entity reference of the document, `&amp;` included, so one
/// `&nbsp;` in the first item would eat the ampersands of all the others. A stray `&` becomes
/// `&amp;`, a known HTML entity its numeric reference, an unknown one `&amp;name;` (its text
/// kept, as feedparser and browsers keep it). CDATA sections, comments, processing
/// instructions and the DOCTYPE (whose declared entities stay references) are left alone.
enum EntityRepair {
    struct Result {
        /// The mended bytes; `nil` when nothing needed mending.
        var data: Data?
        /// What was mended, for the feed's status.
        var note: String?
        /// Whether the document was wrong: HTML entities in a document whose DOCTYPE names an
        /// external DTD (RSS 0.91's declares them) were right there, only not read by us.
        var wasBroken = false
    }

    /// The five entities XML predefines, and their characters' code points.
    static let predefined: [String: Int] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39]

    /// Whether `raw` holds an `&`, or a `<` that opens no tag (memchr: most feeds need nothing).
    static func mayNeedRepair(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress, raw.count > 0 else { return false }
        if memchr(base, Int32(UInt8(ascii: "&")), raw.count) != nil { return true }
        var offset = 0
        while offset < raw.count, let found = memchr(base + offset, Int32(UInt8(ascii: "<")), raw.count - offset) {
            let index = base.distance(to: UnsafeRawPointer(found))
            if index + 1 < raw.count && opensNoTag(raw[index + 1]) { return true }
            offset = index + 1
        }
        return false
    }

    /// A `<` followed by this is no markup: a space, a digit, `=`, another `<`.
    static func opensNoTag(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
    }

    /// Mends `data`. With `numericPredefined`, `&amp;`, `&lt;` and the other predefined
    /// entities become character references too: for the second reading of a document that
    /// had an error of another kind, after which libxml2 would drop them (it keeps character
    /// references).
    static func repair(_ data: Data, numericPredefined: Bool = false) -> Result {
        // Fast path: no `&` and no `<` that opens no tag.
        guard data.withUnsafeBytes(mayNeedRepair) else { return Result() }
        return data.withUnsafeBytes { raw -> Result in
            let bytes = raw.bindMemory(to: UInt8.self)
            var output: [UInt8] = []
            var copiedUpTo = 0
            var declared: Set<String> = []
            var namesExternalDTD = false
            var strays = 0
            var unknown = 0
            var htmlEntities = 0
            var index = 0
            let count = bytes.count

            func starts(_ literal: StaticString, at position: Int) -> Bool {
                let length = literal.utf8CodeUnitCount
                guard position + length <= count else { return false }
                let pointer = literal.utf8Start
                for offset in 0..<length where bytes[position + offset] != pointer[offset] { return false }
                return true
            }
            func skip(past literal: StaticString, from position: Int) -> Int {
                var cursor = position
                while cursor < count {
                    if bytes[cursor] == literal.utf8Start[0], starts(literal, at: cursor) { return cursor + literal.utf8CodeUnitCount }
                    cursor += 1
                }
                return count
            }
            func replace(from start: Int, to end: Int, with replacement: [UInt8]) {
                if output.isEmpty { output.reserveCapacity(count + 64) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<start]))
                output.append(contentsOf: replacement)
                copiedUpTo = end
            }

            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if starts("<![CDATA[", at: index) { index = skip(past: "]]>", from: index + 9); continue }
                    if starts("<!--", at: index) { index = skip(past: "-->", from: index + 4); continue }
                    if starts("<?", at: index) { index = skip(past: "?>", from: index + 2); continue }
                    if index + 1 < count, opensNoTag(bytes[index + 1]) {
                        // `a < b`: text, not a tag.
                        replace(from: index, to: index + 1, with: Array("&lt;".utf8))
                        strays += 1
                        index += 1
                        continue
                    }
                    if starts("<!DOCTYPE", at: index) {
                        let end = doctypeEnd(bytes, from: index)
                        let doctype = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                        declared = declaredEntities(doctype)
                        namesExternalDTD = doctype.contains("PUBLIC") || doctype.contains("SYSTEM")
                        index = end
                        continue
                    }
                    index += 1
                    continue
                }
                guard byte == UInt8(ascii: "&") else { index += 1; continue }
                // `&#123;`, `&#x1F;`, `&name;`
                var cursor = index + 1
                if cursor < count, bytes[cursor] == UInt8(ascii: "#") {
                    cursor += 1
                    let hex = cursor < count && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
                    if hex { cursor += 1 }
                    let digitsStart = cursor
                    while cursor < count, cursor - digitsStart < 8, isDigit(bytes[cursor], hex: hex) { cursor += 1 }
                    if cursor > digitsStart, cursor < count, bytes[cursor] == UInt8(ascii: ";") {
                        if hex && bytes[index + 2] == UInt8(ascii: "X") {
                            // XML wants a lower-case x.
                            replace(from: index + 2, to: index + 3, with: [UInt8(ascii: "x")])
                        }
                        index = cursor + 1
                        continue
                    }
                    replace(from: index, to: index + 1, with: Array("&amp;".utf8))
                    strays += 1
                    index += 1
                    continue
                }
                let nameStart = cursor
                while cursor < count, cursor - nameStart < 40, isNameByte(bytes[cursor], first: cursor == nameStart) { cursor += 1 }
                guard cursor > nameStart, cursor < count, bytes[cursor] == UInt8(ascii: ";") else {
                    replace(from: index, to: index + 1, with: Array("&amp;".utf8))
                    strays += 1
                    index += 1
                    continue
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self)
                if declared.contains(name) {
                    index = cursor + 1
                    continue
                }
                if let character = predefined[name] {
                    if numericPredefined { replace(from: index, to: cursor + 1, with: Array("&#\(character);".utf8)) }
                    index = cursor + 1
                    continue
                }
                if let entity = name.withCString({ htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }) {
                    replace(from: index, to: cursor + 1, with: Array("&#\(entity.pointee.value);".utf8))
                    htmlEntities += 1
                } else {
                    replace(from: index, to: index + 1, with: Array("&amp;".utf8))
                    unknown += 1
                }
                index = cursor + 1
            }
            guard copiedUpTo > 0 || !output.isEmpty else { return Result() }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<count]))
            var notes: [String] = []
            if htmlEntities > 0 && !namesExternalDTD { notes.append("\(htmlEntities) HTML \(htmlEntities == 1 ? "entity" : "entities") read") }
            if strays > 0 { notes.append("\(strays) stray & or < escaped") }
            if unknown > 0 { notes.append("\(unknown) undefined \(unknown == 1 ? "entity" : "entities") kept as text") }
            return Result(
                data: Data(output), note: notes.isEmpty ? nil : notes.joined(separator: ", "),
                wasBroken: strays > 0 || unknown > 0 || (htmlEntities > 0 && !namesExternalDTD))
        }
    }

    static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        guard hex else { return false }
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80 {
            return true
        }
        guard !first else { return false }
        return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The end of `<!DOCTYPE …>`, past its internal subset `[…]`.
    static func doctypeEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var depth = 0
        var quote: UInt8 = 0
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ">"), depth <= 0 {
                return cursor + 1
            }
            cursor += 1
        }
        return bytes.count
    }

    /// The general entities a DOCTYPE declares (`<!ENTITY name …>`).
    static func declaredEntities(_ doctype: String) -> Set<String> {
        var names: Set<String> = []
        for part in doctype.components(separatedBy: "<!ENTITY").dropFirst() {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let first = words.first, first != "%" else { continue }
            names.insert(String(first))
        }
        return names
    }
}
