import RoleBookModel

/// `rolebook diff --format html`: one self-contained page for HR reviewers. The summary, then for
/// every affected department its org chart before and after, side by side, with the boxes of
/// roles added, removed, moved or otherwise changed highlighted; then every change as a list.
///
/// Styles are inlined and there is no script, so the file can be mailed or attached as it is.
package struct DiffHTMLReport: Sendable {
    package var diff: GraphDiff
    package var base: RoleGraph
    package var head: RoleGraph
    package var title: String
    /// The language of headings and labels.
    package var language: DiagnosticLanguage

    package init(diff: GraphDiff, base: RoleGraph, head: RoleGraph, title: String, language: DiagnosticLanguage = .en) {
        self.diff = diff
        self.base = base
        self.head = head
        self.title = title
        self.language = language
    }

    /// Highlight classes of the head's roles (by head id) and of the base's (by base id).
    func highlights() -> (base: [String: String], head: [String: String]) {
        let r = diff.roles
        var head: [String: String] = [:], base: [String: String] = [:]
        let renamedFrom = Dictionary(uniqueKeysWithValues: r.renamed.map { ($0.id, $0.from) })
        for id in r.changedIDs {
            head[id] = "is-changed"
            base[renamedFrom[id] ?? id] = "is-changed"
        }
        for m in r.moved {
            head[m.id] = "is-moved"
            base[renamedFrom[m.id] ?? m.id] = "is-moved"
        }
        for a in r.added { head[a.id] = "is-added" }
        for x in r.removed { base[x.id] = "is-removed" }
        return (base, head)
    }

    package func render() -> String {
        let report = DiffReport(diff, language: language), w = report.words
        let marks = highlights()
        var departments: [HTML] = []
        for stats in diff.departments.stats {
            let figures = el("p", ["class": "diff-figures"], .text(report.figures(stats)))
            let sides = el("div", ["class": "diff-sides"],
                           el("div", [:], el("h3", .text(w["Before"])), chart(base, stats.id, marks.base)),
                           el("div", [:], el("h3", .text(w["After"])), chart(head, stats.id, marks.head)))
            departments.append(el("section", ["class": "diff-department", "id": "d-" + stats.id],
                                  el("h2", .text(w.ref(stats.id, stats.title))), figures, sides))
        }
        let key = el("ul", ["class": "diff-key"], children: [("is-added", "added"), ("is-removed", "removed"), ("is-moved", "new superior"), ("is-changed", "changed")].map {
            el("li", [:], el("span", ["class": "diff-swatch " + $0.0, "aria-hidden": "true"]), .text(w[$0.1]))
        })
        let details = el("section", ["class": "diff-details", "id": "changes"], children: report.sections().map { section in
            .fragment([el("h2", .text(section.title)), el("ul", children: section.lines.map { line in
                let cls = line.mark == "+" ? "mark-plus" : line.mark == "-" ? "mark-minus" : "mark-tilde"
                return el("li", [:], el("span", ["class": cls], .text(line.mark)), .text(" " + line.text))
            })])
        })
        let main = el("main", ["class": "diff-main"],
                      el("h1", .text(w["Org chart change: "] + title)),
                      el("p", ["class": "diff-summary"], .text(report.summaryLine)),
                      departments.isEmpty ? .empty : key,
                      .fragment(departments),
                      details)
        let document = el("html", ["lang": head.config.language],
            el("head", [:],
               el("meta", ["charset": "utf-8"]),
               el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
               el("meta", ["name": "generator", "content": "rolebook diff"]),
               el("title", .text("rolebook diff · " + title)),
               // Our own stylesheets, never content: nothing in them can close the element.
               el("style", [:], .raw(EmbeddedAssets.siteCSS + "\n" + EmbeddedAssets.diffReportCSS))),
            el("body", ["class": "diff-report"], main))
        return document.render(prefix: "<!doctype html>\n", suffix: "\n")
    }

    /// The department's chart on one side, or a line saying it does not exist there.
    private func chart(_ g: RoleGraph, _ id: String, _ marks: [String: String]) -> HTML {
        guard let d = g.departmentIndex[id] else { return el("p", ["class": "diff-none"], .text(DiffWords(language: language)["(no such department)"])) }
        let context = PageContext(site: SiteMap(graph: g), strings: UIStrings(language: g.config.language), depth: 0)
        var highlights: [Int: String] = [:]
        for (roleID, cls) in marks { if let r = g.roleIndex[roleID] { highlights[r] = cls } }
        // No role pages around the report: a box leads to the list of changes.
        let model = OrgChartModel(site: context.site, department: d, highlights: highlights, boxLink: "#changes")
        let figure = OrgChartSVG(context: context).render(model)
        if case .fragment(let parts) = figure, parts.isEmpty { return el("p", ["class": "diff-none"], .text(DiffWords(language: language)["(no roles)"])) }
        return figure
    }
}
