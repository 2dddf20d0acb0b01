import RoleBookModel

/// What a department's org chart draws, built from the graph: its boxes in the order they are
/// laid out, the lines between them, and its dotted-line relations. Roles appear by what is drawn
/// (title, link, vacancy, headcount, the sub-department they head), never by their graph index,
/// so a role added elsewhere in the organisation leaves the chart's model unchanged.
package struct OrgChartModel: Hashable, Sendable, Encodable {
    /// One box of the chart.
    package struct Node: Hashable, Sendable, Encodable {
        /// The role: title, its page's URL, whether the post is vacant.
        package var role: PageLink
        package var headcount: Int
        /// The head of a sub-department: drawn as a leaf outside the department.
        package var outside: Bool
        /// For a box `outside`, the department it heads (short name, page URL), which its box links to and names.
        package var subDepartment: PageLink?
        /// Extra classes of the box (`is-added`, …), for the diff report.
        package var highlight: String?
        /// The boxes hanging from this one, by position in ``OrgChartModel/nodes``.
        package var children: [Int]
    }

    /// A dotted line drawn between two boxes (by position), with its tooltip.
    package struct DottedLine: Hashable, Sendable, Encodable {
        package var from: Int
        package var to: Int
        package var title: String
    }

    /// A row of the dotted-line table: a dotted-line superior and the roles reporting to them that way.
    package struct DottedRow: Hashable, Sendable, Encodable {
        package var superior: PageLink
        package var reports: [PageLink]
    }

    /// The department's title, for the drawing's label.
    package var title: String
    /// Every box, a parent before its children (the layout's pre-order).
    package var nodes: [Node]
    /// The top boxes, left to right, by position.
    package var roots: [Int]
    /// Dotted lines whose two ends are boxes, in the department's role order.
    package var dottedLines: [DottedLine]
    /// Every dotted line of the department's roles, by superior in reporting order.
    package var dottedTable: [DottedRow]
    /// Where every box links instead of its page (the diff report has no site around it), as given.
    package var boxLink: String?

    /// The chart of department `d`: its roles under their superiors, plus the heads of sub-departments.
    /// - Parameters:
    ///   - highlights: extra classes of some boxes by role (the diff report's changes).
    ///   - boxLink: an href every box links to instead of its page.
    package init(site: SiteMap, department d: Int, highlights: [Int: String] = [:], boxLink: String? = nil) {
        let g = site.graph
        let inside = Set(g.departmentRoles[d])
        let members = inside.union(g.departmentChildren[d].compactMap { g.departmentHead[$0] })
        // The drawn forest, walked as ``OrgChartLayout`` walks it: each box under the first parent
        // that reaches it, sub-department heads as leaves.
        var claimed: Set<Int> = []
        let roots = g.departmentTopRoles(d).filter { claimed.insert($0).inserted }
        var order: [Int] = [], kids: [Int: [Int]] = [:]
        var stack = Array(roots.reversed())
        while let r = stack.popLast() {
            order.append(r)
            let c = inside.contains(r) ? g.subordinates[r].filter { members.contains($0) && claimed.insert($0).inserted } : []
            kids[r] = c
            stack += c.reversed()
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        nodes = order.map { r in
            let outside = !inside.contains(r)
            let sub = outside ? g.roleDepartment[r].map { sd in
                PageLink(title: g.departments[sd].short ?? g.departments[sd].title, url: site.url(.department(sd)))
            } : nil
            return Node(role: PageLink(.role(r), in: site), headcount: g.roles[r].headcount, outside: outside,
                        subDepartment: sub, highlight: highlights[r], children: (kids[r] ?? []).map { position[$0]! })
        }
        self.roots = roots.map { position[$0]! }
        title = g.departments[d].title
        self.boxLink = boxLink

        let pairs = g.departmentRoles[d].flatMap { r in g.dotted[r].map { (from: r, to: $0) } }
        dottedLines = pairs.compactMap { pair in
            guard let a = position[pair.from], let b = position[pair.to] else { return nil }
            return DottedLine(from: a, to: b, title: "\(g.roles[pair.from].title) ⇢ \(g.roles[pair.to].title)")
        }
        // Superiors and their reports in the department's reporting order, others after by pinyin
        // (the order is walked only when there is a table to sort).
        let ordered = pairs.isEmpty ? [] : DepartmentPage.reportingOrder(site, department: d)
        let rank = Dictionary(ordered.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let byName = site.roleNameRank
        func place(_ r: Int) -> (Int, Int) { (rank[r] ?? ordered.count, byName[r]) }
        var reports: [Int: [Int]] = [:]
        for pair in pairs where !(reports[pair.to] ?? []).contains(pair.from) { reports[pair.to, default: []].append(pair.from) }
        dottedTable = reports.keys.sorted { place($0) < place($1) }.map { sup in
            DottedRow(superior: PageLink(.role(sup), in: site),
                      reports: (reports[sup] ?? []).sorted { place($0) < place($1) }.map { PageLink(.role($0), in: site) })
        }
    }
}
