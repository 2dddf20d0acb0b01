import RoleBookModel

/// Resolves a name in front matter to a role or department: by id first, then by unique title or alias.
struct ReferenceResolver {
    private let graph: RoleGraph
    private let names: NameTables
    /// Files that failed to parse (``UnparsedFile``): their ids are not reported as unknown.
    let unparsed: [UnparsedFile]

    /// Titles and aliases by key, built on the first lookup by name: when every reference is an
    /// id (the usual case) they are never needed, and building them was a tenth of the graph phase.
    private final class NameTables {
        let graph: RoleGraph
        init(graph: RoleGraph) { self.graph = graph }

        lazy var roles: [String: [Int]] = {
            var table: [String: [Int]] = [:]
            table.reserveCapacity(graph.roles.count)
            // Each name once per role, in any order (each lands in its own entry); a list instead
            // of a Set, since most roles have one name.
            for i in graph.roles.indices {
                for name in ReferenceResolver.distinct(graph.roles[i].title, graph.roles[i].aliases) { table[name, default: []].append(i) }
            }
            return table
        }()

        lazy var departments: [String: [Int]] = {
            var table: [String: [Int]] = [:]
            for i in graph.departments.indices {
                let d = graph.departments[i]
                for name in ReferenceResolver.distinct(d.title, d.short.map { [$0] } ?? []) { table[name, default: []].append(i) }
            }
            return table
        }()
    }

    private var roleNames: [String: [Int]] { names.roles }
    private var departmentNames: [String: [Int]] { names.departments }

    init(graph: RoleGraph, unparsed: [UnparsedFile] = []) {
        self.graph = graph
        self.unparsed = unparsed
        names = NameTables(graph: graph)
    }

    /// The distinct keys of a title and other names.
    fileprivate static func distinct(_ title: String, _ others: [String]) -> [String] {
        var keys = [key(title)]
        for name in others {
            let k = key(name)
            if !keys.contains(k) { keys.append(k) }
        }
        return keys
    }

    /// Titles compare trimmed, case-insensitively and across traditional/simplified script.
    static func key(_ name: String) -> String {
        let simplified = CJKFolding.shared.simplify(name.trimmingSpaces)
        // Han characters and ASCII other than A–Z have no lower case: most titles need no new string
        // (lower-casing Chinese text scalar by scalar was most of building the resolver).
        let unchanged = simplified.unicodeScalars.allSatisfy { s in
            s.value < 0x80 ? !(0x41...0x5A).contains(s.value) : CJKFolding.isHan(s)
        }
        return unchanged ? simplified : simplified.lowercased()
    }

    func role(_ ref: Located<String>, field: String, diagnostics: inout [Diagnostic]) -> Int? {
        if let i = graph.roleIndex[ref.value.trimmingSpaces] { return i }
        let matches = roleNames[Self.key(ref.value)] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            diagnostics.append(Diagnostic(.ambiguousReference, .ambiguousRole(field: field, name: ref.value, count: matches.count), at: ref.location,
                                          notes: matches.map { Diagnostic.Note(.couldBe(graph.roles[$0].id), at: graph.roles[$0].header.titleLocation) }
                                              + [Diagnostic.Note(.writeIDInsteadOfTitle)]))
            return nil
        }
        if namesUnparsed(ref, kind: .role) { return nil }
        let candidates = graph.roles.flatMap { r in
            ([r.id, r.title] + r.aliases).map { Candidate(name: $0, id: r.id, file: r.header.location.file, location: $0 == r.id ? r.header.location : r.header.titleLocation) }
        }
        diagnostics.append(unknown(ref, field: field, kind: .role, candidates: candidates))
        return nil
    }

    func department(_ ref: Located<String>, field: String, diagnostics: inout [Diagnostic]) -> Int? {
        if let i = graph.departmentIndex[ref.value.trimmingSpaces] { return i }
        let matches = departmentNames[Self.key(ref.value)] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            diagnostics.append(Diagnostic(.ambiguousReference, .ambiguousDepartment(field: field, name: ref.value, count: matches.count), at: ref.location,
                                          notes: matches.map { Diagnostic.Note(.couldBe(graph.departments[$0].id), at: graph.departments[$0].header.titleLocation) }))
            return nil
        }
        if namesUnparsed(ref, kind: .department) { return nil }
        let candidates = graph.departments.flatMap { d in
            [d.id, d.title].map { Candidate(name: $0, id: d.id, file: d.header.location.file, location: $0 == d.id ? d.header.location : d.header.titleLocation) }
        }
        diagnostics.append(unknown(ref, field: field, kind: .department, candidates: candidates))
        return nil
    }

    /// RB101 with a suggestion from near the reference; when a file nearby could not be read, it
    /// may be the one meant: it is named instead of a guess from another organisation.
    private func unknown(_ ref: Located<String>, field: String, kind: EntityKind, candidates: [Candidate]) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let best = Self.closest(to: ref.value, from: ref.location.file, among: candidates, onlyNearby: true) {
            notes.append(Self.note(for: best))
        } else {
            let broken = unparsedNearby(ref, kind: kind)
            if broken.isEmpty, let best = Self.closest(to: ref.value, from: ref.location.file, among: candidates) {
                notes.append(Self.note(for: best))
            }
            notes += broken.prefix(3).map { Diagnostic.Note(.frontMatterFailed, at: SourceLocation(file: $0.displayPath)) }
        }
        return Diagnostic(.unknownReference, .unknownReference(field: field, kind: kind, name: ref.value), at: ref.location, notes: notes)
    }
}
