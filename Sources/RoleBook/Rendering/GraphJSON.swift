import Foundation

/// `graph.json`: the whole graph for other tools. Schema in docs/graph-json.md.
struct GraphJSON {
    var site: SiteMap

    struct Document: Encodable {
        var version = 1
        var title: String
        var language: String
        var departments: [DepartmentRecord]
        var roles: [RoleRecord]
        var procedures: [ProcedureRecord]
        var edges: [EdgeRecord]
    }
    struct ItemRecord: Encodable, Sendable {
        var text: String
        var line: Int
        var time: String?
        var children: [ItemRecord]?
    }
    struct SectionRecord: Encodable, Sendable {
        var kind: String
        var heading: String
        var items: [ItemRecord]
    }
    struct DepartmentRecord: Encodable, Sendable {
        var id, title, url, source: String
        var parent, head, summary: String?
    }
    struct RoleRecord: Encodable, Sendable {
        var id, title, url, source: String
        var department, reportsTo, grade, code, summary: String?
        var aliases: [String]
        var headcount: Int
        var top: Bool
        var depth: Int?
        var sections: [SectionRecord]
    }
    struct ProcedureRecord: Encodable, Sendable {
        var id, title, url, source, checklist: String
        var owner, department, frequency, version, effective: String?
        var roles: [String]
        var phases: [SectionRecord]
    }
    struct EdgeRecord: Encodable {
        /// `reports_to`, `dotted_line`, `member_of`, `owns`, `performs`, `mentions`, `links`, `parent`, `head`.
        var type: String
        var from: String
        var to: String
    }

    func render() -> String {
        let g = site.graph
        func ref(_ n: NodeRef) -> String {
            switch n {
            case .role(let i): "role:" + g.roles[i].id
            case .department(let i): "department:" + g.departments[i].id
            case .procedure(let i): "procedure:" + g.procedures[i].id
            }
        }
        func item(_ i: Item) -> ItemRecord {
            ItemRecord(text: i.text, line: i.location.line, time: i.time?.label, children: i.children.isEmpty ? nil : i.children.map(item))
        }
        func section(_ s: Section) -> SectionRecord { SectionRecord(kind: s.kind.rawValue, heading: s.heading, items: s.items.map(item)) }
        let depths = g.depths()
        var edges: [EdgeRecord] = []
        for i in g.roles.indices {
            if let s = g.superior[i] { edges.append(.init(type: "reports_to", from: ref(.role(i)), to: ref(.role(s)))) }
            for d in g.dotted[i] { edges.append(.init(type: "dotted_line", from: ref(.role(i)), to: ref(.role(d)))) }
            if let d = g.roleDepartment[i] { edges.append(.init(type: "member_of", from: ref(.role(i)), to: ref(.department(d)))) }
        }
        for d in g.departments.indices {
            if let p = g.departmentParent[d] { edges.append(.init(type: "parent", from: ref(.department(d)), to: ref(.department(p)))) }
            if let h = g.departmentHead[d] { edges.append(.init(type: "head", from: ref(.department(d)), to: ref(.role(h)))) }
        }
        for p in g.procedures.indices {
            if let o = g.procedureOwner[p] { edges.append(.init(type: "owns", from: ref(.role(o)), to: ref(.procedure(p)))) }
            for r in g.procedurePerformers[p] { edges.append(.init(type: "performs", from: ref(.role(r)), to: ref(.procedure(p)))) }
        }
        var seen: Set<String> = []
        for m in g.mentions where seen.insert(ref(m.from) + ">" + ref(.role(m.role))).inserted {
            edges.append(.init(type: "mentions", from: ref(m.from), to: ref(.role(m.role))))
        }
        for l in g.links where seen.insert(ref(l.from) + ">>" + ref(l.to)).inserted {
            edges.append(.init(type: "links", from: ref(l.from), to: ref(l.to)))
        }
        let doc = Document(
            title: g.config.title, language: g.config.language,
            departments: g.departments.indices.map { d in
                let x = g.departments[d]
                return .init(id: x.id, title: x.title, url: site.url(.department(d)), source: x.header.path,
                             parent: g.departmentParent[d].map { g.departments[$0].id }, head: g.departmentHead[d].map { g.roles[$0].id }, summary: x.header.summary)
            },
            roles: g.roles.indices.map { i in
                let r = g.roles[i]
                return .init(id: r.id, title: r.title, url: site.url(.role(i)), source: r.header.path,
                             department: g.roleDepartment[i].map { g.departments[$0].id }, reportsTo: g.superior[i].map { g.roles[$0].id },
                             grade: r.grade, code: r.code, summary: r.header.summary, aliases: r.aliases, headcount: r.headcount, top: r.top,
                             depth: depths[i], sections: r.header.document.sections.filter { $0.kind != .intro }.map(section))
            },
            procedures: g.procedures.indices.map { p in
                let x = g.procedures[p]
                return .init(id: x.id, title: x.title, url: site.url(.procedure(p)), source: x.header.path, checklist: site.checklistURL(procedure: p),
                             owner: g.procedureOwner[p].map { g.roles[$0].id }, department: g.procedureDepartment[p].map { g.departments[$0].id },
                             frequency: x.frequency?.rawValue, version: x.version, effective: x.effective,
                             roles: g.procedurePerformers[p].map { g.roles[$0].id }, phases: x.phases.map(section))
            },
            edges: edges)
        // Elements are encoded on all cores and joined in the order (sorted keys) one encoder would
        // write them, so the bytes are the same as encoding `doc` whole, in half the time.
        func encode<T: Encodable>(_ value: T) -> String { Self.encoded(value) }
        func array<T: Encodable & Sendable>(_ items: [T]) -> String { "[" + items.parallelMap { Self.encoded($0) }.joined(separator: ",") + "]" }
        return "{\"departments\":" + array(doc.departments) + ",\"edges\":" + array(doc.edges)
            + ",\"language\":" + encode(doc.language) + ",\"procedures\":" + array(doc.procedures)
            + ",\"roles\":" + array(doc.roles) + ",\"title\":" + encode(doc.title) + ",\"version\":" + encode(doc.version) + "}\n"
    }

    static func encoded<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
