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
                    out.append(Diagnostic(.positionsMismatch, .positionsNotInDepartment(role: role.id, department: dept.id), at: p.location,
                                          notes: [Diagnostic.Note(.setsDepartmentHere(role.id), at: role.department?.location ?? role.header.titleLocation)]))
                } else if role.headcount != p.count {
                    out.append(Diagnostic(.positionsMismatch, .positionsHeadcount(planned: p.count, role: role.id, headcount: role.headcount), at: p.location,
                                          notes: [Diagnostic.Note(.headcountSetHere, at: role.headcountLocation ?? role.header.titleLocation)]))
                }
            }
            for r in g.departmentRoles[d] where planned[r] == nil {
                out.append(Diagnostic(.positionsMismatch, .positionsOmits(department: dept.id, role: g.roles[r].id),
                                      at: dept.positions.first?.role.location ?? dept.header.titleLocation,
                                      notes: [Diagnostic.Note(.roleDefinedHere, at: g.roles[r].header.titleLocation)]))
            }
        }
        return out
    }
}
