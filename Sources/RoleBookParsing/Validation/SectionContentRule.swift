import RoleBookModel

/// RB206 roles without responsibilities, RB207 headings with nothing under them.
struct SectionContentRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        // Reads each document in place: copying every role and gathering its responsibilities
        // made this rule most of validation's time.
        var out: [Diagnostic] = []
        for i in g.roles.indices {
            let sections = g.roles[i].header.document.sections
            guard !sections.indices.contains(where: { sections[$0].kind == .responsibilities && sections[$0].hasItems }) else { continue }
            // A section that is there but holds only prose is a different mistake from a missing one:
            // point at the section and say how to make items.
            if let j = sections.indices.first(where: { sections[$0].kind == .responsibilities }) {
                out.append(Diagnostic(.noResponsibilities, .sectionWithoutItems(heading: sections[j].heading, hasText: !sections[j].isEmpty), at: sections[j].location,
                                      notes: [Diagnostic.Note(.startEachResponsibility)]))
            } else {
                out.append(Diagnostic(.noResponsibilities, .noResponsibilitiesSection(role: g.roles[i].id), at: g.roles[i].header.titleLocation,
                                      notes: [Diagnostic.Note(.addResponsibilitiesSection)]))
            }
        }
        func emptySections(_ sections: [Section]) {
            for j in sections.indices where sections[j].kind != .intro && sections[j].isEmpty {
                out.append(Diagnostic(.emptySection, .emptySection(sections[j].heading), at: sections[j].location))
            }
        }
        for i in g.roles.indices { emptySections(g.roles[i].header.document.sections) }
        for i in g.departments.indices { emptySections(g.departments[i].header.document.sections) }
        return out
    }
}
