import RoleBookModel

/// The A–Z index of roles (pinyin order for Chinese titles) and the list of all procedures.
package struct IndexPages {
    var context: PageContext

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext) { self.context = context }

    /// Sort key: pinyin syllables for Han characters, lower-cased letters otherwise.
    static func sortKey(_ title: String) -> String {
        CJKFolding.shared.pinyinKey(title)
    }

    package func azPage() -> String {
        let g = context.graph, s = context.strings
        let keys = context.site.roleSortKeys
        let keyed = context.site.rolesByName.map { (key: keys[$0], role: $0) }
        let paths = departmentPaths()
        var groups: [(letter: String, roles: [Int])] = []
        for (key, r) in keyed {
            let first = key.first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if groups.last?.letter == first { groups[groups.count - 1].roles.append(r) } else { groups.append((first, [r])) }
        }
        let letters = el("nav", ["class": "az-letters", "aria-label": s[.jumpToLetter]],
                         children: groups.map { el("a", ["href": "#letter-" + $0.letter, "data-letter": $0.letter], .text($0.letter)) })
        let body = groups.map { group in
            // A letter with one or two roles is a compact row, not a heading, a rule and a near-empty list.
            let compact = group.roles.count <= Self.compactGroup
            return el("section", ["class": compact ? "az-group is-compact" : "az-group", "id": "letter-" + group.letter],
               el("h2", .text(group.letter)),
               el("ul", ["class": "az-list"], children: group.roles.map { r in
                   el("li", ["data-dept": g.roleDepartment[r].map { paths[$0] } ?? ""], context.roleLink(r),
                      g.roleDepartment[r].map { el("span", ["class": "muted"], .text(" · " + g.departments[$0].title)) } ?? .empty)
               }))
        }
        let main = el("article", ["class": "doc doc-wide"],
                      PageHeader(title: s[.az], lede: s.format(.roleCount, g.roles.count)).html,
                      el("div", ["class": "az-bar"], letters, departmentFilter()),
                      .fragment(body))
        return Layout(context: context).page(title: s[.az], bodyClass: "page-az",
                                             crumbs: [.init(title: s[.home], href: context.href(for: .home)), .init(title: s[.az], href: nil)], main: main,
                                             scripts: [context.href(.azScript)])
    }

    /// Groups this small are shown as one compact row.
    static let compactGroup = 2

    /// Each department and those above it, as department ids separated by spaces, by department: a
    /// filter on a department keeps the roles of its sub-departments too. Made once per department,
    /// not once per role.
    private func departmentPaths() -> [String] {
        let g = context.graph
        return g.departments.indices.map { g.departmentPath($0).map { String($0) }.joined(separator: " ") }
    }

    /// The department filter (`az.js` does the filtering; the page lists every role without it).
    /// Departments with roles, in tree order, indented under their parent.
    private func departmentFilter() -> HTML {
        let g = context.graph, s = context.strings
        var options: [HTML] = [el("option", ["value": ""], .text(s[.all]))]
        var stack = g.rootDepartments.reversed().map { ($0, 0) }
        while let (d, level) = stack.popLast() {
            if !g.rolesInTree(d).isEmpty {
                options.append(el("option", ["value": String(d), "data-id": g.departments[d].id],
                                  .text(String(repeating: "\u{3000}", count: min(level, 4)) + g.departments[d].title)))
            }
            stack += g.departmentChildren[d].reversed().map { ($0, level + 1) }
        }
        return el("label", ["class": "az-filter"], el("span", .text(s[.filterDepartment])),
                  el("select", ["id": "az-dept", "name": "dept"], children: options))
    }

    package func proceduresPage(_ model: ProcedureIndexModel) -> String {
        let s = context.strings
        let sections = model.groups.map { group in
            el("section", [:], el("h2", group.department.map(context.link) ?? .text(s[.other])),
               ProcedureList(context: context).render(group.cards))
        }
        let main = el("article", ["class": "doc doc-wide"],
                      PageHeader(title: s[.procedureIndex], lede: s.format(.procedureCount, model.procedureCount)).html,
                      .fragment(sections))
        return Layout(context: context).page(title: s[.procedureIndex], bodyClass: "page-procedures",
                                             crumbs: [.init(title: s[.home], href: context.href(for: .home)), .init(title: s[.procedures], href: nil)], main: main)
    }
}
