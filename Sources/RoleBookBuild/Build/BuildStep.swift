import Foundation
import RoleBookModel
import RoleBookSite
import RoleBookSearch

/// A named step of the build over its ``BuildContext`` (Publish's `PublishingStep`); its name
/// is its phase in `--timings`.
///
/// The order of `rolebook build` is ``site``, in one place: load, graph and validate
/// (``Checker``), routes (``BuildContext``), then these. Rendering is pure (routes and models in,
/// strings out); only ``write`` and the context's batch writes touch the file system, and only
/// the caches decide what is kept.
struct BuildStep: Sendable {
    let name: String
    let body: @Sendable (inout BuildContext) throws -> Void

    /// Every step after the routes, in order.
    static let site: [BuildStep] = [.searchIndex, .pages, .graphJSON, .write]

    /// Runs `steps` in order, timing each under its name.
    static func run(_ steps: [BuildStep], on context: inout BuildContext) throws {
        for step in steps {
            try step.body(&context)
            context.timings.lap(step.name)
        }
    }
}

extension BuildStep {
    /// The search index: kept, patched or built again, as ``SearchIndexCache`` decides.
    static let searchIndex = BuildStep(name: "search index") { context in
        // An update makes graph.json beside the search index and the pages, on a thread of its
        // own (the search step after an edit runs on one core); a whole build makes it after
        // them, not to add its 37 MB to the search index's peak.
        if context.previous != nil, context.output != nil {
            let (site, identity, previous, cache) = (context.site, context.identity, context.previous, context.cache)
            context.graphWork = BackgroundWork { GraphPartsCache.file(site: site, identity: identity, previous: previous, cache: cache) }
        }
        // In a scope of its own, so the index files (tens of MB at 10,000 roles) are let go once
        // handed over, not held while the pages render.
        do {
            let builder = SearchIndexBuilder(graph: context.graph, urls: context.site.searchURLs)
            let cache = SearchIndexCache(directory: context.cache, previousParses: context.previousParses)
            let search = cache.files(builder, global: context.identity.global, previous: context.previous)
            context.searchBuilt = search.built
            try context.write(search.files)
        }
        SiteRenderer.returnFreedMemory()
    }

    /// The static assets, then every page in batches: each page's model and fingerprint, the page
    /// kept or rendered into memory (``SiteRenderer/render(_:site:strings:identity:previous:)``),
    /// then the batch written before the next renders, so at most about two batches are held.
    static let pages = BuildStep(name: "pages") { context in
        try context.write(SiteAsset.allCases.map { OutputFile(path: $0.url, contents: $0.contents) })
        let routes = context.site.pages
        for start in stride(from: 0, to: routes.count, by: SiteRenderer.batchSize) {
            let batch = Array(routes[start..<min(start + SiteRenderer.batchSize, routes.count)])
            try context.write(SiteRenderer.render(batch, site: context.site, strings: context.strings, identity: context.identity, previous: context.previous))
        }
        SiteRenderer.returnFreedMemory()
    }

    /// graph.json: kept, or made reusing unchanged records, as ``GraphPartsCache`` decides (in an
    /// update, made by then beside the earlier steps: this step waits for it and writes it).
    static let graphJSON = BuildStep(name: "graph.json") { context in
        let (file, parts) = try context.graphWork?.value()
            ?? GraphPartsCache.file(site: context.site, identity: context.identity, previous: context.previous, cache: context.cache)
        context.graphWork = nil
        context.graphParts = parts
        try context.write([file])
    }

    /// Swaps the new site in, then lets the caches remember what this build made: after the
    /// site, so a failed write leaves the cache describing the site that is still there.
    static let write = BuildStep(name: "write: finish") { context in
        guard let output = context.output else { return }
        context.summary = try output.finish()
        SearchIndexCache(directory: context.cache).remember(context.searchBuilt)
        if let cache = context.cache, let (hash, parts) = context.graphParts { GraphPartsCache.store(cache, hash: hash, parts) }
    }
}
