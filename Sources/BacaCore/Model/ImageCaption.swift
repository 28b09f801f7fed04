/// A picture's caption and the credit that followed it in parentheses.
public struct ImageCaption: Sendable, Codable, Equatable, Hashable {
    public var caption: String
    /// `Twitter.com/MFA Russia` in `… Choe Son Hui (Twitter.com/MFA Russia)`; `nil` when none was given.
    public var credit: String?

    public init(caption: String, credit: String? = nil) {
        self.caption = caption
        self.credit = credit
    }
}
