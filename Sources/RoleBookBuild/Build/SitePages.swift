import RoleBookModel
import RoleBookSite
import RoleBookSearch

/// The site of one graph as a table of paths, each page rendered only when asked for: what
/// `rolebook serve` holds. A rebuild then costs what the graph costs, plus the pages a browser
/// has open; a page nobody looks at is never rendered (Hugo's server renders only the pages
/// open in a browser again after an edit, for the same reason).
package struct SitePages: Sendable {
    let site: SiteMap
    let strings: UIStrings
    let identity: BuildIdentity
    /// Site path → page, for every page.
    private let routes: [String: Route]
    /// Every page, in ``SiteMap/pages``' order.
    private let pages: [Route]
    /// Site path → contents, for the static assets.
    private let assets: [String: String]

    /// - Parameter previous: the pages of the last version; its tables of paths are reused when
    ///   the graph's layout is the same (see ``SiteMap/init(graph:reusing:)``).
    package init(graph: RoleGraph, reusing previous: SitePages? = nil) {
        self.init(graph: graph, renderer: BuildIdentity.rendererIdentity, reusing: previous)
    }

    init(graph: RoleGraph, renderer: UInt64?, reusing previous: SitePages? = nil) {
        site = SiteMap(graph: graph, reusing: previous?.site)
        strings = UIStrings(language: graph.config.language)
        // Without a renderer identity the fingerprints are still those of the models: serve compares
        // them within one process only, so settings alone are enough of a seed.
        identity = BuildIdentity(graph: graph, renderer: renderer ?? 0)
        let pages = site.pages
        if let previous, previous.site.graph.layout === graph.layout, previous.pages == pages {
            routes = previous.routes
            self.pages = previous.pages
        } else {
            var routes: [String: Route] = [:]
            routes.reserveCapacity(pages.count)
            for page in pages { routes[site.path(for: page)] = page }
            self.routes = routes
            self.pages = pages
        }
        assets = previous?.assets ?? Dictionary(uniqueKeysWithValues: SiteAsset.allCases.map { ($0.url, $0.contents) })
    }

    /// Every page and asset path, sorted (graph.json and the search index are not in it).
    package var paths: [String] { (Array(routes.keys) + Array(assets.keys)).sorted() }

    /// How many pages the site has.
    package var pageCount: Int { routes.count }

    /// Whether `path` is a page or an asset of this site.
    package func contains(_ path: String) -> Bool { routes[path] != nil || assets[path] != nil }

    /// A file of this site, a page's model built once for the fingerprint and the rendering.
    package struct Page: Sendable {
        /// The page's model hash; nil for an asset or a page without a model (home, the indexes):
        /// render it to compare. Two equal fingerprints render to the same bytes.
        package let fingerprint: UInt64?
        fileprivate let body: Body

        fileprivate enum Body: Sendable {
            case asset(String)
            case page(Route, ModelledPage?, SitePages)
        }

        /// The file as `rolebook build` writes it.
        package func render() -> String {
            switch body {
            case .asset(let contents): return contents
            case .page(let route, let model, let pages):
                let context = PageContext(site: pages.site, strings: pages.strings, page: route)
                return model.map { $0.render(context) }
                    ?? SiteRenderer.contents(of: route, site: pages.site, strings: pages.strings, indexScripts: SearchIndexBuilder.pageScripts)
            }
        }
    }

    /// The page or asset at `path`, or nil when the site has none.
    package func page(_ path: String) -> Page? {
        if let asset = assets[path] { return Page(fingerprint: nil, body: .asset(asset)) }
        guard let route = routes[path] else { return nil }
        let (model, fingerprint) = SiteRenderer.fingerprint(of: route, site: site, identity: identity)
        return Page(fingerprint: fingerprint, body: .page(route, model, self))
    }

    /// The contents of `graph.json`.
    package func graphJSON() -> String { GraphJSON(site: site).render() }

    /// Every file of the search index (`search/…`) by site path, built whole: the files a cold
    /// `rolebook build` writes.
    package func searchIndexFiles() -> [String: String] {
        let builder = SearchIndexBuilder(graph: site.graph, urls: site.searchURLs)
        return builder.build(builder.layout())
    }
}
