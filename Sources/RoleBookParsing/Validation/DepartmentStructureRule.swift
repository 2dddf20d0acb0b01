import RoleBookModel

/// RB108 head outside its department, RB110 parent cycles, RB213 empty departments.
struct DepartmentStructureRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (d, dept) in g.departments.enumerated() {
            if let head = g.departmentHead[d], let ref = dept.head, g.roleDepartment[head] != d {
                let actual = g.roleDepartment[head].map { g.departments[$0].id }
                out.append(Diagnostic(.headOutsideDepartment, .headOutsideDepartment(head: g.roles[head].id, department: dept.id, actual: actual), at: ref.location,
                                      notes: [Diagnostic.Note(.setsDepartmentHere(g.roles[head].id),
                                                              at: g.roles[head].department?.location ?? g.roles[head].header.titleLocation)]))
            }
            if g.departmentRoles[d].isEmpty && g.departmentChildren[d].isEmpty {
                out.append(Diagnostic(.emptyDepartment, .emptyDepartment(dept.id), at: dept.header.titleLocation))
            }
        }
        // Parent cycles: walk up from each department; report each cycle once at its smallest member.
        var reported: Set<Int> = []
        for d in g.departments.indices {
            var seen: [Int] = [d]
            var current = d
            while let p = g.departmentParent[current] {
                if let at = seen.firstIndex(of: p) {
                    let cycle = Array(seen[at...])
                    if cycle.min() == d, reported.insert(d).inserted {
                        let names = (cycle + [cycle[0]]).map { g.departments[$0].id }
                        out.append(Diagnostic(.departmentCycle, .departmentCycle(names),
                                              at: g.departments[d].parent?.location ?? g.departments[d].header.location,
                                              notes: cycle.dropFirst().map { Diagnostic.Note(.setsParentHere(g.departments[$0].id), at: g.departments[$0].parent?.location) }))
                    }
                    break
                }
                if seen.count > g.departments.count { break }
                seen.append(p)
                current = p
            }
        }
        return out
    }
}
