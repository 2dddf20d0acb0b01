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
    }

    /// Documents are numbered department by department (the department, its roles, its
    /// procedures) so that a group is a range and `meta.js` needs no per-document table.
    package func layout() -> Layout {
        let g = graph
        var roleBuckets = [[Int]](repeating: [], count: g.departments.count + 1)
        let none = g.departments.count
        for r in g.roles.indices { roleBuckets[g.roleDepartment[r] ?? none].append(r) }
        let byDepartment = g.proceduresByDepartment()
        let procedureBuckets = byDepartment.byDepartment + [byDepartment.unassigned]

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
