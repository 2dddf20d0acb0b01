import RoleBookModel

/// Checking with a ``ParseCache``: the same result as ``Checker/run()``, parsing only changed files.
extension Checker {
    /// ``run()`` over ``ContentLoader/load(cache:)``; `parsed` counts the files parsed anew.
    ///
    /// When a watcher says which files changed and they only modify files already known, only
    /// they are read, and the last graph is patched (``GraphBuilder/patch(_:with:configFile:mentions:)``)
    /// unless the edit may change other files' references; then the graph is built again.
    ///
    /// - Parameter changed: root-relative paths a watcher reported since `cache` was made; nil: unknown.
    /// - Parameter keepingMentions: whether `cache` keeps what finding mentions learnt, for the
    ///   next run in this process (`serve`) or for the build cache folder's `mentions.cache` (`build`).
    /// - Parameter keepingGraph: whether `cache` keeps the graph to patch after the next edit
    ///   (`serve`; nil: as `keepingMentions`); `build` stores no graph, so it keeps none.
    package func run(cache: inout ParseCache, changed: [String]? = nil, keepingMentions: Bool = true,
                    keepingGraph: Bool? = nil) throws -> (result: Result, parsed: Int) {
        var timings = Stopwatch()
        // Taken, not copied, so the mention cache is updated in place.
        var mentions = cache.mentions
        cache.mentions = nil
        let stored = cache.storedMentions
        cache.storedMentions = nil
        let memo = cache.graph
        cache.graph = nil
        var content: LoadedContent
        let parsed: Int
        if let changed, let touched = try loader.targetedFiles(cache, changed: changed) {
            let update = loader.update(&cache, touched: touched)
            parsed = update.parsed
            timings.lap("load + parse")
            if let memo, let patched = GraphBuilder().patch(memo, with: update, configFile: loader.displayPath(ContentLoader.configFileName),
                                                            mentions: &mentions) {
                cache.mentions = mentions
                cache.graph = patched.memo
                timings.lap("graph patch")
                let all = patched.memo.content + patched.resolution + Validator().validate(patched.graph)
                timings.lap("validate")
                return (Result(graph: patched.graph, diagnostics: all.sorted(), fileCount: update.paths.count, timings: timings), parsed)
            }
            content = loader.assemble(cache, update: update)
        } else {
            (content, parsed) = try loader.load(cache: &cache)
            timings.lap("load + parse")
        }
        // The last build's scan, when this process has none and the settings are the same.
        if mentions == nil, let stored { mentions = stored.cache(for: content.config) }
        var basis: GraphBuilder.PatchBasis?
        // The loader's diagnostics stay in `content`: only the entities are taken.
        let (graph, resolution) = GraphBuilder().build(taking: &content, mentions: &mentions, keeping: keepingMentions, basis: &basis)
        cache.mentions = mentions
        // Only a process that checks again (serve) keeps the graph to patch.
        cache.graph = keepingGraph ?? keepingMentions ? basis.flatMap { GraphMemo(graph: graph, resolution: resolution, content: content, basis: $0) } : nil
        timings.lap("graph")
        let all = content.diagnostics + resolution + Validator().validate(graph)
        timings.lap("validate")
        return (Result(graph: graph, diagnostics: all.sorted(), fileCount: content.paths.count, timings: timings), parsed)
    }
}
