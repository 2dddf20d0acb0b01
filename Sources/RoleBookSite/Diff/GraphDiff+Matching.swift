extension GraphDiff {
    /// Entities of the two sides (roles, procedures or departments) paired by id, the walk every
    /// comparison starts with: what only the base has, what only the head has, and the pairs.
    struct Matching {
        /// Base indices whose id the head lacks (and that were not renamed), in base order.
        var removed: [Int] = []
        /// Head indices the base has no counterpart for, in head order.
        var added: [Int] = []
        /// Base and head index of each entity on both sides, in head order.
        var pairs: [(base: Int, head: Int)] = []

        /// - Parameter renamed: base id → head id of entities whose id changed.
        init(base: [String], baseIndex: [String: Int], head: [String], headIndex: [String: Int], renamed: [String: String] = [:]) {
            removed = base.indices.filter { headIndex[base[$0]] == nil && renamed[base[$0]] == nil }
            let renamedFrom = Dictionary(renamed.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            for h in head.indices {
                if let b = baseIndex[renamedFrom[head[h]] ?? head[h]] { pairs.append((b, h)) } else { added.append(h) }
            }
        }
    }
}
