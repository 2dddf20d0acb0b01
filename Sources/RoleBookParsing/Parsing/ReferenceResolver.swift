import RoleBookModel

/// Resolves a name in front matter to a role or department: by id first, then by unique title or alias.
struct ReferenceResolver {
    private let graph: RoleGraph
    private let names: NameTables

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

    init(graph: RoleGraph) {
        self.graph = graph
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
            diagnostics.append(Diagnostic(.ambiguousReference, "'\(field)' name '\(ref.value)' matches \(matches.count) roles", at: ref.location,
                                          notes: matches.map { Diagnostic.Note("could be '\(graph.roles[$0].id)'", at: graph.roles[$0].header.titleLocation) }
                                              + [Diagnostic.Note("write the role's id instead of its title")]))
            return nil
        }
        let candidates = graph.roles.flatMap { [$0.id, $0.title] + $0.aliases }
        diagnostics.append(unknown(ref, field: field, what: "role", suggestion: Suggestions.closest(to: ref.value, among: candidates),
                                   locate: { name in graph.roleIndex[name].map { graph.roles[$0].header.location } ?? roleNames[Self.key(name)]?.first.map { graph.roles[$0].header.titleLocation } }))
        return nil
    }

    func department(_ ref: Located<String>, field: String, diagnostics: inout [Diagnostic]) -> Int? {
        if let i = graph.departmentIndex[ref.value.trimmingSpaces] { return i }
        let matches = departmentNames[Self.key(ref.value)] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            diagnostics.append(Diagnostic(.ambiguousReference, "'\(field)' name '\(ref.value)' matches \(matches.count) departments", at: ref.location,
                                          notes: matches.map { Diagnostic.Note("could be '\(graph.departments[$0].id)'", at: graph.departments[$0].header.titleLocation) }))
            return nil
        }
        let candidates = graph.departments.flatMap { [$0.id, $0.title] }
        diagnostics.append(unknown(ref, field: field, what: "department", suggestion: Suggestions.closest(to: ref.value, among: candidates),
                                   locate: { name in graph.departmentIndex[name].map { graph.departments[$0].header.location } }))
        return nil
    }

    private func unknown(_ ref: Located<String>, field: String, what: String, suggestion: String?,
                         locate: (String) -> SourceLocation?) -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        if let suggestion { notes.append(Diagnostic.Note("did you mean '\(suggestion)'?", at: locate(suggestion))) }
        return Diagnostic(.unknownReference, "'\(field)' names unknown \(what) '\(ref.value)'", at: ref.location, notes: notes)
    }
}
