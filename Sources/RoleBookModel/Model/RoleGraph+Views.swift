/// Derived views the renderers and rules read: chains, peers, depth, trees, vacancies.
extension RoleGraph {
    /// `start`'s ancestors through `parent`, nearest first; stops at a cycle (content can make one).
    package static func ancestors(of start: Int, _ parent: (Int) -> Int?) -> [Int] {
        var out: [Int] = []
        var seen: Set<Int> = [start]
        var current = start
        while let p = parent(current), seen.insert(p).inserted {
            out.append(p)
            current = p
        }
        return out
    }

    /// Superiors from the top down to the role's direct superior; stops at a cycle.
    public func chainOfCommand(_ role: Int) -> [Int] { Self.ancestors(of: role) { superior[$0] }.reversed() }

    /// Roles with the same superior, the role itself excluded.
    public func peers(_ role: Int) -> [Int] {
        guard let s = superior[role] else { return [] }
        return subordinates[s].filter { $0 != role }
    }

    /// The first `limit` peers of a role and how many more there are: under a superior with
    /// thousands of reports, listing every peer on every page made the site quadratic.
    public func peers(_ role: Int, limit: Int) -> (shown: [Int], more: Int) {
        guard let s = superior[role] else { return ([], 0) }
        var shown: [Int] = []
        shown.reserveCapacity(min(limit, subordinates[s].count))
        for r in subordinates[s] where r != role {
            guard shown.count < limit else { break }
            shown.append(r)
        }
        return (shown, subordinates[s].count - 1 - shown.count)
    }

    public func spanOfControl(_ role: Int) -> Int { subordinates[role].count }

    /// Levels below the top for every role (top = 0); nil for roles on or under a cycle.
    public func depths() -> [Int?] {
        var depth = [Int?](repeating: nil, count: roles.count)
        var state = [UInt8](repeating: 0, count: roles.count)   // 0 new, 1 on stack, 2 done
        for start in roles.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            // Walk up until a known node, the top or a node already on this path (a cycle).
            while let c = current, state[c] == 0 {
                state[c] = 1
                path.append(c)
                current = superior[c]
            }
            var base: Int?
            if let c = current { base = state[c] == 2 ? depth[c].map { $0 + 1 } : nil } else { base = 0 }
            for node in path.reversed() {
                depth[node] = base
                state[node] = 2
                base = base.map { $0 + 1 }
            }
        }
        return depth
    }

    /// Every reporting cycle once, each as its roles in reporting order starting at the smallest index.
    public func reportingCycles() -> [[Int]] {
        var state = [UInt8](repeating: 0, count: roles.count)
        var cycles: [[Int]] = []
        for start in roles.indices where state[start] == 0 {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var current: Int? = start
            while let c = current, state[c] == 0 {
                state[c] = 1
                position[c] = path.count
                path.append(c)
                current = superior[c]
            }
            if let c = current, state[c] == 1, let at = position[c] {
                let cycle = Array(path[at...])
                if cycle.count > 1 {
                    let m = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    cycles.append(Array(cycle[m...] + cycle[..<m]))
                }
            }
            for node in path { state[node] = 2 }
        }
        return cycles
    }

    /// Departments without a parent (or whose parent did not resolve), in path order.
    public var rootDepartments: [Int] { departments.indices.filter { departmentParent[$0] == nil } }

    /// The department and its ancestors from the root down; bounded against cycles.
    public func departmentPath(_ d: Int) -> [Int] { Self.ancestors(of: d) { departmentParent[$0] }.reversed() + [d] }

    /// Roles of a department whose superior is outside it (or who have none): the roots of its org chart.
    public func departmentTopRoles(_ d: Int) -> [Int] {
        departmentRoles[d].filter { r in superior[r].map { roleDepartment[$0] != d } ?? true }
    }

    /// All roles in a department and its sub-departments.
    public func rolesInTree(_ d: Int) -> [Int] {
        var out: [Int] = []
        var stack = [d]
        var seen: Set<Int> = []
        while let x = stack.popLast() {
            guard seen.insert(x).inserted else { continue }
            out += departmentRoles[x]
            stack += departmentChildren[x].reversed()
        }
        return out
    }

    /// Procedures filed under each department (`byDepartment[d]`, in procedure order) and those
    /// without one: one pass over the procedures, for every page and the search index that group them.
    package func proceduresByDepartment() -> ProceduresByDepartment {
        var grouped = ProceduresByDepartment(byDepartment: Array(repeating: [], count: departments.count), unassigned: [])
        for p in procedures.indices {
            if let d = procedureDepartment[p] { grouped.byDepartment[d].append(p) } else { grouped.unassigned.append(p) }
        }
        return grouped
    }

    /// Roles with headcount 0.
    public var vacancies: [Int] { roles.indices.filter { roles[$0].isVacant } }

    /// Roles a role performs or owns procedures for, and the procedures they own.
    public func ownedProcedures(_ role: Int) -> [Int] { roleProcedures[role].filter { procedureOwner[$0] == role } }

    /// Content links pointing at a node.
    public func backlinks(_ node: NodeRef) -> [LinkEdge] { linkedFrom[node] ?? [] }
}

/// Procedures grouped by department (``RoleGraph/proceduresByDepartment()``).
package struct ProceduresByDepartment: Hashable, Sendable {
    /// The procedures of each department, by department index, in procedure order.
    package var byDepartment: [[Int]]
    /// Procedures without a department (or whose department did not resolve), in order.
    package var unassigned: [Int]
}
