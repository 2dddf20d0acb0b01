import RoleBookModel

/// Builds the ``RoleGraph`` from loaded entities: checks ids, resolves every reference, derives reverse edges.
package struct GraphBuilder {
    package init() {}

    package func build(_ content: LoadedContent) -> (RoleGraph, [Diagnostic]) {
        var content = content
        return build(taking: &content)
    }

    /// ``build(_:)``, moving the entities out of `content` into the graph (`content.entities` is
    /// left empty). When `content` holds the only reference to them, no entity is copied: copying
    /// and later releasing every role's two dozen references were a fifth of the graph phase.
    package func build(taking content: inout LoadedContent) -> (RoleGraph, [Diagnostic]) {
        var none: MentionCache?, noBasis: PatchBasis?
        return build(taking: &content, mentions: &none, keeping: false, basis: &noBasis)
    }

    /// What a patch of the graph needs besides the graph (``GraphMemo``).
    struct PatchBasis {
        var pathIndex: [String: NodeRef]
        /// Whether some reference was looked up by name (or failed): then another file's edit
        /// (a title) can change what it resolves to, and only a full build is right.
        var usedNames: Bool
    }

    /// ``build(taking:)``, finding mentions with the help of the last build's `mentions` (see
    /// ``MentionCache``), which becomes this build's when `keeping`.
    ///
    /// `basis` receives what ``patch(_:with:mentions:)`` needs to patch this graph later.
    func build(taking content: inout LoadedContent, mentions: inout MentionCache?, keeping: Bool, basis: inout PatchBasis?) -> (RoleGraph, [Diagnostic]) {
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
        // Fields are read in place: `for r in graph.roles` copied (and retained) every role.
        graph.superior.reserveCapacity(graph.roles.count)
        graph.dotted.reserveCapacity(graph.roles.count)
        graph.listedReports.reserveCapacity(graph.roles.count)
        graph.roleDepartment.reserveCapacity(graph.roles.count)
        for i in graph.roles.indices {
            let edges = Self.edges(of: graph.roles[i], resolver, &diagnostics)
            graph.superior.append(edges.superior)
            graph.dotted.append(edges.dotted)
            graph.listedReports.append(edges.listed)
            graph.roleDepartment.append(edges.department)
        }
        for d in graph.departments {
            let edges = Self.edges(of: d, resolver, &diagnostics)
            graph.departmentParent.append(edges.parent)
            graph.departmentHead.append(edges.head)
            graph.positions.append(edges.positions)
        }
        for p in graph.procedures {
            let edges = Self.edges(of: p, resolver, &diagnostics)
            graph.procedureOwner.append(edges.owner)
            graph.procedurePerformers.append(edges.performers)
            graph.procedureDepartment.append(edges.department ?? edges.owner.flatMap { graph.roleDepartment[$0] })
        }

        // Links between content files.
        for node in graph.roles.indices.map({ NodeRef.role($0) }) + graph.departments.indices.map({ .department($0) })
            + graph.procedures.indices.map({ .procedure($0) }) {
            graph.links += Self.links(of: node, in: graph, pathIndex: pathIndex, paths: content.paths, &diagnostics)
        }

        let found = MentionFinder(graph: graph, reusing: mentions).find(reusing: mentions, keeping: keeping)
        graph.mentions = found.mentions
        mentions = found.cache
        derive(&graph)
        basis = PatchBasis(pathIndex: pathIndex, usedNames: resolver.usedNames)
        return (graph, diagnostics)
    }

    /// A role's references, resolved (with a diagnostic for each that does not resolve).
    static func edges(of role: Role, _ resolver: ReferenceResolver, _ diagnostics: inout [Diagnostic])
        -> (superior: Int?, dotted: [Int], listed: [Located<Int>]?, department: Int?) {
        if role.department == nil {
            diagnostics.append(Diagnostic(.missingDepartment, .missingDepartment(role: role.id), at: role.header.titleLocation,
                                          notes: [Diagnostic.Note(.addDepartment)]))
        }
        return (role.reportsTo.flatMap { resolver.role($0, field: "reports_to", diagnostics: &diagnostics) },
                role.dottedLineTo.compactMap { resolver.role($0, field: "dotted_line_to", diagnostics: &diagnostics) },
                role.directReports.map { $0.compactMap { ref in resolver.role(ref, field: "direct_reports", diagnostics: &diagnostics).map { Located($0, at: ref.location) } } },
                role.department.flatMap { resolver.department($0, field: "department", diagnostics: &diagnostics) })
    }

    /// A department's references, resolved.
    static func edges(of department: Department, _ resolver: ReferenceResolver, _ diagnostics: inout [Diagnostic])
        -> (parent: Int?, head: Int?, positions: [(role: Int, count: Int, location: SourceLocation)]) {
        (department.parent.flatMap { resolver.department($0, field: "parent", diagnostics: &diagnostics) },
         department.head.flatMap { resolver.role($0, field: "head", diagnostics: &diagnostics) },
         department.positions.compactMap { p in resolver.role(p.role, field: "positions", diagnostics: &diagnostics).map { ($0, p.count, p.role.location) } })
    }

    /// A procedure's references, resolved; `department` is the one it names (when none, the
    /// graph takes its owner's).
    static func edges(of procedure: Procedure, _ resolver: ReferenceResolver, _ diagnostics: inout [Diagnostic])
        -> (owner: Int?, performers: [Int], department: Int?) {
        (procedure.owner.flatMap { resolver.role($0, field: "owner", diagnostics: &diagnostics) },
         procedure.roles.compactMap { resolver.role($0, field: "roles", diagnostics: &diagnostics) },
         procedure.department.flatMap { resolver.department($0, field: "department", diagnostics: &diagnostics) })
    }

    /// The links from `node`'s file to other content files, with RB109 for each to a file that
    /// does not exist (`paths`: every Markdown file found, parsed or not).
    static func links(of node: NodeRef, in graph: RoleGraph, pathIndex: [String: NodeRef], paths: Set<String>,
                      _ diagnostics: inout [Diagnostic]) -> [LinkEdge] {
        var edges: [LinkEdge] = []
        // The links are read in place; the header is copied only for a broken link.
        let links = switch node {
        case .role(let i): graph.roles[i].header.document.links
        case .department(let i): graph.departments[i].header.document.links
        case .procedure(let i): graph.procedures[i].header.document.links
        }
        for link in links {
            guard let target = link.target else { continue }
            if let to = pathIndex[target] {
                edges.append(LinkEdge(from: node, to: to, location: link.location))
            } else if !paths.contains(target) {
                var notes: [Diagnostic.Note] = []
                let name = String(target.split(separator: "/").last ?? "")
                if let guess = Suggestions.closest(to: name, among: pathIndex.keys.map { String($0.split(separator: "/").last ?? "") }),
                   let full = pathIndex.keys.sorted().first(where: { $0.hasSuffix("/" + guess) || $0 == guess }) {
                    notes.append(Diagnostic.Note(.didYouMean(RelativePath.from(graph.header(node).path, to: full))))
                }
                diagnostics.append(Diagnostic(.brokenLink, .brokenLink(link.destination), at: link.location, notes: notes))
            }
        }
        return edges
    }

    /// An entity made only of empty and small values: copying or destroying it costs nothing.
    private static let placeholder: Entity = {
        let nowhere = SourceLocation(file: "")
        let header = EntityHeader(id: "", title: "", summary: nil, path: "", location: nowhere, titleLocation: nowhere, document: ContentDocument())
        return .procedure(Procedure(header: header, owner: nil, roles: [], department: nil, frequency: nil, version: nil, effective: nil))
    }()

    /// Fills the reverse edges from the forward ones.
    package func derive(_ graph: inout RoleGraph) { derive(&graph, links: true) }

    /// ``derive(_:)``; without `links`, `linkedFrom` is kept as it is (a patch that left every
    /// link as it was: grouping them again was a tenth of a patch).
    func derive(_ graph: inout RoleGraph, links: Bool) {
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
        if links { graph.linkedFrom = Dictionary(grouping: graph.links, by: \.to) }
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
