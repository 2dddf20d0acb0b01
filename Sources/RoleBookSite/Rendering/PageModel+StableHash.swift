import RoleBookModel

// The values page models hold most of feed their hash without an `Encoder` (``StableHashDirect``):
// the same fields in the same order as their synthesized `encode(to:)`, so the fingerprints are
// unchanged; `PageModelTests` compares each with the encoder's hash and its stored properties.

extension PageLink: StableHashFields {
    private static let keys = (title: StableHasher.Key("title"), url: StableHasher.Key("url"), vacant: StableHasher.Key("vacant"))
    package func stableHashFields(_ fields: StableHasher.Fields) {
        fields.add(Self.keys.title, title)
        fields.add(Self.keys.url, url)
        fields.add(Self.keys.vacant, vacant)
    }
}

extension ResolvedLinks: StableHashFields {
    private static let entriesKey = StableHasher.Key("entries")
    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        try fields.add(Self.entriesKey, entries)
    }
}

extension ResolvedLinks.Entry: StableHashFields {
    private static let keys = (destination: StableHasher.Key("destination"), href: StableHasher.Key("href"))
    package func stableHashFields(_ fields: StableHasher.Fields) {
        fields.add(Self.keys.destination, destination)
        fields.addIfPresent(Self.keys.href, href)
    }
}

extension RolePageModel.Mention: StableHashFields {
    private static let keys = (from: StableHasher.Key("from"), text: StableHasher.Key("text"))
    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        try fields.add(Self.keys.from, from)
        fields.add(Self.keys.text, text)
    }
}

// The page models most pages have: a role page for every role, sheets for every procedure.

extension RolePageModel: StableHashFields {
    private static let keys = (
        role: StableHasher.Key("role"), departmentPath: StableHasher.Key("departmentPath"), department: StableHasher.Key("department"),
        superior: StableHasher.Key("superior"), chainTop: StableHasher.Key("chainTop"), chainOmitted: StableHasher.Key("chainOmitted"),
        chainNearest: StableHasher.Key("chainNearest"), directReports: StableHasher.Key("directReports"), dottedLine: StableHasher.Key("dottedLine"),
        dottedReports: StableHasher.Key("dottedReports"), peers: StableHasher.Key("peers"), morePeers: StableHasher.Key("morePeers"),
        ownedProcedures: StableHasher.Key("ownedProcedures"), performedProcedures: StableHasher.Key("performedProcedures"),
        checklistURL: StableHasher.Key("checklistURL"), mentions: StableHasher.Key("mentions"), linkedFrom: StableHasher.Key("linkedFrom"),
        links: StableHasher.Key("links"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.role, role)
        try fields.add(k.departmentPath, departmentPath)
        try fields.addIfPresent(k.department, department)
        try fields.addIfPresent(k.superior, superior)
        try fields.add(k.chainTop, chainTop)
        fields.add(k.chainOmitted, chainOmitted)
        try fields.add(k.chainNearest, chainNearest)
        try fields.add(k.directReports, directReports)
        try fields.add(k.dottedLine, dottedLine)
        try fields.add(k.dottedReports, dottedReports)
        try fields.add(k.peers, peers)
        fields.add(k.morePeers, morePeers)
        try fields.add(k.ownedProcedures, ownedProcedures)
        try fields.add(k.performedProcedures, performedProcedures)
        fields.addIfPresent(k.checklistURL, checklistURL)
        try fields.add(k.mentions, mentions)
        try fields.add(k.linkedFrom, linkedFrom)
        try fields.add(k.links, links)
    }
}

extension ProcedurePageModel: StableHashFields {
    private static let keys = (
        procedure: StableHasher.Key("procedure"), departmentPath: StableHasher.Key("departmentPath"), owner: StableHasher.Key("owner"),
        performers: StableHasher.Key("performers"), checklistURL: StableHasher.Key("checklistURL"), links: StableHasher.Key("links"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.procedure, procedure)
        try fields.add(k.departmentPath, departmentPath)
        try fields.addIfPresent(k.owner, owner)
        try fields.add(k.performers, performers)
        fields.add(k.checklistURL, checklistURL)
        try fields.add(k.links, links)
    }
}

extension SheetProcedure: StableHashFields {
    private static let keys = (procedure: StableHasher.Key("procedure"), url: StableHasher.Key("url"), weekURL: StableHasher.Key("weekURL"),
                               links: StableHasher.Key("links"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.procedure, procedure)
        fields.add(k.url, url)
        fields.addIfPresent(k.weekURL, weekURL)
        try fields.add(k.links, links)
    }
}

extension ProcedureSheetModel: StableHashFields {
    private static let keys = (sheet: StableHasher.Key("sheet"), department: StableHasher.Key("department"), roles: StableHasher.Key("roles"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.sheet, sheet)
        fields.addIfPresent(k.department, department)
        try fields.add(k.roles, roles)
    }
}

extension RoleSheetModel: StableHashFields {
    private static let keys = (role: StableHasher.Key("role"), department: StableHasher.Key("department"), sheets: StableHasher.Key("sheets"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.role, role)
        fields.addIfPresent(k.department, department)
        try fields.add(k.sheets, sheets)
    }
}

// Department pages: a few hundred at 10,000 roles, but each lists its roles twice (table and
// chart), so through the encoder they cost as much as all the role pages together.

extension DepartmentPageModel: StableHashFields {
    private static let keys = (
        department: StableHasher.Key("department"), parentPath: StableHasher.Key("parentPath"), roleCount: StableHasher.Key("roleCount"),
        headcount: StableHasher.Key("headcount"), vacancies: StableHasher.Key("vacancies"), chart: StableHasher.Key("chart"),
        subDepartments: StableHasher.Key("subDepartments"), roles: StableHasher.Key("roles"), procedures: StableHasher.Key("procedures"),
        links: StableHasher.Key("links"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.department, department)
        try fields.add(k.parentPath, parentPath)
        fields.add(k.roleCount, roleCount)
        fields.add(k.headcount, headcount)
        fields.add(k.vacancies, vacancies)
        try fields.addIfPresent(k.chart, chart)
        try fields.add(k.subDepartments, subDepartments)
        try fields.add(k.roles, roles)
        try fields.add(k.procedures, procedures)
        try fields.add(k.links, links)
    }
}

extension DepartmentPageModel.SubDepartment: StableHashFields {
    private static let keys = (link: StableHasher.Key("link"), roleCount: StableHasher.Key("roleCount"), summary: StableHasher.Key("summary"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        try fields.add(Self.keys.link, link)
        fields.add(Self.keys.roleCount, roleCount)
        fields.addIfPresent(Self.keys.summary, summary)
    }
}

extension DepartmentPageModel.RoleRow: StableHashFields {
    private static let keys = (role: StableHasher.Key("role"), level: StableHasher.Key("level"), superior: StableHasher.Key("superior"),
                               headcount: StableHasher.Key("headcount"), grade: StableHasher.Key("grade"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.role, role)
        fields.add(k.level, level)
        try fields.addIfPresent(k.superior, superior)
        fields.add(k.headcount, headcount)
        fields.addIfPresent(k.grade, grade)
    }
}

extension ProcedureCard: StableHashFields {
    private static let keys = (link: StableHasher.Key("link"), frequency: StableHasher.Key("frequency"), steps: StableHasher.Key("steps"),
                               summary: StableHasher.Key("summary"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.link, link)
        // A `String` raw value encodes as its raw value in a single value container.
        fields.addIfPresent(k.frequency, frequency?.rawValue)
        fields.add(k.steps, steps)
        fields.addIfPresent(k.summary, summary)
    }
}

extension OrgChartModel: StableHashFields {
    private static let keys = (title: StableHasher.Key("title"), nodes: StableHasher.Key("nodes"), roots: StableHasher.Key("roots"),
                               dottedLines: StableHasher.Key("dottedLines"), dottedTable: StableHasher.Key("dottedTable"),
                               boxLink: StableHasher.Key("boxLink"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        fields.add(k.title, title)
        try fields.add(k.nodes, nodes)
        try fields.add(k.roots, roots)
        try fields.add(k.dottedLines, dottedLines)
        try fields.add(k.dottedTable, dottedTable)
        fields.addIfPresent(k.boxLink, boxLink)
    }
}

extension OrgChartModel.Node: StableHashFields {
    private static let keys = (role: StableHasher.Key("role"), headcount: StableHasher.Key("headcount"), outside: StableHasher.Key("outside"),
                               subDepartment: StableHasher.Key("subDepartment"), highlight: StableHasher.Key("highlight"),
                               children: StableHasher.Key("children"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        let k = Self.keys
        try fields.add(k.role, role)
        fields.add(k.headcount, headcount)
        fields.add(k.outside, outside)
        try fields.addIfPresent(k.subDepartment, subDepartment)
        fields.addIfPresent(k.highlight, highlight)
        try fields.add(k.children, children)
    }
}

extension OrgChartModel.DottedLine: StableHashFields {
    private static let keys = (from: StableHasher.Key("from"), to: StableHasher.Key("to"), title: StableHasher.Key("title"))

    package func stableHashFields(_ fields: StableHasher.Fields) {
        fields.add(Self.keys.from, from)
        fields.add(Self.keys.to, to)
        fields.add(Self.keys.title, title)
    }
}

extension OrgChartModel.DottedRow: StableHashFields {
    private static let keys = (superior: StableHasher.Key("superior"), reports: StableHasher.Key("reports"))

    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        try fields.add(Self.keys.superior, superior)
        try fields.add(Self.keys.reports, reports)
    }
}
