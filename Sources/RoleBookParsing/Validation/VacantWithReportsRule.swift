import RoleBookModel

/// RB205: a vacant role (headcount 0) that others report to leaves them without a manager.
struct VacantWithReportsRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        g.roles.indices.filter { g.roles[$0].isVacant && !g.subordinates[$0].isEmpty }.map { i in
            let role = g.roles[i]
            return Diagnostic(.vacantWithReports, .vacantWithReports(role: role.id, count: g.subordinates[i].count),
                              at: role.headcountLocation ?? role.header.titleLocation,
                              notes: g.subordinates[i].prefix(3).map { Diagnostic.Note(.reportsToIt(g.roles[$0].id), at: g.roles[$0].reportsTo?.location) })
        }
    }
}
