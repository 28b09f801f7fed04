/// Reads the footer: the lines under `Share`, `Editor’s Picks`, `Topics`, `Editorial Team`
/// and `Follow Us`.
///
/// Under `Topics` each line is a topic; under `Editorial Team` come the writer's name on a line
/// of its own and role lines such as `EditorPri Saja`. A line that reads like prose (long, or
/// ending a sentence) is not the footer's: the parser keeps it as article text, so that a
/// stray footer word in the page never swallows a sentence. Only the titles listed under
/// `Editor’s Picks` (other articles) are dropped whatever they look like.
struct FooterReader {
    private(set) var heading: CaptureChrome.FooterHeading?
    private(set) var topics: [String] = []
    private(set) var author: String?
    private(set) var editor: String?
    /// A role line with no name (`Editor`): the next name is that role's.
    private var pendingRole: Role?
    /// Whether the author came from a `Writer`/`Penulis` line, which wins over a bare name.
    private var authorFromRole = false

    enum Role { case author, editor, reporter }

    var isActive: Bool { heading != nil }

    mutating func enter(_ heading: CaptureChrome.FooterHeading) {
        self.heading = heading
        pendingRole = nil
    }

    /// Takes a line under the current heading; `false` when it is article text instead.
    mutating func take(_ line: CaptureLine) -> Bool {
        guard let heading else { return false }
        if heading != .editorsPicks && Self.readsLikeProse(line) { return false }
        switch heading {
        case .share, .followUs, .editorsPicks:
            return true
        case .topics:
            let topic = String(line.text.drop(while: { $0 == "#" })).trimmingSpaces
            if !topic.isEmpty && !topics.contains(topic) { topics.append(topic) }
            return true
        case .editorialTeam:
            takeTeamMember(line.text)
            return true
        }
    }

    private mutating func takeTeamMember(_ text: String) {
        if let (role, name) = Self.roleLine(text) {
            guard let name else {
                pendingRole = role
                return
            }
            assign(name, to: role)
        } else if let role = pendingRole {
            assign(text, to: role)
        } else if author == nil {
            author = text
        }
        pendingRole = nil
    }

    private mutating func assign(_ name: String, to role: Role) {
        switch role {
        case .author:
            author = name
            authorFromRole = true
        case .editor:
            editor = name
        case .reporter:
            if !authorFromRole && author == nil { author = name }
        }
    }

    static let roles: [(word: String, role: Role)] = [
        ("Writer", .author), ("Penulis", .author), ("Author", .author),
        ("Editor", .editor), ("Penyunting", .editor),
        ("Reporter", .reporter),
    ]

    /// `EditorPri Saja`, `Editor Pri Saja`, `Editor: Pri Saja` → (editor, `Pri Saja`);
    /// `Editor` alone → (editor, nil). `Editora Putri` is a name, not a role: a glued name
    /// must start with a capital.
    static func roleLine(_ text: String) -> (Role, String?)? {
        if let answer = asciiRoleLine(text) { return answer }
        return roleLineByCharacters(text)
    }

    /// `roleLine` for ASCII text without CR, on its bytes (nil for other text): there every
    /// character is one byte, so a prefix of characters, lower-cased, is one of bytes with A–Z
    /// lower-cased, and an ASCII capital is A–Z. (Over characters it cost ~2.5 k instructions
    /// a footer line.)
    static func asciiRoleLine(_ text: String) -> (Role, String?)?? {
        var copy = text
        return copy.withUTF8 { bytes -> (Role, String?)?? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            for (word, role) in roleBytes {
                guard bytes.count >= word.count, zip(bytes, word).allSatisfy({ lower($0) == lower($1) }) else { continue }
                guard word.count < bytes.count else { return .some((role, nil)) }
                let next = bytes[word.count]
                if next == 0x20 || next == 0x3A {
                    var start = word.count
                    while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x3A) { start += 1 }
                    let name = String.trimmingSpaces(bytes, from: start, to: bytes.count)
                    return .some((role, name.isEmpty ? nil : name))
                }
                if next >= 0x41 && next <= 0x5A { return .some((role, String.trimmingSpaces(bytes, from: word.count, to: bytes.count))) }
            }
            return .some(nil)
        }
    }

    static let roleBytes = roles.map { (Array($0.word.utf8), $0.role) }

    /// The reading over characters: what `asciiRoleLine` must equal where it answers (tests).
    static func roleLineByCharacters(_ text: String) -> (Role, String?)? {
        let lead = text.utf8.first ?? 0
        for (word, role) in roles {
            // (A text shorter than the word has a shorter prefix, which never equals it.) An
            // ASCII first byte that is not the word's first letter rules it out; a non-ASCII one
            // may lower-case to it (the Kelvin sign), so the characters decide.
            if lead < 0x80 && lead | 0x20 != word.utf8.first! | 0x20 { continue }
            guard text.prefix(word.count).lowercased() == word.lowercased() else { continue }
            let rest = text.dropFirst(word.count)
            guard let next = rest.first else { return (role, nil) }
            if next == " " || next == ":" {
                let name = String(rest.drop(while: { $0 == " " || $0 == ":" })).trimmingSpaces
                return (role, name.isEmpty ? nil : name)
            }
            if next.isUppercase { return (role, String(rest).trimmingSpaces) }
        }
        return nil
    }

    /// Long, or a sentence of several words: not a name, a topic or a button.
    static func readsLikeProse(_ line: CaptureLine) -> Bool {
        let words = line.wordCount
        if words >= 15 { return true }
        guard words >= 6, let last = line.text.unicodeScalars.last else { return false }
        return ".!?\"\u{201D}".unicodeScalars.contains(last)
    }
}
