import RoleBookModel

/// RB201 span of control and RB202 chain depth, against `validation` thresholds.
struct SpanAndDepthRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in g.roles.indices where g.subordinates[i].count > g.config.maxSpan {
            let role = g.roles[i]
            out.append(Diagnostic(.spanOfControl, .spanOfControl(role: role.id, count: g.subordinates[i].count, max: g.config.maxSpan),
                                  at: role.header.titleLocation,
                                  notes: [Diagnostic.Note(.raiseMaxSpan)]))
        }
        for (i, depth) in g.depths().enumerated() {
            // Report once per chain, at the first role past the limit.
            guard let depth, depth == g.config.maxDepth + 1 else { continue }
            let role = g.roles[i]
            out.append(Diagnostic(.chainTooDeep, .chainTooDeep(role: role.id, depth: depth, max: g.config.maxDepth),
                                  at: role.reportsTo?.location ?? role.header.titleLocation,
                                  notes: [Diagnostic.Note(.chain((g.chainOfCommand(i) + [i]).map { g.roles[$0].id }))]))
        }
        return out
    }
}
