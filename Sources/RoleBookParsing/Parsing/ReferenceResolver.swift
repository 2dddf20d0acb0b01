import RoleBookModel

/// What a front-matter reference can name: a role or a department. One conformance per kind keeps
/// the lookup (id, then unique title or other name, then did-you-mean) written once.
protocol Referable {
    static var kind: EntityKind { get }
    var header: EntityHeader { get }
    /// Names besides the title that a reference may use: a role's aliases, a department's short name.
    var otherNames: [String] { get }
    static func all(in graph: RoleGraph) -> [Self]
    static func index(in graph: RoleGraph) -> [String: Int]
    static func ambiguous(field: String, name: String, count: Int) -> DiagnosticText
    /// Notes after the "could be" list of an ambiguous reference.
    static var ambiguityHints: [Diagnostic.Note] { get }
}

extension Role: Referable {
    static var kind: EntityKind { .role }
    var otherNames: [String] { aliases }
    static func all(in graph: RoleGraph) -> [Role] { graph.roles }
    static func index(in graph: RoleGraph) -> [String: Int] { graph.roleIndex }
    static func ambiguous(field: String, name: String, count: Int) -> DiagnosticText { .ambiguousRole(field: field, name: name, count: count) }
    static var ambiguityHints: [Diagnostic.Note] { [Diagnostic.Note(.writeIDInsteadOfTitle)] }
}

extension Department: Referable {
    static var kind: EntityKind { .department }
    var otherNames: [String] { short.map { [$0] } ?? [] }
    static func all(in graph: RoleGraph) -> [Department] { graph.departments }
    static func index(in graph: RoleGraph) -> [String: Int] { graph.departmentIndex }
    static func ambiguous(field: String, name: String, count: Int) -> DiagnosticText { .ambiguousDepartment(field: field, name: name, count: count) }
    static var ambiguityHints: [Diagnostic.Note] { [] }
}

/// Resolves a name in front matter to a role or department: by id first, then by unique title or alias.
struct ReferenceResolver {
    private let graph: RoleGraph
    private let names: NameTables
    /// Files that failed to parse (``UnparsedFile``): their ids are not reported as unknown.
    let unparsed: [UnparsedFile]

    /// Titles and other names by key, built on the first lookup by name: when every reference is an
    /// id (the usual case) they are never needed, and building them was a tenth of the graph phase.
    private final class NameTables {
        let graph: RoleGraph
        init(graph: RoleGraph) { self.graph = graph }

        lazy var roles: [String: [Int]] = table(Role.self)
        lazy var departments: [String: [Int]] = table(Department.self)

        func callAsFunction<E: Referable>(_ type: E.Type) -> [String: [Int]] {
            E.kind == .role ? roles : departments
        }

        /// Whether a table was built, that is, a reference was looked up by name.
        private(set) var used = false

        private func table<E: Referable>(_ type: E.Type) -> [String: [Int]] {
            used = true
            let entities = E.all(in: graph)
            var table: [String: [Int]] = [:]
            table.reserveCapacity(entities.count)
            // Each name once per entity, in any order (each lands in its own entry); a list instead
            // of a Set, since most have one name.
            for i in entities.indices {
                for name in ReferenceResolver.distinct(entities[i].header.title, entities[i].otherNames) { table[name, default: []].append(i) }
            }
            return table
        }
    }

    /// Whether some reference was not an id (looked up by title or other name, or not found).
    var usedNames: Bool { names.used }

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
        resolve(Role.self, ref, field: field, diagnostics: &diagnostics)
    }

    func department(_ ref: Located<String>, field: String, diagnostics: inout [Diagnostic]) -> Int? {
        resolve(Department.self, ref, field: field, diagnostics: &diagnostics)
    }

    /// The index of the entity `ref` names, or nil with RB102 (ambiguous) or RB101 (unknown) added,
    /// or nothing added when the name may be that of a file that failed to parse.
    func resolve<E: Referable>(_ type: E.Type, _ ref: Located<String>, field: String, diagnostics: inout [Diagnostic]) -> Int? {
        if let i = E.index(in: graph)[ref.value.trimmingSpaces] { return i }
        let entities = E.all(in: graph)
        let matches = names(E.self)[Self.key(ref.value)] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            diagnostics.append(Diagnostic(.ambiguousReference, E.ambiguous(field: field, name: ref.value, count: matches.count), at: ref.location,
                                          notes: matches.map { Diagnostic.Note(.couldBe(entities[$0].header.id), at: entities[$0].header.titleLocation) }
                                              + E.ambiguityHints))
            return nil
        }
        if namesUnparsed(ref, kind: E.kind) { return nil }
        let candidates = entities.flatMap { e in
            let h = e.header
            return ([h.id, h.title] + e.otherNames).map {
                Candidate(name: $0, id: h.id, file: h.location.file, location: $0 == h.id ? h.location : h.titleLocation)
            }
        }
        diagnostics.append(unknown(ref, field: field, kind: E.kind, candidates: candidates))
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
