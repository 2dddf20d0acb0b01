import RoleBookModel

/// RB103 cycles, RB104 self-reports, RB105 missing superior, RB112 `top` with a superior.
struct ReportingLineRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Fields read in place; only roles with something to report are copied.
        for i in g.roles.indices where g.roles[i].top || g.superior[i] == i || g.roles[i].reportsTo == nil {
            let role = g.roles[i]
            if role.top, let ref = role.reportsTo {
                out.append(Diagnostic(.topWithSuperior, .topWithSuperior(role: role.id, superior: ref.value), at: ref.location,
                                      notes: [Diagnostic.Note(.removeReportsToOrTop)]))
            }
            if g.superior[i] == i, let ref = role.reportsTo {
                out.append(Diagnostic(.selfReport, .selfReport(role: role.id), at: ref.location))
            }
            if role.reportsTo == nil && !role.top {
                out.append(Diagnostic(.missingSuperior, .missingSuperior(role: role.id), at: role.header.titleLocation,
                                      notes: [Diagnostic.Note(.addReportsTo)]))
            }
        }
        for cycle in g.reportingCycles() {
            let where_ = cycle.map { g.roles[$0].reportsTo?.location ?? g.roles[$0].header.location }
            let first = where_.indices.min { where_[$0] < where_[$1] }!
            let names = (cycle + [cycle[0]]).map { g.roles[$0].id }
            out.append(Diagnostic(.reportingCycle, .reportingCycle(names), at: where_[first],
                                  notes: cycle.indices.filter { $0 != first }.map {
                                      Diagnostic.Note(.reportsToHere(role: g.roles[cycle[$0]].id, superior: g.roles[g.superior[cycle[$0]]!].id), at: where_[$0])
                                  }))
        }
        return out
    }
}
