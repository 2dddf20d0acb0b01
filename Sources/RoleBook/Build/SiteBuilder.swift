import Foundation

/// One output file of the site.
public struct OutputFile: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`).
    public var path: String
    public var contents: String
}

/// Renders every page of the site from the graph, in parallel, with deterministic output.
public struct SiteRenderer: Sendable {
    public var graph: RoleGraph

    public init(graph: RoleGraph) { self.graph = graph }

    /// A page to render; pages are independent, so they render on all cores.
    enum Job: Sendable {
        case home, az, procedures, search, checklistIndex
        case role(Int), department(Int), procedure(Int), checklist(Int), weekChecklist(Int), roleChecklist(Int)
    }

    var jobs: [Job] {
        var jobs: [Job] = [.home, .az, .procedures, .search, .checklistIndex]
        jobs += graph.roles.indices.map(Job.role)
        jobs += graph.departments.indices.map(Job.department)
        jobs += graph.procedures.indices.map(Job.procedure)
        jobs += graph.procedures.indices.map(Job.checklist)
        jobs += graph.procedures.indices.filter { graph.procedures[$0].hasWeekGrid }.map(Job.weekChecklist)
        jobs += graph.roles.indices.filter { !graph.roleProcedures[$0].isEmpty }.map(Job.roleChecklist)
        return jobs
    }

    /// Every file of the site, sorted by path.
    public func render() -> [OutputFile] {
        var timings = Stopwatch()
        var files: [OutputFile] = []
        render(timings: &timings) { files += $0 }
        files.sort { $0.path < $1.path }
        return files
    }

    /// Pages rendered and handed over per batch, so a big site is never held in memory whole.
    static let batchSize = 1024

    /// Every file of the site, handed to `emit` in batches (each file once, in a fixed order),
    /// recording the phases in `timings`; `emit` may write each batch before the next renders.
    public func render(timings: inout Stopwatch, emit: ([OutputFile]) throws -> Void) rethrows {
        let site = SiteMap(graph: graph)
        let strings = UIStrings(language: graph.config.language)
        timings.lap("site map")
        let search = SearchIndexBuilder(graph: graph, strings: [:]).build()
        try emit(search.keys.sorted().map { OutputFile(path: $0, contents: search[$0]!) })
        timings.lap("search index")
        try emit([OutputFile(path: "assets/site.css", contents: SiteStylesheet.css),
                  OutputFile(path: "assets/checklist.css", contents: ChecklistStylesheet.css),
                  OutputFile(path: "assets/search.js", contents: SearchClientAssets.script)])
        let indexScripts = SearchIndexBuilder.pageScripts
        let jobs = jobs
        for start in stride(from: 0, to: jobs.count, by: Self.batchSize) {
            let batch = Array(jobs[start..<min(start + Self.batchSize, jobs.count)])
            try emit(batch.parallelMap { job in Self.render(job, site: site, strings: strings, indexScripts: indexScripts) })
        }
        timings.lap("pages")
        try emit([OutputFile(path: "graph.json", contents: GraphJSON(site: site).render())])
        timings.lap("graph.json")
    }

    static func render(_ job: Job, site: SiteMap, strings: UIStrings, indexScripts: [String]) -> OutputFile {
        func context(_ depth: Int, _ path: String? = nil) -> PageContext { PageContext(site: site, strings: strings, depth: depth, contentPath: path) }
        let g = site.graph
        switch job {
        case .home: return OutputFile(path: "index.html", contents: HomePage(context: context(0)).render())
        case .az: return OutputFile(path: "az.html", contents: IndexPages(context: context(0)).azPage())
        case .procedures: return OutputFile(path: "procedures/index.html", contents: IndexPages(context: context(1)).proceduresPage())
        case .search: return OutputFile(path: "search.html", contents: SearchPage(context: context(0), indexScripts: indexScripts).render())
        case .checklistIndex: return OutputFile(path: "checklists/index.html", contents: ChecklistPages(context: context(1)).index())
        case .role(let i):
            return OutputFile(path: SiteMap.filePath(site.url(.role(i))), contents: RolePage(context: context(1, g.roles[i].header.path), index: i).render())
        case .department(let i):
            return OutputFile(path: SiteMap.filePath(site.url(.department(i))), contents: DepartmentPage(context: context(1, g.departments[i].header.path), index: i).render())
        case .procedure(let i):
            return OutputFile(path: SiteMap.filePath(site.url(.procedure(i))), contents: ProcedurePage(context: context(1, g.procedures[i].header.path), index: i).render())
        case .checklist(let i):
            return OutputFile(path: SiteMap.filePath(site.checklistURL(procedure: i)), contents: ChecklistPages(context: context(1, g.procedures[i].header.path)).procedureSheet(i))
        case .weekChecklist(let i):
            return OutputFile(path: SiteMap.filePath(site.weekChecklistURL(procedure: i)!), contents: ChecklistPages(context: context(2, g.procedures[i].header.path)).weekSheet(i))
        case .roleChecklist(let i):
            return OutputFile(path: SiteMap.filePath(site.checklistURL(role: i)), contents: ChecklistPages(context: context(2, g.roles[i].header.path)).roleSheet(i))
        }
    }
}

