/// RB206 roles without responsibilities, RB207 headings with nothing under them.
struct SectionContentRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        // Reads each document in place: copying every role and gathering its responsibilities
        // made this rule most of validation's time.
        var out: [Diagnostic] = []
        func hasResponsibilities(_ sections: [Section]) -> Bool {
            sections.indices.contains { sections[$0].kind == .responsibilities && !sections[$0].items.isEmpty }
        }
        for i in g.roles.indices where !hasResponsibilities(g.roles[i].header.document.sections) {
            out.append(Diagnostic(.noResponsibilities, "role '\(g.roles[i].id)' lists no responsibilities", at: g.roles[i].header.titleLocation,
                                  notes: [Diagnostic.Note("add a '## 岗位职责' (or '## Responsibilities') section with a list")]))
        }
        func emptySections(_ sections: [Section]) {
            for j in sections.indices where sections[j].kind != .intro && sections[j].isEmpty {
                out.append(Diagnostic(.emptySection, "section '\(sections[j].heading)' is empty", at: sections[j].location))
            }
        }
        for i in g.roles.indices { emptySections(g.roles[i].header.document.sections) }
        for i in g.departments.indices { emptySections(g.departments[i].header.document.sections) }
        return out
    }
}
