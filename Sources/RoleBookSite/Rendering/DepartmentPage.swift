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
            blocks.append(el("section", ["id": blockID("roles")], el("h2", .text(s[.rolesTable])),
                el("div", ["class": "table-scroll"], el("table", ["class": "roles-table"],
                    el("thead", el("tr", el("th", .text(s[.role])), el("th", .text(s[.reportsTo])), el("th", ["class": "num"], .text(s[.headcount])), el("th", .text(s[.grade])))),
                    el("tbody", children: roles.map { r in
                        el("tr", [:],
                           el("td", context.roleLink(r)),
                           el("td", g.superior[r].map(context.roleLink) ?? .text("—")),
                           el("td", ["class": "num"], .text(String(g.roles[r].headcount))),
                           el("td", .text(g.roles[r].grade ?? "")))
                    })))))
        }
        let procedures = context.site.procedures.byDepartment[index]
        if !procedures.isEmpty {
            blocks.append(el("section", ["id": blockID("procedures")], el("h2", .text(s[.procedures])),
                ProcedureList(context: context).render(procedures)))
        }
        return layout.page(title: dept.title, bodyClass: "page-department", crumbs: crumbs, main: el("article", ["class": "doc doc-wide"], children: blocks))
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
