import RoleBookModel

/// The A–Z index of roles (pinyin order for Chinese titles) and the list of all procedures.
package struct IndexPages {
    var context: PageContext

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext) { self.context = context }

    /// Sort key: pinyin syllables for Han characters, lower-cased letters otherwise.
    static func sortKey(_ title: String) -> String {
        CJKFolding.shared.pinyinSyllables(title).joined(separator: " ")
    }

    package func azPage() -> String {
        let g = context.graph, s = context.strings
        let keyed = g.roles.indices.map { (key: Self.sortKey(g.roles[$0].title), role: $0) }
            .sorted { ($0.key, g.roles[$0.role].title, g.roles[$0.role].id) < ($1.key, g.roles[$1.role].title, g.roles[$1.role].id) }
        var groups: [(letter: String, roles: [Int])] = []
        for (key, r) in keyed {
            let first = key.first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if groups.last?.letter == first { groups[groups.count - 1].roles.append(r) } else { groups.append((first, [r])) }
        }
        let letters = el("nav", ["class": "az-letters"], children: groups.map { el("a", ["href": "#letter-" + $0.letter], .text($0.letter)) })
        let body = groups.map { group in
            el("section", ["class": "az-group", "id": "letter-" + group.letter], el("h2", .text(group.letter)),
               el("ul", ["class": "az-list"], children: group.roles.map { r in
                   el("li", [:], context.roleLink(r),
                      g.roleDepartment[r].map { el("span", ["class": "muted"], .text(" · " + g.departments[$0].title)) } ?? .empty)
               }))
        }
        let main = el("article", ["class": "doc doc-wide"],
                      PageHeader(title: s[.az], lede: s.format(.roleCount, g.roles.count)).html,
                      letters, .fragment(body))
        return Layout(context: context).page(title: s[.az], bodyClass: "page-az",
                                             crumbs: [.init(title: s[.home], href: context.href(for: .home)), .init(title: s[.az], href: nil)], main: main)
    }

    package func proceduresPage() -> String {
        let g = context.graph, s = context.strings
        let sections = context.site.procedureGroups.map { group in
            el("section", [:], el("h2", group.department.map { context.link(.department($0)) } ?? .text(s[.other])),
               ProcedureList(context: context).render(group.procedures))
        }
        let main = el("article", ["class": "doc doc-wide"],
                      PageHeader(title: s[.procedureIndex], lede: s.format(.procedureCount, g.procedures.count)).html,
                      .fragment(sections))
        return Layout(context: context).page(title: s[.procedureIndex], bodyClass: "page-procedures",
                                             crumbs: [.init(title: s[.home], href: context.href(for: .home)), .init(title: s[.procedures], href: nil)], main: main)
    }
}
