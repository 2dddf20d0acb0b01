import Foundation

/// One output file of the site.
public struct OutputFile: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`).
    public var path: String
    public var contents: String
    /// Fingerprint of everything the page was rendered from (``PageInputs``); nil for files made on every build.
    public var inputs: UInt64?
    /// A page the previous build wrote from the same inputs: not rendered again, `contents` is empty.
    public var isKept = false

    public init(path: String, contents: String, inputs: UInt64? = nil) {
        self.path = path
        self.contents = contents
        self.inputs = inputs
    }

    /// The page at `path` as the previous build wrote it.
    static func kept(_ path: String, inputs: UInt64) -> OutputFile {
        var file = OutputFile(path: path, contents: "", inputs: inputs)
        file.isKept = true
        return file
    }
}

/// Renders every page of the site from the graph, in parallel, with deterministic output.
public struct SiteRenderer: Sendable {
    public var graph: RoleGraph
    /// Identifies the rolebook that renders (``PageInputs/rendererIdentity``); nil keeps no page.
    var rendererIdentity: UInt64?
    /// Where the build cache lives (`.rolebook-cache`): the search index's document list is kept
    /// there so the next build can update the index instead of building it again. Nil: no cache.
    public var cacheDirectory: URL?
    /// For a site held in memory (`serve`): the search index's document list between renders,
    /// in place of the one kept in `cacheDirectory`.
    public var searchMemory: SearchIndexMemory?
    /// Leave graph.json out (`serve` renders it when it is asked for: no page loads it).
    public var omitsGraphJSON = false

    public init(graph: RoleGraph) { self.init(graph: graph, rendererIdentity: PageInputs.rendererIdentity) }

    init(graph: RoleGraph, rendererIdentity: UInt64?) {
        self.graph = graph
        self.rendererIdentity = rendererIdentity
    }

    /// A page to render; pages are independent, so they render on all cores.
    typealias Job = Route

    var jobs: [Job] { SiteMap(graph: graph).pages }

    /// Every file of the site, sorted by path.
    public func render() -> [OutputFile] {
        var timings = Stopwatch()
        var files: [OutputFile] = []
        render(timings: &timings) { files += $0 }
        files.sort { $0.path < $1.path }
        return files
    }

    /// Only `pages` and the `assets` they need, sorted by path: what `rolebook print` prints,
    /// without rendering the rest of the site.
    public func render(pages: [Route], assets: [SiteAsset]) -> [OutputFile] {
        let site = SiteMap(graph: graph)
        let strings = UIStrings(language: graph.config.language)
        let rendered = pages.parallelMap { page in
            OutputFile(path: site.path(for: page), contents: Self.contents(of: page, site: site, strings: strings, indexScripts: SearchIndexBuilder.pageScripts))
        }
        return (assets.map { OutputFile(path: $0.url, contents: $0.contents) } + rendered).sorted { $0.path < $1.path }
    }

    /// Pages rendered and handed over per batch, so a big site is never held in memory whole.
    static let batchSize = 1024

    /// Every file of the site, handed to `emit` in batches (each file once, in a fixed order),
    /// recording the phases in `timings`; `emit` may write each batch before the next renders.
    /// Pages whose inputs match what `previous` says the site already holds are not rendered but
    /// handed over as kept (``OutputFile/isKept``).
    public func render(timings: inout Stopwatch, previous: SiteWriter.PreviousBuild? = nil, emit: ([OutputFile]) throws -> Void) rethrows {
        let site = SiteMap(graph: graph)
        let strings = UIStrings(language: graph.config.language)
        let inputs = PageInputs(site: site, renderer: rendererIdentity)
        timings.lap("site map")
        try emit(searchIndex(global: inputs.global, previous: previous))
        timings.lap("search index")
        try emit(SiteAsset.allCases.map { OutputFile(path: $0.url, contents: $0.contents) })
        let indexScripts = SearchIndexBuilder.pageScripts
        let jobs = site.pages
        for start in stride(from: 0, to: jobs.count, by: Self.batchSize) {
            let batch = Array(jobs[start..<min(start + Self.batchSize, jobs.count)])
            try emit(batch.parallelMap { job in
                let fingerprint = inputs.fingerprint(job)
                let path = Self.path(of: job, site: site)
                if let fingerprint, let previous, previous.canKeep(path, inputs: fingerprint) { return .kept(path, inputs: fingerprint) }
                return OutputFile(path: path, contents: Self.contents(of: job, site: site, strings: strings, indexScripts: indexScripts), inputs: fingerprint)
            })
        }
        timings.lap("pages")
        // graph.json shows everything: kept only when no file changed at all.
        if omitsGraphJSON {
            return
        } else if let whole = inputs.wholeGraph, let previous, previous.canKeep("graph.json", inputs: whole) {
            try emit([.kept("graph.json", inputs: whole)])
        } else {
            try emit([OutputFile(path: "graph.json", contents: GraphJSON(site: site).render(), inputs: inputs.wholeGraph)])
        }
        timings.lap("graph.json")
    }

    /// The search index files. The index is one function of every document's searchable text:
    /// kept whole when none of it changed (an edit of reporting lines, headcounts or dotted
    /// lines), patched after a few edits (``SearchIndexBuilder/update(_:documents:from:)``), else
    /// built again. `global` is ``PageInputs/global``; nil keeps and patches nothing.
    func searchIndex(global: UInt64?, previous: SiteWriter.PreviousBuild?) -> [OutputFile] {
        let builder = SearchIndexBuilder(graph: graph, urls: SiteMap(graph: graph).searchURLs)
        let layout = builder.layout()
        let documents = SearchIndexBuilder.documentFingerprints(layout)
        guard let global else { return builder.build(layout).sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) } }
        let inputs = StableHash.combine(global, SearchIndexBuilder.fingerprint(layout, documents: documents))
        // Stored after the update has read the previous list: storing removes older lists.
        defer {
            if let cacheDirectory { SearchDocumentsCache.store(cacheDirectory, inputs, renderer: global, layout, documents: documents) }
            searchMemory?.store(zip(documents, layout.records).map { ($0, $1.url) })
        }
        if let kept = previous?.keepAll(under: "search/", inputs: inputs) { return kept }
        if let update = previousSearchIndex(previous, renderer: global).flatMap({ builder.update(layout, documents: documents, from: $0) }) {
            return update.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value, inputs: inputs) }
                + update.unchanged.sorted().map { OutputFile.kept($0, inputs: inputs) }
        }
        return builder.build(layout).sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value, inputs: inputs) }
    }

    /// The index the site holds, if the cache describes it: the manifest's fingerprint of the
    /// index files names the document list they were built from.
    func previousSearchIndex(_ previous: SiteWriter.PreviousBuild?, renderer: UInt64) -> PreviousSearchIndex? {
        if let previous, let held = searchMemory?.held {
            let shardCount = previous.manifest.hashes.keys.filter { $0.hasPrefix("search/i/") }.count
            return PreviousSearchIndex(documents: held.documents, shardCount: shardCount, read: held.read, isPresent: previous.isPresent)
        }
        guard let previous, let cacheDirectory, let fingerprint = previous.manifest.inputs["search/meta.js"],
              let documents = SearchDocumentsCache.load(cacheDirectory, fingerprint, renderer: renderer) else { return nil }
        let shardCount = previous.manifest.hashes.keys.filter { $0.hasPrefix("search/i/") }.count
        return PreviousSearchIndex(documents: documents, shardCount: shardCount, read: previous.contents, isPresent: previous.isPresent)
    }

    static func path(of job: Job, site: SiteMap) -> String { site.path(for: job) }

    static func contents(of job: Job, site: SiteMap, strings: UIStrings, indexScripts: [String]) -> String {
        let context = PageContext(site: site, strings: strings, page: job)
        switch job {
        case .home: return HomePage(context: context).render()
        case .az: return IndexPages(context: context).azPage()
        case .procedureIndex: return IndexPages(context: context).proceduresPage()
        case .search: return SearchPage(context: context, indexScripts: indexScripts).render()
        case .checklistIndex: return ChecklistPages(context: context).index()
        case .role(let i): return RolePage(context: context, index: i).render()
        case .department(let i): return DepartmentPage(context: context, index: i).render()
        case .procedure(let i): return ProcedurePage(context: context, index: i).render()
        case .checklist(let i): return ChecklistPages(context: context).procedureSheet(i)
        case .weekChecklist(let i): return ChecklistPages(context: context).weekSheet(i)
        case .roleChecklist(let i): return ChecklistPages(context: context).roleSheet(i)
        }
    }
}
