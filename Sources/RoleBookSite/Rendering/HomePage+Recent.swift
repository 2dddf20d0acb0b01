import RoleBookModel
extension HomePage {
    /// Dates shown under 最近生效的流程, and procedures named under one date before they are only counted.
    static let recentDates = 5, namedPerDate = 3

    /// 最近生效的流程 as distinct effective dates, newest first, each with its procedures (by id).
    /// Empty when every dated procedure took effect the same day: one date repeated down the
    /// panel tells a reader nothing, so the panel is left out.
    static func recentProcedures(_ g: RoleGraph) -> [(date: String, procedures: [Int])] {
        let byDate = Dictionary(grouping: g.procedures.indices.filter { g.procedures[$0].effective != nil }) { g.procedures[$0].effective! }
        guard byDate.count > 1 else { return [] }
        return byDate.keys.sorted(by: >).prefix(recentDates).map { date in
            (date, byDate[date]!.sorted { g.procedures[$0].id < g.procedures[$1].id })
        }
    }

    /// The panel, or nil when ``recentProcedures(_:)`` is empty.
    func recentPanel(_ recent: [HomePageModel.Recent]) -> HTML? {
        let s = context.strings
        guard !recent.isEmpty else { return nil }
        return el("section", ["class": "panel panel-recent"], el("h2", .text(s[.recentProcedures])),
            el("ul", children: recent.map { date in
                let named: HTML = date.named.isEmpty
                    ? el("a", ["href": context.href("procedures/index.html")], .text(s.format(.procedureCount, date.count)))
                    : .fragment(date.named.enumerated().map { i, p in .fragment([i > 0 ? .text(s[.nameSeparator]) : .empty, context.link(p)]) })
                return el("li", [:], el("span", ["class": "recent-date"], .text(date.date)), .text(" "), named)
            }))
    }
}
