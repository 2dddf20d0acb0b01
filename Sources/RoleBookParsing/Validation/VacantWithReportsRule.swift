import RoleBookModel

/// RB205: a vacant role (headcount 0) that others report to leaves them without a manager.
struct VacantWithReportsRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        g.roles.indices.filter { g.roles[$0].isVacant && !g.subordinates[$0].isEmpty }.map { i in
            let role = g.roles[i]
            return Diagnostic(.vacantWithReports, "vacant role '\(role.id)' has \(g.subordinates[i].count) direct report(s)",
                              at: role.headcountLocation ?? role.header.titleLocation,
                              notes: g.subordinates[i].prefix(3).map { Diagnostic.Note("'\(g.roles[$0].id)' reports to it", at: g.roles[$0].reportsTo?.location) })
        }
    }
}
