import RoleBookModel

/// RB209 procedures without steps, RB210 phases without steps.
struct ProcedureStepsRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for p in g.procedures {
            let phases = p.phases
            if phases.allSatisfy({ $0.items.isEmpty }) {
                out.append(Diagnostic(.procedureWithoutSteps, "procedure '\(p.id)' has no steps", at: p.header.titleLocation,
                                      notes: [Diagnostic.Note("write the steps as a numbered list")]))
                continue
            }
            for phase in phases where phase.items.isEmpty {
                out.append(Diagnostic(.emptyPhase, "phase '\(phase.heading)' of procedure '\(p.id)' has no steps", at: phase.location))
            }
        }
        return out
    }
}
