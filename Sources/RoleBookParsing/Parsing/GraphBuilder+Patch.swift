import RoleBookModel

/// The last graph built from a ``ParseCache``, kept so that an edit can patch it
/// (``GraphBuilder/patch(_:with:mentions:)``) instead of building the graph again from 10,000
/// entities: `rolebook serve` after a save.
///
/// Kept only when a patch gives the graph a full build would: every reference was an id that
/// resolved, and every diagnostic of the build is about the file it is in (a missing
/// department, a broken link). Then a file whose id stays cannot change how another file
/// resolves, whatever its title.
struct GraphMemo: Sendable {
    var graph: RoleGraph
    /// The graph builder's diagnostics.
    var resolution: [Diagnostic]
    /// The loader's.
    var content: [Diagnostic]
    var pathIndex: [String: NodeRef]

    /// The codes a patchable build may have reported: each about its own file only.
    static let localCodes: Set<DiagnosticCode> = [.missingDepartment, .brokenLink]

    /// The memo of a full build, or nil when a later patch could differ from a full build.
    init?(graph: RoleGraph, resolution: [Diagnostic], content: LoadedContent, basis: GraphBuilder.PatchBasis) {
        guard !basis.usedNames, resolution.allSatisfy({ Self.localCodes.contains($0.code) }) else { return nil }
        self.graph = graph
        self.resolution = resolution
        self.content = content.diagnostics
        pathIndex = basis.pathIndex
    }
}

extension GraphBuilder {
    /// The graph after a targeted load, made from `memo`'s by replacing the changed entities and
    /// resolving only their references; nil when only a full build is right: a file appeared,
    /// vanished or cannot be read, changed its kind or id, the settings changed, or a changed
    /// file now names something by title or names nothing that exists.
    ///
    /// Equal to what ``build(taking:)`` makes of the same files (GraphPatchTests compare them).
    func patch(_ memo: GraphMemo, with update: ContentLoader.Update, configFile: String,
               mentions: inout MentionCache?) -> (graph: RoleGraph, resolution: [Diagnostic], memo: GraphMemo)? {
        guard update.config == memo.graph.config else { return nil }
        var memo = memo
        var graph = memo.graph
        var changed: [(node: NodeRef, file: String)] = []
        for file in update.touched {
            guard let old = file.old, let new = file.new, let before = old.entity, let after = new.entity else { return nil }
            if old.hash == new.hash { continue }
            guard before.kind == after.kind, before.header.id == after.header.id, let node = memo.pathIndex[file.path] else { return nil }
            switch (node, after) {
            case (.role(let i), .role(let r)): graph.roles[i] = r
            case (.department(let i), .department(let d)): graph.departments[i] = d
            case (.procedure(let i), .procedure(let p)): graph.procedures[i] = p
            default: return nil
            }
            // The loader's diagnostics of this file, old for new.
            for d in old.diagnostics {
                if let k = memo.content.firstIndex(of: d) { memo.content.remove(at: k) }
            }
            memo.content += new.diagnostics
            changed.append((node, before.header.location.file))
        }
        // `rolebook.yml` is read on every load: its diagnostics are this load's.
        memo.content = memo.content.filter { $0.location.file != configFile } + update.configDiagnostics
        guard !changed.isEmpty else {
            mentions?.scannedCount = 0
            memo.graph.config = update.config
            return (memo.graph, memo.resolution, memo)
        }

        let files = Set(changed.map(\.file))
        var resolution = memo.resolution.filter { !files.contains($0.location.file) }
        var fresh: [Diagnostic] = []
        let resolver = ReferenceResolver(graph: graph)
        for (node, _) in changed {
            switch node {
            case .role(let i):
                let edges = Self.edges(of: graph.roles[i], resolver, &fresh)
                graph.superior[i] = edges.superior
                graph.dotted[i] = edges.dotted
                graph.listedReports[i] = edges.listed
                graph.roleDepartment[i] = edges.department
            case .department(let i):
                let edges = Self.edges(of: graph.departments[i], resolver, &fresh)
                graph.departmentParent[i] = edges.parent
                graph.departmentHead[i] = edges.head
                graph.positions[i] = edges.positions
            case .procedure(let i):
                let edges = Self.edges(of: graph.procedures[i], resolver, &fresh)
                graph.procedureOwner[i] = edges.owner
                graph.procedurePerformers[i] = edges.performers
                // Set below, with the procedures that take their owner's department.
                graph.procedureDepartment[i] = edges.department
            }
        }
        guard !resolver.usedNames, fresh.allSatisfy({ GraphMemo.localCodes.contains($0.code) }) else { return nil }
        // A procedure that names no department takes its owner's, which a role edit can move.
        for p in graph.procedures.indices where graph.procedures[p].department == nil {
            graph.procedureDepartment[p] = graph.procedureOwner[p].flatMap { graph.roleDepartment[$0] }
        }

        // Links are in the order of their files (roles, departments, procedures; by index):
        // each changed file's run is replaced where it is, or would be.
        let departmentBase = graph.roles.count, procedureBase = departmentBase + graph.departments.count
        func rank(_ node: NodeRef) -> Int {
            switch node {
            case .role(let i): i
            case .department(let i): departmentBase + i
            case .procedure(let i): procedureBase + i
            }
        }
        var linksChanged = false
        for (node, _) in changed.sorted(by: { rank($0.node) < rank($1.node) }) {
            let r = rank(node)
            let start = graph.links.partitioningIndex { rank($0.from) >= r }
            let end = graph.links[start...].partitioningIndex { rank($0.from) > r }
            let edges = Self.links(of: node, in: graph, pathIndex: memo.pathIndex, paths: update.paths, &fresh)
            if !graph.links[start..<end].elementsEqual(edges) {
                graph.links.replaceSubrange(start..<end, with: edges)
                linksChanged = true
            }
        }
        resolution += fresh

        graph.config = update.config
        graph.mentions = []
        let found = MentionFinder(graph: graph, reusing: mentions).find(reusing: mentions, keeping: true)
        graph.mentions = found.mentions
        mentions = found.cache
        derive(&graph, links: linksChanged)
        memo.graph = graph
        memo.resolution = resolution
        return (graph, resolution, memo)
    }
}

extension Collection {
    /// The first index whose element satisfies `belongs`, in a collection where every element
    /// that does comes after every one that does not (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
