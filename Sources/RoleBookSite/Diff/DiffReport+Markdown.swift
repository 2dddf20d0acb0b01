import RoleBookModel

extension DiffReport {
    /// GitHub refuses comments longer than 65,536 characters; the report stays below with room to spare.
    package static let markdownLimit = 60_000

    /// Counts by kind: roles, procedures, departments, problems.
    func summaryTable() -> String {
        let r = diff.roles, p = diff.procedures, d = diff.departments, e = diff.diagnostics
        let moved = Set(r.moved.map(\.id)), w = words
        var out = "| | \(w["added"]) | \(w["removed"]) | \(w["moved"]) | \(w["changed"]) |\n| --- | ---: | ---: | ---: | ---: |\n"
        out += "| \(w["roles"]) | \(r.added.count) | \(r.removed.count) | \(moved.count) | \(r.changedIDs.subtracting(moved).count) |\n"
        out += "| \(w["procedures"]) | \(p.added.count) | \(p.removed.count) | – | \(p.changedIDs.count) |\n"
        out += "| \(w["departments"]) | \(d.added.count) | \(d.removed.count) | \(Set(d.reparented.map(\.id)).count) | \(Set(d.retitled.map(\.id)).subtracting(d.reparented.map(\.id)).count) |\n"
        out += "| \(w["problems"]) | \(e.introduced.count) \(w["new"]) | \(e.fixed.count) \(w["fixed"]) | | |\n"
        return out
    }

    /// For a pull-request comment or `$GITHUB_STEP_SUMMARY`: the summary line, a table of counts, a table of roles
    /// moved (who from, who to), a table per department, new problems, then every detail folded
    /// in `<details>` blocks. Cut at ``markdownLimit`` characters with a note saying so.
    package func markdown(title: String = "rolebook diff") -> String {
        var out = "### \(cell(title))\n\n**\(cell(summaryLine))**\n"
        guard !diff.isEmpty else { return out }
        let w = words
        out += "\n" + summaryTable()
        if !diff.roles.moved.isEmpty {
            out += "\n| \(w["moved role"]) | \(w["reported to"]) | \(w["now reports to"]) |\n| --- | --- | --- |\n"
            for m in diff.roles.moved { out += "| \(ref(m.id, m.title)) | \(ref(m.from)) | \(ref(m.to)) |\n" }
        }
        if !diff.departments.stats.isEmpty {
            out += "\n| \(w["department"]) | \(w["roles"]) | \(w["headcount"]) | \(w["head's span of control"]) |\n| --- | --- | --- | --- |\n"
            for s in diff.departments.stats {
                func pair(_ key: KeyPath<GraphDiff.DepartmentStats.Figures, Int>) -> String {
                    let a = s.from.map { String($0[keyPath: key]) } ?? "–", b = s.to.map { String($0[keyPath: key]) } ?? "–"
                    return a == b ? a : a + " → " + b
                }
                out += "| \(ref(s.id, s.title)) | \(pair(\.roles)) | \(pair(\.headcount)) | \(pair(\.span)) |\n"
            }
        }
        if !diff.diagnostics.introduced.isEmpty {
            out += "\n| \(w["new problem"]) | \(w["where"]) | \(w["message"]) |\n| --- | --- | --- |\n"
            for p in diff.diagnostics.introduced {
                out += "| \(p.severity == "error" ? "❌" : "⚠️") \(p.code) | `\(code(p.file)):\(p.line):\(p.column)` | \(cell(p.message)) |\n"
            }
        }
        out += "\n"
        let closing = "\n_" + w["Report cut to stay under GitHub's comment limit; run `rolebook diff` for all of it."] + "_\n"
        for section in sections() {
            var block = "<details><summary>\(cell(section.title)) (\(section.lines.count))</summary>\n\n"
            for line in section.lines { block += "- `\(line.mark)` \(cell(line.text))\n" }
            block += "\n</details>\n"
            if out.count + block.count + closing.count > Self.markdownLimit {
                return out + closing
            }
            out += block
        }
        return out
    }

    private func ref(_ id: String, _ title: String) -> String { words.chinese ? "\(cell(title))（`\(code(id))`）" : "\(cell(title)) (`\(code(id))`)" }
    private func ref(_ r: GraphDiff.Ref?) -> String { r.map { ref($0.id, $0.title) } ?? "—" }

    /// Text safe in a table cell or list item: no markup, no cell end, no raw HTML.
    func cell(_ text: String) -> String { text.markdownCellEscaped() }

    private func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
    }
}
