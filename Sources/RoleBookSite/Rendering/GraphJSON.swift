import Foundation
import RoleBookModel
import RoleBookParsing

/// `graph.json`: the whole graph for other tools. Schema in docs/graph-json.md.
package struct GraphJSON {
    var site: SiteMap

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(site: SiteMap) { self.site = site }

    struct Document: Encodable, Sendable {
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
        var document: String? = nil, version: String? = nil, effective: String? = nil, approvedBy: String? = nil
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
    struct EdgeRecord: Encodable, Sendable {
        /// `reports_to`, `dotted_line`, `member_of`, `owns`, `performs`, `mentions`, `links`, `parent`, `head`.
        var type: String
        var from: String
        var to: String
    }

    /// The document as records (the schema; tests compare ``render()`` with `JSONEncoder`'s output of it).
    func document() -> Document {
        let g = site.graph
        func ref(_ n: NodeRef) -> String {
            switch n {
            case .role(let i): "role:" + g.roles[i].id
            case .department(let i): "department:" + g.departments[i].id
            case .procedure(let i): "procedure:" + g.procedures[i].id
            }
        }
        @Sendable func item(_ i: Item) -> ItemRecord {
            ItemRecord(text: i.text, line: i.location.line, time: i.time?.label, children: i.children.isEmpty ? nil : i.children.map(item))
        }
        @Sendable func section(_ s: Section) -> SectionRecord { SectionRecord(kind: s.kind.rawValue, heading: s.heading, items: s.items.map(item)) }
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
        return Document(
            title: g.config.title, language: g.config.language,
            departments: Array(g.departments.indices).parallelMap { d in
                let x = g.departments[d]
                return .init(id: x.id, title: x.title, url: site.url(.department(d)), source: x.header.path,
                             parent: g.departmentParent[d].map { g.departments[$0].id }, head: g.departmentHead[d].map { g.roles[$0].id }, summary: x.header.summary)
            },
            roles: Array(g.roles.indices).parallelMap { i in
                let r = g.roles[i]
                return .init(id: r.id, title: r.title, url: site.url(.role(i)), source: r.header.path,
                             department: g.roleDepartment[i].map { g.departments[$0].id }, reportsTo: g.superior[i].map { g.roles[$0].id },
                             grade: r.grade, code: r.code, summary: r.header.summary,
                             document: r.documentCode, version: r.version, effective: r.effective, approvedBy: r.approvedBy, aliases: r.aliases, headcount: r.headcount, top: r.top,
                             depth: depths[i], sections: r.header.document.sections.filter { $0.kind != .intro }.map(section))
            },
            procedures: Array(g.procedures.indices).parallelMap { p in
                let x = g.procedures[p]
                return .init(id: x.id, title: x.title, url: site.url(.procedure(p)), source: x.header.path, checklist: site.url(for: .checklist(p)),
                             owner: g.procedureOwner[p].map { g.roles[$0].id }, department: g.procedureDepartment[p].map { g.departments[$0].id },
                             frequency: x.frequency?.rawValue, version: x.version, effective: x.effective,
                             roles: g.procedurePerformers[p].map { g.roles[$0].id }, phases: x.phases.map(section))
            },
            edges: edges)
    }

    /// The JSON text: what `JSONEncoder` with sorted keys writes for ``document()`` (and U+2028/U+2029
    /// escaped), written by hand on all cores; `JSONEncoder` took over a second for 10,000 roles.
    package func render() -> String {
        let doc = document()
        // Each record becomes bytes on its own core; the file is assembled once into one buffer
        // (joining strings copied the 37 MB of a 10,000-role graph several times over).
        func array<T: Sendable>(_ items: [T], _ write: @Sendable (T, inout JSONObjectWriter) -> Void) -> [[UInt8]] {
            items.parallelMap { item -> [UInt8] in
                var w = JSONObjectWriter()
                write(item, &w)
                return w.finishBytes()
            }
        }
        let departments = array(doc.departments) { $0.write(to: &$1) }, edges = array(doc.edges) { $0.write(to: &$1) }
        let procedures = array(doc.procedures) { $0.write(to: &$1) }, roles = array(doc.roles) { $0.write(to: &$1) }
        var out: [UInt8] = []
        out.reserveCapacity([departments, edges, procedures, roles].reduce(256) { $0 + $1.reduce($1.count + 2) { $0 + $1.count } })
        func append(_ key: String, _ parts: [[UInt8]]) {
            out.append(contentsOf: key.utf8)
            out.append(0x5B)
            for (i, part) in parts.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(contentsOf: part)
            }
            out.append(0x5D)
        }
        append("{\"departments\":", departments)
        append(",\"edges\":", edges)
        out.append(contentsOf: ",\"language\":".utf8)
        JSONWriter.appendString(doc.language, to: &out)
        append(",\"procedures\":", procedures)
        append(",\"roles\":", roles)
        out.append(contentsOf: ",\"title\":".utf8)
        JSONWriter.appendString(doc.title, to: &out)
        out.append(contentsOf: ",\"version\":\(doc.version)}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}

extension GraphJSON.ItemRecord {
    func write(to w: inout JSONObjectWriter) {
        w.objects("children", children) { $0.write(to: &$1) }
        w.int("line", line)
        w.string("text", text)
        w.string("time", time)
    }
}

extension GraphJSON.SectionRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("heading", heading)
        w.objects("items", items) { $0.write(to: &$1) }
        w.string("kind", kind)
    }
}

extension GraphJSON.DepartmentRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("head", head)
        w.string("id", id)
        w.string("parent", parent)
        w.string("source", source)
        w.string("summary", summary)
        w.string("title", title)
        w.string("url", url)
    }
}

extension GraphJSON.RoleRecord {
    func write(to w: inout JSONObjectWriter) {
        w.strings("aliases", aliases)
        w.string("approvedBy", approvedBy)
        w.string("code", code)
        w.string("department", department)
        w.int("depth", depth)
        w.string("document", document)
        w.string("effective", effective)
        w.string("grade", grade)
        w.int("headcount", headcount)
        w.string("id", id)
        w.string("reportsTo", reportsTo)
        w.objects("sections", sections) { $0.write(to: &$1) }
        w.string("source", source)
        w.string("summary", summary)
        w.string("title", title)
        w.bool("top", top)
        w.string("url", url)
        w.string("version", version)
    }
}

extension GraphJSON.ProcedureRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("checklist", checklist)
        w.string("department", department)
        w.string("effective", effective)
        w.string("frequency", frequency)
        w.string("id", id)
        w.string("owner", owner)
        w.objects("phases", phases) { $0.write(to: &$1) }
        w.strings("roles", roles)
        w.string("source", source)
        w.string("title", title)
        w.string("url", url)
        w.string("version", version)
    }
}

extension GraphJSON.EdgeRecord {
    func write(to w: inout JSONObjectWriter) {
        w.string("from", from)
        w.string("to", to)
        w.string("type", type)
    }
}
