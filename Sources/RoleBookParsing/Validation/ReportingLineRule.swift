import RoleBookModel

/// RB103 cycles, RB104 self-reports, RB105 missing superior, RB112 `top` with a superior.
struct ReportingLineRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Fields read in place; only roles with something to report are copied.
        for i in g.roles.indices where g.roles[i].top || g.superior[i] == i || g.roles[i].reportsTo == nil {
            let role = g.roles[i]
            if role.top, let ref = role.reportsTo {
                out.append(Diagnostic(.topWithSuperior, "role '\(role.id)' is 'top: true' but reports to '\(ref.value)'", at: ref.location,
                                      notes: [Diagnostic.Note("remove 'reports_to' or 'top'")]))
            }
            if g.superior[i] == i, let ref = role.reportsTo {
                out.append(Diagnostic(.selfReport, "role '\(role.id)' reports to itself", at: ref.location))
            }
            if role.reportsTo == nil && !role.top {
                out.append(Diagnostic(.missingSuperior, "role '\(role.id)' has no 'reports_to' and is not 'top: true'", at: role.header.titleLocation,
                                      notes: [Diagnostic.Note("add 'reports_to: <role id>', or 'top: true' for the head of the organisation")]))
            }
        }
        for cycle in g.reportingCycles() {
            let where_ = cycle.map { g.roles[$0].reportsTo?.location ?? g.roles[$0].header.location }
            let first = where_.indices.min { where_[$0] < where_[$1] }!
            let names = (cycle + [cycle[0]]).map { g.roles[$0].id }.joined(separator: " → ")
            out.append(Diagnostic(.reportingCycle, "reporting lines form a cycle: \(names)", at: where_[first],
                                  notes: cycle.indices.filter { $0 != first }.map {
                                      Diagnostic.Note("'\(g.roles[cycle[$0]].id)' reports to '\(g.roles[g.superior[cycle[$0]]!].id)' here", at: where_[$0])
                                  }))
        }
        return out
    }
}
