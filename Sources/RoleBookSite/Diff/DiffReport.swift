import Foundation
import RoleBookModel

/// `rolebook diff` output formats.
package enum DiffFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html
}

/// Renders a ``GraphDiff`` as a plan-style text summary, Markdown for a pull request, or JSON.
/// (HTML, which needs both graphs for its org charts, is ``DiffHTMLReport``.)
package struct DiffReport: Sendable {
    package var diff: GraphDiff
    /// The language of headings and labels (text, Markdown, HTML); JSON stays English.
    package var language: DiagnosticLanguage

    package init(_ diff: GraphDiff, language: DiagnosticLanguage = .en) { self.diff = diff; self.language = language }

    var words: DiffWords { DiffWords(language: language) }

    // MARK: Summary

    /// `2 roles added, 1 moved, 1 removed, 3 changed; 1 procedure changed; 1 error introduced`, or `no changes`.
    /// A department moves when its parent changes.
    package var summaryLine: String {
        let r = diff.roles, p = diff.procedures, d = diff.departments
        var groups: [String] = []
        let w = words
        func group(_ noun: String, _ parts: [(Int, String)]) {
            let shown = parts.filter { $0.0 > 0 }
            guard !shown.isEmpty else { return }
            if w.chinese { groups.append(w.group(noun, shown)); return }
            let first = shown[0]
            groups.append(([plural(first.0, noun) + " " + first.1] + shown.dropFirst().map { "\($0.0) \($0.1)" }).joined(separator: ", "))
        }
        let moved = Set(r.moved.map(\.id))
        group("role", [(r.added.count, "added"), (moved.count, "moved"), (r.removed.count, "removed"),
                       (r.changedIDs.subtracting(moved).count, "changed")])
        group("procedure", [(p.added.count, "added"), (p.removed.count, "removed"), (p.changedIDs.count, "changed")])
        let reparented = Set(d.reparented.map(\.id))
        group("department", [(d.added.count, "added"), (reparented.count, "moved"), (d.removed.count, "removed"),
                             (Set(d.retitled.map(\.id)).subtracting(reparented).count, "changed")])
        let e = diff.diagnostics
        let introducedErrors = e.introduced.count { $0.severity == "error" }, fixedErrors = e.fixed.count { $0.severity == "error" }
        let introducedWarnings = e.introduced.count - introducedErrors, fixedWarnings = e.fixed.count - fixedErrors
        var problems: [String] = w.chinese ? w.problems(introducedErrors: introducedErrors, introducedWarnings: introducedWarnings,
                                                        fixed: fixedErrors + fixedWarnings) : []
        if !w.chinese, introducedErrors > 0 { problems.append(plural(introducedErrors, "error") + " introduced") }
        if !w.chinese, introducedWarnings > 0 { problems.append(plural(introducedWarnings, "warning") + " introduced") }
        if !w.chinese, fixedErrors + fixedWarnings > 0 { problems.append("\(fixedErrors + fixedWarnings) fixed") }
        if !problems.isEmpty { groups.append(problems.joined(separator: w.chinese ? "，" : ", ")) }
        return groups.isEmpty ? w.noChanges : groups.joined(separator: w.chinese ? "；" : "; ")
    }

    func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    // MARK: Text

    /// The summary line, then one section per kind of change, `+`/`-`/`~` marked like a plan.
    package var text: String {
        var out = summaryLine + "\n"
        for section in sections() {
            out += "\n" + section.title + (words.chinese ? "：" : ":") + "\n"
            for line in section.lines { out += "  " + line.mark + " " + line.text + "\n" }
        }
        return out
    }

    /// One kind of change and its lines, shared by the text and Markdown renderers.
    struct Section {
        struct Line {
            var mark: String
            var text: String
        }
        var title: String
        var lines: [Line]
    }

    private func role(_ id: String, _ title: String) -> String { words.ref(id, title) }
    private func role(_ ref: GraphDiff.Ref?) -> String { ref.map { role($0.id, $0.title) } ?? words.nobody }

    func sections() -> [Section] {
        let r = diff.roles, p = diff.procedures, d = diff.departments, w = words
        var out: [Section] = []
        func add(_ title: String, _ lines: [Section.Line]) { if !lines.isEmpty { out.append(Section(title: w[title], lines: lines)) } }
        add("Roles added", r.added.map {
            .init(mark: "+", text: role($0.id, $0.title) + ($0.department.map { w.inDepartment($0.title) } ?? "") + w.reportsTo(role($0.reportsTo))
                  + w.headcount($0.headcount))
        })
        add("Roles removed", r.removed.map {
            .init(mark: "-", text: role($0.id, $0.title) + ($0.department.map { w.inDepartment($0.title) } ?? "") + w.reportedTo(role($0.reportsTo)))
        })
        add("Roles renamed", r.renamed.map { .init(mark: "~", text: w.renamed(from: $0.from, id: $0.id, title: $0.title, percent: Int(($0.similarity * 100).rounded()))) })
        add("Roles moved", r.moved.map { .init(mark: "~", text: role($0.id, $0.title) + w.movedPrefix + role($0.from) + " → " + role($0.to)) })
        add("Roles retitled", r.retitled.map { .init(mark: "~", text: "\($0.id)\(w.colon)\($0.from) → \($0.to)") })
        add("Department changed", r.department.map {
            .init(mark: "~", text: role($0.id, $0.title) + w.colon + ($0.from?.title ?? w.none) + " → " + ($0.to?.title ?? w.none))
        })
        add("Dotted lines", r.dottedLines.flatMap { c in
            c.added.map { Section.Line(mark: "+", text: role(c.id, c.title) + " ⇢ " + role($0)) }
                + c.removed.map { Section.Line(mark: "-", text: role(c.id, c.title) + " ⇢ " + role($0)) }
        })
        add("Headcount", r.headcount.map { .init(mark: "~", text: role($0.id, $0.title) + w.colon + "\($0.from) → \($0.to)") })
        add("Vacancies", r.vacancies.map { .init(mark: $0.change == "opened" ? "+" : "-", text: role($0.id, $0.title) + w.vacancy($0.change)) })
        add("Job descriptions", r.items.flatMap { itemLines($0) })
        add("Procedures added", p.added.map { .init(mark: "+", text: role($0)) })
        add("Procedures removed", p.removed.map { .init(mark: "-", text: role($0)) })
        add("Procedures retitled", p.retitled.map { .init(mark: "~", text: "\($0.id)\(w.colon)\($0.from) → \($0.to)") })
        add("Procedure owners", p.owner.map { .init(mark: "~", text: role($0.id, $0.title) + w.colon + role($0.from) + " → " + role($0.to)) })
        add("Procedure steps", p.steps.flatMap { itemLines($0) })
        add("Departments added", d.added.map { .init(mark: "+", text: role($0)) })
        add("Departments removed", d.removed.map { .init(mark: "-", text: role($0)) })
        add("Departments retitled", d.retitled.map { .init(mark: "~", text: "\($0.id)\(w.colon)\($0.from) → \($0.to)") })
        add("Departments re-parented", d.reparented.map {
            .init(mark: "~", text: role($0.id, $0.title) + w.underPrefix + ($0.from?.title ?? w.theTop) + " → " + ($0.to?.title ?? w.theTop))
        })
        add("Per department (roles, headcount, head's span of control)", d.stats.map {
            .init(mark: $0.from == nil ? "+" : $0.to == nil ? "-" : "~", text: role($0.id, $0.title) + w.colon + figures($0))
        })
        add("Problems introduced", diff.diagnostics.introduced.map { .init(mark: "+", text: problem($0)) })
        add("Problems fixed", diff.diagnostics.fixed.map { .init(mark: "-", text: problem($0)) })
        return out
    }

    private func itemLines(_ c: GraphDiff.ItemChanges) -> [Section.Line] {
        let head = role(c.id, c.title) + " " + words.list(c.list) + words.colon
        return c.added.map { .init(mark: "+", text: head + $0) } + c.removed.map { .init(mark: "-", text: head + $0) }
            + c.changed.map { .init(mark: "~", text: head + $0.from + " → " + $0.to) }
    }

    func figures(_ s: GraphDiff.DepartmentStats) -> String {
        func pair(_ key: KeyPath<GraphDiff.DepartmentStats.Figures, Int>) -> String {
            let a = s.from.map { String($0[keyPath: key]) } ?? "–", b = s.to.map { String($0[keyPath: key]) } ?? "–"
            return a == b ? a : a + " → " + b
        }
        return words.figures(roles: pair(\.roles), headcount: pair(\.headcount), span: pair(\.span))
    }

    private func problem(_ p: GraphDiff.Problem) -> String { "\(p.file):\(p.line):\(p.column): \(p.severity)[\(p.code)]: \(p.message)" }

    // MARK: JSON

    /// The diff with its summary line, sorted keys (schema in docs/diff.md).
    package var json: String {
        struct Document: Encodable {
            var summary: String
            var changed: Bool
            var roles: GraphDiff.Roles
            var procedures: GraphDiff.Procedures
            var departments: GraphDiff.Departments
            var diagnostics: GraphDiff.Diagnostics
        }
        let document = Document(summary: DiffReport(diff).summaryLine, changed: !diff.isEmpty, roles: diff.roles, procedures: diff.procedures,
                                departments: diff.departments, diagnostics: diff.diagnostics)
        return JSONWriter(pretty: true).text(encoding: document) + "\n"
    }
}
