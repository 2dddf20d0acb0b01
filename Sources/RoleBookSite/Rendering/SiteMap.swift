import RoleBookModel

/// Where every page lives (``Route``), and links between pages relative to the page being rendered:
/// the one type that knows paths and URLs.
public struct SiteMap: Sendable {
    public let graph: RoleGraph
    private var pathIndex: [String: NodeRef] = [:]
    /// URLs computed once: pages ask for them tens of times each.
    private let roleURLs: [String]
    private let departmentURLs: [String]
    private let procedureURLs: [String]
    /// Computed once per build: department pages, both indexes and the checklist index list them.
    public let procedures: ProceduresByDepartment

    public init(graph: RoleGraph) {
        self.graph = graph
        for (i, r) in graph.roles.enumerated() { pathIndex[r.header.path] = .role(i) }
        for (i, d) in graph.departments.enumerated() { pathIndex[d.header.path] = .department(i) }
        for (i, p) in graph.procedures.enumerated() { pathIndex[p.header.path] = .procedure(i) }
        roleURLs = graph.roles.map { "roles/" + Self.segment($0.id) + ".html" }
        departmentURLs = graph.departments.map { "departments/" + Self.segment($0.id) + ".html" }
        procedureURLs = graph.procedures.map { "procedures/" + Self.segment($0.id) + ".html" }
        procedures = graph.proceduresByDepartment()
    }

    /// Site-root-relative URL of a node's page.
    public func url(_ node: NodeRef) -> String {
        switch node {
        case .role(let i): roleURLs[i]
        case .department(let i): departmentURLs[i]
        case .procedure(let i): procedureURLs[i]
        }
    }

    public func node(forContentPath path: String) -> NodeRef? { pathIndex[path] }

    /// Percent-encodes what is not safe in a path segment; ids are already restricted to letters, digits, `-_.`.
    package static func segment(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F || byte == 0x2E {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// File-system path for a site-root-relative URL (percent-decoded).
    package static func filePath(_ url: String) -> String { url.removingPercentEncodingIfPossible }
}
