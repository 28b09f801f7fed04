import Foundation

/// A picture's caption, the credit that followed it in parentheses, and its address when the
/// source stated one.
public struct ImageCaption: Sendable, Codable, Equatable, Hashable {
    public var caption: String
    /// `Twitter.com/MFA Russia` in `… Choe Son Hui (Twitter.com/MFA Russia)`; `nil` when none was given.
    public var credit: String?
    /// The picture's absolute `http`/`https` address; `nil` when the source gave none (a
    /// capture never does) or gave another kind (`data:`, `javascript:`, relative).
    public var url: String? {
        didSet { if let url, Self.acceptedURL(url) == nil { self.url = nil } }
    }

    public init(caption: String, credit: String? = nil, url: String? = nil) {
        self.caption = caption
        self.credit = credit
        self.url = url.flatMap(Self.acceptedURL)
    }

    private enum CodingKeys: String, CodingKey { case caption, credit, url }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            caption: try container.decode(String.self, forKey: .caption),
            credit: try container.decodeIfPresent(String.self, forKey: .credit),
            url: try container.decodeIfPresent(String.self, forKey: .url))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caption, forKey: .caption)
        try container.encodeIfPresent(credit, forKey: .credit)
        try container.encodeIfPresent(url, forKey: .url)
    }

    /// `text` when it is an absolute `http`/`https` address with a host and without spaces or
    /// control characters (an address a terminal, a Markdown link and an `src` can all carry
    /// as they are); otherwise `nil`.
    public static func acceptedURL(_ text: String) -> String? {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(isURLScalar),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        return text
    }

    private static func isURLScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format { return false }
        return !["\"", "<", ">", "\\", "^", "`", "{", "|", "}"].contains(scalar)
    }
}
