import RoleBookModel

/// The organisation at a glance: search, totals, the department tree, vacancies, recent procedures.
package struct HomePage {
    var context: PageContext

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext) { self.context = context }

    package func render() -> String {
        let g = context.graph, s = context.strings
        let headcount = g.roles.reduce(0) { $0 + $1.headcount }
        let vacancies = g.vacancies
        let hero = el("section", ["class": "hero"],
            el("h1", .text(g.config.title)),
            el("form", ["class": "hero-search", "action": context.href(for: .search), "role": "search"],
               el("input", ["type": "search", "name": "q", "placeholder": s[.searchPlaceholder], "aria-label": s[.search]]),
               el("button", ["type": "submit"], .text(s[.search]))),
            el("ul", ["class": "stats"],
               el("li", el("strong", .text(String(g.departments.count))), .text(s[.departments])),
               el("li", el("strong", .text(String(g.roles.count))), .text(s[.roles])),
               el("li", el("strong", .text(String(headcount))), .text(s[.headcount])),
               el("li", el("strong", .text(String(vacancies.count))), .text(s[.vacancies])),
               el("li", el("strong", .text(String(g.procedures.count))), .text(s[.procedures]))))

        let tree = el("section", ["id": "departments", "class": "home-tree"], el("h2", .text(s[.overview])),
                      el("ul", ["class": "dept-tree"], children: g.rootDepartments.map { node($0, depth: 0) }))

        var side: [HTML] = []
        if let recent = recentPanel() { side.append(recent) }
        if !vacancies.isEmpty {
            side.append(el("section", ["class": "panel"], el("h2", .text(s[.vacancies]) , el("span", ["class": "count"], .text(String(vacancies.count)))),
                el("ul", children: vacancies.map { r in
                    el("li", [:], context.link(.role(r)),
                       // The full title names the organisation (客户服务部（代理商渠道公司）); `short` would not.
                       g.roleDepartment[r].map { el("span", ["class": "muted"], .text(" · " + g.departments[$0].title)) } ?? .empty)
                })))
        }
        let main = el("div", [:], hero, el("div", ["class": "with-aside"], tree, el("aside", ["class": "side"], children: side)))
        return Layout(context: context).page(title: g.config.title, bodyClass: "page-home", crumbs: [], main: main)
    }

    /// One department with totals for its subtree, children nested (open two levels deep).
    private func node(_ d: Int, depth: Int) -> HTML {
        let g = context.graph, s = context.strings
        let roles = g.rolesInTree(d)
        let headcount = roles.reduce(0) { $0 + g.roles[$1].headcount }
        let vacant = roles.filter { g.roles[$0].isVacant }.count
        let label = el("span", ["class": "dept-label"],
            context.link(.department(d)),
            el("span", ["class": "muted"], .text(" " + s.format(.roleCount, roles.count) + " · " + s.format(.headcountTotal, headcount))),
            vacant > 0 ? el("span", ["class": "badge badge-vacant"], .text(s.format(.vacancyCount, vacant))) : .empty)
        let children = g.departmentChildren[d]
        if children.isEmpty { return el("li", [:], label) }
        let openAttributes = depth < 2 ? [HTML.Attribute("open", nil)] : []
        return el("li", [:], .element("details", openAttributes, [
            el("summary", label),
            el("ul", children: children.map { node($0, depth: depth + 1) }),
        ]))
    }
}
