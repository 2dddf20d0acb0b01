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
                let actual = g.superior[entry.value].map { g.roles[$0].id }
                out.append(Diagnostic(.directReportMismatch, .directReportMismatch(manager: manager.id, report: sub.id, actual: actual),
                                      at: entry.location,
                                      notes: [Diagnostic.Note(.setsSuperiorHere(sub.id), at: sub.reportsTo?.location ?? sub.header.titleLocation)]))
            }
            let listedSet = Set(listed.map(\.value))
            for sub in g.subordinates[i] where !listedSet.contains(sub) {
                let role = g.roles[sub]
                out.append(Diagnostic(.unlistedDirectReport, .unlistedDirectReport(role: role.id, manager: manager.id),
                                      at: role.reportsTo?.location ?? role.header.titleLocation,
                                      notes: [Diagnostic.Note(.listsDirectReportsHere(manager.id), at: manager.directReports?.first?.location ?? manager.header.titleLocation)]))
            }
        }
        return out
    }
}
