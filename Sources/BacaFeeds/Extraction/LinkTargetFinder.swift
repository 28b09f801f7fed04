import BacaCore
import Foundation

/// The addresses behind an article's related links (`Baca Juga`) and cited outlets: the page's
/// own `<a href>` whose text is that title or that name, resolved against the page's base. The
/// text stays the article's; only where it leads is added (`Article.linkTargets`).
enum LinkTargetFinder {
    static func find(for article: Article, in roots: [HTMLElement], base: URL?) -> [LinkTarget]? {
        let related = article.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .related(let title) = block { return title } else { return nil }
        }
        guard !related.isEmpty || !article.sources.isEmpty else { return nil }
        var anchors: [(text: String, href: String)] = []
        for root in roots {
            for anchor in [root] + root.descendants(named: ["a"]) where anchor.name == "a" {
                guard let href = anchor["href"]?.trimmingCharacters(in: .whitespaces), !href.isEmpty, !href.hasPrefix("#") else { continue }
                let text = HTMLText.line(of: anchor)
                if !text.isEmpty { anchors.append((text, href)) }
            }
        }
        guard !anchors.isEmpty else { return nil }
        var targets: [LinkTarget] = []
        func add(_ text: String, _ href: String) {
            guard !targets.contains(where: { $0.text == text }),
                  let url = URL(string: href, relativeTo: base)?.absoluteURL.absoluteString,
                  let target = LinkTarget(text: text, url: url) else { return }
            targets.append(target)
        }
        for title in related {
            let key = TitleCleaner.comparable(title)
            guard key.count >= 4 else { continue }
            // The anchor is the title, or holds it (`Baca Juga: <a>Title</a>` read as one line).
            if let anchor = anchors.first(where: { TitleCleaner.comparable($0.text) == key })
                ?? anchors.first(where: { key.count >= 12 && TitleCleaner.comparable($0.text).contains(key) }) {
                add(title, anchor.href)
            }
        }
        for source in article.sources {
            let name = source.lowercased()
            if let anchor = anchors.first(where: { $0.text.lowercased() == name }) {
                add(source, anchor.href)
            }
        }
        return targets.isEmpty ? nil : targets
    }
}
