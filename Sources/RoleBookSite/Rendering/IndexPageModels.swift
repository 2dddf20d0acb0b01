import RoleBookModel

// The pages that list the whole organisation have models too: an edit of one role's text
// changes none of what the home page, the procedure index or the checklist index shows, and
// rendering them was a fifth of a rebuild's page work at 10,000 roles. As with every model,
// the renderer reads the model alone, so nothing it shows can be left out of the fingerprint.

/// What the home page shows (``HomePage``): totals, the department tree with each subtree's
/// totals, the vacant posts and the procedures that took effect last.
package struct HomePageModel: PageModel {
    /// A department of the tree, with the totals of its subtree.
    package struct Node: Hashable, Sendable, Encodable {
        package var link: PageLink
        package var roles: Int
        package var headcount: Int
        package var vacant: Int
        /// The nodes of its sub-departments (department indices).
        package var children: [Int]
    }

    package struct Vacancy: Hashable, Sendable, Encodable {
        /// Without the vacancy badge: the panel lists only vacant posts.
        package var role: PageLink
        package var department: String?
    }

    /// One date of 最近生效的流程: its procedures named, or (`named` empty) only counted when there are many.
    package struct Recent: Hashable, Sendable, Encodable {
        package var date: String
        package var named: [PageLink]
        package var count: Int
    }

    package var title: String
    package var departmentCount: Int
    package var roleCount: Int
    package var headcount: Int
    package var procedureCount: Int
    /// By department index.
    package var nodes: [Node]
    package var roots: [Int]
    package var vacancies: [Vacancy]
    package var recent: [Recent]

    package init(site: SiteMap) {
        let g = site.graph
        title = g.config.title
        departmentCount = g.departments.count
        roleCount = g.roles.count
        headcount = g.roles.reduce(0) { $0 + $1.headcount }
        procedureCount = g.procedures.count
        nodes = g.departments.indices.map { d in
            let roles = g.rolesInTree(d)
            return Node(link: PageLink(.department(d), in: site), roles: roles.count,
                        headcount: roles.reduce(0) { $0 + g.roles[$1].headcount },
                        vacant: roles.count { g.roles[$0].isVacant }, children: g.departmentChildren[d])
        }
        roots = g.rootDepartments
        vacancies = g.vacancies.map { r in
            // The full title names the organisation (客户服务部（代理商渠道公司）); `short` would not.
            Vacancy(role: PageLink(title: g.roles[r].title, url: site.url(.role(r))), department: g.roleDepartment[r].map { g.departments[$0].title })
        }
        recent = HomePage.recentProcedures(g).map { date, procedures in
            Recent(date: date, named: procedures.count <= HomePage.namedPerDate ? procedures.map { PageLink(.procedure($0), in: site) } : [],
                   count: procedures.count)
        }
    }
}

/// What the procedure index shows: the procedures by department, as cards.
package struct ProcedureIndexModel: PageModel {
    package struct Group: Hashable, Sendable, Encodable {
        /// Nil: procedures filed under no department.
        package var department: PageLink?
        package var cards: [ProcedureCard]
    }

    package var procedureCount: Int
    package var groups: [Group]

    package init(site: SiteMap) {
        procedureCount = site.graph.procedures.count
        groups = site.procedureGroups.map { group in
            Group(department: group.department.map { PageLink(.department($0), in: site) },
                  cards: group.procedures.map { ProcedureCard(site: site, index: $0) })
        }
    }
}

/// What the checklist index shows: each procedure's sheet by department, and each role's.
package struct ChecklistIndexModel: PageModel {
    package struct Sheet: Hashable, Sendable, Encodable {
        package var link: PageLink
        package var frequency: Frequency?
    }

    package struct Group: Hashable, Sendable, Encodable {
        package var department: PageLink?
        package var sheets: [Sheet]
    }

    package struct RoleSheet: Hashable, Sendable, Encodable {
        /// Without the vacancy badge, as every sheet's link.
        package var link: PageLink
        package var procedureCount: Int
    }

    package var groups: [Group]
    package var roles: [RoleSheet]

    package init(site: SiteMap) {
        let g = site.graph
        groups = site.procedureGroups.map { group in
            Group(department: group.department.map { PageLink(.department($0), in: site) },
                  sheets: group.procedures.map { p in
                      Sheet(link: PageLink(title: g.procedures[p].title, url: site.url(for: .checklist(p))), frequency: g.procedures[p].frequency)
                  })
        }
        roles = g.roles.indices.filter { !g.roleProcedures[$0].isEmpty }.map { r in
            RoleSheet(link: PageLink(title: g.roles[r].title, url: site.url(for: .roleChecklist(r))), procedureCount: g.roleProcedures[r].count)
        }
    }
}
