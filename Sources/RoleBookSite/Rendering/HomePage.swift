import RoleBookModel

/// The organisation at a glance: search, totals, the department tree, vacancies, recent procedures.
package struct HomePage {
    var context: PageContext

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext) { self.context = context }

    package func render(_ model: HomePageModel) -> String {
        let s = context.strings
        let hero = el("section", ["class": "hero"],
            el("h1", .text(model.title)),
            el("form", ["class": "hero-search", "action": context.href(for: .search), "role": "search"],
               el("input", ["type": "search", "name": "q", "placeholder": s[.searchPlaceholder], "aria-label": s[.search]]),
               el("button", ["type": "submit"], .text(s[.search]))),
            el("ul", ["class": "stats"],
               el("li", el("strong", .text(String(model.departmentCount))), .text(s[.departments])),
               el("li", el("strong", .text(String(model.roleCount))), .text(s[.roles])),
               el("li", el("strong", .text(String(model.headcount))), .text(s[.headcount])),
               el("li", el("strong", .text(String(model.vacancies.count))), .text(s[.vacancies])),
               el("li", el("strong", .text(String(model.procedureCount))), .text(s[.procedures]))))

        let tree = el("section", ["id": "departments", "class": "home-tree"], el("h2", .text(s[.overview])),
                      el("ul", ["class": "dept-tree"], children: model.roots.map { node($0, depth: 0, in: model) }))

        var side: [HTML] = []
        if let recent = recentPanel(model.recent) { side.append(recent) }
        if !model.vacancies.isEmpty {
            side.append(el("section", ["class": "panel"], el("h2", .text(s[.vacancies]) , el("span", ["class": "count"], .text(String(model.vacancies.count)))),
                el("ul", children: model.vacancies.map { v in
                    el("li", [:], context.link(v.role),
                       v.department.map { el("span", ["class": "muted"], .text(" · " + $0)) } ?? .empty)
                })))
        }
        let main = el("div", [:], hero, el("div", ["class": "with-aside"], tree, el("aside", ["class": "side"], children: side)))
        return Layout(context: context).page(title: model.title, bodyClass: "page-home", crumbs: [], main: main)
    }

    /// One department with totals for its subtree, children nested (open two levels deep).
    private func node(_ d: Int, depth: Int, in model: HomePageModel) -> HTML {
        let s = context.strings, n = model.nodes[d]
        let label = el("span", ["class": "dept-label"],
            context.link(n.link),
            el("span", ["class": "muted"], .text(" " + s.format(.roleCount, n.roles) + " · " + s.format(.headcountTotal, n.headcount))),
            n.vacant > 0 ? el("span", ["class": "badge badge-vacant"], .text(s.format(.vacancyCount, n.vacant))) : .empty)
        if n.children.isEmpty { return el("li", [:], label) }
        let openAttributes = depth < 2 ? [HTML.Attribute("open", nil)] : []
        return el("li", [:], .element("details", openAttributes, [
            el("summary", label),
            el("ul", children: n.children.map { node($0, depth: depth + 1, in: model) }),
        ]))
    }
}
