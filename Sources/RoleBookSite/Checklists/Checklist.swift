import RoleBookModel
import RoleBookParsing

/// A procedure flattened into numbered checklist rows, ready for any sheet layout.
package struct Checklist: Sendable {
    package struct Row: Hashable, Sendable {
        package enum Kind: Hashable, Sendable { case phase, step }
        package var kind: Kind
        /// `3` or `3.1` for steps; empty for phases.
        package var number: String
        package var text: [Inline]
        package var time: TimeSpan?
        package var depth: Int
        /// A step with sub-steps is done when they are: it gets no box of its own, so nothing is ticked twice.
        package var hasSubsteps: Bool = false
        /// Whether the row is ticked on paper: every step but a parent of sub-steps.
        package var isTickable: Bool { kind == .step && !hasSubsteps }
    }

    package var rows: [Row]

    package init(graph: RoleGraph, procedure p: Int) { self.init(graph.procedures[p]) }

    /// Phases become heading rows; steps are numbered through the whole sheet, sub-steps as `n.m`.
    package init(_ procedure: Procedure) {
        var rows: [Row] = []
        var n = 0
        func add(_ item: Item, number: String, depth: Int) {
            rows.append(Row(kind: .step, number: number, text: item.inlines, time: item.time, depth: depth, hasSubsteps: !item.children.isEmpty))
            for (j, child) in item.children.enumerated() { add(child, number: "\(number).\(j + 1)", depth: depth + 1) }
        }
        for phase in procedure.phases {
            if !phase.heading.isEmpty { rows.append(Row(kind: .phase, number: "", text: [.text(phase.heading)], time: nil, depth: 0)) }
            for item in phase.items {
                n += 1
                add(item, number: String(n), depth: 0)
            }
        }
        self.rows = rows
    }

    package var steps: [Row] { rows.filter { $0.kind == .step } }

    /// Steps ticked on paper (parents of sub-steps left out).
    package var tickableCount: Int { rows.count { $0.isTickable } }

    /// Whether the sheet's timed steps run past midnight (`23:00-01:00`, or `01:00` after `22:00`):
    /// such a shift spans two calendar dates, and the sheet asks for both.
    package var crossesMidnight: Bool {
        var latest: Int?
        for time in rows.compactMap(\.time) {
            if let end = time.end, end > 24 * 60 { return true }
            // A clock time more than twelve hours before the latest one is the next morning, not a mistake in order.
            if let l = latest, time.start + 12 * 60 < l { return true }
            latest = max(latest ?? time.start, time.end ?? time.start)
        }
        return false
    }

    /// Earliest time on the sheet, to order a role's procedures within a frequency.
    package var firstTime: Int? { rows.compactMap { $0.time?.start }.min() }
}

extension Procedure {
    /// Procedures done at least once a day get a Mon–Sun sign-off grid as well as the single-day sheet.
    package var hasWeekGrid: Bool { frequency == .daily || frequency == .perShift }
}

extension SiteMap {
    /// `checklists/week/<id>.html`, or nil when the procedure has no weekly grid.
    package func weekChecklistURL(procedure i: Int) -> String? {
        graph.procedures[i].hasWeekGrid ? url(for: .weekChecklist(i)) : nil
    }
}
