import RoleBookModel

/// Where every page lives (``Route``), and links between pages relative to the page being rendered:
/// the one type that knows paths and URLs.
package struct SiteMap: Sendable {
    package let graph: RoleGraph
    private var pathIndex: [String: NodeRef] = [:]
    /// URLs computed once: pages ask for them tens of times each.
    private let roleURLs: [String]
    private let departmentURLs: [String]
    private let procedureURLs: [String]
    /// Computed once per build: department pages, both indexes and the checklist index list them.
    package let procedures: ProceduresByDepartment
    /// Each role's title as it sorts (``IndexPages/sortKey(_:)``), by role index: worked out once
    /// here, not once per department page and index (and per comparison) that orders roles.
    package let roleSortKeys: [String]
    /// Role indices in name order (sort key, title, id: the A–Z page's order), and each role's
    /// place in it: department pages and charts order siblings by comparing these numbers, not
    /// three strings per comparison (a sixth of rendering's time after an edit at 10,000 roles).
    package let rolesByName: [Int]
    package let roleNameRank: [Int]

    /// - Parameter previous: the site map of an earlier graph; when that graph has the same
    ///   ``RoleGraph/layout`` (a `serve` rebuild after an edit), its paths and URLs are taken as they are.
    package init(graph: RoleGraph, reusing previous: SiteMap? = nil) {
        self.graph = graph
        procedures = graph.proceduresByDepartment()
        // Titles can change under the same layout (a `serve` patch): a key is reused only for the same title.
        let earlier = previous.flatMap { $0.graph.layout === graph.layout ? $0 : nil }
        roleSortKeys = Array(graph.roles.indices).parallelMap { i in
            if let earlier, earlier.graph.roles[i].title == graph.roles[i].title { return earlier.roleSortKeys[i] }
            return IndexPages.sortKey(graph.roles[i].title)
        }
        // The same layout (the same ids) and every title as before (a `serve` rebuild after a body
        // edit): the same order, not sorted again on every rebuild.
        if let earlier, graph.roles.indices.allSatisfy({ earlier.graph.roles[$0].title == graph.roles[$0].title }) {
            rolesByName = earlier.rolesByName
            roleNameRank = earlier.roleNameRank
        } else {
            let keys = roleSortKeys
            rolesByName = graph.roles.indices.sorted {
                (keys[$0], graph.roles[$0].title, graph.roles[$0].id) < (keys[$1], graph.roles[$1].title, graph.roles[$1].id)
            }
            var rank = [Int](repeating: 0, count: graph.roles.count)
            for (place, r) in rolesByName.enumerated() { rank[r] = place }
            roleNameRank = rank
        }
        if let previous, previous.graph.layout === graph.layout {
            pathIndex = previous.pathIndex
            roleURLs = previous.roleURLs
            departmentURLs = previous.departmentURLs
            procedureURLs = previous.procedureURLs
            return
        }
        // By index: iterating the arrays copies (and retains) every entity, a third of this init at 10,000 roles.
        pathIndex.reserveCapacity(graph.roles.count + graph.departments.count + graph.procedures.count)
        for i in graph.roles.indices { pathIndex[graph.roles[i].header.path] = .role(i) }
        for i in graph.departments.indices { pathIndex[graph.departments[i].header.path] = .department(i) }
        for i in graph.procedures.indices { pathIndex[graph.procedures[i].header.path] = .procedure(i) }
        roleURLs = graph.roles.indices.map { "roles/" + Self.segment(graph.roles[$0].header.id) + ".html" }
        departmentURLs = graph.departments.indices.map { "departments/" + Self.segment(graph.departments[$0].header.id) + ".html" }
        procedureURLs = graph.procedures.indices.map { "procedures/" + Self.segment(graph.procedures[$0].header.id) + ".html" }
    }

    /// Site-root-relative URL of a node's page.
    package func url(_ node: NodeRef) -> String {
        switch node {
        case .role(let i): roleURLs[i]
        case .department(let i): departmentURLs[i]
        case .procedure(let i): procedureURLs[i]
        }
    }

    package func node(forContentPath path: String) -> NodeRef? { pathIndex[path] }

    /// Percent-encodes what is not safe in a path segment; ids are already restricted to letters, digits, `-_.`.
    package static func segment(_ id: String) -> String {
        // Nearly every id is safe as it is: no new string then.
        if id.utf8.allSatisfy(isSegmentByte) { return id }
        var out = ""
        for byte in id.utf8 {
            if isSegmentByte(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private static func isSegmentByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F || byte == 0x2E
    }

    /// File-system path for a site-root-relative URL (percent-decoded).
    package static func filePath(_ url: String) -> String { url.utf8.contains(0x25) ? url.removingPercentEncodingIfPossible : url }
}
