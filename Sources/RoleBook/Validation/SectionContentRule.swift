/// RB206 roles without responsibilities, RB207 headings with nothing under them.
struct SectionContentRule: Rule {
    func check(_ g: RoleGraph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in g.roles where role.responsibilities.isEmpty {
            out.append(Diagnostic(.noResponsibilities, "role '\(role.id)' lists no responsibilities", at: role.header.titleLocation,
                                  notes: [Diagnostic.Note("add a '## 岗位职责' (or '## Responsibilities') section with a list")]))
        }
        let headers = g.roles.map(\.header) + g.departments.map(\.header)
        for header in headers {
            for section in header.document.sections where section.kind != .intro && section.isEmpty {
                out.append(Diagnostic(.emptySection, "section '\(section.heading)' is empty", at: section.location))
            }
        }
        return out
    }
}
