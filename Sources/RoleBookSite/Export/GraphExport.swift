import RoleBookModel

/// `rolebook export`: the org chart for the tools HR already uses.
package enum ExportFormat: String, CaseIterable, Sendable {
    /// One row per role, for spreadsheets and org-chart tools.
    case csv
    /// draw.io's CSV import (Arrange → Insert → Advanced → CSV) with its `# connect` / `# layout` header.
    case drawio
    /// Graphviz: solid reporting lines, dashed dotted lines, a cluster per department.
    case dot
    /// schema.org JSON-LD: the organisation, its departments and an `Occupation` per role.
    case jsonLD = "json-ld"
}

/// Pure functions from a graph to export text; roles in the graph's order (by path).
package struct GraphExport: Sendable {
    package var graph: RoleGraph
    /// Prepended to site-relative page URLs (`https://hr.example.com/handbook/`); empty keeps them relative.
    package var baseURL: String

    package init(graph: RoleGraph, baseURL: String = "") {
        self.graph = graph
        self.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    package func render(_ format: ExportFormat) -> String {
        switch format {
        case .csv: csv()
        case .drawio: drawio()
        case .dot: dot()
        case .jsonLD: jsonLD()
        }
    }

    // MARK: CSV

    package static let csvColumns = ["id", "title", "department", "reports_to", "dotted_line_to", "headcount", "vacant", "grade", "code", "url"]

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. A cell
    /// starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet does not run
    /// it as a formula (OWASP's advice against CSV injection).
    package func csv() -> String {
        let g = graph
        let site = SiteMap(graph: g)
        var out = Self.csvColumns.joined(separator: ",") + "\r\n"
        for r in g.roles.indices {
            let role = g.roles[r]
            let row = [role.id, role.title, g.roleDepartment[r].map { g.departments[$0].id } ?? "",
                       g.superior[r].map { g.roles[$0].id } ?? "", g.dotted[r].map { g.roles[$0].id }.joined(separator: ";"),
                       String(role.headcount), role.isVacant ? "true" : "false", role.grade ?? "", role.code ?? "",
                       baseURL + site.url(.role(r))]
            out += row.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: draw.io

    /// draw.io's org-chart CSV: header lines starting with `#` configure the import, then the CSV.
    /// `manager` links each box to its superior's, `dotted` (`;`-separated in the data, as draw.io
    /// reads comma-separated ids from a quoted cell) to its dotted-line superiors, dashed.
    package func drawio() -> String {
        let g = graph
        let site = SiteMap(graph: g)
        var out = """
        # label: <b>%title%</b><br><span style="color:#555555;">%department%</span><br><span style="color:#555555;">%headcount%</span>
        # style: label;whiteSpace=wrap;html=1;rounded=1;glass=0;strokeColor=%stroke%;fillColor=%fill%;dashed=%dashed%;
        # namespace: rolebook-
        # identity: id
        # link: url
        # connect: {"from": "manager", "to": "id", "invert": true, "style": "curved=0;endArrow=none;endFill=0;edgeStyle=orthogonalEdgeStyle;"}
        # connect: {"from": "dotted", "to": "id", "invert": true, "style": "curved=1;endArrow=open;dashed=1;strokeColor=#c07a2c;"}
        # width: 180
        # height: 70
        # padding: 10
        # ignore: id,manager,dotted,stroke,fill,dashed,url
        # nodespacing: 30
        # levelspacing: 60
        # edgespacing: 30
        # layout: verticaltree
        ## rolebook export --format drawio: one row per role
        id,title,department,headcount,manager,dotted,stroke,fill,dashed,url

        """
        for r in g.roles.indices {
            let role = g.roles[r]
            // Labels are HTML in draw.io (`html=1`): values are escaped.
            let row = [role.id, Self.htmlEscaped(role.title), Self.htmlEscaped(g.roleDepartment[r].map { g.departments[$0].title } ?? ""),
                       role.isVacant ? "0 (vacant)" : String(role.headcount),
                       g.superior[r].map { g.roles[$0].id } ?? "", g.dotted[r].map { g.roles[$0].id }.joined(separator: ","),
                       role.isVacant ? "#d9822b" : "#2f6f9f", role.isVacant ? "#fffaf6" : "#ffffff", role.isVacant ? "1" : "0",
                       baseURL + site.url(.role(r))]
            out += row.map(Self.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    static func htmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: Graphviz

    /// Departments as nested clusters (walked with an explicit stack; departments on a parent cycle
    /// are drawn unnested), roles as boxes (vacant ones dashed), reporting lines solid and dotted
    /// lines dashed without constraining the ranks.
    package func dot() -> String {
        let g = graph
        var out = "digraph rolebook {\n"
        out += "  graph [rankdir=TB, fontname=\"Noto Sans CJK SC\", label=\(Self.dotString(g.config.title)), labelloc=t];\n"
        out += "  node [shape=box, style=rounded, fontname=\"Noto Sans CJK SC\"];\n"
        out += "  edge [arrowhead=none];\n"
        func node(_ r: Int, indent: String) -> String {
            let role = g.roles[r]
            let label = role.title + "\n" + (role.isVacant ? "vacant" : "× \(role.headcount)")
            return indent + Self.dotString(role.id) + " [label=" + Self.dotString(label) + (role.isVacant ? ", style=\"rounded,dashed\"" : "") + "];\n"
        }
        var drawn = Set<Int>()
        // (department, depth, closing): a closing entry ends the cluster after its children.
        var stack: [(d: Int, depth: Int, closing: Bool)] = g.rootDepartments.reversed().map { ($0, 1, false) }
        func emit(_ d: Int, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            out += indent + "subgraph " + Self.dotString("cluster_" + g.departments[d].id) + " {\n"
            out += indent + "  label=" + Self.dotString(g.departments[d].title) + ";\n"
            for r in g.departmentRoles[d] { out += node(r, indent: indent + "  ") }
        }
        while let (d, depth, closing) = stack.popLast() {
            if closing {
                out += String(repeating: "  ", count: depth) + "}\n"
                continue
            }
            guard drawn.insert(d).inserted else { continue }
            emit(d, depth: depth)
            stack.append((d, depth, true))
            stack += g.departmentChildren[d].reversed().map { ($0, depth + 1, false) }
        }
        for d in g.departments.indices where !drawn.contains(d) {
            emit(d, depth: 1)
            out += "  }\n"
        }
        for r in g.roles.indices where g.roleDepartment[r] == nil { out += node(r, indent: "  ") }
        for r in g.roles.indices {
            if let s = g.superior[r] { out += "  " + Self.dotString(g.roles[s].id) + " -> " + Self.dotString(g.roles[r].id) + ";\n" }
        }
        for r in g.roles.indices {
            for t in g.dotted[r] {
                out += "  " + Self.dotString(g.roles[t].id) + " -> " + Self.dotString(g.roles[r].id) + " [style=dashed, constraint=false];\n"
            }
        }
        return out + "}\n"
    }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n` (centred lines).
    static func dotString(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(c)
            }
        }
        return out + "\""
    }

    // MARK: JSON-LD

    /// An `@graph` with the organisation, every department (an `Organization` whose
    /// `parentOrganization` is its parent or the organisation) and every role as an `Occupation`.
    package func jsonLD() -> String {
        let g = graph
        let orgID = "#organization"
        var nodes: [JSONValue] = [["@type": "Organization", "@id": .string(orgID), "name": .string(g.config.organization ?? g.config.title)]]
        let site = SiteMap(graph: g)
        for d in g.departments.indices {
            let parent = g.departmentParent[d].map { "#department-" + g.departments[$0].id } ?? orgID
            var dept: [String: JSONValue] = ["@type": "Organization", "@id": .string("#department-" + g.departments[d].id),
                                             "name": .string(g.departments[d].title), "identifier": .string(g.departments[d].id),
                                             "parentOrganization": ["@id": .string(parent)]]
            if let short = g.departments[d].short { dept["alternateName"] = .string(short) }
            nodes.append(.object(dept))
        }
        for r in g.roles.indices {
            var occupation = OccupationJSONLD.occupation(g, role: r, url: baseURL + site.url(.role(r)))
            occupation["@id"] = .string("#role-" + g.roles[r].id)
            nodes.append(.object(occupation))
        }
        return OccupationJSONLD.text(["@context": "https://schema.org", "@graph": .array(nodes)], pretty: true) + "\n"
    }
}
