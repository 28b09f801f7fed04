/// What the class and id of an element say about it, as Readability reads them: a part of the
/// name that marks page chrome (`comment`, `sidebar`, `related`), or content (`article`,
/// `entry`, `story`). Parts are matched inside the name, so `post-body` and `entry-content`
/// count, as do `footer-links` and `commentlist`.
enum BoilerplateNames {
    /// Names of elements that are never the article (Readability's "unlikely candidates").
    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent", "newsletter", "subscribe", "recommend", "trending", "outbrain", "taboola",
        "share", "sharing", "signup", "modal", "navbar", "nav-", "masthead", "most-popular", "mostpopular",
    ]
    /// Names that keep an element even when an unlikely part matched (`main-header` no, `article-header` yes).
    static let maybe = ["and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post-"]
    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story",
        "prose", "rich-text", "richtext",
    ]
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "tool", "widget", "byline", "author", "newsletter", "recommend", "cookie",
        "subscribe", "signup", "caption", "breadcrumb", "nav",
    ]
    /// `role`s of chrome.
    static let chromeRoles: Set<String> = [
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search",
    ]

    /// What an element's class and id match, worked out once per element (scoring asks for it
    /// many times) with `memmem` over the bytes: Foundation's `contains` bridges to NSString
    /// and cost more than the rest of the scoring.
    struct Reading: OptionSet {
        let rawValue: UInt16
        static let read = Reading(rawValue: 1)
        static let unlikely = Reading(rawValue: 2)
        static let maybe = Reading(rawValue: 4)
        static let positiveClass = Reading(rawValue: 8)
        static let negativeClass = Reading(rawValue: 16)
        static let positiveID = Reading(rawValue: 32)
        static let negativeID = Reading(rawValue: 64)
        static let content = Reading(rawValue: 128)
        static let standfirst = Reading(rawValue: 256)
        static let byline = Reading(rawValue: 512)
        static let notByline = Reading(rawValue: 1024)
        /// `content`, `article-body`: a container of the text, whatever else it says.
        static let bodyName = Reading(rawValue: 2048)
    }

    /// Names that say content, whatever else the name says (`l-sidebar-fixed l-article-body`).
    static let contentParts = ["article", "content", "body", "main", "entry", "story"]
    static let standfirstParts = [
        "dek", "subline", "sub-head", "subhead", "standfirst", "subtitle", "lead-text", "article-summary", "entry-summary", "excerpt",
    ]

    /// The groups of parts a name holds.
    private struct Groups: OptionSet {
        let rawValue: UInt16
        static let unlikely = Groups(rawValue: 1)
        static let maybe = Groups(rawValue: 2)
        static let positive = Groups(rawValue: 4)
        static let negative = Groups(rawValue: 8)
        static let content = Groups(rawValue: 16)
        static let standfirst = Groups(rawValue: 32)
        static let byline = Groups(rawValue: 64)
        static let notByline = Groups(rawValue: 128)
        static let bodyName = Groups(rawValue: 256)
    }

    /// Every part, bucketed by its first byte, so that one pass over a name finds them all
    /// (hand-written: a hundred `contains` calls per element cost more than the scoring).
    private static let table: [[(part: [UInt8], group: Groups)]] = {
        var table = [[([UInt8], Groups)]](repeating: [], count: 256)
        let groups: [([String], Groups)] = [
            (unlikely, .unlikely), (maybe, .maybe), (positive, .positive), (negative, .negative),
            (contentParts, .content), (standfirstParts, .standfirst), (Bylines.marks, .byline),
            (["comment", "avatar", "bio", "image"], .notByline), (["content", "article-body", "post-body", "story-body"], .bodyName),
        ]
        for (parts, group) in groups {
            for part in parts {
                let bytes = Array(part.utf8)
                table[Int(bytes[0])].append((bytes, group))
            }
        }
        return table
    }()

    private static func groups(in name: String?) -> Groups {
        guard let name, !name.isEmpty else { return [] }
        let bytes = Array(name.lowercased().utf8)
        var found: Groups = []
        for start in bytes.indices {
            for (part, group) in table[Int(bytes[start])] where !found.contains(group) && start + part.count <= bytes.count {
                var index = 1
                while index < part.count && bytes[start + index] == part[index] { index += 1 }
                if index == part.count { found.insert(group) }
            }
        }
        return found
    }

    static func reading(of element: HTMLElement) -> Reading {
        if let cached = element.cachedNameReading { return Reading(rawValue: cached) }
        var reading: Reading = .read
        let inClass = groups(in: element["class"])
        let inID = groups(in: element["id"])
        let both = inClass.union(inID)
        if both.contains(.unlikely) { reading.insert(.unlikely) }
        if both.contains(.maybe) { reading.insert(.maybe) }
        if both.contains(.content) { reading.insert(.content) }
        if inClass.contains(.standfirst) { reading.insert(.standfirst) }
        if both.contains(.byline) { reading.insert(.byline) }
        if both.contains(.notByline) { reading.insert(.notByline) }
        if both.contains(.bodyName) { reading.insert(.bodyName) }
        if inClass.contains(.positive) { reading.insert(.positiveClass) }
        if inClass.contains(.negative) { reading.insert(.negativeClass) }
        if inID.contains(.positive) { reading.insert(.positiveID) }
        if inID.contains(.negative) { reading.insert(.negativeID) }
        element.cachedNameReading = reading.rawValue
        return reading
    }

    /// Page chrome by its name or role: never scored, never walked in the strict pass.
    static func isUnlikely(_ element: HTMLElement) -> Bool {
        if let role = element["role"]?.lowercased(), chromeRoles.contains(role) { return true }
        if ["body", "a", "article", "main", "html"].contains(element.name) { return false }
        let reading = reading(of: element)
        return reading.contains(.unlikely) && !reading.contains(.maybe)
    }

    /// +25 for a content name, −25 for a chrome name, for the class and the id each.
    static func weight(of element: HTMLElement) -> Double {
        let reading = reading(of: element)
        var weight = 0.0
        if reading.contains(.negativeClass) { weight -= 25 }
        if reading.contains(.positiveClass) { weight += 25 }
        if reading.contains(.negativeID) { weight -= 25 }
        if reading.contains(.positiveID) { weight += 25 }
        return weight
    }
}

