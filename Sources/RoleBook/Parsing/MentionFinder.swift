/// Finds items that name a role by title or alias ("协助客户服务经理处理投诉").
///
/// One trie over every folded title and alias, then a single left-to-right scan per item:
/// linear in the text, whatever the number of roles.
struct MentionFinder {
    let graph: RoleGraph
    private var trie = Trie()

    init(graph: RoleGraph) {
        self.graph = graph
        for (i, role) in graph.roles.enumerated() {
            for name in Set([role.title] + role.aliases) {
                let folded = Array(ReferenceResolver.key(name).unicodeScalars)
                if folded.count >= 2 { trie.insert(folded, role: i) }
            }
        }
    }

    func find() -> [Mention] {
        var out: [Mention] = []
        for (i, role) in graph.roles.enumerated() {
            let department = graph.roleDepartment[i]
            for section in role.header.document.sections {
                for item in section.items.flatMap(\.flattened) { scan(item, from: .role(i), self: i, department: department, into: &out) }
            }
        }
        for (i, d) in graph.departments.enumerated() {
            for item in d.header.document.sections.flatMap(\.items).flatMap(\.flattened) {
                scan(item, from: .department(i), self: nil, department: i, into: &out)
            }
        }
        for (i, p) in graph.procedures.enumerated() {
            for item in p.steps { scan(item, from: .procedure(i), self: nil, department: graph.procedureDepartment[i], into: &out) }
        }
        return out
    }

    private func scan(_ item: Item, from: NodeRef, self selfRole: Int?, department: Int?, into out: inout [Mention]) {
        let text = Array(ReferenceResolver.key(item.text).unicodeScalars)
        var seen: Set<Int> = []
        var start = 0
        while start < text.count {
            // A Latin name must stand as a word ("PA" is not in "paperwork"); CJK has no word breaks to respect.
            let startsWord = start == 0 || !Self.isWordScalar(text[start - 1]) || !Self.isWordScalar(text[start])
            guard startsWord, let (length, roles) = trie.longestMatch(in: text, from: start, accept: { end in
                end == text.count || !Self.isWordScalar(text[end - 1]) || !Self.isWordScalar(text[end])
            }) else { start += 1; continue }
            if let target = closest(roles, to: department), target != selfRole, seen.insert(target).inserted {
                out.append(Mention(from: from, role: target, text: item.text, location: item.location))
            }
            start += length
        }
    }

    /// ASCII letters and digits: the characters that make a Latin word.
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
    }

    /// Of several roles sharing a title, the one whose department is nearest in the department tree.
    private func closest(_ roles: [Int], to department: Int?) -> Int? {
        if roles.count == 1 { return roles[0] }
        guard let department else { return nil }
        let mine = ancestors(department)
        var best: (role: Int, score: Int)?
        var tie = false
        for r in roles {
            guard let d = graph.roleDepartment[r] else { continue }
            let theirs = ancestors(d)
            let score = zip(mine.reversed(), theirs.reversed()).prefix { $0 == $1 }.count
            if best == nil || score > best!.score { best = (r, score); tie = false } else if score == best!.score { tie = true }
        }
        return tie ? nil : best?.role
    }

    /// The department and its ancestors, nearest first (bounded against parent cycles).
    private func ancestors(_ d: Int) -> [Int] {
        var chain = [d]
        var current = d
        while let p = graph.departmentParent[current], chain.count <= graph.departments.count, !chain.contains(p) {
            chain.append(p)
            current = p
        }
        return chain
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
