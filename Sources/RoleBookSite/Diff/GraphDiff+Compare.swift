import RoleBookModel
import RoleBookParsing

/// One side of a comparison: a checked content tree.
package struct DiffSide: Sendable {
    package var graph: RoleGraph
    package var diagnostics: [Diagnostic]
    /// How the content root appears in diagnostic paths (`content`), stripped so both sides compare.
    package var displayRoot: String

    package init(graph: RoleGraph, diagnostics: [Diagnostic], displayRoot: String) {
        self.graph = graph
        self.diagnostics = diagnostics
        self.displayRoot = displayRoot
    }

    package init(_ result: Checker.Result, displayRoot: String) {
        self.init(graph: result.graph, diagnostics: result.diagnostics, displayRoot: displayRoot)
    }
}

extension GraphDiff {
    /// A removed and an added role at least this similar are one role renamed.
    package static let renameThreshold = 0.6

    /// The difference from `base` to `head`.
    package static func compare(base: DiffSide, head: DiffSide, language: DiagnosticLanguage = .en) -> GraphDiff {
        var diff = GraphDiff()
        let a = base.graph, b = head.graph
        let renames = matchRenames(a, b)
        // Base id → head id, through renames.
        func mapped(_ baseID: String) -> String { renames[baseID]?.to ?? baseID }
        func ref(_ g: RoleGraph, _ r: Int?) -> Ref? { r.map { Ref(id: g.roles[$0].id, title: g.roles[$0].title) } }
        func deptRef(_ g: RoleGraph, _ d: Int?) -> Ref? { d.map { Ref(id: g.departments[$0].id, title: g.departments[$0].title) } }
        func summary(_ g: RoleGraph, _ r: Int) -> AddedRole {
            let role = g.roles[r]
            return AddedRole(id: role.id, title: role.title, department: deptRef(g, g.roleDepartment[r]), reportsTo: ref(g, g.superior[r]),
                             headcount: role.headcount, path: role.header.path)
        }

        let roles = Matching(base: a.roles.map(\.id), baseIndex: a.roleIndex, head: b.roles.map(\.id), headIndex: b.roleIndex,
                             renamed: renames.mapValues(\.to))
        for r in roles.removed { diff.roles.removed.append(summary(a, r)) }
        for r in roles.added {
            diff.roles.added.append(summary(b, r))
            if b.roles[r].isVacant { diff.roles.vacancies.append(Vacancy(id: b.roles[r].id, title: b.roles[r].title, change: "opened")) }
        }
        for (from, match) in renames.sorted(by: { $0.value.to < $1.value.to }) {
            diff.roles.renamed.append(Renamed(id: match.to, from: from, title: b.roles[b.roleIndex[match.to]!].title,
                                              similarity: (match.score * 100).rounded() / 100))
        }

        // Roles on both sides (renamed ones too), in head order.
        for (ra, rb) in roles.pairs {
            let role = b.roles[rb]
            let old = a.roles[ra]
            if old.title != role.title { diff.roles.retitled.append(Change(id: role.id, title: role.title, from: old.title, to: role.title)) }
            if a.superior[ra].map({ mapped(a.roles[$0].id) }) != b.superior[rb].map({ b.roles[$0].id }) {
                diff.roles.moved.append(Change(id: role.id, title: role.title, from: ref(a, a.superior[ra]), to: ref(b, b.superior[rb])))
            }
            if a.roleDepartment[ra].map({ a.departments[$0].id }) != b.roleDepartment[rb].map({ b.departments[$0].id }) {
                diff.roles.department.append(Change(id: role.id, title: role.title, from: deptRef(a, a.roleDepartment[ra]), to: deptRef(b, b.roleDepartment[rb])))
            }
            let oldDotted = Set(a.dotted[ra].map { mapped(a.roles[$0].id) }), newDotted = Set(b.dotted[rb].map { b.roles[$0].id })
            if oldDotted != newDotted {
                diff.roles.dottedLines.append(DottedLines(
                    id: role.id, title: role.title,
                    added: b.dotted[rb].filter { !oldDotted.contains(b.roles[$0].id) }.compactMap { ref(b, $0) },
                    removed: a.dotted[ra].filter { !newDotted.contains(mapped(a.roles[$0].id)) }.compactMap { ref(a, $0) }))
            }
            if old.headcount != role.headcount {
                diff.roles.headcount.append(Change(id: role.id, title: role.title, from: old.headcount, to: role.headcount))
                if old.isVacant != role.isVacant {
                    diff.roles.vacancies.append(Vacancy(id: role.id, title: role.title, change: role.isVacant ? "opened" : "closed"))
                }
            }
            for (list, kind) in [("responsibilities", SectionKind.responsibilities), ("requirements", .qualifications), ("kpis", .kpis)] {
                let changes = itemChanges(id: role.id, title: role.title, list: list,
                                          from: old.header.document.items(kind).flatMap(\.flattened).map(\.text),
                                          to: role.header.document.items(kind).flatMap(\.flattened).map(\.text))
                if !changes.isEmpty { diff.roles.items.append(changes) }
            }
        }

        compareProcedures(a, b, mapped: mapped, into: &diff)
        compareDepartments(a, b, renames: renames, into: &diff)
        diff.diagnostics = compareDiagnostics(base, head, language: language)
        return diff
    }

    /// Pairs removed and added roles whose files are mostly the same, best pairs first.
    static func matchRenames(_ a: RoleGraph, _ b: RoleGraph) -> [String: (to: String, score: Double)] {
        let removed = a.roles.indices.filter { b.roleIndex[a.roles[$0].id] == nil }
        let added = b.roles.indices.filter { a.roleIndex[b.roles[$0].id] == nil }
        guard !removed.isEmpty, !added.isEmpty, removed.count * added.count <= 1_000_000 else { return [:] }
        let removedLines = removed.map { signature(a, $0) }, addedLines = added.map { signature(b, $0) }
        // Added roles by line, so each removed role is compared only with those sharing a line.
        var byLine: [UInt64: [Int]] = [:]
        for (j, lines) in addedLines.enumerated() { for line in lines { byLine[line, default: []].append(j) } }
        let addedByPath = Dictionary(added.enumerated().map { (b.roles[$0.element].header.path, $0.offset) }, uniquingKeysWith: { x, _ in x })
        var candidates: [(score: Double, from: Int, to: Int)] = []
        for (i, x) in removedLines.enumerated() {
            var shared: [Int: Int] = [:]
            for line in x { for j in byLine[line] ?? [] { shared[j, default: 0] += 1 } }
            for (j, common) in shared {
                let score = Double(common) / Double(x.count + addedLines[j].count - common)
                if score >= renameThreshold { candidates.append((score, i, j)) }
            }
            // The same file under a new `id:` is a rename whatever else changed.
            if let j = addedByPath[a.roles[removed[i]].header.path] { candidates.append((1.0 + 1e-9, i, j)) }
        }
        candidates.sort { ($0.score, -$0.from, -$0.to) > ($1.score, -$1.from, -$1.to) }
        var usedFrom: Set<Int> = [], usedTo: Set<Int> = []
        var out: [String: (to: String, score: Double)] = [:]
        for c in candidates where !usedFrom.contains(c.from) && !usedTo.contains(c.to) {
            usedFrom.insert(c.from)
            usedTo.insert(c.to)
            let shared = removedLines[c.from].intersection(addedLines[c.to]).count
            let jaccard = Double(shared) / Double(removedLines[c.from].union(addedLines[c.to]).count)
            out[a.roles[removed[c.from]].id] = (b.roles[added[c.to]].id, jaccard)
        }
        return out
    }

    /// The lines a role's file is compared by (its facts and every item of its body), hashed.
    static func signature(_ g: RoleGraph, _ r: Int) -> Set<UInt64> {
        let role = g.roles[r]
        var lines: [String] = ["title: " + role.title, "headcount: \(role.headcount)"]
        if let d = g.roleDepartment[r] { lines.append("department: " + g.departments[d].id) }
        if let s = g.superior[r] { lines.append("reports_to: " + g.roles[s].id) }
        if let summary = role.header.summary { lines.append("summary: " + summary) }
        for section in role.header.document.sections {
            for block in section.blocks { lines.append(section.heading + ": " + block.plainText) }
            for item in section.items.flatMap(\.flattened) { lines.append(section.heading + " - " + item.text) }
        }
        return Set(lines.map(StableHash.string))
    }

    /// Items added, removed and reworded between two lists, by their longest common subsequence:
    /// a removed item directly followed by an added one at the same place is one item reworded.
    static func itemChanges(id: String, title: String, list: String, from: [String], to: [String]) -> ItemChanges {
        var out = ItemChanges(id: id, title: title, list: list, added: [], removed: [], changed: [])
        guard from != to else { return out }
        // Past this many cells, compare as sets (order changes go unreported).
        guard from.count * to.count <= 1_000_000 else {
            let f = Set(from), t = Set(to)
            out.added = to.filter { !f.contains($0) }
            out.removed = from.filter { !t.contains($0) }
            return out
        }
        let n = from.count, m = to.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = from[i] == to[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var i = 0, j = 0
        var pendingRemoved: [String] = [], pendingAdded: [String] = []
        func flush() {
            let pairs = min(pendingRemoved.count, pendingAdded.count)
            for k in 0..<pairs { out.changed.append(.init(from: pendingRemoved[k], to: pendingAdded[k])) }
            out.removed += pendingRemoved.dropFirst(pairs)
            out.added += pendingAdded.dropFirst(pairs)
            pendingRemoved = []
            pendingAdded = []
        }
        while i < n || j < m {
            if i < n, j < m, from[i] == to[j] {
                flush()
                i += 1
                j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                pendingAdded.append(to[j])
                j += 1
            } else {
                pendingRemoved.append(from[i])
                i += 1
            }
        }
        flush()
        return out
    }

    private static func compareProcedures(_ a: RoleGraph, _ b: RoleGraph, mapped: (String) -> String, into diff: inout GraphDiff) {
        let procedures = Matching(base: a.procedures.map(\.id), baseIndex: a.procedureIndex, head: b.procedures.map(\.id), headIndex: b.procedureIndex)
        for p in procedures.removed { diff.procedures.removed.append(Ref(id: a.procedures[p].id, title: a.procedures[p].title)) }
        for p in procedures.added { diff.procedures.added.append(Ref(id: b.procedures[p].id, title: b.procedures[p].title)) }
        for (pa, pb) in procedures.pairs {
            let proc = b.procedures[pb]
            let old = a.procedures[pa]
            if old.title != proc.title { diff.procedures.retitled.append(Change(id: proc.id, title: proc.title, from: old.title, to: proc.title)) }
            if a.procedureOwner[pa].map({ mapped(a.roles[$0].id) }) != b.procedureOwner[pb].map({ b.roles[$0].id }) {
                diff.procedures.owner.append(Change(
                    id: proc.id, title: proc.title,
                    from: a.procedureOwner[pa].map { Ref(id: a.roles[$0].id, title: a.roles[$0].title) },
                    to: b.procedureOwner[pb].map { Ref(id: b.roles[$0].id, title: b.roles[$0].title) }))
            }
            let steps = itemChanges(id: proc.id, title: proc.title, list: "steps", from: old.steps.map(\.text), to: proc.steps.map(\.text))
            if !steps.isEmpty { diff.procedures.steps.append(steps) }
        }
    }

    private static func compareDepartments(_ a: RoleGraph, _ b: RoleGraph, renames: [String: (to: String, score: Double)], into diff: inout GraphDiff) {
        func ref(_ g: RoleGraph, _ d: Int?) -> Ref? { d.map { Ref(id: g.departments[$0].id, title: g.departments[$0].title) } }
        func figures(_ g: RoleGraph, _ d: Int) -> DepartmentStats.Figures {
            let roles = g.departmentRoles[d]
            return .init(roles: roles.count, headcount: roles.reduce(0) { $0 + g.roles[$1].headcount },
                         span: g.departmentHead[d].map { g.subordinates[$0].count } ?? 0, vacant: roles.count { g.roles[$0].isVacant })
        }
        // Departments that gained, lost or changed a role, on either side.
        var touched: Set<String> = []
        let changedRoles = diff.roles.changedIDs.union(diff.roles.moved.map(\.id))
        let baseIDs = Set(diff.roles.removed.map(\.id)).union(renames.keys)
        for r in a.roles.indices where baseIDs.contains(a.roles[r].id) || changedRoles.contains(renames[a.roles[r].id]?.to ?? a.roles[r].id) {
            if let d = a.roleDepartment[r] { touched.insert(a.departments[d].id) }
        }
        let addedIDs = Set(diff.roles.added.map(\.id))
        for r in b.roles.indices where changedRoles.contains(b.roles[r].id) || addedIDs.contains(b.roles[r].id) {
            if let d = b.roleDepartment[r] { touched.insert(b.departments[d].id) }
        }

        let departments = Matching(base: a.departments.map(\.id), baseIndex: a.departmentIndex, head: b.departments.map(\.id), headIndex: b.departmentIndex)
        for d in departments.removed {
            diff.departments.removed.append(ref(a, d)!)
            diff.departments.stats.append(.init(id: a.departments[d].id, title: a.departments[d].title, from: figures(a, d), to: nil))
        }
        for d in departments.added {
            diff.departments.added.append(ref(b, d)!)
            diff.departments.stats.append(.init(id: b.departments[d].id, title: b.departments[d].title, from: nil, to: figures(b, d)))
        }
        for (da, db) in departments.pairs {
            let dept = b.departments[db]
            if a.departments[da].title != dept.title {
                diff.departments.retitled.append(Change(id: dept.id, title: dept.title, from: a.departments[da].title, to: dept.title))
            }
            if a.departmentParent[da].map({ a.departments[$0].id }) != b.departmentParent[db].map({ b.departments[$0].id }) {
                diff.departments.reparented.append(Change(id: dept.id, title: dept.title, from: ref(a, a.departmentParent[da]), to: ref(b, b.departmentParent[db])))
            }
            let before = figures(a, da), after = figures(b, db)
            if before != after || touched.contains(dept.id) {
                diff.departments.stats.append(.init(id: dept.id, title: dept.title, from: before, to: after))
            }
        }
        diff.departments.stats.sort { $0.id < $1.id }
    }

    /// Diagnostics matched by code, file (relative to the content root) and message, not by line,
    /// so an edit above a known problem does not report it as fixed and introduced again.
    /// Messages are in `language`; both sides are said in the same one, so they still match.
    static func compareDiagnostics(_ base: DiffSide, _ head: DiffSide, language: DiagnosticLanguage = .en) -> Diagnostics {
        func problem(_ d: Diagnostic, _ root: String) -> Problem {
            var file = d.location.file
            if file.hasPrefix(root + "/") { file = String(file.dropFirst(root.count + 1)) }
            return Problem(severity: d.severity.rawValue, code: d.code.rawValue, message: d.message(in: language), file: file,
                           line: d.location.line, column: d.location.column)
        }
        func key(_ p: Problem) -> String { p.code + "\u{1F}" + p.file + "\u{1F}" + p.message }
        let before = base.diagnostics.map { problem($0, base.displayRoot) }, after = head.diagnostics.map { problem($0, head.displayRoot) }
        var remaining: [String: Int] = [:]
        for p in before { remaining[key(p), default: 0] += 1 }
        var out = Diagnostics()
        for p in after {
            if let n = remaining[key(p)], n > 0 { remaining[key(p)] = n - 1 } else { out.introduced.append(p) }
        }
        var left: [String: Int] = [:]
        for p in after { left[key(p), default: 0] += 1 }
        for p in before {
            if let n = left[key(p)], n > 0 { left[key(p)] = n - 1 } else { out.fixed.append(p) }
        }
        return out
    }
}
