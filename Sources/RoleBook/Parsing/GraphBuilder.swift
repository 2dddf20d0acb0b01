/// Builds the ``RoleGraph`` from loaded entities: checks ids, resolves every reference, derives reverse edges.
public struct GraphBuilder {
    public init() {}

    public func build(_ content: LoadedContent) -> (RoleGraph, [Diagnostic]) {
        var graph = RoleGraph(config: content.config)
        var diagnostics: [Diagnostic] = []
        var pathIndex: [String: NodeRef] = [:]

        // Ids: unique per kind; the first file (by path) keeps the id.
        var firstByKindAndID: [EntityKind: [String: EntityHeader]] = [:]
        for entity in content.entities {
            let header = entity.header
            if let other = firstByKindAndID[entity.kind]?[header.id] {
                diagnostics.append(Diagnostic(.duplicateID, "duplicate \(entity.kind.rawValue) id '\(header.id)'", at: header.location,
                                              notes: [Diagnostic.Note("'\(header.id)' is already used here", at: other.location)]))
                continue
            }
            firstByKindAndID[entity.kind, default: [:]][header.id] = header
            switch entity {
            case .role(let r):
                graph.roleIndex[r.id] = graph.roles.count
                pathIndex[header.path] = .role(graph.roles.count)
                graph.roles.append(r)
            case .department(let d):
                graph.departmentIndex[d.id] = graph.departments.count
                pathIndex[header.path] = .department(graph.departments.count)
                graph.departments.append(d)
            case .procedure(let p):
                graph.procedureIndex[p.id] = graph.procedures.count
                pathIndex[header.path] = .procedure(graph.procedures.count)
                graph.procedures.append(p)
            }
        }

        let resolver = ReferenceResolver(graph: graph)
        func role(_ ref: Located<String>?, _ field: String) -> Int? {
            guard let ref else { return nil }
            return resolver.role(ref, field: field, diagnostics: &diagnostics)
        }
        func department(_ ref: Located<String>?, _ field: String) -> Int? {
            guard let ref else { return nil }
            return resolver.department(ref, field: field, diagnostics: &diagnostics)
        }

        for r in graph.roles {
            graph.superior.append(role(r.reportsTo, "reports_to"))
            graph.dotted.append(r.dottedLineTo.compactMap { role($0, "dotted_line_to") })
            graph.listedReports.append(r.directReports.map { $0.compactMap { ref in role(ref, "direct_reports").map { Located($0, at: ref.location) } } })
            if r.department == nil {
                diagnostics.append(Diagnostic(.missingDepartment, "role '\(r.id)' has no department", at: r.header.titleLocation,
                                              notes: [Diagnostic.Note("add 'department: <department id>'")]))
            }
            graph.roleDepartment.append(department(r.department, "department"))
        }
        for d in graph.departments {
            graph.departmentParent.append(department(d.parent, "parent"))
            graph.departmentHead.append(role(d.head, "head"))
            graph.positions.append(d.positions.compactMap { p in role(p.role, "positions").map { ($0, p.count, p.role.location) } })
        }
        for p in graph.procedures {
            let owner = role(p.owner, "owner")
            graph.procedureOwner.append(owner)
            graph.procedurePerformers.append(p.roles.compactMap { role($0, "roles") })
            graph.procedureDepartment.append(department(p.department, "department") ?? owner.flatMap { graph.roleDepartment[$0] })
        }

        // Links between content files.
        let nodes: [(NodeRef, EntityHeader)] = graph.roles.indices.map { (.role($0), graph.roles[$0].header) }
            + graph.departments.indices.map { (.department($0), graph.departments[$0].header) }
            + graph.procedures.indices.map { (.procedure($0), graph.procedures[$0].header) }
        for (node, header) in nodes {
            for link in header.document.links {
                guard let target = link.target else { continue }
                if let to = pathIndex[target] {
                    graph.links.append(LinkEdge(from: node, to: to, location: link.location))
                } else if !content.paths.contains(target) {
                    var notes: [Diagnostic.Note] = []
                    let name = String(target.split(separator: "/").last ?? "")
                    if let guess = Suggestions.closest(to: name, among: pathIndex.keys.map { String($0.split(separator: "/").last ?? "") }),
                       let full = pathIndex.keys.sorted().first(where: { $0.hasSuffix("/" + guess) || $0 == guess }) {
                        notes.append(Diagnostic.Note("did you mean '\(RelativePath.from(header.path, to: full))'?"))
                    }
                    diagnostics.append(Diagnostic(.brokenLink, "link to '\(link.destination)' points to no content file", at: link.location, notes: notes))
                }
            }
        }

        graph.mentions = MentionFinder(graph: graph).find()
        derive(&graph)
        return (graph, diagnostics)
    }

    /// Fills the reverse edges from the forward ones.
    public func derive(_ graph: inout RoleGraph) {
        graph.subordinates = Array(repeating: [], count: graph.roles.count)
        graph.dottedReports = Array(repeating: [], count: graph.roles.count)
        graph.departmentRoles = Array(repeating: [], count: graph.departments.count)
        graph.departmentChildren = Array(repeating: [], count: graph.departments.count)
        graph.roleProcedures = Array(repeating: [], count: graph.roles.count)
        graph.mentionedIn = Array(repeating: [], count: graph.roles.count)
        for (i, s) in graph.superior.enumerated() { if let s, s != i { graph.subordinates[s].append(i) } }
        for (i, ds) in graph.dotted.enumerated() { for d in ds where d != i { graph.dottedReports[d].append(i) } }
        for (i, d) in graph.roleDepartment.enumerated() { if let d { graph.departmentRoles[d].append(i) } }
        for (i, p) in graph.departmentParent.enumerated() { if let p, p != i { graph.departmentChildren[p].append(i) } }
        for p in graph.procedures.indices {
            var rs = graph.procedurePerformers[p]
            if let o = graph.procedureOwner[p] { rs.append(o) }
            for r in Set(rs).sorted() { graph.roleProcedures[r].append(p) }
        }
        for m in graph.mentions { graph.mentionedIn[m.role].append(m) }
        graph.linkedFrom = Dictionary(grouping: graph.links, by: \.to)
    }
}

/// Relative paths between content files, for suggestions and links.
enum RelativePath {
    static func from(_ source: String, to target: String) -> String {
        let a = source.split(separator: "/").dropLast(), b = target.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count - 1, a[a.startIndex + common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b.dropFirst(common).map(String.init)).joined(separator: "/")
    }
}
