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
                                  .crossDepartmentSuperior(role: role.id, department: g.departments[mine].id, superior: g.roles[s].id, superiorDepartment: g.departments[theirs].id),
                                  at: ref.location,
                                  notes: [Diagnostic.Note(.makeHeadOrDottedLine(department: g.departments[mine].id),
                                                          at: g.departments[mine].head?.location ?? g.departments[mine].header.titleLocation)]))
        }
        return out
    }
}
