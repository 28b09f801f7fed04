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

    /// The class and id, lower-cased, as one string to match parts in.
    static func names(of element: HTMLElement) -> String {
        let names = ((element["class"] ?? "") + " " + (element["id"] ?? "")).lowercased()
        return names == " " ? "" : names
    }

    static func matches(_ names: String, _ parts: [String]) -> Bool {
        !names.isEmpty && parts.contains { names.contains($0) }
    }

    /// Page chrome by its name or role: never scored, never walked in the strict pass.
    static func isUnlikely(_ element: HTMLElement) -> Bool {
        if let role = element["role"]?.lowercased(), chromeRoles.contains(role) { return true }
        if ["body", "a", "article", "main", "html"].contains(element.name) { return false }
        let names = names(of: element)
        return matches(names, unlikely) && !matches(names, maybe)
    }

    /// +25 for a content name, −25 for a chrome name, for the class and the id each.
    static func weight(of element: HTMLElement) -> Double {
        var weight = 0.0
        for name in [element["class"], element["id"]] {
            guard let name = name?.lowercased(), !name.isEmpty else { continue }
            if matches(name, negative) { weight -= 25 }
            if matches(name, positive) { weight += 25 }
        }
        return weight
    }
}
