import RoleBookModel

/// RB206 roles without responsibilities, RB207 headings with nothing under them.
struct SectionContentRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        // Reads each document in place: copying every role and gathering its responsibilities
        // made this rule most of validation's time.
        var out: [Diagnostic] = []
        for i in g.roles.indices {
            let sections = g.roles[i].header.document.sections
            guard !sections.indices.contains(where: { sections[$0].kind == .responsibilities && !sections[$0].items.isEmpty }) else { continue }
            // A section that is there but holds only prose is a different mistake from a missing one:
            // point at the section and say how to make items.
            if let j = sections.indices.first(where: { sections[$0].kind == .responsibilities }) {
                let what = sections[j].isEmpty ? "has no list items" : "has text but no list items"
                out.append(Diagnostic(.noResponsibilities, "section '\(sections[j].heading)' \(what)", at: sections[j].location,
                                      notes: [Diagnostic.Note("start each responsibility on a line of its own with '1、', '（1）', '①' or '- '")]))
            } else {
                out.append(Diagnostic(.noResponsibilities, "role '\(g.roles[i].id)' has no '岗位职责' section", at: g.roles[i].header.titleLocation,
                                      notes: [Diagnostic.Note("add a '## 岗位职责' (or '## Responsibilities') section with a list")]))
            }
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
