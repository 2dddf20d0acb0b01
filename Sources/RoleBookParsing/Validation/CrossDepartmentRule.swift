import RoleBookModel

/// RB203: a superior in another department is expected only for a department's head.
struct CrossDepartmentRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in g.roles.indices {
            guard let s = g.superior[i], let mine = g.roleDepartment[i], let theirs = g.roleDepartment[s], mine != theirs,
                  g.departmentHead[mine] != i, let ref = g.roles[i].reportsTo else { continue }
            let role = g.roles[i]
            out.append(Diagnostic(.crossDepartmentSuperior,
                                  "'\(role.id)' in '\(g.departments[mine].id)' reports to '\(g.roles[s].id)' in '\(g.departments[theirs].id)' but is not its department's head",
                                  at: ref.location,
                                  notes: [Diagnostic.Note("make it the head of '\(g.departments[mine].id)', move it, or use 'dotted_line_to' for a functional line",
                                                          at: g.departments[mine].head?.location ?? g.departments[mine].header.titleLocation)]))
        }
        return out
    }
}
