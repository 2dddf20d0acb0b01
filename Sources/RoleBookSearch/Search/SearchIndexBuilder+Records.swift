import Foundation
import RoleBookModel
import RoleBookSite

/// Records: what each role, department and procedure gives search, in index order, and their fingerprints.
extension SearchIndexBuilder {
    /// Documents in index order, and the department groups (contiguous document ranges) of the filter.
    package struct Layout: Sendable {
        struct Group: Sendable {
            var id: String
            var name: String
            var start: Int
            var count: Int
        }
        package var records: [SearchRecord]
        var groups: [Group]
        /// Whether some records are stand-ins (``Sparse``): enough for an update, never for a build.
        package var isSparse = false
    }

    /// Where each document of the index comes from, in index order, without its text: enough to
    /// number the documents and key them (``sourceKeys(_:)``), so that after an edit only the
    /// changed documents' records are built (``record(_:in:)``).
    package struct Outline: Sendable {
        enum Source: Sendable, Equatable { case department(Int), role(Int), procedure(Int) }
        var sources: [Source]
        /// Each document's group (its index into `groups`).
        var groupOf: [Int]
        var groups: [Layout.Group]
        package var count: Int { sources.count }
    }

    /// Documents are numbered department by department (the department, its roles, its
    /// procedures) so that a group is a range and `meta.js` needs no per-document table.
    package func outline() -> Outline {
        let g = graph
        var roleBuckets = [[Int]](repeating: [], count: g.departments.count + 1)
        let none = g.departments.count
        for r in g.roles.indices { roleBuckets[g.roleDepartment[r] ?? none].append(r) }
        let byDepartment = g.proceduresByDepartment()
        let procedureBuckets = byDepartment.byDepartment + [byDepartment.unassigned]
        var sources: [Outline.Source] = []
        sources.reserveCapacity(g.departments.count + g.roles.count + g.procedures.count)
        var groupOf: [Int] = []
        var groups: [Layout.Group] = []
        for bucket in 0...none {
            let start = sources.count
            if bucket < none { sources.append(.department(bucket)) }
            sources += roleBuckets[bucket].map { .role($0) }
            sources += procedureBuckets[bucket].map { .procedure($0) }
            guard sources.count > start else { continue }
            groupOf += repeatElement(groups.count, count: sources.count - start)
            let name = bucket < none ? g.departments[bucket].title : strings[.noDepartment]
            groups.append(.init(id: bucket < none ? g.departments[bucket].id : "", name: name, start: start, count: sources.count - start))
        }
        return Outline(sources: sources, groupOf: groupOf, groups: groups)
    }

    /// Every document's record, on all cores (records are independent).
    package func layout() -> Layout { layout(outline()) }

    package func layout(_ outline: Outline) -> Layout {
        Layout(records: Array(outline.sources.indices).parallelMap { record($0, in: outline) }, groups: outline.groups)
    }

    /// The record of document `d` of `outline`.
    package func record(_ d: Int, in outline: Outline) -> SearchRecord {
        switch outline.sources[d] {
        case .department(let i): departmentRecord(i, group: outline.groupOf[d])
        case .role(let i): roleRecord(i, group: outline.groupOf[d])
        case .procedure(let i): procedureRecord(i, group: outline.groupOf[d])
        }
    }

    /// The page URL of document `d` of `outline`.
    package func url(_ d: Int, in outline: Outline) -> String {
        switch outline.sources[d] {
        case .department(let i): urls.departments[i]
        case .role(let i): urls.roles[i]
        case .procedure(let i): urls.procedures[i]
        }
    }

    /// The content path of document `d`'s file.
    func path(_ d: Int, in outline: Outline) -> String {
        switch outline.sources[d] {
        case .department(let i): graph.departments[i].header.path
        case .role(let i): graph.roles[i].header.path
        case .procedure(let i): graph.procedures[i].header.path
        }
    }

    /// Per document, a key of everything its record is made from besides the settings and the
    /// rolebook (which name the document list, ``SearchDocumentsCache``): its file's bytes and
    /// path, its kind, URL and group, and the title of the department it is filed under (or its parent's),
    /// which comes from another file. Equal keys, equal records, so an unchanged document keeps
    /// the fingerprint the previous build recorded without its record being built. Zero (never
    /// matched) for an entity not read from a file (no content hash).
    package func sourceKeys(_ outline: Outline) -> [UInt64] {
        let g = graph
        // A department's title hashed once, not once per role filed under it.
        let titles = g.departments.map { StableHash.string($0.title) }
        return Array(outline.sources.indices).parallelMap { d -> UInt64 in
            let tag: UInt64, source: UInt64, department: Int?
            switch outline.sources[d] {
            case .department(let i): (tag, source, department) = (1, g.departments[i].header.sourceHash, g.departmentParent[i])
            case .role(let i): (tag, source, department) = (2, g.roles[i].header.sourceHash, g.roleDepartment[i])
            case .procedure(let i): (tag, source, department) = (3, g.procedures[i].header.sourceHash, g.procedureDepartment[i])
            }
            guard source != 0 else { return 0 }
            var f = Fingerprint(0x6B65_79)
            f.add(tag); f.add(source); f.add(StableHash.string(path(d, in: outline)))
            f.add(StableHash.string(url(d, in: outline))); f.add(UInt64(outline.groupOf[d]))
            if let department { f.add(1); f.add(titles[department]) } else { f.add(0) }
            return f.value | 1
        }
    }

    /// A fingerprint of everything the index files are made from: equal fingerprints, equal files
    /// (the format constants are covered by the renderer's identity, `BuildIdentity` in the build layer).
    static func fingerprint(_ layout: Layout) -> UInt64 { fingerprint(layout, documents: documentFingerprints(layout)) }

    /// Each document's ``fingerprint(record:)``, on all cores.
    package static func documentFingerprints(_ layout: Layout) -> [UInt64] { layout.records.parallelMap(fingerprint(record:)) }

    /// ``fingerprint(_:)`` from the documents' fingerprints, computed once per build.
    package static func fingerprint(_ layout: Layout, documents: [UInt64]) -> UInt64 {
        var f = Fingerprint(0x7365_6172_6368)
        f.add(UInt64(documents.count))
        for h in documents { f.add(h) }
        f.add(UInt64(layout.groups.count))
        for g in layout.groups {
            f.add(StableHash.string(g.id)); f.add(StableHash.string(g.name)); f.add(UInt64(g.start)); f.add(UInt64(g.count))
        }
        return f.value
    }

    // A record may read only its own file, its URL and group and its department's title: anything
    // else it comes to read must go into ``sourceKeys(_:)`` too, or an edit of that would be missed.
    package func roleRecord(_ i: Int, group: Int) -> SearchRecord {
        let role = graph.roles[i]
        let department = graph.roleDepartment[i].map { graph.departments[$0].title }
        let body = RecordBody(.role, role.header)
        let facts = [role.code, role.grade, role.place, role.hours].compactMap { $0 }.filter { !$0.isEmpty }
        return SearchRecord(kind: .role, id: role.id, url: urls.roles[i], title: role.title,
                            aliases: role.aliases, department: department, departmentNames: department.map { [$0] } ?? [],
                            responsibilities: body.responsibilities, other: body.other, facts: facts,
                            headings: body.headings, display: body.display + facts, group: group)
    }

    package func departmentRecord(_ i: Int, group: Int) -> SearchRecord {
        let d = graph.departments[i]
        let body = RecordBody(.department, d.header)
        let parent = graph.departmentParent[i].map { graph.departments[$0].title }
        return SearchRecord(kind: .department, id: d.id, url: urls.departments[i], title: d.title,
                            aliases: d.short.map { [$0] } ?? [], department: parent, departmentNames: [],
                            responsibilities: body.responsibilities, other: body.other, facts: [], headings: body.headings,
                            display: body.display, group: group)
    }

    package func procedureRecord(_ i: Int, group: Int) -> SearchRecord {
        let p = graph.procedures[i]
        let department = graph.procedureDepartment[i].map { graph.departments[$0].title }
        let body = RecordBody(.procedure, p.header)
        let facts = [p.version.map { "v" + $0 }, p.effective].compactMap { $0 }
        return SearchRecord(kind: .procedure, id: p.id, url: urls.procedures[i], title: p.title,
                            aliases: [], department: department, departmentNames: department.map { [$0] } ?? [],
                            responsibilities: body.responsibilities, other: body.other, facts: facts, headings: [],
                            display: body.display + facts, group: group)
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
}
