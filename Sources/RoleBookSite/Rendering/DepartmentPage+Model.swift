import RoleBookModel

/// What a department page shows: the department's own file, figures of its whole tree, its org
/// chart, sub-departments, roles in reporting order and procedures, as titles and links.
package struct DepartmentPageModel: PageModel {
    /// A sub-department as a card: link, how many roles its tree has, its summary.
    package struct SubDepartment: Hashable, Sendable, Encodable {
        package let link: PageLink
        package let roleCount: Int
        package let summary: String?
    }

    /// A row of the roles table.
    package struct RoleRow: Hashable, Sendable, Encodable {
        package let role: PageLink
        /// Levels below the top of the list (``DepartmentPage/depths(_:_:)``).
        package let level: Int
        package let superior: PageLink?
        package let headcount: Int
        package let grade: String?
    }

    package let department: Department
    /// The breadcrumbs above the page: the parent department and its ancestors.
    package let parentPath: [PageLink]
    /// Figures of the department and every department under it.
    package let roleCount: Int
    package let headcount: Int
    package let vacancies: Int
    /// Nil when the department itself has no roles.
    package let chart: OrgChartModel?
    package let subDepartments: [SubDepartment]
    package let roles: [RoleRow]
    /// The department's procedures its description does not already link to.
    package let procedures: [ProcedureCard]
    package let links: ResolvedLinks

    package init(site: SiteMap, index d: Int) {
        let g = site.graph
        department = g.departments[d]
        parentPath = PageLink.departmentPath(g.departmentParent[d], in: site)
        let tree = g.rolesInTree(d)
        roleCount = tree.count
        headcount = tree.reduce(0) { $0 + g.roles[$1].headcount }
        vacancies = tree.count { g.roles[$0].isVacant }
        chart = g.departmentRoles[d].isEmpty ? nil : OrgChartModel(site: site, department: d)
        subDepartments = g.departmentChildren[d].map { c in
            SubDepartment(link: PageLink(.department(c), in: site), roleCount: g.rolesInTree(c).count, summary: g.departments[c].header.summary)
        }
        let ordered = DepartmentPage.reportingOrder(site, department: d)
        let depth = DepartmentPage.depths(g, ordered)
        roles = ordered.map { r in
            RoleRow(role: PageLink(.role(r), in: site), level: depth[r] ?? 0, superior: g.superior[r].map { PageLink(.role($0), in: site) },
                    headcount: g.roles[r].headcount, grade: g.roles[r].grade)
        }
        // Procedures the description already links to are not listed a second time as cards.
        procedures = site.procedures.byDepartment[d]
            .filter { p in !g.backlinks(.procedure(p)).contains { $0.from == .department(d) } }
            .map { ProcedureCard(site: site, index: $0) }
        links = ResolvedLinks(department.header, in: site)
    }
}
