import RoleBookModel

/// Builds the ``RoleGraph`` from loaded entities: checks ids, resolves every reference, derives reverse edges.
public struct GraphBuilder {
    public init() {}

    public func build(_ content: LoadedContent) -> (RoleGraph, [Diagnostic]) {
        var content = content
        return build(taking: &content)
    }

    /// ``build(_:)``, moving the entities out of `content` into the graph (`content.entities` is
    /// left empty). When `content` holds the only reference to them, no entity is copied: copying
    /// and later releasing every role's two dozen references were a fifth of the graph phase.
    package func build(taking content: inout LoadedContent) -> (RoleGraph, [Diagnostic]) {
        var none: MentionCache?
        return build(taking: &content, mentions: &none, keeping: false)
    }

    /// ``build(taking:)``, finding mentions with the help of the last build's `mentions` (see
    /// ``MentionCache``), which becomes this build's when `keeping`.
    func build(taking content: inout LoadedContent, mentions: inout MentionCache?, keeping: Bool) -> (RoleGraph, [Diagnostic]) {
        var graph = RoleGraph(config: content.config)
        var diagnostics: [Diagnostic] = []
        var pathIndex: [String: NodeRef] = [:]
        var entities: [Entity] = []
        swap(&entities, &content.entities)

        // Ids: unique per kind; the first file (by path) keeps the id. The index of each kind
        // records the first file; the arrays are sized up front (grown by appending, the copies
        // and spare capacity cost several MB at 10,000 roles).
        var counts: [EntityKind: Int] = [:]
        for i in entities.indices { counts[entities[i].kind, default: 0] += 1 }
        graph.roles.reserveCapacity(counts[.role] ?? 0)
        graph.departments.reserveCapacity(counts[.department] ?? 0)
        graph.procedures.reserveCapacity(counts[.procedure] ?? 0)
        graph.roleIndex.reserveCapacity(counts[.role] ?? 0)
        graph.departmentIndex.reserveCapacity(counts[.department] ?? 0)
        graph.procedureIndex.reserveCapacity(counts[.procedure] ?? 0)
        pathIndex.reserveCapacity(entities.count)
        func isDuplicate(_ kind: EntityKind, _ header: EntityHeader) -> Bool {
            let first: SourceLocation? = switch kind {
            case .role: graph.roleIndex[header.id].map { graph.roles[$0].header.location }
            case .department: graph.departmentIndex[header.id].map { graph.departments[$0].header.location }
            case .procedure: graph.procedureIndex[header.id].map { graph.procedures[$0].header.location }
            }
            guard let first else { return false }
            diagnostics.append(Diagnostic(.duplicateID, .duplicateID(kind: kind, id: header.id), at: header.location,
                                          notes: [Diagnostic.Note(.alreadyUsedHere(header.id), at: first)]))
            return true
        }
        // Each entity is moved out of the array and replaced by a placeholder that holds no
        // references, so neither taking it nor destroying the array touches a reference count.
        let placeholder = Self.placeholder
        entities.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in buffer.indices {
                let entity = (base + i).move()
                (base + i).initialize(to: placeholder)
                switch consume entity {
                case .role(let r):
                    guard !isDuplicate(.role, r.header) else { continue }
                    graph.roleIndex[r.id] = graph.roles.count
                    pathIndex[r.header.path] = .role(graph.roles.count)
                    graph.roles.append(r)
                case .department(let d):
                    guard !isDuplicate(.department, d.header) else { continue }
                    graph.departmentIndex[d.id] = graph.departments.count
                    pathIndex[d.header.path] = .department(graph.departments.count)
                    graph.departments.append(d)
                case .procedure(let p):
                    guard !isDuplicate(.procedure, p.header) else { continue }
                    graph.procedureIndex[p.id] = graph.procedures.count
                    pathIndex[p.header.path] = .procedure(graph.procedures.count)
                    graph.procedures.append(p)
                }
            }
        }
        // Only placeholders are left: free the array now rather than at the end.
        entities = []

        let resolver = ReferenceResolver(graph: graph, unparsed: ReferenceResolver.unparsedFiles(content, parsed: pathIndex))
        func role(_ ref: Located<String>?, _ field: String) -> Int? {
            guard let ref else { return nil }
            return resolver.role(ref, field: field, diagnostics: &diagnostics)
        }
        func department(_ ref: Located<String>?, _ field: String) -> Int? {
            guard let ref else { return nil }
            return resolver.department(ref, field: field, diagnostics: &diagnostics)
        }

        // Fields are read in place: `for r in graph.roles` copied (and retained) every role.
        graph.superior.reserveCapacity(graph.roles.count)
        graph.dotted.reserveCapacity(graph.roles.count)
        graph.listedReports.reserveCapacity(graph.roles.count)
        graph.roleDepartment.reserveCapacity(graph.roles.count)
        for i in graph.roles.indices {
            graph.superior.append(role(graph.roles[i].reportsTo, "reports_to"))
            graph.dotted.append(graph.roles[i].dottedLineTo.compactMap { role($0, "dotted_line_to") })
            graph.listedReports.append(graph.roles[i].directReports.map { $0.compactMap { ref in role(ref, "direct_reports").map { Located($0, at: ref.location) } } })
            let departmentRef = graph.roles[i].department
            if departmentRef == nil {
                diagnostics.append(Diagnostic(.missingDepartment, .missingDepartment(role: graph.roles[i].id), at: graph.roles[i].header.titleLocation,
                                              notes: [Diagnostic.Note(.addDepartment)]))
            }
            graph.roleDepartment.append(department(departmentRef, "department"))
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
        let nodes: [NodeRef] = graph.roles.indices.map { .role($0) } + graph.departments.indices.map { .department($0) }
            + graph.procedures.indices.map { .procedure($0) }
        for node in nodes {
            // The links are read in place; the header is copied only for a broken link.
            let links = switch node {
            case .role(let i): graph.roles[i].header.document.links
            case .department(let i): graph.departments[i].header.document.links
            case .procedure(let i): graph.procedures[i].header.document.links
            }
            for link in links {
                guard let target = link.target else { continue }
                if let to = pathIndex[target] {
                    graph.links.append(LinkEdge(from: node, to: to, location: link.location))
                } else if !content.paths.contains(target) {
                    var notes: [Diagnostic.Note] = []
                    let name = String(target.split(separator: "/").last ?? "")
                    if let guess = Suggestions.closest(to: name, among: pathIndex.keys.map { String($0.split(separator: "/").last ?? "") }),
                       let full = pathIndex.keys.sorted().first(where: { $0.hasSuffix("/" + guess) || $0 == guess }) {
                        notes.append(Diagnostic.Note(.didYouMean(RelativePath.from(graph.header(node).path, to: full))))
                    }
                    diagnostics.append(Diagnostic(.brokenLink, .brokenLink(link.destination), at: link.location, notes: notes))
                }
            }
        }

        let found = MentionFinder(graph: graph, reusing: mentions).find(reusing: mentions, keeping: keeping)
        graph.mentions = found.mentions
        mentions = found.cache
        derive(&graph)
        return (graph, diagnostics)
    }

    /// An entity made only of empty and small values: copying or destroying it costs nothing.
    private static let placeholder: Entity = {
        let nowhere = SourceLocation(file: "")
        let header = EntityHeader(id: "", title: "", summary: nil, path: "", location: nowhere, titleLocation: nowhere, document: ContentDocument())
        return .procedure(Procedure(header: header, owner: nil, roles: [], department: nil, frequency: nil, version: nil, effective: nil))
    }()

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
        for k in graph.mentions.indices { graph.mentionedIn[graph.mentions[k].role].append(k) }
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
