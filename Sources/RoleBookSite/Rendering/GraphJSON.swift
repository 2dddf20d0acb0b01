import Foundation
import RoleBookModel
import RoleBookParsing

/// `graph.json`: the whole graph for other tools. Schema in docs/graph-json.md.
package struct GraphJSON {
    var site: SiteMap

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(site: SiteMap) { self.site = site }

    struct Document: Encodable, Sendable {
        static let currentVersion = 1
        var version = currentVersion
        var title: String
        var language: String
        var departments: [DepartmentRecord]
        var roles: [RoleRecord]
        var procedures: [ProcedureRecord]
        var edges: [EdgeRecord]
    }
    struct ItemRecord: Encodable, Sendable {
        var text: String
        var line: Int
        var time: String?
        var children: [ItemRecord]?
    }
    struct SectionRecord: Encodable, Sendable {
        var kind: String
        var heading: String
        var items: [ItemRecord]
    }
    struct DepartmentRecord: Encodable, Sendable {
        var id, title, url, source: String
        var parent, head, summary: String?
    }
    struct RoleRecord: Encodable, Sendable {
        var id, title, url, source: String
        var department, reportsTo, grade, code, summary: String?
        var document: String? = nil, version: String? = nil, effective: String? = nil, approvedBy: String? = nil
        var aliases: [String]
        var headcount: Int
        var top: Bool
        var depth: Int?
        var sections: [SectionRecord]
    }
    struct ProcedureRecord: Encodable, Sendable {
        var id, title, url, source, checklist: String
        var owner, department, frequency, version, effective: String?
        var roles: [String]
        var phases: [SectionRecord]
    }
    struct EdgeRecord: Encodable, Sendable {
        /// `reports_to`, `dotted_line`, `member_of`, `owns`, `performs`, `mentions`, `links`, `parent`, `head`.
        var type: String
        var from: String
        var to: String
    }

    /// The document as records (the schema; tests compare ``render()`` with `JSONEncoder`'s output of it).
    func document() -> Document {
        let g = site.graph
        let depths = g.depths()
        return Document(
            title: g.config.title, language: g.config.language,
            departments: Array(g.departments.indices).parallelMap { departmentRecord($0) },
            roles: Array(g.roles.indices).parallelMap { roleRecord($0, depths: depths) },
            procedures: Array(g.procedures.indices).parallelMap { procedureRecord($0) },
            edges: edges())
    }

    func ref(_ n: NodeRef) -> String {
        let g = site.graph
        switch n {
        case .role(let i): return "role:" + g.roles[i].id
        case .department(let i): return "department:" + g.departments[i].id
        case .procedure(let i): return "procedure:" + g.procedures[i].id
        }
    }

    /// Every edge as the graph lists it, before duplicates of `mentions` and `links` are dropped:
    /// ``edges()`` and ``edgesFingerprint(seed:)`` both walk this, so the fingerprint covers
    /// exactly what the edge list is made from.
    func forEachEdge(_ body: (_ type: EdgeType, _ from: NodeRef, _ to: NodeRef) -> Void) {
        let g = site.graph
        for i in g.roles.indices {
            if let s = g.superior[i] { body(.reportsTo, .role(i), .role(s)) }
            for d in g.dotted[i] { body(.dottedLine, .role(i), .role(d)) }
            if let d = g.roleDepartment[i] { body(.memberOf, .role(i), .department(d)) }
        }
        for d in g.departments.indices {
            if let p = g.departmentParent[d] { body(.parent, .department(d), .department(p)) }
            if let h = g.departmentHead[d] { body(.head, .department(d), .role(h)) }
        }
        for p in g.procedures.indices {
            if let o = g.procedureOwner[p] { body(.owns, .role(o), .procedure(p)) }
            for r in g.procedurePerformers[p] { body(.performs, .role(r), .procedure(p)) }
        }
        for m in g.mentions { body(.mentions, m.from, .role(m.role)) }
        for l in g.links { body(.links, l.from, l.to) }
    }

    /// The edge types; the raw value tags the type in ``edgesFingerprint(seed:)``.
    enum EdgeType: UInt64 {
        case reportsTo = 1, dottedLine, memberOf, parent, head, owns, performs, mentions, links

        /// The type as graph.json spells it.
        var name: String {
            switch self {
            case .reportsTo: "reports_to"
            case .dottedLine: "dotted_line"
            case .memberOf: "member_of"
            case .parent: "parent"
            case .head: "head"
            case .owns: "owns"
            case .performs: "performs"
            case .mentions: "mentions"
            case .links: "links"
            }
        }
    }

    /// Two ends of an edge, for dropping repeated mentions and links.
    private struct Ends: Hashable {
        let from: NodeRef, to: NodeRef
    }

    func edges() -> [EdgeRecord] {
        var edges: [EdgeRecord] = []
        // A mention or a link between the same two nodes is listed once (ids are unique per
        // kind, so a pair of nodes stands for its pair of refs).
        var seenMentions: Set<Ends> = [], seenLinks: Set<Ends> = []
        forEachEdge { type, from, to in
            switch type {
            case .mentions: guard seenMentions.insert(Ends(from: from, to: to)).inserted else { return }
            case .links: guard seenLinks.insert(Ends(from: from, to: to)).inserted else { return }
            default: break
            }
            edges.append(.init(type: type.name, from: ref(from), to: ref(to)))
        }
        return edges
    }

    /// The edge list's fingerprint: every edge ``forEachEdge(_:)`` walks, by type and the ids of
    /// its ends. Two graphs with the same fingerprint write the same `edges` array.
    func edgesFingerprint(seed: UInt64) -> UInt64 {
        let g = site.graph
        // Each id hashed once, not once per edge it is an end of.
        let roleIDs = g.roles.indices.map { StableHash.string(g.roles[$0].id) }
        let departmentIDs = g.departments.indices.map { StableHash.string(g.departments[$0].id) }
        let procedureIDs = g.procedures.indices.map { StableHash.string(g.procedures[$0].id) }
        func id(_ n: NodeRef) -> UInt64 {
            switch n {
            case .role(let i): StableHash.combine(1, roleIDs[i])
            case .department(let i): StableHash.combine(2, departmentIDs[i])
            case .procedure(let i): StableHash.combine(3, procedureIDs[i])
            }
        }
        var f = Fingerprint(StableHash.combine(seed, 4))
        var count: UInt64 = 0
        forEachEdge { type, from, to in
            f.add(type.rawValue)
            f.add(id(from))
            f.add(id(to))
            count += 1
        }
        f.add(count)
        return f.value
    }

    static func item(_ i: Item) -> ItemRecord {
        ItemRecord(text: i.text, line: i.location.line, time: i.time?.label, children: i.children.isEmpty ? nil : i.children.map(item))
    }

    static func section(_ s: Section) -> SectionRecord { SectionRecord(kind: s.kind.rawValue, heading: s.heading, items: s.items.map(item)) }

    func departmentRecord(_ d: Int) -> DepartmentRecord {
        let g = site.graph, x = g.departments[d]
        return .init(id: x.id, title: x.title, url: site.url(.department(d)), source: x.header.path,
                     parent: g.departmentParent[d].map { g.departments[$0].id }, head: g.departmentHead[d].map { g.roles[$0].id }, summary: x.header.summary)
    }

    func roleRecord(_ i: Int, depths: [Int?]) -> RoleRecord {
        let g = site.graph, r = g.roles[i]
        return .init(id: r.id, title: r.title, url: site.url(.role(i)), source: r.header.path,
                     department: g.roleDepartment[i].map { g.departments[$0].id }, reportsTo: g.superior[i].map { g.roles[$0].id },
                     grade: r.grade, code: r.code, summary: r.header.summary,
                     document: r.documentCode, version: r.version, effective: r.effective, approvedBy: r.approvedBy, aliases: r.aliases, headcount: r.headcount, top: r.top,
                     depth: depths[i], sections: r.header.document.sections.filter { $0.kind != .intro }.map(Self.section))
    }

    func procedureRecord(_ p: Int) -> ProcedureRecord {
        let g = site.graph, x = g.procedures[p]
        return .init(id: x.id, title: x.title, url: site.url(.procedure(p)), source: x.header.path, checklist: site.url(for: .checklist(p)),
                     owner: g.procedureOwner[p].map { g.roles[$0].id }, department: g.procedureDepartment[p].map { g.departments[$0].id },
                     frequency: x.frequency?.rawValue, version: x.version, effective: x.effective,
                     roles: g.procedurePerformers[p].map { g.roles[$0].id }, phases: x.phases.map(Self.section))
    }

    /// The JSON text: what `JSONEncoder` with sorted keys writes for ``document()`` (and U+2028/U+2029
    /// escaped), written by hand on all cores; `JSONEncoder` took over a second for 10,000 roles.
    package func render() -> String { String(decoding: render(seed: 0, reusing: nil).bytes, as: UTF8.self) }

    /// The previous graph.json and where each of its records sits in it, by record fingerprint.
    package struct Reuse: Sendable {
        package var bytes: [UInt8]
        package var ranges: [UInt64: Range<Int>]

        package init(bytes: [UInt8], ranges: [UInt64: Range<Int>]) { self.bytes = bytes; self.ranges = ranges }
    }

    /// Each part of a rendered graph.json in file order (the department records, the edge list
    /// as one part, the procedure and role records): its fingerprint and its bytes in the file,
    /// for the next render to copy it.
    package struct Parts: Sendable, Equatable {
        package var fingerprints: [UInt64]
        package var ranges: [Range<Int>]

        package init(fingerprints: [UInt64], ranges: [Range<Int>]) { self.fingerprints = fingerprints; self.ranges = ranges }
    }

    /// ``render()``, copying each record whose fingerprint (`seed`: settings and renderer; the
    /// record's source file and what it takes from other nodes) `previous` holds from its bytes
    /// instead of writing it again, and the edge list likewise (``edgesFingerprint(seed:)``).
    /// - Returns: the file's bytes (UTF-8) and its ``Parts``. Bytes, not a `String`: the build
    ///   hashes and writes them as they are, and making them a `String` checked all 37 MB (at
    ///   10,000 roles) as UTF-8 once more.
    package func render(seed: UInt64, reusing previous: Reuse?) -> (bytes: [UInt8], parts: Parts) {
        let g = site.graph
        let depths = g.depths()
        enum Piece: Sendable { case written([UInt8]), copied(Range<Int>) }
        func pieces(_ count: Int, _ fingerprint: @Sendable (Int) -> UInt64, _ write: @Sendable (Int, inout JSONObjectWriter) -> Void) -> [(UInt64, Piece)] {
            Array(0..<count).parallelMap { i -> (UInt64, Piece) in
                let f = fingerprint(i)
                if let range = previous?.ranges[f] { return (f, .copied(range)) }
                var w = JSONObjectWriter()
                write(i, &w)
                return (f, .written(w.finishBytes()))
            }
        }
        let departments = pieces(g.departments.count, { departmentFingerprint($0, seed: seed) }) { departmentRecord($0).write(to: &$1) }
        let roles = pieces(g.roles.count, { roleFingerprint($0, depths: depths, seed: seed) }) { roleRecord($0, depths: depths).write(to: &$1) }
        let procedures = pieces(g.procedures.count, { procedureFingerprint($0, seed: seed) }) { procedureRecord($0).write(to: &$1) }
        // The edge list is one part: copied whole when no edge changed (an edit of a role's text).
        let edgesFingerprint = edgesFingerprint(seed: seed)
        let edges: Piece
        if let range = previous?.ranges[edgesFingerprint] {
            edges = .copied(range)
        } else {
            let records = self.edges().parallelMap { edge -> [UInt8] in
                var w = JSONObjectWriter()
                edge.write(to: &w)
                return w.finishBytes()
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(records.reduce(records.count) { $0 + $1.count })
            for (i, record) in records.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                bytes += record
            }
            edges = .written(bytes)
        }
        // Assembled twice, counting and then writing straight into the array's storage: the file
        // (37 MB at 10,000 roles) is never grown and copied.
        func quoted(_ s: String) -> [UInt8] {
            var bytes: [UInt8] = []
            JSONWriter.appendString(s, to: &bytes)
            return bytes
        }
        func assemble(_ out: inout ByteSink, _ parts: inout Parts) {
            func part(_ fingerprint: UInt64, _ piece: Piece) {
                let start = out.count
                switch piece {
                case .written(let bytes): out.append(bytes)
                case .copied(let range): out.append(previous!.bytes[range])
                }
                parts.fingerprints.append(fingerprint)
                parts.ranges.append(start..<out.count)
            }
            func append(_ key: String, _ list: [(UInt64, Piece)]) {
                out.append(key.utf8)
                out.append(0x5B)
                for (i, (fingerprint, piece)) in list.enumerated() {
                    if i > 0 { out.append(0x2C) }
                    part(fingerprint, piece)
                }
                out.append(0x5D)
            }
            append("{\"departments\":", departments)
            out.append(",\"edges\":[".utf8)
            part(edgesFingerprint, edges)
            out.append(0x5D)
            out.append(",\"language\":".utf8)
            out.append(quoted(g.config.language))
            append(",\"procedures\":", procedures)
            append(",\"roles\":", roles)
            out.append(",\"title\":".utf8)
            out.append(quoted(g.config.title))
            out.append(",\"version\":\(Document.currentVersion)}\n".utf8)
        }
        var counter = ByteSink(into: nil)
        var ignored = Parts(fingerprints: [], ranges: [])
        assemble(&counter, &ignored)
        var parts = Parts(fingerprints: [], ranges: [])
        parts.fingerprints.reserveCapacity(ignored.fingerprints.count)
        parts.ranges.reserveCapacity(ignored.ranges.count)
        let bytes = [UInt8](unsafeUninitializedCapacity: counter.count) { buffer, count in
            var out = ByteSink(into: buffer)
            assemble(&out, &parts)
            count = out.count
        }
        return (bytes, parts)
    }

    /// Where ``render(seed:reusing:)`` puts its bytes: a buffer of the right size, or nowhere (only counting them).
    struct ByteSink {
        let buffer: UnsafeMutableBufferPointer<UInt8>?
        private(set) var count = 0

        init(into buffer: UnsafeMutableBufferPointer<UInt8>?) { self.buffer = buffer }

        mutating func append(_ byte: UInt8) {
            buffer?[count] = byte
            count += 1
        }

        mutating func append(_ bytes: some Collection<UInt8>) {
            if let buffer { _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: bytes) }
            count += bytes.count
        }
    }

    // A record's fingerprint: its kind, its source file (path and content hash: everything the
    // record reads of its own node), its URLs and what it takes from other nodes (their ids, the depth).

    private func start(_ tag: UInt64, _ header: EntityHeader, url: String, seed: UInt64) -> Fingerprint {
        var f = Fingerprint(StableHash.combine(seed, tag))
        f.add(StableHash.string(header.path)); f.add(header.sourceHash); f.add(StableHash.string(url))
        return f
    }

    func departmentFingerprint(_ d: Int, seed: UInt64) -> UInt64 {
        let g = site.graph
        var f = start(1, g.departments[d].header, url: site.url(.department(d)), seed: seed)
        f.add(optional: g.departmentParent[d].map { StableHash.string(g.departments[$0].id) })
        f.add(optional: g.departmentHead[d].map { StableHash.string(g.roles[$0].id) })
        return f.value
    }

    func roleFingerprint(_ i: Int, depths: [Int?], seed: UInt64) -> UInt64 {
        let g = site.graph
        var f = start(2, g.roles[i].header, url: site.url(.role(i)), seed: seed)
        f.add(optional: g.roleDepartment[i].map { StableHash.string(g.departments[$0].id) })
        f.add(optional: g.superior[i].map { StableHash.string(g.roles[$0].id) })
        f.add(optional: depths[i].map { UInt64(bitPattern: Int64($0)) })
        return f.value
    }

    func procedureFingerprint(_ p: Int, seed: UInt64) -> UInt64 {
        let g = site.graph
        var f = start(3, g.procedures[p].header, url: site.url(.procedure(p)), seed: seed)
        f.add(StableHash.string(site.url(for: .checklist(p))))
        f.add(optional: g.procedureOwner[p].map { StableHash.string(g.roles[$0].id) })
        f.add(optional: g.procedureDepartment[p].map { StableHash.string(g.departments[$0].id) })
        f.add(UInt64(g.procedurePerformers[p].count))
        for r in g.procedurePerformers[p] { f.add(StableHash.string(g.roles[r].id)) }
        return f.value
    }
}

extension GraphJSON.ItemRecord {
    func write(to w: inout JSONObjectWriter) {
        w.objects("children", children) { $0.write(to: &$1) }
        w.int("line", line)
        w.string("text", text)
        w.string("time", time)
    }
}

extension GraphJSON.SectionRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("heading", heading)
        w.objects("items", items) { $0.write(to: &$1) }
        w.string("kind", kind)
    }
}

extension GraphJSON.DepartmentRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("head", head)
        w.string("id", id)
        w.string("parent", parent)
        w.string("source", source)
        w.string("summary", summary)
        w.string("title", title)
        w.string("url", url)
    }
}

extension GraphJSON.RoleRecord {
    func write(to w: inout JSONObjectWriter) {
        w.strings("aliases", aliases)
        w.string("approvedBy", approvedBy)
        w.string("code", code)
        w.string("department", department)
        w.int("depth", depth)
        w.string("document", document)
        w.string("effective", effective)
        w.string("grade", grade)
        w.int("headcount", headcount)
        w.string("id", id)
        w.string("reportsTo", reportsTo)
        w.objects("sections", sections) { $0.write(to: &$1) }
        w.string("source", source)
        w.string("summary", summary)
        w.string("title", title)
        w.bool("top", top)
        w.string("url", url)
        w.string("version", version)
    }
}

extension GraphJSON.ProcedureRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("checklist", checklist)
        w.string("department", department)
        w.string("effective", effective)
        w.string("frequency", frequency)
        w.string("id", id)
        w.string("owner", owner)
        w.objects("phases", phases) { $0.write(to: &$1) }
        w.strings("roles", roles)
        w.string("source", source)
        w.string("title", title)
        w.string("url", url)
        w.string("version", version)
    }
}

extension GraphJSON.EdgeRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("from", from)
        w.string("to", to)
        w.string("type", type)
    }
}
