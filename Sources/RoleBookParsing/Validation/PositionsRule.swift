import RoleBookModel

/// RB204: a department's planned `positions` must match its roles' headcounts.
struct PositionsRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (d, dept) in g.departments.enumerated() where !dept.positions.isEmpty {
            var planned: [Int: (count: Int, location: SourceLocation)] = [:]
            for p in g.positions[d] { planned[p.role] = (p.count, p.location) }
            for (r, p) in planned.sorted(by: { $0.value.location < $1.value.location }) {
                let role = g.roles[r]
                if g.roleDepartment[r] != d {
                    out.append(Diagnostic(.positionsMismatch, "'positions' lists '\(role.id)', which is not in '\(dept.id)'", at: p.location,
                                          notes: [Diagnostic.Note("'\(role.id)' sets its department here", at: role.department?.location ?? role.header.titleLocation)]))
                } else if role.headcount != p.count {
                    out.append(Diagnostic(.positionsMismatch, "'positions' plans \(p.count) for '\(role.id)', but its headcount is \(role.headcount)", at: p.location,
                                          notes: [Diagnostic.Note("headcount set here", at: role.headcountLocation ?? role.header.titleLocation)]))
                }
            }
            for r in g.departmentRoles[d] where planned[r] == nil {
                out.append(Diagnostic(.positionsMismatch, "'positions' of '\(dept.id)' omits its role '\(g.roles[r].id)'",
                                      at: dept.positions.first?.role.location ?? dept.header.titleLocation,
                                      notes: [Diagnostic.Note("role defined here", at: g.roles[r].header.titleLocation)]))
            }
        }
        return out
    }
}
