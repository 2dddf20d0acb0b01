import RoleBookModel

/// RB209 procedures without steps, RB210 phases without steps.
struct ProcedureStepsRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for p in g.procedures {
            let phases = p.phases
            if !phases.contains(where: \.hasItems) {
                out.append(Diagnostic(.procedureWithoutSteps, .procedureWithoutSteps(p.id), at: p.header.titleLocation,
                                      notes: [Diagnostic.Note(.writeStepsAsList)]))
                continue
            }
            for phase in phases where !phase.hasItems {
                out.append(Diagnostic(.emptyPhase, .emptyPhase(phase: phase.heading, procedure: p.id), at: phase.location))
            }
        }
        return out
    }
}
