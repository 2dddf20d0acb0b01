import Foundation
import RoleBookModel
import RoleBookSite
import RoleBookSearch

/// One build's state, handed from step to step (``BuildStep``), as Publish threads its
/// `PublishingContext` through its publishing steps.
///
/// Made from a checked graph (the load, graph and validate steps are ``Checker``'s, shared with
/// `check` and `print`), it starts with the routes step done: the site map, the strings and the
/// fingerprint seed every later step reads. Rendered files go to the site being written
/// (``SiteOutput``) or, with none, stay in memory (``files``).
struct BuildContext {
    let graph: RoleGraph
    /// Every page's route, path and URL.
    let site: SiteMap
    let strings: UIStrings
    let identity: BuildIdentity
    /// The build cache (`.rolebook-cache`): the search index's document list and graph.json's
    /// parts are read from and stored there. Nil: nothing is reused or remembered.
    let cache: URL?
    /// Edited files as the previous build parsed them (``SiteRenderer/previousParses``), for the
    /// search step to patch body edits; empty without a parse cache.
    var previousParses: [(kind: EntityKind, header: EntityHeader)] = []
    /// The site being written; nil renders into ``files``.
    let output: SiteOutput?
    /// The files rendered, when there is no ``output``.
    var files: [OutputFile] = []
    /// What the cache stores once the site is written (the remember step).
    var searchBuilt: SearchIndexCache.Built?
    var graphParts: (hash: UInt64, parts: GraphJSON.Parts)?
    /// graph.json being made beside the search index and the pages (an update).
    var graphWork: BackgroundWork<(OutputFile, (hash: UInt64, parts: GraphJSON.Parts)?)>?
    /// What the write step did.
    var summary: SiteWriter.Summary?
    /// Hears the size of each batch as it is written (the CLI's progress line).
    var written: ((Int) -> Void)?
    var timings: Stopwatch

    /// The routes step. - Parameter renderer: ``BuildIdentity/rendererIdentity``; nil keeps no page.
    init(graph: RoleGraph, renderer: UInt64?, cache: URL?, output: SiteOutput?, timings: Stopwatch = Stopwatch()) {
        self.graph = graph
        site = SiteMap(graph: graph)
        strings = UIStrings(language: graph.config.language)
        identity = BuildIdentity(graph: graph, renderer: renderer)
        self.cache = cache
        self.output = output
        self.timings = timings
        self.timings.lap("site map")
    }

    /// What the site already holds (an update), for keeping pages whose inputs did not change.
    var previous: SiteWriter.PreviousBuild? { output?.previous }

    /// The write step for one batch: to the site (written while the next batch renders) or to memory.
    mutating func write(_ batch: [OutputFile]) throws {
        guard !batch.isEmpty else { return }
        if let output { try output.write(batch) } else { files += batch }
        written?(batch.count)
    }

    /// Forgets what the steps made, for running them again after ``SiteOutput/startOver()``.
    mutating func restart() {
        files = []
        searchBuilt = nil
        graphParts = nil
        _ = try? graphWork?.value()
        graphWork = nil
        summary = nil
    }
}
