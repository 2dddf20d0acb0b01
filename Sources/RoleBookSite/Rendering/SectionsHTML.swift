import RoleBookModel
import RoleBookParsing

/// Renders a body's sections with stable anchors, shared by role, department and procedure pages.
struct SectionsHTML {
    var context: PageContext
    /// The document's resolved content links, from its page model (nil: resolved against the site map).
    var links: ResolvedLinks? = nil

    func render(_ document: ContentDocument, skipIntro: Bool = false) -> HTML {
        let markdown = MarkdownHTML(context: context, headingIDs: HeadingIDs.assign(document), links: links)
        return .fragment(document.sections.compactMap { section in
            if section.kind == .intro {
                return skipIntro ? nil : el("div", ["class": "intro"], markdown.render(section.blocks))
            }
            return el("section", ["class": "doc-section section-\(section.kind.rawValue)", "id": section.anchor],
                      el("h2", [:], el("a", ["class": "anchor", "href": "#" + section.anchor, "aria-hidden": "true"], "#"), .text(section.heading)),
                      markdown.render(section.blocks))
        })
    }

    /// Only the untitled text before the first heading.
    func intro(_ document: ContentDocument) -> HTML {
        let markdown = MarkdownHTML(context: context, headingIDs: HeadingIDs.assign(document), links: links)
        return .fragment(document.sections.filter { $0.kind == .intro && !$0.blocks.isEmpty }.map {
            el("div", ["class": "intro"], markdown.render($0.blocks))
        })
    }

    /// A table of contents for pages with several sections.
    func toc(_ document: ContentDocument) -> HTML {
        let sections = document.sections.filter { $0.kind != .intro }
        // Fewer than four sections are seen at a glance; the list reads down each column (CSS columns).
        guard sections.count >= 4 else { return .empty }
        return el("nav", ["class": "toc", "aria-label": context.strings[.sectionsNav]],
                  el("ol", children: sections.map { el("li", [:], el("a", ["href": "#" + $0.anchor], .text($0.heading))) }))
    }
}

/// Ids for the headings below section level (`###`…), unique on the page: a repeated heading, or
/// one whose slug is already a section anchor or an id of the page itself, gets `-2`, `-3`.
/// Assigned in document order, so the same file always gives the same ids.
enum HeadingIDs {
    /// Ids the page shells use for their own blocks.
    static let pageIDs: Set<String> = ["rb-main", "org-chart", "sub-departments", "roles", "procedures"]

    /// Source line of each heading → its id.
    static func assign(_ document: ContentDocument) -> [Int: String] {
        var used = pageIDs.union(document.sections.map(\.anchor))
        var ids: [Int: String] = [:]
        var stack: [Block] = document.sections.flatMap(\.blocks).reversed()
        while let block = stack.popLast() {
            switch block.kind {
            case .heading(_, let inlines):
                let base = Slug.make(inlines.plainText)
                var id = base, n = 1
                while used.contains(id) { n += 1; id = "\(base)-\(n)" }
                used.insert(id)
                ids[block.line] = id
            case .blockQuote(let inner): stack += inner.reversed()
            case .list(_, _, let items, _): stack += items.flatMap(\.blocks).reversed()
            default: break
            }
        }
        return ids
    }
}
