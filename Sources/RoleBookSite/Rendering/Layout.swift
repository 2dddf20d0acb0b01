import RoleBookModel

/// The shell of every page: head, header with search, breadcrumbs, footer.
package struct Layout {
    var context: PageContext

    /// Sent with every page as a `<meta http-equiv>`: scripts and styles from the site only (no
    /// inline script or handlers, so text from content can never run), nothing embedded, no
    /// `<base>`. Inline styles stay allowed for the per-page print rules; all of them are escaped.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

    struct Crumb {
        var title: String
        var href: String?
    }

    /// - Parameters:
    ///   - bodyClass: distinguishes page types for CSS (`page-role`, …).
    ///   - scripts: scripts to load at the end of the body (relative to the page, as ``PageContext/href(_:)`` gives them).
    func page(title: String, bodyClass: String, crumbs: [Crumb], main: HTML, scripts: [String] = [], extraHead: [HTML] = []) -> String {
        let s = context.strings
        let site = context.graph.config.title
        let document = el("html", ["lang": context.graph.config.language],
            el("head", [:], children: [
                el("meta", ["charset": "utf-8"]),
                el("meta", ["http-equiv": "Content-Security-Policy", "content": Self.contentSecurityPolicy]),
                el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                el("meta", ["name": "generator", "content": "rolebook"]),
                el("title", .text(title == site ? site : "\(title) · \(site)")),
                el("link", ["rel": "stylesheet", "href": context.href(.siteCSS)]),
            ] + extraHead),
            el("body", ["class": bodyClass], children: [
                el("a", ["class": "skip-link", "href": "#rb-main"], .text(s[.skipToContent])),
                header(),
                crumbs.isEmpty ? .empty : breadcrumbs(crumbs),
                // Prefixed: a content heading "Main" has the anchor `main`.
                el("main", ["id": "rb-main", "class": "main"], main),
                el("footer", ["class": "site-footer"], .text(site + " · " + s[.generated])),
            ] + ([context.href(.pageScript)] + scripts).map { el("script", ["src": $0]) }))
        return document.render(prefix: "<!doctype html>\n", suffix: "\n")
    }

    private func header() -> HTML {
        let s = context.strings
        return el("header", ["class": "site-header"],
            el("div", ["class": "header-inner"],
                el("a", ["class": "brand", "href": context.href(for: .home)],
                   el("span", ["class": "brand-mark", "aria-hidden": "true"], .text(String(context.graph.config.title.prefix(1)))),
                   el("span", ["class": "brand-name"], .text(context.graph.config.title))),
                el("nav", ["class": "site-nav", "aria-label": s[.home]],
                   el("a", ["href": context.href(for: .home) + "#departments"], .text(s[.departments])),
                   el("a", ["href": context.href(for: .az)], .text(s[.az])),
                   el("a", ["href": context.href(for: .procedureIndex)], .text(s[.procedures])),
                   el("a", ["href": context.href(for: .checklistIndex)], .text(s[.checklists]))),
                el("form", ["class": "header-search", "action": context.href(for: .search), "role": "search"],
                   el("input", ["type": "search", "name": "q", "placeholder": s[.searchPlaceholder], "aria-label": s[.search]]))))
    }

    private func breadcrumbs(_ crumbs: [Crumb]) -> HTML {
        el("nav", ["class": "breadcrumbs", "aria-label": "breadcrumb"],
           el("ol", children: crumbs.map { c in
               el("li", [:], c.href.map { el("a", ["href": $0], .text(c.title)) } ?? el("span", ["aria-current": "page"], .text(c.title)))
           }))
    }

    /// Home, the department path, then the page itself (`current`, not a link).
    func crumbs(under d: Int?, current: String) -> [Crumb] {
        crumbs(path: PageLink.departmentPath(d, in: context.site), current: current)
    }

    /// Home, the given department path (as ``PageLink/departmentPath(_:in:)`` makes it), then the page itself.
    func crumbs(path: [PageLink], current: String) -> [Crumb] {
        [Crumb(title: context.strings[.home], href: context.href(for: .home))]
            + path.map { Crumb(title: $0.title, href: context.href($0.url)) }
            + [Crumb(title: current, href: nil)]
    }
}
