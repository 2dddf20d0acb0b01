import RoleBookModel

/// RB106 / RB107: `direct_reports`, when given, must agree with every `reports_to`, both ways.
struct DirectReportsRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, listed) in g.listedReports.enumerated() {
            guard let listed else { continue }
            let manager = g.roles[i]
            for entry in listed where g.superior[entry.value] != i {
                let sub = g.roles[entry.value]
                let actual = g.superior[entry.value].map { "'\(g.roles[$0].id)'" } ?? "no one"
                out.append(Diagnostic(.directReportMismatch, "'\(manager.id)' lists '\(sub.id)' as a direct report, but '\(sub.id)' reports to \(actual)",
                                      at: entry.location,
                                      notes: [Diagnostic.Note("'\(sub.id)' sets its superior here", at: sub.reportsTo?.location ?? sub.header.titleLocation)]))
            }
            let listedSet = Set(listed.map(\.value))
            for sub in g.subordinates[i] where !listedSet.contains(sub) {
                let role = g.roles[sub]
                out.append(Diagnostic(.unlistedDirectReport, "'\(role.id)' reports to '\(manager.id)', which does not list it in 'direct_reports'",
                                      at: role.reportsTo?.location ?? role.header.titleLocation,
                                      notes: [Diagnostic.Note("'\(manager.id)' lists its direct reports here", at: manager.directReports?.first?.location ?? manager.header.titleLocation)]))
            }
        }
        return out
    }
}
