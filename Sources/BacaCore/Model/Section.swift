/// A run of blocks under one heading. The lead is a section with neither number nor heading.
public struct Section: Sendable, Codable, Equatable, Hashable {
    public var number: Int?
    public var heading: String?
    public var blocks: [Block]

    public init(number: Int? = nil, heading: String? = nil, blocks: [Block] = []) {
        self.number = number
        self.heading = heading
        self.blocks = blocks
    }

    /// `"2. Heading"`, `"Heading"`, or `nil` for the lead.
    public var title: String? {
        switch (number, heading) {
        case let (number?, heading?): return "\(number). \(heading)"
        case let (nil, heading?): return heading
        case let (number?, nil): return "\(number)."
        case (nil, nil): return nil
        }
    }

    enum CodingKeys: String, CodingKey { case number, heading, blocks }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Encode nil explicitly: scripts read `"number": null` for the lead.
        try container.encode(number, forKey: .number)
        try container.encode(heading, forKey: .heading)
        try container.encode(blocks, forKey: .blocks)
    }
}
