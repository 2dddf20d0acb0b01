import RoleBookModel

/// One page of the site. ``SiteMap`` turns a route into its URL and file path; nothing else
/// spells a page's location, so a page can move by changing one `case` below.
package enum Route: Hashable, Sendable {
    case home, az, procedureIndex, search, checklistIndex
    case role(Int), department(Int), procedure(Int)
    /// The sign-off sheet of a procedure, its Mon–Sun grid (daily and per-shift procedures only),
    /// and the sheet of every procedure a role owns or performs.
    case checklist(Int), weekChecklist(Int), roleChecklist(Int)

    /// The page of a role, department or procedure.
    package init(_ node: NodeRef) {
        switch node {
        case .role(let i): self = .role(i)
        case .department(let i): self = .department(i)
        case .procedure(let i): self = .procedure(i)
        }
    }

    /// Folders between the page and the site root: what its relative links climb.
    package var depth: Int {
        switch self {
        case .home, .az, .search: 0
        case .procedureIndex, .checklistIndex, .role, .department, .procedure, .checklist: 1
        case .weekChecklist, .roleChecklist: 2
        }
    }
}

/// Files every page links to, beside the pages.
package enum SiteAsset: String, CaseIterable, Sendable {
    case siteCSS = "assets/site.css"
    case checklistCSS = "assets/checklist.css"
    case searchScript = "assets/search.js"
    case pageScript = "assets/page.js"
    case azScript = "assets/az.js"

    /// Site-root-relative URL (also the file's path: no asset name needs escaping).
    package var url: String { rawValue }

}

extension SiteMap {
    /// Every page of the site in a fixed order: the indexes, then roles, departments,
    /// procedures, their sheets, week grids and the roles' sheets.
    package var pages: [Route] {
        let g = graph
        var pages: [Route] = [.home, .az, .procedureIndex, .search, .checklistIndex]
        pages += g.roles.indices.map(Route.role)
        pages += g.departments.indices.map(Route.department)
        pages += g.procedures.indices.map(Route.procedure)
        pages += g.procedures.indices.map { Route.checklist($0) }
        pages += g.procedures.indices.filter { g.procedures[$0].hasWeekGrid }.map { Route.weekChecklist($0) }
        pages += g.roles.indices.filter { !g.roleProcedures[$0].isEmpty }.map { Route.roleChecklist($0) }
        return pages
    }

    /// The checklist pages `rolebook print` prints: the sheets of `procedures` (every procedure
    /// when nil), their week grids unless left out, and the roles' sheets when all are printed.
    package func checklistPages(procedures: [Int]?, weekGrids: Bool, roles: Bool) -> [Route] {
        let wanted = procedures ?? Array(graph.procedures.indices)
        var pages = wanted.map { Route.checklist($0) }
        if weekGrids { pages += wanted.filter { graph.procedures[$0].hasWeekGrid }.map { Route.weekChecklist($0) } }
        if roles && procedures == nil { pages += graph.roles.indices.filter { !graph.roleProcedures[$0].isEmpty }.map { Route.roleChecklist($0) } }
        return pages
    }

    /// Site-root-relative URL of a page (`roles/cs-manager.html`), percent-encoded.
    package func url(for route: Route) -> String {
        switch route {
        case .home: "index.html"
        case .az: "az.html"
        case .procedureIndex: "procedures/index.html"
        case .search: "search.html"
        case .checklistIndex: "checklists/index.html"
        case .role(let i): url(NodeRef.role(i))
        case .department(let i): url(NodeRef.department(i))
        case .procedure(let i): url(NodeRef.procedure(i))
        case .checklist(let p): "checklists/" + Self.segment(graph.procedures[p].id) + ".html"
        case .weekChecklist(let p): "checklists/week/" + Self.segment(graph.procedures[p].id) + ".html"
        case .roleChecklist(let r): "checklists/roles/" + Self.segment(graph.roles[r].id) + ".html"
        }
    }

    /// Site-root-relative file path of a page: its URL percent-decoded.
    package func path(for route: Route) -> String { Self.filePath(url(for: route)) }
}

extension SiteMap {
    /// The groups the procedure index and the checklist index show: procedures without a
    /// department first, then each department that has any, in department order.
    var procedureGroups: [(department: Int?, procedures: [Int])] {
        var groups: [(department: Int?, procedures: [Int])] = procedures.unassigned.isEmpty ? [] : [(nil, procedures.unassigned)]
        for (d, list) in procedures.byDepartment.enumerated() where !list.isEmpty { groups.append((d, list)) }
        return groups
    }
}
