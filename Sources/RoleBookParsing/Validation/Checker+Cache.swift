import RoleBookModel

/// Checking with a ``ParseCache``: the same result as ``Checker/run()``, parsing only changed files.
extension Checker {
    /// ``run()`` over ``ContentLoader/load(cache:)``; `parsed` counts the files parsed anew.
    ///
    /// - Parameter changed: root-relative paths a watcher reported since `cache` was made; nil: unknown.
    /// - Parameter keepingMentions: whether `cache` keeps what finding mentions learnt, for the
    ///   next run in this process (`serve`); `build` stores only the parses, so it keeps nothing.
    public func run(cache: inout ParseCache, changed: [String]? = nil, keepingMentions: Bool = true) throws -> (result: Result, parsed: Int) {
        var timings = Stopwatch()
        var mentions = cache.mentions
        var (content, parsed) = try loader.load(cache: &cache, changed: changed)
        timings.lap("load + parse")
        let (graph, resolution) = GraphBuilder().build(taking: &content, mentions: &mentions, keeping: keepingMentions)
        cache.mentions = mentions
        timings.lap("graph")
        let all = content.diagnostics + resolution + Validator().validate(graph)
        timings.lap("validate")
        return (Result(graph: graph, diagnostics: all.sorted(), fileCount: content.paths.count, timings: timings), parsed)
    }
}
