import RoleBookSite

/// The site-root-relative URL of every page the index can point at, by entity index, as the
/// site map gives them (``SiteMap/searchURLs``): search files each URL with its record and never
/// builds one itself.
package struct SearchPageURLs: Sendable {
    package var roles: [String]
    package var departments: [String]
    package var procedures: [String]

    package init(roles: [String], departments: [String], procedures: [String]) {
        self.roles = roles
        self.departments = departments
        self.procedures = procedures
    }
}

extension SiteMap {
    /// The page URLs the search index files with its records.
    package var searchURLs: SearchPageURLs { SearchPageURLs(roles: graph.roles.indices.map { url(.role($0)) },
                                     departments: graph.departments.indices.map { url(.department($0)) },
                                     procedures: graph.procedures.indices.map { url(.procedure($0)) }) }
}
