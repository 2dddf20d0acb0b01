import Foundation
import RoleBookModel

/// The department filter's layout: chips grouped by organisation, with names that tell apart
/// departments called alike (客戶服務部 beside 客户服务部（代理商渠道公司）).
extension SearchPage {
    /// One labelled group of filter chips: an organisation and its departments, in tree order.
    struct FilterGroup: Hashable {
        struct Chip: Hashable { var id: String; var label: String }
        var label: String
        var departments: [Chip]
    }

    /// The organisation a department belongs to: below a single top department (the group), the
    /// top department's child on its path when that child has departments of its own (a company
    /// or division); otherwise its top department (a small site's departments share one group).
    static func organisation(of d: Int, in g: RoleGraph, singleRoot: Bool, hasChildren: Set<Int>) -> Int {
        let path = g.departmentPath(d)
        return singleRoot && path.count > 1 && hasChildren.contains(path[1]) ? path[1] : path[0]
    }

    /// Departments grouped by organisation, organisations and departments in tree order
    /// (the order of the site's department pages).
    static func filterGroups(_ g: RoleGraph) -> [FilterGroup] {
        let singleRoot = g.rootDepartments.count == 1
        let labels = chipLabels(g)
        var order: [Int] = []
        var members: [Int: [Int]] = [:]
        let hasChildren = Set(g.departmentParent.compactMap { $0 })
        for d in treeOrder(g) {
            let org = organisation(of: d, in: g, singleRoot: singleRoot, hasChildren: hasChildren)
            if members[org] == nil { order.append(org) }
            members[org, default: []].append(d)
        }
        return order.map { org in
            FilterGroup(label: g.departments[org].title, departments: members[org, default: []].map { .init(id: g.departments[$0].id, label: labels[$0]) })
        }
    }

    /// Departments depth first, children in content order, from each top department.
    static func treeOrder(_ g: RoleGraph) -> [Int] {
        var children = [[Int]](repeating: [], count: g.departments.count)
        for d in g.departments.indices { if let p = g.departmentParent[d] { children[p].append(d) } }
        var out: [Int] = []
        var seen = Set<Int>()
        var stack = g.rootDepartments.reversed() as [Int]
        while let d = stack.popLast() {
            guard seen.insert(d).inserted else { continue }
            out.append(d)
            stack += children[d].reversed()
        }
        // Departments on a cycle (reported by the checker) have no top: file them last.
        for d in g.departments.indices where !seen.contains(d) { out.append(d) }
        return out
    }

    /// Each department's chip label: its title, followed by its parent's name in brackets when
    /// another department's title reads the same (scripts folded, a bracketed qualifier ignored).
    static func chipLabels(_ g: RoleGraph) -> [String] {
        let folding = CJKFolding.shared
        let bases = g.departments.map { folding.simplify(baseName($0.title)) }
        var uses: [String: Int] = [:]
        for b in bases { uses[b, default: 0] += 1 }
        return g.departments.indices.map { d in
            let title = g.departments[d].title
            guard uses[bases[d], default: 0] > 1, baseName(title) == title, let p = g.departmentParent[d] else { return title }
            return title + "（" + g.departments[p].title + "）"
        }
    }

    /// A title without a trailing bracketed qualifier: 客户服务部（代理商渠道公司） → 客户服务部.
    static func baseName(_ title: String) -> String {
        guard title.hasSuffix("）") || title.hasSuffix(")"),
              let open = title.lastIndex(where: { $0 == "（" || $0 == "(" }), open > title.startIndex else { return title }
        return String(title[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// `data-groups`: `[{"n": label, "d": [[id, chip label], …]}, …]` for `search.js`.
    func filterGroupsJSON() -> String {
        let groups = Self.filterGroups(context.graph).map { group in
            JSONValue.object(["n": .string(group.label),
                              "d": .array(group.departments.map { .array([.string($0.id), .string($0.label)]) })])
        }
        return JSONWriter().text(.array(groups))
    }
}
