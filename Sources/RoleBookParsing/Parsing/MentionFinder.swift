import RoleBookModel

/// Finds items that name a role by title or alias ("协助客户服务经理处理投诉").
///
/// One trie over every folded title and alias, then a single left-to-right scan per item:
/// linear in the text, whatever the number of roles.
struct MentionFinder: Sendable {
    let graph: RoleGraph
    private var trie = Trie()
    /// Each department and its ancestors, nearest first: computed once, read for every match.
    private let ancestors: [[Int]]

    /// Each role's folded names of two or more characters, as the trie holds them.
    private var roleNames: [[[Unicode.Scalar]]] = []
    /// Each role's title and distinct aliases as written: a role whose names are as the cache's
    /// keeps its folded names and its place in the cache's trie.
    private var rawNames: [[String]] = []

    /// - Parameter cache: the last scan's; when its roles are these roles, its trie is updated
    ///   for the roles whose names changed instead of being built again from 10,000 names.
    init(graph: RoleGraph, reusing cache: MentionCache? = nil) {
        self.graph = graph
        func names(_ i: Int) -> [String] {
            // Each distinct name once (a list: most roles have one name, and a Set cost more than the rest).
            var names = [graph.roles[i].title]
            for alias in graph.roles[i].aliases where !names.contains(alias) { names.append(alias) }
            return names
        }
        // After a patch (same layout) a role whose file hashes as before has the names it had.
        if let cache, cache.key.layout === graph.layout {
            rawNames = cache.rawNames
            for i in graph.roles.indices {
                let hash = graph.roles[i].header.sourceHash
                if hash == 0 || hash != cache.key.sourceHashes[i] { rawNames[i] = names(i) }
            }
        } else {
            rawNames = graph.roles.indices.map(names)
        }
        func folded(_ names: [String]) -> [[Unicode.Scalar]] {
            names.map { CJKFolding.shared.matchingScalars($0.trimmingSpaces) }.filter { $0.count >= 2 }
        }
        if let cache, cache.rawNames.count == graph.roles.count,
           cache.key.layout === graph.layout || graph.roles.indices.allSatisfy({ cache.key.paths[$0] == graph.roles[$0].header.path }) {
            trie = cache.trie
            roleNames = cache.key.roleNames
            for i in graph.roles.indices where rawNames[i] != cache.rawNames[i] {
                for name in roleNames[i] { trie.remove(name, role: i) }
                roleNames[i] = folded(rawNames[i])
                for name in roleNames[i] { trie.insert(name, role: i) }
            }
        } else {
            roleNames.reserveCapacity(graph.roles.count)
            for i in graph.roles.indices {
                let names = folded(rawNames[i])
                for name in names { trie.insert(name, role: i) }
                roleNames.append(names)
            }
        }
        // Nearest first; the walk stops at parent cycles (reported elsewhere).
        ancestors = graph.departments.indices.map { d in [d] + RoleGraph.ancestors(of: d) { graph.departmentParent[$0] } }
    }

    /// One entity's items and where they sit.
    struct Source: Sendable {
        var from: NodeRef
        var selfRole: Int?
        var department: Int?
    }

    /// Every mention, in entity order (roles, departments, procedures), scanned on all cores.
    func find() -> [Mention] { find(reusing: nil, keeping: false).mentions }

    /// ``find()``, taking the mentions of a source from `cache` when they cannot have changed, and
    /// returning the cache for the next call when `keeping` (`rolebook serve`: a saved file is
    /// then scanned again, with the sources that contain a name that changed, not all 10,000).
    func find(reusing cache: MentionCache?, keeping: Bool) -> (mentions: [Mention], cache: MentionCache?) {
        let g = graph
        let sources: [Source] = g.roles.indices.map { Source(from: .role($0), selfRole: $0, department: g.roleDepartment[$0]) }
            + g.departments.indices.map { Source(from: .department($0), selfRole: nil, department: $0) }
            + g.procedures.indices.map { Source(from: .procedure($0), selfRole: nil, department: g.procedureDepartment[$0]) }
        let key = keeping || cache != nil ? MentionCache.Key(graph: g, sources: sources, roleNames: roleNames, previous: cache?.key) : nil
        let reusable = cache.flatMap { cache in key.flatMap { cache.reusable(for: $0) } }
        let finder = self
        let perSource = Array(sources.indices).parallelMap { s -> MentionCache.Scanned in
            if let reusable, !reusable.mustScan(s) {
                var kept = reusable.cache.scanned[s]
                kept.isFresh = false
                return kept
            }
            let source = sources[s]
            var out: [Mention] = []
            var filter = keeping ? BigramFilter() : nil
            // One buffer for every item of the entity: an array per item cost more than filling it.
            var folded: [Unicode.Scalar] = []
            func visit(_ items: [Item]) {
                // Through a buffer pointer, items are borrowed rather than copied (and retained) one by one.
                items.withUnsafeBufferPointer { items in
                    for i in items.indices {
                        finder.scan(items[i], source, folded: &folded, filter: &filter, into: &out)
                        visit(items[i].children)
                    }
                }
            }
            switch source.from {
            case .role(let i): for section in g.roles[i].header.document.sections { visit(section.items) }
            case .department(let i): for section in g.departments[i].header.document.sections { visit(section.items) }
            case .procedure(let i): for phase in g.procedures[i].phases { visit(phase.items) }
            }
            return MentionCache.Scanned(mentions: out, filter: filter, isFresh: true)
        }
        var all: [Mention] = []
        all.reserveCapacity(perSource.reduce(0) { $0 + $1.mentions.count })
        for scanned in perSource { all += scanned.mentions }
        guard keeping, let key else { return (all, nil) }
        return (all, MentionCache(key: key, scanned: perSource, scannedCount: perSource.count { $0.isFresh }, trie: trie, rawNames: rawNames))
    }

    private func scan(_ item: Item, _ source: Source, folded buffer: inout [Unicode.Scalar], filter: inout BigramFilter?,
                      into out: inout [Mention]) {
        let count = Self.fold(item.text, into: &buffer)
        buffer.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[..<count])
            filter?.insert(text)
            scan(text, item, source, into: &out)
        }
    }

    private func scan(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ item: Item, _ source: Source, into out: inout [Mention]) {
        var seen: [Int] = []
        var start = 0
        let count = text.count
        while start < count {
            // Most positions start no name: one table lookup says so.
            guard trie.startsName(text[start]) else { start += 1; continue }
            // A Latin name must stand as a word ("PA" is not in "paperwork"); CJK has no word breaks to respect.
            let startsWord = start == 0 || !Self.isWordScalar(text[start - 1]) || !Self.isWordScalar(text[start])
            guard startsWord, let (length, roles) = trie.longestMatch(in: text, from: start, accept: { end in
                end == count || !Self.isWordScalar(text[end - 1]) || !Self.isWordScalar(text[end])
            }) else { start += 1; continue }
            if let target = closest(roles, to: source.department), target != source.selfRole, !seen.contains(target) {
                seen.append(target)
                out.append(Mention(from: source.from, role: target, text: item.text, location: item.location))
            }
            start += length
        }
    }

    /// `CJKFolding.matchingScalars(text)` into the first elements of a reused buffer, decoding the
    /// UTF-8 directly; returns how many. CJK punctuation and the full-width forms other than Ａ–Ｚ have
    /// no lower case: they skip the Unicode property lookup. Folding was a third of the scan
    /// (`ParsingFastPathTests` compares every BMP scalar with CJKFolding).
    static func fold(_ text: String, into out: inout [Unicode.Scalar]) -> Int {
        let folding = CJKFolding.shared
        let written = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            // At most one scalar per byte, except lower-case mappings: up to 3 scalars for 2+ bytes.
            let bound = bytes.count * 2
            if out.count < bound { out += repeatElement(Unicode.Scalar(0), count: bound - out.count) }
            return out.withUnsafeMutableBufferPointer { buffer -> Int in
                var i = 0, k = 0
                let n = bytes.count
                while i < n {
                    let b0 = bytes[i]
                    if b0 < 0x80 {
                        buffer[k] = Unicode.Scalar(b0 >= 0x41 && b0 <= 0x5A ? b0 + 0x20 : b0)
                        k += 1
                        i += 1
                        continue
                    }
                    // The text is valid UTF-8 (it is a String): no checks needed.
                    let value: UInt32
                    if b0 < 0xE0 {
                        value = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        value = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    let scalar = Unicode.Scalar(value)!
                    if CJKFolding.isHan(scalar) {
                        buffer[k] = folding.simplify(scalar)
                        k += 1
                    } else if hasNoLowercase(value) || !scalar.properties.changesWhenLowercased {
                        buffer[k] = scalar
                        k += 1
                    } else {
                        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                            buffer[k] = lower
                            k += 1
                        }
                    }
                }
                return k
            }
        }
        if let written { return written }
        let folded = CJKFolding.shared.matchingScalars(text)
        out = folded
        return folded.count
    }

    /// CJK punctuation and the full-width forms other than Ａ–Ｚ: no lower case, no property lookup needed.
    @inline(__always)
    private static func hasNoLowercase(_ v: UInt32) -> Bool {
        (0x3000...0x303F).contains(v) || (0xFF01...0xFF20).contains(v) || (0xFF3B...0xFFEF).contains(v)
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
///
/// Edges live in one open-addressing table keyed by (node, scalar), and the scalars that start a
/// name in a bit set: a `[Unicode.Scalar: Int32]` dictionary per node hashed every scalar of
/// every item with SipHash, half of the mention scan.
struct Trie: Sendable {
    private static let empty = UInt64.max
    private var keys: [UInt64] = Array(repeating: Trie.empty, count: 16)
    private var children: [Int32] = Array(repeating: 0, count: 16)
    private var shift: UInt64 = 60
    private var edgeCount = 0
    private var terminals: [[Int]] = [[]]
    /// Bit per BMP scalar: some name starts with it. Scalars above the BMP always look in the table.
    private var firstScalars: [UInt64] = Array(repeating: 0, count: 0x10000 / 64)

    mutating func insert(_ key: [Unicode.Scalar], role: Int) {
        var node: Int32 = 0
        for scalar in key {
            if let next = child(of: node, scalar) {
                node = next
                continue
            }
            terminals.append([])
            let next = Int32(terminals.count - 1)
            addEdge(Self.edgeKey(node, scalar), next)
            if node == 0, scalar.value < 0x10000 { firstScalars[Int(scalar.value) >> 6] |= 1 << (UInt64(scalar.value) & 63) }
            node = next
        }
        // In role order, as a fresh build inserts them, whatever order updates come in.
        let list = terminals[Int(node)]
        guard !list.contains(role) else { return }
        terminals[Int(node)].insert(role, at: list.firstIndex { $0 > role } ?? list.count)
    }

    /// Takes `role` off the name `key` (its nodes stay: a trie only grows, until it is built anew).
    mutating func remove(_ key: [Unicode.Scalar], role: Int) {
        var node: Int32 = 0
        for scalar in key {
            guard let next = child(of: node, scalar) else { return }
            node = next
        }
        terminals[Int(node)].removeAll { $0 == role }
    }

    private mutating func addEdge(_ key: UInt64, _ child: Int32) {
        // Kept at most half full, so probes stay short.
        if (edgeCount + 1) * 2 > keys.count {
            let old = zip(keys, children).filter { $0.0 != Self.empty }
            keys = Array(repeating: Self.empty, count: keys.count * 2)
            children = Array(repeating: 0, count: keys.count)
            shift -= 1
            for (k, c) in old { place(k, c) }
        }
        place(key, child)
        edgeCount += 1
    }

    private mutating func place(_ key: UInt64, _ child: Int32) {
        var slot = Self.slot(key, shift)
        while keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
        keys[slot] = key
        children[slot] = child
    }

    private static func edgeKey(_ node: Int32, _ scalar: Unicode.Scalar) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar.value)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    private func child(of node: Int32, _ scalar: Unicode.Scalar) -> Int32? {
        let key = Self.edgeKey(node, scalar)
        var slot = Self.slot(key, shift)
        while true {
            let k = keys[slot]
            if k == key { return children[slot] }
            if k == Self.empty { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Whether some name starts with `scalar` (cheap; a true answer still needs ``longestMatch``).
    @inline(__always)
    func startsName(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v >= 0x10000 || firstScalars[Int(v) >> 6] & (1 << (UInt64(v) & 63)) != 0
    }

    func longestMatch(in text: [Unicode.Scalar], from start: Int, accept: (Int) -> Bool = { _ in true }) -> (Int, [Int])? {
        text.withUnsafeBufferPointer { longestMatch(in: $0, from: start, accept: accept) }
    }

    /// The longest name starting at `start` whose end index `accept` allows: its length and roles.
    func longestMatch(in text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, accept: (Int) -> Bool = { _ in true }) -> (Int, [Int])? {
        var node: Int32 = 0
        var best: (Int, [Int])?
        var i = start
        while i < text.count, let next = child(of: node, text[i]) {
            node = next
            i += 1
            if !terminals[Int(node)].isEmpty, accept(i) { best = (i - start, terminals[Int(node)]) }
        }
        return best
    }
}

/// The mentions found in each source by the last scan, and what they were found against, so the
/// next scan (`rolebook serve`, after a save) rescans only the sources whose mentions can differ.
///
/// A source's mentions are a function of its items, its department (the nearest of several roles
/// of one name wins), the names of every role with their departments, and the department tree.
/// With the same files in the same order (so every index means what it did) and the same tree,
/// a source must be scanned again only when its file changed, its department did, or its text may
/// contain a name that was added, removed or moved to another department: its ``BigramFilter``
/// says "may contain" without the text.
struct MentionCache: Sendable {
    struct Scanned: Sendable {
        var mentions: [Mention]
        var filter: BigramFilter?
        /// Scanned by the call that made this cache, not taken from the one before.
        var isFresh: Bool
    }

    /// What a scan depends on besides each source's items.
    struct Key: Sendable {
        var config: SiteConfig
        var paths: [String]
        var sourceHashes: [UInt64]
        var sourceDepartments: [Int?]
        var departmentParent: [Int?]
        var roleNames: [[[Unicode.Scalar]]]
        var roleDepartment: [Int?]
        /// The graph's layout: the same as the last key's means the same `paths`.
        var layout: RoleGraph.Layout

        init(graph g: RoleGraph, sources: [MentionFinder.Source], roleNames: [[[Unicode.Scalar]]], previous: Key?) {
            config = g.config
            layout = g.layout
            if let previous, previous.layout === g.layout {
                paths = previous.paths
            } else {
                // Field by field in place: `header(_:)` copies the whole header, a dozen references.
                paths = g.roles.indices.map { g.roles[$0].header.path } + g.departments.indices.map { g.departments[$0].header.path }
                    + g.procedures.indices.map { g.procedures[$0].header.path }
            }
            sourceHashes = g.roles.indices.map { g.roles[$0].header.sourceHash } + g.departments.indices.map { g.departments[$0].header.sourceHash }
                + g.procedures.indices.map { g.procedures[$0].header.sourceHash }
            assert(paths.count == sources.count)
            sourceDepartments = sources.map(\.department)
            departmentParent = g.departmentParent
            self.roleNames = roleNames
            roleDepartment = g.roleDepartment
        }
    }

    /// A cache that applies to a new scan, and which of its sources must be scanned again.
    struct Reuse {
        let cache: MentionCache
        let key: Key
        /// Names that some role gained or lost (or whose role moved department).
        let changedNames: [[Unicode.Scalar]]

        func mustScan(_ s: Int) -> Bool {
            // A hash of 0 is unknown (an entity not made from a file's bytes): never taken as unchanged.
            if key.sourceHashes[s] == 0 || key.sourceHashes[s] != cache.key.sourceHashes[s]
                || key.sourceDepartments[s] != cache.key.sourceDepartments[s] { return true }
            guard !changedNames.isEmpty else { return false }
            guard let filter = cache.scanned[s].filter else { return true }
            return changedNames.contains { filter.mayContain($0) }
        }
    }

    let key: Key
    let scanned: [Scanned]
    /// How many sources the scan that made this cache looked at (the rest were reused); 0 after
    /// a check that found no file changed and so kept the mentions without a scan.
    var scannedCount: Int
    /// The names' trie and the names as written, for the next finder (``MentionFinder/init(graph:reusing:)``).
    let trie: Trie
    let rawNames: [[String]]

    /// Nil when the files, their order, the settings or the department tree differ: scan everything.
    func reusable(for new: Key) -> Reuse? {
        guard new.config == key.config, new.paths == key.paths, new.departmentParent == key.departmentParent,
              new.roleNames.count == key.roleNames.count else { return nil }
        var changed: [[Unicode.Scalar]] = []
        for r in new.roleNames.indices where new.roleNames[r] != key.roleNames[r] || new.roleDepartment[r] != key.roleDepartment[r] {
            changed += key.roleNames[r]
            changed += new.roleNames[r]
        }
        // Past a few hundred changed names (a rename across the tree), scanning everything is as cheap.
        guard changed.count <= 256 else { return nil }
        return Reuse(cache: self, key: new, changedNames: changed)
    }
}

/// Which pairs of adjacent folded characters a text holds, as 4,096 bits: a text whose filter
/// lacks one of a name's pairs cannot contain the name. A few hundred pairs per job description
/// set about a tenth of the bits, so a five-character name passes by chance about once in 10^5.
struct BigramFilter: Sendable {
    static let wordCount = 64
    private var bits = [UInt64](repeating: 0, count: BigramFilter.wordCount)

    init() {}

    /// A filter as ``words`` gave it (the build's mention cache file); any other length is an empty filter's.
    init(words: [UInt64]) {
        if words.count == Self.wordCount { bits = words }
    }

    /// The bits, for the mention cache file.
    var words: [UInt64] { bits }

    @inline(__always)
    private static func bit(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a.value) << 21 | UInt64(b.value)) &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    mutating func insert(_ text: UnsafeBufferPointer<Unicode.Scalar>) {
        guard text.count >= 2 else { return }
        bits.withUnsafeMutableBufferPointer { bits in
            for i in 1..<text.count {
                let b = Self.bit(text[i - 1], text[i])
                bits[b >> 6] |= 1 << UInt64(b & 63)
            }
        }
    }

    func mayContain(_ name: [Unicode.Scalar]) -> Bool {
        guard name.count >= 2 else { return true }
        for i in 1..<name.count {
            let b = Self.bit(name[i - 1], name[i])
            if bits[b >> 6] & (1 << UInt64(b & 63)) == 0 { return false }
        }
        return true
    }
}
