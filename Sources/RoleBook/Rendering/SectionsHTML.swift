/// Renders a body's sections with stable anchors, shared by role, department and procedure pages.
struct SectionsHTML {
    var context: PageContext

    func render(_ document: ContentDocument, skipIntro: Bool = false) -> HTML {
        let markdown = MarkdownHTML(context: context)
        return .fragment(document.sections.compactMap { section in
            if section.kind == .intro {
                return skipIntro ? nil : el("div", ["class": "intro"], markdown.render(section.blocks))
            }
            return el("section", ["class": "doc-section section-\(section.kind.rawValue)", "id": section.anchor],
                      el("h2", [:], el("a", ["class": "anchor", "href": "#" + section.anchor, "aria-hidden": "true"], "#"), .text(section.heading)),
                      markdown.render(section.blocks))
        })
    }

    /// A table of contents for pages with several sections.
    func toc(_ document: ContentDocument) -> HTML {
        let sections = document.sections.filter { $0.kind != .intro }
        guard sections.count >= 3 else { return .empty }
        return el("nav", ["class": "toc", "aria-label": context.strings["sectionsNav"]],
                  el("ol", children: sections.map { el("li", [:], el("a", ["href": "#" + $0.anchor], .text($0.heading))) }))
    }
}
