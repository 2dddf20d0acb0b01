import Foundation

/// What search knows about one role, department or procedure, taken from the model.
struct SearchRecord: Codable, Hashable, Sendable {
    var kind: EntityKind
    var id: String
    /// Site-root-relative page URL (`roles/cs-manager.html`).
    var url: String
    var title: String
    /// Aliases (roles) or the short name (departments): ranked like the title.
    var aliases: [String]
    /// The department the record is filed under (roles, procedures) or the parent (departments).
    var department: String?
    /// Names ranked in the department tier (the department of a role or procedure).
    var departmentNames: [String]
    /// Responsibilities, department duties or procedure steps, one line per item or paragraph.
    var responsibilities: [String]
    /// Everything else worth finding: summary, other sections, phase headings.
    var other: [String]
    /// Short facts indexed with the rest: code, grade, place, hours, version.
    var facts: [String]
    /// Section headings of roles and departments (职责概述, 考核指标 …): indexed in the lowest tier,
    /// not shown. (A procedure's phase headings are part of its text, in `other`.)
    var headings: [String] = []
    /// Lines for snippets in reading order (summary first); the fragment keeps the start.
    var display: [String]
    /// Index into ``SearchIndexBuilder/Layout/groups``: the department filter the record belongs to.
    var group: Int
}

/// Builds the static search index under `search/` from the role graph.
///
/// Files (every one is JavaScript so the site works from `file://`; see docs/search.md):
/// * `search/meta.js` — always loaded before `assets/search.js`: shard separators, department
///   groups (doc ranges) and counts; sets the global `rbSearchMeta`.
/// * `search/fold.js` — traditional → simplified pairs; `search.html` loads it with the page (so a
///   query costs one round trip less), other pages' clients load it when a query contains Han.
/// * `search/i/<n>.js` — token shards: sorted token ranges, `rbSearch.shard(n, {token: postings})`.
/// * `search/p/<n>.js` — the positions of shard `n`'s CJK bigrams, `rbSearch.pos(n, {bigram: positions})`:
///   loaded only to check a phrase (a CJK run of three or more characters).
/// * `search/f/<n>.js` — the fragments (what a result shows) of documents `n * fragmentBundle …`,
///   one `rbSearch.frag(doc, {...});` line each: bundles keep the site's file count down.
public struct SearchIndexBuilder: Sendable {
    public var graph: RoleGraph
    /// UI strings; `noDepartment` labels the filter for documents without a department.
    public var strings: UIStrings

    /// Format version written to `meta.js`; the client refuses other versions.
    public static let version = SearchFormat.shared.version
    /// Site-root-relative scripts `search.html` must load, in order, before `assets/search.js`.
    public static let pageScripts = ["search/meta.js"]
    /// A shard is closed once its entries reach this many bytes (a single long posting list may exceed it).
    public static let shardTargetBytes = 8 * 1024
    /// Characters of text kept in a fragment for snippets.
    public static let fragmentTextLimit = 400
    /// Documents per fragment file: creating files is the most expensive part of a build, and
    /// consecutive documents (one department's) tend to appear in the same result list.
    public static let fragmentBundle = 8

    /// - Parameter strings: defaults to the site's language (`rolebook.yml`).
    public init(graph: RoleGraph, strings: UIStrings? = nil) {
        self.graph = graph
        self.strings = strings ?? UIStrings(language: graph.config.language)
    }

    // MARK: - Ranking

    /// Field tiers, strongest last; a posting's weight is `tier * 8 + bonus` (bonus 1…7), so a
    /// better tier always outranks any bonus of a lower one.
    enum Tier: Int, Comparable {
        case other = 0, responsibilities = 1, department = 2, title = 3
        static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// Bonus inside the title tier: the shorter the name, the closer the match.
    static func titleBonus(_ name: String) -> Int { max(1, 7 - SearchTokenizer.lengthUnits(name) / 2) }

    struct TokenStat {
        var tier: Tier
        /// Occurrences in the best tier only, so that a mention elsewhere never breaks a tie.
        var count: Int
        var titleBonus: Int

        var weight: Int { tier.rawValue * 8 + (tier == .title ? titleBonus : min(7, count)) }

        mutating func add(_ tier: Tier, bonus: Int) {
            if tier > self.tier {
                self = TokenStat(tier: tier, count: 1, titleBonus: bonus)
            } else if tier == self.tier {
                count += 1
                titleBonus = max(titleBonus, bonus)
            }
        }
    }

    /// The weighted tokens of one record: CJK tokens as packed keys, words as strings.
    struct RecordWeights: Sendable {
        var cjk: [UInt64] = []
        var cjkWeights: [UInt8] = []
        /// Per entry of `cjk`: the ascending positions of a bigram in the record (empty for unigrams).
        var cjkPositions: [[UInt32]] = []
        var words: [(String, UInt8)] = []
    }

    /// Scratch space for ``weights(_:scratch:)``, reused from record to record on one thread.
    struct WeightScratch {
        var table = PackedKeyTable<TokenStat>(capacity: 1024, empty: TokenStat(tier: .other, count: 0, titleBonus: 0))
        var words: [String: TokenStat] = [:]
        var scalars: [UInt32] = []
        /// (bigram key, position) of every bigram occurrence, in text order.
        var positions: [(key: UInt64, position: UInt32)] = []
        /// Pinyin tokens by name: a slice's records mostly share one department name.
        var pinyin: [String: [String]] = [:]
    }

    /// Weights (and bigram positions) of every token of a record, in no particular order.
    static func weights(_ record: SearchRecord) -> [(token: TokenKey, weight: Int, positions: [UInt32])] {
        var scratch = WeightScratch()
        let w = weights(record, scratch: &scratch)
        return zip(w.cjk, zip(w.cjkWeights, w.cjkPositions)).map { (TokenKey.cjk($0), Int($1.0), $1.1) }
            + w.words.map { (TokenKey.word($0), Int($1), []) }
    }

    static func weights(_ record: SearchRecord, scratch: inout WeightScratch) -> RecordWeights {
        scratch.table.removeAll()
        scratch.words.removeAll(keepingCapacity: true)
        scratch.positions.removeAll(keepingCapacity: true)
        var position: UInt32 = 0
        func add(_ tier: Tier, bonus: Int, _ text: String) {
            SearchTokenizer.forEachKey(text, scalars: &scratch.scalars, position: &position,
                                       cjk: { key, at in
                                           scratch.table[slot: scratch.table.slot(key)].add(tier, bonus: bonus)
                                           if key >> 63 == 1 { scratch.positions.append((key, at)) }
                                       },
                                       word: { scratch.words[$0, default: TokenStat(tier: .other, count: 0, titleBonus: 0)].add(tier, bonus: bonus) })
        }
        func addPinyin(_ tier: Tier, bonus: Int, _ name: String) {
            let tokens = scratch.pinyin[name] ?? SearchTokenizer.pinyinTokens(name)
            if tier == .department { scratch.pinyin[name] = tokens }
            for p in tokens {
                // Kana kept as itself can spell a CJK token: file it under the same key.
                switch TokenKey(p) {
                case .cjk(let key): scratch.table[slot: scratch.table.slot(key)].add(tier, bonus: bonus)
                case .word(let w): scratch.words[w, default: TokenStat(tier: .other, count: 0, titleBonus: 0)].add(tier, bonus: bonus)
                }
            }
        }
        for name in [record.title] + record.aliases {
            let bonus = titleBonus(name)
            add(.title, bonus: bonus, name)
            addPinyin(.title, bonus: bonus, name)
        }
        for name in record.departmentNames {
            add(.department, bonus: 0, name)
            addPinyin(.department, bonus: 0, name)
        }
        for line in record.responsibilities { add(.responsibilities, bonus: 0, line) }
        for line in record.other { add(.other, bonus: 0, line) }
        for line in record.facts { add(.other, bonus: 0, line) }
        for line in record.headings { add(.other, bonus: 0, line) }
        add(.other, bonus: 0, record.id)
        var out = RecordWeights()
        out.cjk.reserveCapacity(scratch.table.count)
        out.cjkWeights.reserveCapacity(scratch.table.count)
        out.cjkPositions.reserveCapacity(scratch.table.count)
        // Positions grouped by bigram (each group ascending, as the text was read).
        scratch.positions.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        let positions = scratch.positions
        scratch.table.forEach { key, stat in
            out.cjk.append(key)
            out.cjkWeights.append(UInt8(stat.weight))
            guard key >> 63 == 1 else { out.cjkPositions.append([]); return }
            var lo = 0, hi = positions.count
            while lo < hi { let mid = (lo + hi) / 2; if positions[mid].key < key { lo = mid + 1 } else { hi = mid } }
            var list: [UInt32] = []
            while lo < positions.count && positions[lo].key == key { list.append(positions[lo].position); lo += 1 }
            out.cjkPositions.append(list)
        }
        out.words = scratch.words.map { ($0.key, UInt8($0.value.weight)) }
        return out
    }

    /// String order of JavaScript (`<` compares UTF-16 code units), which the client's binary search uses.
    static func utf16Less(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    // MARK: - Records

    /// Documents in index order, and the department groups (contiguous document ranges) of the filter.
    struct Layout: Sendable {
        struct Group: Sendable {
            var id: String
            var name: String
            var start: Int
            var count: Int
        }
        var records: [SearchRecord]
        var groups: [Group]
    }

    /// Documents are numbered department by department (the department, its roles, its
    /// procedures) so that a group is a range and `meta.js` needs no per-document table.
    func layout() -> Layout {
        let g = graph
        var roleBuckets = [[Int]](repeating: [], count: g.departments.count + 1)
        var procedureBuckets = [[Int]](repeating: [], count: g.departments.count + 1)
        let none = g.departments.count
        for r in g.roles.indices { roleBuckets[g.roleDepartment[r] ?? none].append(r) }
        for p in g.procedures.indices { procedureBuckets[g.procedureDepartment[p] ?? none].append(p) }

        // Records are independent: build them on all cores, then file them by department.
        let departmentRecords = Array(g.departments.indices).parallelMap { departmentRecord($0, group: 0) }
        let roleRecords = Array(g.roles.indices).parallelMap { roleRecord($0, group: 0) }
        let procedureRecords = Array(g.procedures.indices).parallelMap { procedureRecord($0, group: 0) }
        var records: [SearchRecord] = []
        var groups: [Layout.Group] = []
        for bucket in 0...none {
            let start = records.count
            let group = groups.count
            if bucket < none { records.append(departmentRecords[bucket]) }
            records += roleBuckets[bucket].map { roleRecords[$0] }
            records += procedureBuckets[bucket].map { procedureRecords[$0] }
            guard records.count > start else { continue }
            for i in start..<records.count { records[i].group = group }
            let name = bucket < none ? g.departments[bucket].title : strings[.noDepartment]
            groups.append(.init(id: bucket < none ? g.departments[bucket].id : "", name: name, start: start, count: records.count - start))
        }
        return Layout(records: records, groups: groups)
    }

    static func segment(_ id: String) -> String { SiteMap.segment(id) }

    /// A fingerprint of everything the index files are made from: equal fingerprints, equal files
    /// (the format constants are covered by the renderer's identity in ``PageInputs``).
    static func fingerprint(_ layout: Layout) -> UInt64 { fingerprint(layout, documents: documentFingerprints(layout)) }

    /// Each document's ``fingerprint(record:)``, on all cores.
    static func documentFingerprints(_ layout: Layout) -> [UInt64] { layout.records.parallelMap(fingerprint(record:)) }

    /// ``fingerprint(_:)`` from the documents' fingerprints, computed once per build.
    static func fingerprint(_ layout: Layout, documents: [UInt64]) -> UInt64 {
        var f = Fingerprint(0x7365_6172_6368)
        f.add(UInt64(documents.count))
        for h in documents { f.add(h) }
        f.add(UInt64(layout.groups.count))
        for g in layout.groups {
            f.add(StableHash.string(g.id)); f.add(StableHash.string(g.name)); f.add(UInt64(g.start)); f.add(UInt64(g.count))
        }
        return f.value
    }

    func roleRecord(_ i: Int, group: Int) -> SearchRecord {
        let role = graph.roles[i]
        let department = graph.roleDepartment[i].map { graph.departments[$0].title }
        var responsibilities: [String] = []
        var other: [String] = role.header.summary.map { [$0] } ?? []
        var headings: [String] = []
        for section in role.header.document.sections {
            // Headings (职责概述, 考核指标 …) are found too, in the lowest tier, but not shown as snippets.
            if !section.heading.isEmpty { headings.append(section.heading) }
            if section.kind == .responsibilities { responsibilities += Self.lines(section.blocks) } else { other += Self.lines(section.blocks) }
        }
        let facts = [role.code, role.grade, role.place, role.hours].compactMap { $0 }.filter { !$0.isEmpty }
        let lead = min(1, other.count)
        return SearchRecord(kind: .role, id: role.id, url: "roles/" + Self.segment(role.id) + ".html", title: role.title,
                            aliases: role.aliases, department: department, departmentNames: department.map { [$0] } ?? [],
                            responsibilities: responsibilities, other: other, facts: facts,
                            headings: headings, display: Array(other[..<lead]) + responsibilities + Array(other[lead...]) + facts, group: group)
    }

    func departmentRecord(_ i: Int, group: Int) -> SearchRecord {
        let d = graph.departments[i]
        var responsibilities: [String] = []
        var other: [String] = d.header.summary.map { [$0] } ?? []
        var headings: [String] = []
        for section in d.header.document.sections {
            if !section.heading.isEmpty { headings.append(section.heading) }
            if section.kind == .duties || section.kind == .responsibilities { responsibilities += Self.lines(section.blocks) } else { other += Self.lines(section.blocks) }
        }
        let parent = graph.departmentParent[i].map { graph.departments[$0].title }
        let lead = min(1, other.count)
        return SearchRecord(kind: .department, id: d.id, url: "departments/" + Self.segment(d.id) + ".html", title: d.title,
                            aliases: d.short.map { [$0] } ?? [], department: parent, departmentNames: [],
                            responsibilities: responsibilities, other: other, facts: [], headings: headings,
                            display: Array(other[..<lead]) + responsibilities + Array(other[lead...]), group: group)
    }

    func procedureRecord(_ i: Int, group: Int) -> SearchRecord {
        let p = graph.procedures[i]
        let department = graph.procedureDepartment[i].map { graph.departments[$0].title }
        var steps: [String] = []
        var other: [String] = p.header.summary.map { [$0] } ?? []
        var display = other
        for section in p.header.document.sections {
            if !section.heading.isEmpty { other.append(section.heading); display.append(section.heading) }
            for block in section.blocks {
                let lines = Self.lines([block])
                if case .list = block.kind { steps += lines } else { other += lines }
                display += lines
            }
        }
        let facts = [p.version.map { "v" + $0 }, p.effective].compactMap { $0 }
        return SearchRecord(kind: .procedure, id: p.id, url: "procedures/" + Self.segment(p.id) + ".html", title: p.title,
                            aliases: [], department: department, departmentNames: department.map { [$0] } ?? [],
                            responsibilities: steps, other: other, facts: facts, headings: [], display: display + facts, group: group)
    }

    /// Text of blocks as lines: one per list item (nested items too), paragraph, table or quote.
    static func lines(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        func visit(_ block: Block) {
            switch block.kind {
            case .list(_, _, let items, _):
                for item in items { for b in item.blocks { visit(b) } }
            case .blockQuote(let inner):
                for b in inner { visit(b) }
            case .html, .thematicBreak:
                break
            default:
                let text = clean(block.plainText)
                if !text.isEmpty { out.append(text) }
            }
        }
        for b in blocks { visit(b) }
        return out
    }

    /// Whitespace runs (line separators included) collapsed to one space.
    static func clean(_ text: String) -> String {
        // Most lines are clean already (single ASCII spaces, none at the ends): keep them as they are.
        var previousSpace = true
        var clean = true
        for scalar in text.unicodeScalars {
            let space = isSpace(scalar)
            if space && (previousSpace || scalar != " ") { clean = false; break }
            previousSpace = space
        }
        if clean && (!previousSpace || text.isEmpty) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The scalars `Character.isWhitespace` treats as white space, without the property lookup.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    // MARK: - Files

    /// `meta.js`: everything the client needs before the first shard.
    struct Meta: Codable {
        struct Group: Codable {
            /// Department id (empty for documents without one), used in `?d=`.
            var i: String
            /// Department name.
            var n: String
            /// First document.
            var s: Int
            /// Number of documents.
            var c: Int
        }
        var version: Int
        var docs: Int
        /// Documents per `f/<n>.js` file.
        var fragmentBundle: Int
        /// `separators[k]` is the smallest string a token of shard `k` can start with (`separators[0] == ""`).
        var separators: [String]
        var groups: [Group]
    }

    /// `f/<doc>.js`: what a result shows.
    struct Fragment: Codable {
        var kind: String
        var title: String
        var aliases: [String]?
        var department: String?
        var url: String
        /// Lines of text for the snippet, cut after ``fragmentTextLimit`` characters.
        var text: [String]
    }

    struct Fold: Codable {
        /// Alternating traditional and simplified characters.
        var pairs: String
    }

    /// The token shards: tokens in UTF-16 order, cut into ranges of about ``shardTargetBytes``.
    struct Shards {
        var separators: [String]
        /// Each shard's (token, encoded postings) entries, in token order.
        var shards: [[(String, String)]]
    }

    /// All output files, site-root-relative path → contents. Identical graphs give identical bytes.
    public func build() -> [String: String] { build(layout()) }

    /// The output files for documents already laid out (``layout()``).
    func build(_ layout: Layout) -> [String: String] {
        let shards = Self.shards(layout.records)
        var files = Self.fixedFiles(layout, shards)
        let shardFiles = Array(shards.shards.enumerated()).map { ($0.offset, $0.element) }.parallelMap(Self.shardFiles)
        for (k, texts) in shardFiles.enumerated() {
            files[Self.shardPath(k)] = texts.index
            if let positions = texts.positions { files[Self.positionsPath(k)] = positions }
        }
        let bundles = Array(stride(from: 0, to: layout.records.count, by: Self.fragmentBundle))
        for (b, text) in zip(bundles, bundles.parallelMap { Self.fragmentBundleFile(layout, first: $0) }) { files[Self.fragmentPath(first: b)] = text }
        return files
    }

    static func shardPath(_ k: Int) -> String { "search/i/\(k).js" }
    /// The positions of the bigrams of shard `k`; only a shard holding a bigram has one.
    static func positionsPath(_ k: Int) -> String { "search/p/\(k).js" }
    static func fragmentPath(first doc: Int) -> String { "search/f/\(doc / fragmentBundle).js" }

    /// `meta.js` and `fold.js`.
    static func fixedFiles(_ layout: Layout, _ shards: Shards) -> [String: String] {
        let meta = Meta(version: version, docs: layout.records.count, fragmentBundle: fragmentBundle, separators: shards.separators,
                        groups: layout.groups.map { .init(i: $0.id, n: $0.name, s: $0.start, c: $0.count) })
        return ["search/meta.js": "var rbSearchMeta = " + json(meta) + ";\n",
                "search/fold.js": "rbSearch.fold(" + json(Fold(pairs: SearchTokenizer.foldingPairs())) + ");\n"]
    }

    /// Shard `k`'s postings file, and its positions file when it holds a bigram.
    static func shardFiles(_ k: Int, _ entries: [(String, String)]) -> (index: String, positions: String?) {
        var postings: [(String, String)] = [], positions: [(String, String)] = []
        postings.reserveCapacity(entries.count)
        for (token, entry) in entries {
            let parts = split(entry)
            postings.append((token, String(parts.postings)))
            if let p = parts.positions { positions.append((token, String(p))) }
        }
        return ("rbSearch.shard(\(k)," + JSONText.object(entries: postings) + ");\n",
                positions.isEmpty ? nil : "rbSearch.pos(\(k)," + JSONText.object(entries: positions) + ");\n")
    }

    /// The fragments of documents `first ..< first + fragmentBundle`, one line each.
    static func fragmentBundleFile(_ layout: Layout, first: Int) -> String {
        (first..<min(first + fragmentBundle, layout.records.count)).map { doc in
            "rbSearch.frag(\(doc)," + fragment(layout.records[doc]).json + ");\n"
        }.joined()
    }

    static func fragment(_ r: SearchRecord) -> Fragment {
        var text: [String] = []
        var budget = fragmentTextLimit
        for line in r.display {
            guard budget > 0 else { break }
            let cut = line.count > budget ? String(line.prefix(budget)) + "…" : line
            text.append(cut)
            budget -= line.count
        }
        return Fragment(kind: r.kind.rawValue, title: r.title, aliases: r.aliases.isEmpty ? nil : r.aliases,
                        department: r.department, url: r.url, text: text)
    }

    /// Postings of all records, sharded.
    static func shards(_ records: [SearchRecord], partitions partitionCount: Int = min(ProcessInfo.processInfo.activeProcessorCount, 8)) -> Shards {
        // Every token's posting list, found through the packed-key table (CJK) or a dictionary
        // (words), in one partition of the key space per core: each thread appends the postings of
        // its own tokens only. Lists are in document order whatever the number of partitions, and
        // tokens are sorted afterwards, so the output does not depend on it.
        let partitions = (0..<max(1, partitionCount)).map { _ in PostingPartition() }
        // Chunks bound memory (every record's weights at once were the build's peak); each
        // chunk is cut into slices, one per task, so a slice reuses one scratch table.
        let chunkSize = 1024, sliceSize = 32
        for start in stride(from: 0, to: records.count, by: chunkSize) {
            let end = min(start + chunkSize, records.count)
            let slices = Array(stride(from: start, to: end, by: sliceSize))
            let weighted = slices.parallelMap { from -> [RecordWeights] in
                var scratch = WeightScratch()
                return (from..<min(from + sliceSize, end)).map { weights(records[$0], scratch: &scratch) }
            }
            DispatchQueue.concurrentPerform(iterations: partitions.count) { k in
                partitions[k].add(weighted, firstDoc: start, partition: k, of: partitions.count)
            }
        }
        // Words never spell a CJK token (those went to the table), so no two entries share a text.
        var tokens: [(units: [UInt16], text: String, partition: Int, list: Int, positional: Bool)] = []
        tokens.reserveCapacity(partitions.reduce(0) { $0 + $1.cjkLists.count + $1.wordLists.count })
        for (k, part) in partitions.enumerated() {
            part.cjkLists.forEach { key, list in
                let text = TokenKey.cjk(key).text
                tokens.append((Array(text.utf16), text, k, Int(list), key >> 63 == 1))
            }
            for (text, list) in part.wordLists { tokens.append((Array(text.utf16), text, k, list, false)) }
        }
        tokens.sort { $0.units.lexicographicallyPrecedes($1.units) }
        let ordered = tokens.map { (partitions[$0.partition].lists[$0.list], $0.positional) }
        for part in partitions { part.lists = [] }
        let encoded = ordered.parallelMap { encodePostings($0.0, positional: $0.1) }
        return pack(zip(tokens.lazy.map(\.text), encoded))
    }

    /// (token, encoded postings) entries in UTF-16 token order, cut into shards of about ``shardTargetBytes``.
    static func pack<S: Sequence>(_ entries: S) -> Shards where S.Element == (String, String) {
        var separators = [""]
        var shards: [[(String, String)]] = []
        var current: [(String, String)] = []
        var size = 0
        var last = ""
        for (token, postings) in entries {
            let entry = token.utf8.count + postings.utf8.count + 6
            if !current.isEmpty && size + entry > shardTargetBytes {
                shards.append(current)
                current = []
                size = 0
                separators.append(separator(after: last, before: token))
            }
            current.append((token, postings))
            size += entry
            last = token
        }
        if !current.isEmpty || shards.isEmpty { shards.append(current) }
        return Shards(separators: separators, shards: shards)
    }

    /// Posting lists of the tokens of one partition of the key space, filled by one thread at a time.
    final class PostingPartition: @unchecked Sendable {
        var cjkLists = PackedKeyTable<Int32>(capacity: 1 << 15, empty: -1)
        var wordLists: [String: Int] = [:]
        var lists: [[UInt32]] = []

        /// Appends the postings of this partition's tokens for the documents of `weighted`, which start at `firstDoc`.
        func add(_ weighted: [[RecordWeights]], firstDoc: Int, partition: Int, of count: Int) {
            var doc = UInt32(firstDoc)
            for slice in weighted {
                for w in slice {
                    for (i, key) in w.cjk.enumerated() where count == 1 || Self.partition(key, count) == partition {
                        let slot = cjkLists.slot(key)
                        var list = Int(cjkLists[slot: slot])
                        if list < 0 { list = lists.count; cjkLists[slot: slot] = Int32(list); lists.append([]) }
                        lists[list].append(doc << 5 | UInt32(w.cjkWeights[i]))
                        // Bigram lists are positional: the count, then the positions.
                        if key >> 63 == 1 {
                            lists[list].append(UInt32(w.cjkPositions[i].count))
                            lists[list] += w.cjkPositions[i]
                        }
                    }
                    for (token, weight) in w.words where count == 1 || Self.partition(token, count) == partition {
                        let list = wordLists[token] ?? { let n = lists.count; wordLists[token] = n; lists.append([]); return n }()
                        lists[list].append(doc << 5 | UInt32(weight))
                    }
                    doc += 1
                }
            }
        }

        /// Bits other than those the table's slots use, so each partition's table stays evenly filled.
        @inline(__always)
        static func partition(_ key: UInt64, _ count: Int) -> Int {
            Int(((key &* 0xD6E8_FEB8_6659_FD93) >> 40) % UInt64(count))
        }

        @inline(__always)
        static func partition(_ word: String, _ count: Int) -> Int {
            var h = UInt64(word.utf8.count)
            for b in word.utf8.prefix(4) { h = h &* 31 &+ UInt64(b) }
            return Int(h % UInt64(count))
        }
    }

    /// The shortest prefix of `b` (in UTF-16 units) that sorts after `a`: enough to route tokens.
    static func separator(after a: String, before b: String) -> String {
        let units = Array(b.utf16)
        for n in 1...units.count {
            var prefix = Array(units[0..<n])
            // Never cut a surrogate pair.
            if UTF16.isLeadSurrogate(prefix[n - 1]), n < units.count { prefix.append(units[n]) }
            let candidate = String(decoding: prefix, as: UTF16.self)
            if utf16Less(a, candidate) { return candidate }
        }
        return b
    }

    /// Shard holding `token` (or where it would be), given `meta.js`'s separators.
    static func shard(of token: String, separators: [String]) -> Int {
        var lo = 0, hi = separators.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if utf16Less(token, separators[mid]) { hi = mid - 1 } else { lo = mid }
        }
        return lo
    }

    /// Postings as `(doc, weight)` pairs, doc ascending: each pair is `v = gap << 5 | weight` with
    /// `gap = doc - previousDoc - 1` (first: `doc`), written big-endian in base 32 with
    /// continuation digits `WXYZa-z._` before a final digit `0-9A-V`.
    ///
    /// A CJK bigram's list is positional and has two parts. Its postings are
    /// `v = gap << 6 | lead << 5 | weight`, `lead` set when the bigram is at position 0 (the start
    /// of the title), which ranking needs without positions. Its positions are, per posting in
    /// the same order, their number `n` and the positions, the first as it is, each further one as
    /// `position - previous - 1`, in the same digits. The shard file `i/<k>.js` holds the postings,
    /// the positions file `p/<k>.js` the positions, so that only a phrase query loads positions;
    /// in memory the two parts are one string joined by ``positionsSeparator``.
    static let finalDigits = Array(SearchFormat.shared.finalDigits.utf8)
    static let moreDigits = Array(SearchFormat.shared.moreDigits.utf8)
    /// Joins a bigram's postings and positions in memory; not a digit of either alphabet.
    static let positionsSeparator: Character = "|"

    /// One document's entry in a posting list.
    struct Posting: Hashable, Sendable {
        var doc: Int
        var weight: Int
        /// Positions of a bigram in the document, ascending (empty in word and unigram lists).
        var positions: [UInt32] = []
    }

    /// Whether the posting list of `token` carries positions: CJK bigrams' lists do.
    static func isPositional(_ token: String) -> Bool {
        if case .cjk(let key) = TokenKey(token) { return key >> 63 == 1 }
        return false
    }

    @inline(__always)
    static func appendNumber(_ v: UInt64, to out: inout [UInt8]) {
        var shift = 0
        while v >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 { out.append(moreDigits[Int((v >> shift) & 31)]); shift -= 5 }
        out.append(finalDigits[Int(v & 31)])
    }

    /// Encodes a flat list as the builder collects it: `doc << 5 | weight` per posting, followed in a
    /// positional list by the count of positions and the positions. A positional list comes out
    /// as postings and positions joined by ``positionsSeparator``.
    static func encodePostings(_ list: [UInt32], positional: Bool = false) -> String {
        var out: [UInt8] = [], positions: [UInt8] = []
        out.reserveCapacity(list.count * 2)
        var previous: Int64 = -1
        var i = 0
        while i < list.count {
            let packed = list[i]
            let doc = Int64(packed >> 5)
            i += 1
            guard positional else {
                appendNumber(UInt64(doc - previous - 1) << 5 | UInt64(packed & 31), to: &out)
                previous = doc
                continue
            }
            let n = Int(list[i])
            let lead: UInt64 = n > 0 && list[i + 1] == 0 ? 1 : 0
            appendNumber(UInt64(doc - previous - 1) << 6 | lead << 5 | UInt64(packed & 31), to: &out)
            previous = doc
            appendNumber(UInt64(n), to: &positions)
            var last: Int64 = -1
            for p in list[(i + 1)..<(i + 1 + n)] {
                appendNumber(UInt64(Int64(p) - last - 1), to: &positions)
                last = Int64(p)
            }
            i += 1 + n
        }
        if positional { out.append(UInt8(ascii: "|")); out += positions }
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes postings (doc ascending); positions are written when `positional`.
    static func encodePostings(_ postings: [Posting], positional: Bool) -> String {
        var flat: [UInt32] = []
        flat.reserveCapacity(postings.count * (positional ? 3 : 1))
        for p in postings {
            flat.append(UInt32(p.doc) << 5 | UInt32(p.weight))
            if positional { flat.append(UInt32(p.positions.count)); flat += p.positions }
        }
        return encodePostings(flat, positional: positional)
    }

    static func decodePostings(_ text: String, positional: Bool = false) -> [Posting] {
        var out: [Posting] = []
        forEachPosting(text, positional: positional) { doc, weight, _ in out.append(Posting(doc: doc, weight: weight)); return true }
        guard positional, let bar = text.firstIndex(of: positionsSeparator) else { return out }
        // The positions part: per posting, the count then the positions.
        var index = 0, remaining = -1, last = -1
        forEachNumber(text[text.index(after: bar)...]) { v in
            guard index < out.count else { return }
            if remaining < 0 {
                remaining = v
                last = -1
            } else {
                last += 1 + v
                out[index].positions.append(UInt32(last))
                remaining -= 1
            }
            if remaining == 0 { index += 1; remaining = -1 }
        }
        return out
    }

    /// Digit values of the postings alphabet: 0–31 final, 32–63 continuation, 255 other.
    private static let digitValues: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in finalDigits.enumerated() { table[Int(c)] = UInt8(i) }
        for (i, c) in moreDigits.enumerated() { table[Int(c)] = UInt8(32 + i) }
        return table
    }()

    /// Calls `body` with each number written in the postings digits, in order.
    static func forEachNumber(_ text: Substring, _ body: (Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var v = 0
            for b in bytes {
                let d = Int(digitValues[Int(b)])
                if d == 255 { continue }
                if d >= 32 { v = v << 5 | (d - 32); continue }
                body(v << 5 | d)
                v = 0
            }
        }
    }

    /// Calls `body` with each `(doc, weight, lead)` of encoded postings, in order, until it returns
    /// false; `lead` (positional lists only) tells that the bigram starts the document's title.
    /// A positional list's positions, after ``positionsSeparator``, are not read.
    static func forEachPosting(_ text: String, positional: Bool = false, _ body: (_ doc: Int, _ weight: Int, _ lead: Bool) -> Bool) {
        var text = text
        let shift = positional ? 6 : 5
        text.withUTF8 { bytes in
            var v = 0, previous = -1
            for b in bytes {
                if b == UInt8(ascii: "|") { return }
                let d = Int(digitValues[Int(b)])
                if d == 255 { continue }
                if d >= 32 { v = v << 5 | (d - 32); continue }
                v = v << 5 | d
                defer { v = 0 }
                let doc = previous + 1 + (v >> shift)
                previous = doc
                guard body(doc, v & 31, positional && v & 32 != 0) else { return }
            }
        }
    }

    /// A shard's entry as its two files hold it: the postings, and a bigram's positions (nil for other tokens).
    static func split(_ entry: String) -> (postings: Substring, positions: Substring?) {
        guard let bar = entry.firstIndex(of: positionsSeparator) else { return (entry[...], nil) }
        return (entry[..<bar], entry[entry.index(after: bar)...])
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        // U+2028/2029 end a line in pre-2019 JavaScript; checked first because replacing is slow.
        guard text.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return text }
        return text.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}

extension SearchIndexBuilder.Fragment {
    /// The same JSON `JSONEncoder` with sorted keys writes, an order of magnitude faster.
    var json: String {
        var out = "{"
        if let aliases { out += "\"aliases\":" + JSONText.array(aliases) + "," }
        if let department { out += "\"department\":" + JSONText.string(department) + "," }
        out += "\"kind\":" + JSONText.string(kind) + ",\"text\":" + JSONText.array(text)
        out += ",\"title\":" + JSONText.string(title) + ",\"url\":" + JSONText.string(url) + "}"
        return out
    }
}

/// Minimal JSON text for the index files: strings escaped as `JSONEncoder` does
/// (`withoutEscapingSlashes`), objects with sorted keys, plus U+2028/U+2029 escaped for old JavaScript.
enum JSONText {
    static func string(_ s: String) -> String {
        // Most strings need no escaping: checked first, since building the escaped copy byte by
        // byte was a visible share of index building.
        var copy = s
        let clean = copy.withUTF8 { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { return false }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
                i += 1
            }
            return true
        }
        if clean { return "\"" + copy + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        var bytes = s.utf8.makeIterator()
        var pending: [UInt8] = []   // a lead 0xE2 (0xE2 0x80) held back to spot U+2028/U+2029
        while let b = bytes.next() {
            if !pending.isEmpty {
                pending.append(b)
                if pending.count == 2 && b == 0x80 { continue }
                if pending.count == 3 && (b == 0xA8 || b == 0xA9) {
                    out += Array("\\u202".utf8) + [b == 0xA8 ? 0x38 : 0x39]
                    pending = []
                    continue
                }
                out += pending
                pending = []
                continue
            }
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            case 0xE2: pending = [b]
            default: out.append(b)
            }
        }
        out += pending
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ",") + "]"
    }

    /// Appends `s` as a JSON string (escaped as ``string(_:)`` does) to UTF-8 bytes.
    static func append(_ s: String, to out: inout [UInt8]) {
        var copy = s
        let clean = copy.withUTF8 { bytes -> Bool in
            for (i, b) in bytes.enumerated() {
                if b == 0x22 || b == 0x5C || b < 0x20 { return false }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
            return true
        }
        if !clean { out.append(contentsOf: string(s).utf8) }
    }

    /// Keys sorted by UTF-8 bytes, like `JSONEncoder`'s `.sortedKeys` on Linux.
    static func object(entries: [(String, String)]) -> String {
        let sorted = entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var out = "{"
        out.reserveCapacity(entries.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
        for (i, entry) in sorted.enumerated() {
            if i > 0 { out += "," }
            out += string(entry.0)
            out += ":"
            out += string(entry.1)
        }
        return out + "}"
    }

    /// Keys sorted by UTF-8 bytes, like `JSONEncoder`'s `.sortedKeys` on Linux.
    static func object(_ dictionary: [String: String]) -> String {
        let keys = dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return "{" + keys.map { string($0) + ":" + string(dictionary[$0]!) }.joined(separator: ",") + "}"
    }
}
