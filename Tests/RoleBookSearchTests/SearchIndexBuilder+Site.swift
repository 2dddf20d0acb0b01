@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch

extension SearchIndexBuilder {
    /// The index of a graph with the page URLs a build gives it (the site map's).
    init(graph: RoleGraph, strings: UIStrings? = nil) {
        self.init(graph: graph, strings: strings, urls: SiteMap(graph: graph).searchURLs)
    }
}
