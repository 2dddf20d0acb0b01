import RoleBookModel

/// A department: description, org chart, roles table, sub-departments and procedures.
package struct DepartmentPage {
    var context: PageContext
    var index: Int

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext, index: Int) { self.context = context; self.index = index }

    package func render() -> String {
        let g = context.graph, s = context.strings
        let dept = g.departments[index]
        let layout = Layout(context: context)
        let crumbs = layout.crumbs(under: g.departmentParent[index], current: dept.short ?? dept.title)

        let roles = g.departmentRoles[index]
        // The page's own blocks give way when a content section already has their anchor (`## Roles`).
        let anchors = Set(dept.header.document.sections.map(\.anchor))
        func blockID(_ id: String) -> String { anchors.contains(id) ? "rb-" + id : id }
        let treeRoles = g.rolesInTree(index)
        let stats = el("ul", ["class": "stats"],
            el("li", el("strong", .text(String(treeRoles.count))), .text(s[.roles])),
            el("li", el("strong", .text(String(treeRoles.reduce(0) { $0 + g.roles[$1].headcount }))), .text(s[.headcount])),
            el("li", el("strong", .text(String(treeRoles.filter { g.roles[$0].isVacant }.count))), .text(s[.vacancies])))

        var blocks: [HTML] = [
            PageHeader(title: dept.title, eyebrow: s[.department], lede: dept.header.summary, details: [stats]).html,
        ]
        // The description reads before the chart; the titled sections (duties, …) follow it.
        let sections = SectionsHTML(context: context)
        blocks.append(sections.intro(dept.header.document))
        if !roles.isEmpty {
            let chart = OrgChartSVG(context: context).render(department: index)
            blocks.append(el("section", ["class": "chart-section", "id": blockID("org-chart")], el("h2", .text(s[.orgChart])), chart))
        }
        blocks.append(sections.render(dept.header.document, skipIntro: true))
        if !g.departmentChildren[index].isEmpty {
            blocks.append(el("section", ["id": blockID("sub-departments")], el("h2", .text(s[.subDepartments])),
                el("ul", ["class": "cards"], children: g.departmentChildren[index].map { c in
                    let n = g.rolesInTree(c).count
                    return el("li", ["class": "card"], context.link(.department(c)),
                              el("span", ["class": "muted"], .text(s.format(.roleCount, n))),
                              g.departments[c].header.summary.map { el("p", .text($0)) } ?? .empty)
                })))
        }
        if !roles.isEmpty {
            let ordered = Self.reportingOrder(g, department: index)
            let depth = Self.depths(g, ordered)
            // A column empty on every row (often 职级) only squeezes the others, on phones most.
            let showGrade = ordered.contains { !(g.roles[$0].grade ?? "").isEmpty }
            var head: [HTML] = [el("th", .text(s[.role])), el("th", .text(s[.reportsTo])), el("th", ["class": "num"], .text(s[.headcount]))]
            if showGrade { head.append(el("th", .text(s[.grade]))) }
            blocks.append(el("section", ["id": blockID("roles")], el("h2", .text(s[.rolesTable])),
                el("div", ["class": "table-scroll"], el("table", ["class": "roles-table"],
                    el("thead", el("tr", children: head)),
                    el("tbody", children: ordered.map { r in
                        var cells: [HTML] = [
                            // Indented by level under the department's top role, so the order reads as the tree it is.
                            el("td", ["class": "role-level-\(min(depth[r] ?? 0, 4))"], context.roleLink(r)),
                            el("td", g.superior[r].map(context.roleLink) ?? .text("—")),
                            el("td", ["class": "num"], .text(String(g.roles[r].headcount))),
                        ]
                        if showGrade { cells.append(el("td", .text(g.roles[r].grade ?? ""))) }
                        return el("tr", [:], children: cells)
                    })))))
        }
        // Procedures the description already links to are not listed a second time as cards.
        let linked = Set(context.site.procedures.byDepartment[index].filter { p in
            g.backlinks(.procedure(p)).contains { $0.from == .department(index) }
        })
        let procedures = context.site.procedures.byDepartment[index].filter { !linked.contains($0) }
        if !procedures.isEmpty {
            blocks.append(el("section", ["id": blockID("procedures")], el("h2", .text(s[.procedures])),
                ProcedureList(context: context).render(procedures)))
        }
        // Printed, every sheet carries the organisation, the department and its page number, as role pages do.
        let pageRule = PrintPageRule.css(strings: s, topLeft: g.config.title, topRight: dept.title)
        return layout.page(title: dept.title, bodyClass: "page-department", crumbs: crumbs, main: el("article", ["class": "doc doc-wide"], children: blocks),
                           extraHead: [el("style", ["media": "print"], .raw(pageRule))])
    }

    /// The department's roles in reporting order: its head, then each role followed by its reports
    /// inside the department, siblings by pinyin. Roles no walk reaches (a broken line) come last.
    static func reportingOrder(_ g: RoleGraph, department d: Int) -> [Int] {
        let inside = Set(g.departmentRoles[d])
        func byPinyin(_ roles: [Int]) -> [Int] {
            roles.map { (key: IndexPages.sortKey(g.roles[$0].title), title: g.roles[$0].title, role: $0) }
                .sorted { ($0.key, $0.title, $0.role) < ($1.key, $1.title, $1.role) }.map(\.role)
        }
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

/// A list of procedures with frequency and step counts.
struct ProcedureList {
    var context: PageContext

    func render(_ procedures: [Int]) -> HTML {
        let g = context.graph, s = context.strings
        return el("ul", ["class": "cards"], children: procedures.map { p in
            let proc = g.procedures[p]
            return el("li", ["class": "card"],
                      context.link(.procedure(p)),
                      el("span", ["class": "muted"], .text([s.frequency(proc.frequency), s.format(.steps, proc.steps.count)].filter { !$0.isEmpty }.joined(separator: " · "))),
                      proc.header.summary.map { el("p", .text($0)) } ?? .empty)
        })
    }
}
