/// Resolves a name in front matter to a role or department: by id first, then by unique title or alias.
struct ReferenceResolver {
    private let graph: RoleGraph
    private var roleNames: [String: [Int]] = [:]
    private var departmentNames: [String: [Int]] = [:]

    init(graph: RoleGraph) {
        self.graph = graph
        for (i, r) in graph.roles.enumerated() {
            for name in Set(([r.title] + r.aliases).map(Self.key)) { roleNames[name, default: []].append(i) }
        }
        for (i, d) in graph.departments.enumerated() {
            for name in Set([d.title, d.short].compactMap { $0 }.map(Self.key)) { departmentNames[name, default: []].append(i) }
        }
    }

    /// Titles compare trimmed, case-insensitively and across traditional/simplified script.
    static func key(_ name: String) -> String { CJKFolding.shared.simplify(name.trimmingSpaces).lowercased() }

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
