import RoleBookModel

/// A department: description, org chart, roles table, sub-departments and procedures, drawn
/// from its ``DepartmentPageModel`` alone.
package struct DepartmentPage {
    var context: PageContext
    var model: DepartmentPageModel

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext, model: DepartmentPageModel) { self.context = context; self.model = model }

    package func render() -> String {
        let s = context.strings, m = model
        let dept = m.department
        let layout = Layout(context: context)
        let crumbs = layout.crumbs(path: m.parentPath, current: dept.short ?? dept.title)

        // The page's own blocks give way when a content section already has their anchor (`## Roles`).
        let anchors = Set(dept.header.document.sections.map(\.anchor))
        func blockID(_ id: String) -> String { anchors.contains(id) ? "rb-" + id : id }
        let stats = el("ul", ["class": "stats"],
            el("li", el("strong", .text(String(m.roleCount))), .text(s[.roles])),
            el("li", el("strong", .text(String(m.headcount))), .text(s[.headcount])),
            el("li", el("strong", .text(String(m.vacancies))), .text(s[.vacancies])))

        var blocks: [HTML] = [
            PageHeader(title: dept.title, eyebrow: s[.department], lede: dept.header.summary, details: [stats]).html,
        ]
        // The description reads before the chart; the titled sections (duties, …) follow it.
        let sections = SectionsHTML(context: context, links: m.links)
        blocks.append(sections.intro(dept.header.document))
        if let chart = m.chart {
            blocks.append(el("section", ["class": "chart-section", "id": blockID("org-chart")], el("h2", .text(s[.orgChart])),
                             OrgChartSVG(context: context).render(chart)))
        }
        blocks.append(sections.render(dept.header.document, skipIntro: true))
        if !m.subDepartments.isEmpty {
            blocks.append(el("section", ["id": blockID("sub-departments")], el("h2", .text(s[.subDepartments])),
                el("ul", ["class": "cards"], children: m.subDepartments.map { c in
                    el("li", ["class": "card"], el("a", ["href": context.href(c.link.url)], .text(c.link.title)),
                       el("span", ["class": "muted"], .text(s.format(.roleCount, c.roleCount))),
                       c.summary.map { el("p", .text($0)) } ?? .empty)
                })))
        }
        if !m.roles.isEmpty {
            // A column empty on every row (often 职级) only squeezes the others, on phones most.
            let showGrade = m.roles.contains { !($0.grade ?? "").isEmpty }
            var head: [HTML] = [el("th", .text(s[.role])), el("th", .text(s[.reportsTo])), el("th", ["class": "num"], .text(s[.headcount]))]
            if showGrade { head.append(el("th", .text(s[.grade]))) }
            blocks.append(el("section", ["id": blockID("roles")], el("h2", .text(s[.rolesTable])),
                el("div", ["class": "table-scroll"], el("table", ["class": "roles-table"],
                    el("thead", el("tr", children: head)),
                    el("tbody", children: m.roles.map { row in
                        var cells: [HTML] = [
                            // Indented by level under the department's top role, so the order reads as the tree it is.
                            el("td", ["class": "role-level-\(min(row.level, 4))"], context.link(row.role)),
                            el("td", row.superior.map(context.link) ?? .text("—")),
                            el("td", ["class": "num"], .text(String(row.headcount))),
                        ]
                        if showGrade { cells.append(el("td", .text(row.grade ?? ""))) }
                        return el("tr", [:], children: cells)
                    })))))
        }
        if !m.procedures.isEmpty {
            blocks.append(el("section", ["id": blockID("procedures")], el("h2", .text(s[.procedures])),
                ProcedureList(context: context).render(m.procedures)))
        }
        // Printed, every sheet carries the organisation, the department and its page number, as role pages do.
        let pageRule = PrintPageRule.css(strings: s, topLeft: context.config.title, topRight: dept.title)
        return layout.page(title: dept.title, bodyClass: "page-department", crumbs: crumbs, main: el("article", ["class": "doc doc-wide"], children: blocks),
                           extraHead: [el("style", ["media": "print"], .raw(pageRule))])
    }

    /// The department's roles in reporting order: its head, then each role followed by its reports
    /// inside the department, siblings by pinyin. Roles no walk reaches (a broken line) come last.
    static func reportingOrder(_ site: SiteMap, department d: Int) -> [Int] {
        let g = site.graph, rank = site.roleNameRank
        let inside = Set(g.departmentRoles[d])
        func byPinyin(_ roles: [Int]) -> [Int] { roles.sorted { rank[$0] < rank[$1] } }
        var roots = byPinyin(g.departmentTopRoles(d))
        if let head = g.departmentHead[d], let i = roots.firstIndex(of: head) { roots.remove(at: i); roots.insert(head, at: 0) }
        var out: [Int] = [], seen: Set<Int> = []
        var stack = Array(roots.reversed())
        while let r = stack.popLast() {
            guard seen.insert(r).inserted else { continue }
            out.append(r)
            stack += byPinyin(g.subordinates[r].filter { inside.contains($0) && !seen.contains($0) }).reversed()
        }
        return out + byPinyin(g.departmentRoles[d].filter { !seen.contains($0) })
    }

    /// Levels below the top of the list: a role one level under its superior when the superior is listed.
    static func depths(_ g: RoleGraph, _ ordered: [Int]) -> [Int: Int] {
        var depth: [Int: Int] = [:]
        for r in ordered { depth[r] = g.superior[r].flatMap { depth[$0] }.map { $0 + 1 } ?? 0 }
        return depth
    }
}
