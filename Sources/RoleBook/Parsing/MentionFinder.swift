/// Finds items that name a role by title or alias ("协助客户服务经理处理投诉").
///
/// One trie over every folded title and alias, then a single left-to-right scan per item:
/// linear in the text, whatever the number of roles.
struct MentionFinder: Sendable {
    let graph: RoleGraph
    private var trie = Trie()
    /// Each department and its ancestors, nearest first: computed once, read for every match.
    private let ancestors: [[Int]]

    init(graph: RoleGraph) {
        self.graph = graph
        for (i, role) in graph.roles.enumerated() {
            for name in Set([role.title] + role.aliases) {
                let folded = CJKFolding.shared.matchingScalars(name.trimmingSpaces)
                if folded.count >= 2 { trie.insert(folded, role: i) }
            }
        }
        ancestors = graph.departments.indices.map { d in
            var chain = [d]
            var current = d
            // Bounded against parent cycles (reported elsewhere).
            while let p = graph.departmentParent[current], chain.count <= graph.departments.count, !chain.contains(p) {
                chain.append(p)
                current = p
            }
            return chain
        }
    }

    /// One entity's items and where they sit.
    private struct Source: Sendable {
        var from: NodeRef
        var selfRole: Int?
        var department: Int?
    }

    /// Every mention, in entity order (roles, departments, procedures), scanned on all cores.
    func find() -> [Mention] {
        let g = graph
        var sources: [Source] = g.roles.indices.map { Source(from: .role($0), selfRole: $0, department: g.roleDepartment[$0]) }
        sources += g.departments.indices.map { Source(from: .department($0), selfRole: nil, department: $0) }
        sources += g.procedures.indices.map { Source(from: .procedure($0), selfRole: nil, department: g.procedureDepartment[$0]) }
        let finder = self
        return sources.parallelMap { source -> [Mention] in
            var out: [Mention] = []
            func visit(_ item: Item) {
                finder.scan(item, source, into: &out)
                for child in item.children { visit(child) }
            }
            switch source.from {
            case .role(let i): for section in g.roles[i].header.document.sections { section.items.forEach(visit) }
            case .department(let i): for section in g.departments[i].header.document.sections { section.items.forEach(visit) }
            case .procedure(let i): for phase in g.procedures[i].phases { phase.items.forEach(visit) }
            }
            return out
        }.flatMap { $0 }
    }

    private func scan(_ item: Item, _ source: Source, into out: inout [Mention]) {
        let text = CJKFolding.shared.matchingScalars(item.text)
        var seen: [Int] = []
        var start = 0
        while start < text.count {
            // A Latin name must stand as a word ("PA" is not in "paperwork"); CJK has no word breaks to respect.
            let startsWord = start == 0 || !Self.isWordScalar(text[start - 1]) || !Self.isWordScalar(text[start])
            guard startsWord, let (length, roles) = trie.longestMatch(in: text, from: start, accept: { end in
                end == text.count || !Self.isWordScalar(text[end - 1]) || !Self.isWordScalar(text[end])
            }) else { start += 1; continue }
            if let target = closest(roles, to: source.department), target != source.selfRole, !seen.contains(target) {
                seen.append(target)
                out.append(Mention(from: source.from, role: target, text: item.text, location: item.location))
            }
            start += length
        }
    }

    /// ASCII letters and digits: the characters that make a Latin word.
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// Of the roles bearing a name, the one whose department is nearest in the department tree.
    ///
    /// Only roles in the same organisation count: the two departments must share an ancestor
    /// below the top of the tree (a generic title such as 部门经理 in one business unit must not
    /// point at another unit's role), unless one of them is the top department itself.
    private func closest(_ roles: [Int], to department: Int?) -> Int? {
        guard let department else { return roles.count == 1 ? roles[0] : nil }
        let mine = ancestors[department]
        var best: (role: Int, score: Int)?
        var tie = false
        for r in roles {
            guard let d = graph.roleDepartment[r] else { continue }
            let theirs = ancestors[d]
            let score = zip(mine.reversed(), theirs.reversed()).prefix { $0 == $1 }.count
            guard score >= min(2, mine.count, theirs.count) else { continue }
            if best == nil || score > best!.score { best = (r, score); tie = false } else if score == best!.score { tie = true }
        }
        return tie ? nil : best?.role
    }
}

/// A character trie whose terminal nodes carry the roles with that name.
struct Trie {
    private var children: [[Unicode.Scalar: Int32]] = [[:]]
    private var terminals: [[Int]] = [[]]

    mutating func insert(_ key: [Unicode.Scalar], role: Int) {
        var node = 0
        for scalar in key {
            if let next = children[node][scalar] {
                node = Int(next)
            } else {
                children.append([:])
                terminals.append([])
                children[node][scalar] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        terminals[node].append(role)
    }

    /// The longest name starting at `start` whose end index `accept` allows: its length and roles.
    func longestMatch(in text: [Unicode.Scalar], from start: Int, accept: (Int) -> Bool = { _ in true }) -> (Int, [Int])? {
        var node = 0
        var best: (Int, [Int])?
        var i = start
        while i < text.count, let next = children[node][text[i]] {
            node = Int(next)
            i += 1
            if !terminals[node].isEmpty, accept(i) { best = (i - start, terminals[node]) }
        }
        return best
    }
}
