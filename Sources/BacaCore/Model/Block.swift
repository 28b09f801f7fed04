/// One piece of a section's body.
public enum Block: Sendable, Equatable, Hashable {
    case paragraph(String)
    /// An inline picture's caption, with its credit split off.
    case image(ImageCaption)
    /// A paragraph that opens with a quotation mark; the text keeps its marks.
    case quote(String)
    /// Short numbered or bulleted lines directly under a paragraph; the items lose their markers,
    /// and `ordered` says they were numbered 1, 2, 3 … (steps whose order matters).
    case list([String], ordered: Bool = false)
    /// A `Baca Juga:` link to another article; the text is that article's title.
    case related(String)

    /// The block's words as plain text, list items joined by new lines.
    public var plainText: String {
        switch self {
        case .paragraph(let text), .quote(let text), .related(let text): return text
        case .image(let image): return image.caption
        case .list(let items, _): return items.joined(separator: "\n")
        }
    }

    /// The name used in JSON (`"type"`) and in styles.
    public var kind: String {
        switch self {
        case .paragraph: return "paragraph"
        case .image: return "image"
        case .quote: return "quote"
        case .list: return "list"
        case .related: return "related"
        }
    }
}

extension Block: Codable {
    enum CodingKeys: String, CodingKey { case type, text, caption, credit, url, items, ordered }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "paragraph": self = .paragraph(try container.decode(String.self, forKey: .text))
        case "quote": self = .quote(try container.decode(String.self, forKey: .text))
        case "related": self = .related(try container.decode(String.self, forKey: .text))
        case "list":
            self = .list(
                try container.decode([String].self, forKey: .items),
                ordered: try container.decodeIfPresent(Bool.self, forKey: .ordered) ?? false)
        case "image":
            self = .image(ImageCaption(
                caption: try container.decode(String.self, forKey: .caption),
                credit: try container.decodeIfPresent(String.self, forKey: .credit),
                url: try container.decodeIfPresent(String.self, forKey: .url)))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown block type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .type)
        switch self {
        case .paragraph(let text), .quote(let text), .related(let text):
            try container.encode(text, forKey: .text)
        case .list(let items, let ordered):
            try container.encode(items, forKey: .items)
            try container.encode(ordered, forKey: .ordered)
        case .image(let image):
            try container.encode(image.caption, forKey: .caption)
            try container.encode(image.credit, forKey: .credit)
            try container.encodeIfPresent(image.url, forKey: .url)
        }
    }
}
