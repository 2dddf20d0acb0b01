import Foundation
import RoleBookModel
import RoleBookSite
import RoleBookSearch

/// One output file of the site.
public struct OutputFile: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`).
    public var path: String
    public var contents: String
    /// Fingerprint of everything the page was rendered from (its model: ``ModelledPage``); nil for files made on every build.
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
    /// Identifies the rolebook that renders (``BuildIdentity/rendererIdentity``); nil keeps no page.
    var rendererIdentity: UInt64?
    /// Where the build cache lives (`.rolebook-cache`): the search index's document list is kept
    /// there so the next build can update the index instead of building it again. Nil: no cache.
    public var cacheDirectory: URL?
    /// Files whose bytes changed since the last build, as that build parsed them (from the parse
    /// cache): lets the search index patch a body edit shard by shard (``SearchIndexCache``).
    public var previousParses: [(kind: EntityKind, header: EntityHeader)] = []

    public init(graph: RoleGraph) { self.init(graph: graph, rendererIdentity: BuildIdentity.rendererIdentity) }

    init(graph: RoleGraph, rendererIdentity: UInt64?) {
        self.graph = graph
        self.rendererIdentity = rendererIdentity
    }

    /// A page to render; pages are independent, so they render on all cores.
    typealias Job = Route

    var jobs: [Job] { SiteMap(graph: graph).pages }

    /// What rendering reads of the search cache (it writes nothing there: see ``SearchIndexCache/remember(_:)``).
    var searchCache: SearchIndexCache { SearchIndexCache(directory: cacheDirectory, previousParses: previousParses) }

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
    /// - Returns: what the search index was built from and where graph.json's records sit, for the
    ///   build to store once the site is written (``remember(_:)``).
    @discardableResult
    public func render(timings: inout Stopwatch, previous: SiteWriter.PreviousBuild? = nil, emit: ([OutputFile]) throws -> Void) rethrows -> Remembered {
        let site = SiteMap(graph: graph)
        let strings = UIStrings(language: graph.config.language)
        let identity = BuildIdentity(graph: graph, renderer: rendererIdentity)
        timings.lap("site map")
        // In a scope of its own, so the index files (tens of MB at 10,000 roles) are let go once
        // handed over, not held while the pages render.
        let searchBuilt: SearchIndexCache.Built?
        do {
            let search = searchCache.files(SearchIndexBuilder(graph: graph, urls: site.searchURLs), global: identity.global, previous: previous)
            try emit(search.files)
            searchBuilt = search.built
        }
        Self.returnFreedMemory()
        timings.lap("search index")
        try emit(SiteAsset.allCases.map { OutputFile(path: $0.url, contents: $0.contents) })
        let indexScripts = SearchIndexBuilder.pageScripts
        let jobs = site.pages
        for start in stride(from: 0, to: jobs.count, by: Self.batchSize) {
            let batch = Array(jobs[start..<min(start + Self.batchSize, jobs.count)])
            try emit(batch.parallelMap { job in
                let (model, fingerprint) = Self.fingerprint(of: job, site: site, identity: identity)
                let path = Self.path(of: job, site: site)
                if let fingerprint, let previous, previous.canKeep(path, inputs: fingerprint) { return .kept(path, inputs: fingerprint) }
                let contents = model.map { $0.render(PageContext(site: site, strings: strings, page: job)) }
                    ?? Self.contents(of: job, site: site, strings: strings, indexScripts: indexScripts)
                return OutputFile(path: path, contents: contents, inputs: fingerprint)
            })
        }
        Self.returnFreedMemory()
        timings.lap("pages")
        // graph.json shows everything: kept only when no file changed at all.
        let whole = identity.wholeGraph(graph)
        if let whole, let previous, previous.canKeep("graph.json", inputs: whole) {
            try emit([.kept("graph.json", inputs: whole)])
        } else if let global = identity.global, let cacheDirectory {
            // Records whose sources and links did not change are copied from the previous file.
            let (text, parts) = GraphJSON(site: site).render(seed: global, reusing: GraphPartsCache.reuse(previous, cache: cacheDirectory))
            try emit([OutputFile(path: "graph.json", contents: text, inputs: whole)])
            timings.lap("graph.json")
            return Remembered(search: searchBuilt, graphParts: (SiteManifest.hash(text), parts))
        } else {
            try emit([OutputFile(path: "graph.json", contents: GraphJSON(site: site).render(), inputs: whole)])
        }
        timings.lap("graph.json")
        return Remembered(search: searchBuilt, graphParts: nil)
    }

    /// What a render leaves for the build to store in the cache once the site is written
    /// (``remember(_:)``): rendering itself only reads the cache.
    public struct Remembered: Sendable {
        let search: SearchIndexCache.Built?
        /// graph.json's content hash and where each record sits in it.
        let graphParts: (hash: UInt64, parts: GraphJSON.Parts)?
    }

    /// Stores what `render` left, after the site is written: a failed write leaves the cache
    /// describing the site that is still there.
    public func remember(_ remembered: Remembered) {
        searchCache.remember(remembered.search)
        if let cacheDirectory, let (hash, parts) = remembered.graphParts { GraphPartsCache.store(cacheDirectory, hash: hash, parts) }
    }

    static func path(of job: Job, site: SiteMap) -> String { site.path(for: job) }

    /// Hands the heap's free pages back to the system between phases. glibc keeps what a phase
    /// freed (the search index's postings, a hundred MB at 10,000 roles, in many small blocks)
    /// as resident, so the next phase's large buffers (graph.json's text) came on top of it: the
    /// build's peak memory.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        // Looked up, as the Glibc module does not declare it.
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        #endif
    }

    /// A page's fingerprint (nil: rendered on every build), with its model when it has one, so the
    /// model is built once for both the fingerprint and the rendering.
    static func fingerprint(of job: Job, site: SiteMap, identity: BuildIdentity) -> (ModelledPage?, UInt64?) {
        guard let model = ModelledPage(job, site: site) else { return (nil, nil) }
        return (model, identity.global.map { model.fingerprint(global: $0) })
    }

    static func contents(of job: Job, site: SiteMap, strings: UIStrings, indexScripts: [String]) -> String {
        let context = PageContext(site: site, strings: strings, page: job)
        switch job {
        case .home: return HomePage(context: context).render()
        case .az: return IndexPages(context: context).azPage()
        case .procedureIndex: return IndexPages(context: context).proceduresPage()
        case .search: return SearchPage(context: context, indexScripts: indexScripts).render()
        case .checklistIndex: return ChecklistPages(context: context).index()
        case .role, .department, .procedure, .checklist, .weekChecklist, .roleChecklist: return ModelledPage(job, site: site)!.render(context)
        }
    }
}
