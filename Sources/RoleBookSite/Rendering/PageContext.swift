import RoleBookModel

/// What every page renderer needs: the site map, UI strings and the path back to the site root.
package struct PageContext: Sendable {
    package var site: SiteMap
    package var strings: UIStrings
    /// `""` for root pages, `"../"` one folder down, and so on.
    package var root: String
    /// The content file being rendered, to resolve its relative links.
    package var contentPath: String?

    package var graph: RoleGraph { site.graph }
    /// The site's settings (title, organisation, language): page chrome, which every fingerprint covers.
    package var config: SiteConfig { site.graph.config }

    /// The context of a page: its depth from the route, and for a content page its file.
    package init(site: SiteMap, strings: UIStrings, page: Route) {
        let g = site.graph
        let contentPath: String? = switch page {
        case .role(let i), .roleChecklist(let i): g.roles[i].header.path
        case .department(let i): g.departments[i].header.path
        case .procedure(let i), .checklist(let i), .weekChecklist(let i): g.procedures[i].header.path
        case .home, .az, .procedureIndex, .search, .checklistIndex: nil
        }
        self.init(site: site, strings: strings, depth: page.depth, contentPath: contentPath)
    }

    package init(site: SiteMap, strings: UIStrings, depth: Int, contentPath: String? = nil) {
        self.site = site
        self.strings = strings
        self.root = String(repeating: "../", count: depth)
        self.contentPath = contentPath
    }

    package func href(_ node: NodeRef) -> String { root + site.url(node) }
    package func href(for page: Route) -> String { root + site.url(for: page) }
    package func href(_ asset: SiteAsset) -> String { root + asset.url }
    /// A file the site map does not route (the search index's scripts, which the index names).
    package func href(_ siteRelative: String) -> String { root + siteRelative }

    /// A link to a node showing its title.
    package func link(_ node: NodeRef, class cls: String? = nil) -> HTML {
        let header = graph.header(node)
        var attributes = [HTML.Attribute("href", href(node))]
        if let cls { attributes.append(HTML.Attribute("class", cls)) }
        return .element("a", attributes, [.text(header.title)])
    }

    package func roleLink(_ i: Int) -> HTML {
        let role = graph.roles[i]
        return .fragment([link(.role(i)), role.isVacant ? el("span", ["class": "badge badge-vacant"], .text(strings[.vacant])) : .empty])
    }

    /// A link as a page model holds it, with the vacancy badge for a vacant post.
    func link(_ page: PageLink) -> HTML {
        .fragment([el("a", ["href": href(page.url)], .text(page.title)),
                   page.vacant ? el("span", ["class": "badge badge-vacant"], .text(strings[.vacant])) : .empty])
    }
}
