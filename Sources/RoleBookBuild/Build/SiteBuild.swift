import Foundation
import RoleBookModel
import RoleBookParsing
import RoleBookSite
import RoleBookSearch

/// `rolebook build` after the check: the routes, then the steps of ``BuildStep/site`` over one
/// ``BuildContext`` writing into one ``SiteOutput``.
public struct SiteBuild: Sendable {
    public var renderer: SiteRenderer
    public var writer: SiteWriter
    /// The build cache (manifest, search document list); nil writes every file and remembers nothing.
    public var cache: URL?
    /// The write, begun while the content was checked (``SiteWriter/beginInBackground(cache:)``,
    /// with this `writer` and `cache`); nil: begun when the build runs.
    public var opening: SiteWriter.Opening?

    public init(renderer: SiteRenderer, writer: SiteWriter, cache: URL?, opening: SiteWriter.Opening? = nil) {
        self.renderer = renderer
        self.writer = writer
        self.cache = cache
        self.opening = opening
    }

    /// Runs the steps, recording the phases in `timings`; `rendered` hears the size of each batch
    /// as it goes to disk (the CLI's progress line).
    public func run(timings: inout Stopwatch, rendered: ((Int) -> Void)? = nil) throws -> SiteWriter.Summary {
        precondition(opening.map { $0.cache == cache } ?? true, "the write was begun with another cache")
        let output = try opening?.output() ?? writer.begin(cache: cache)
        defer { output.close() }
        var context = BuildContext(graph: renderer.graph, renderer: renderer.rendererIdentity, cache: cache, output: output, timings: timings)
        context.written = rendered
        context.previousParses = renderer.previousParses
        do {
            try BuildStep.run(BuildStep.site, on: &context)
        } catch let error as SiteWriteError {
            // An update that cannot finish (a file where a folder must now go, …): every file
            // again, none kept, into a new folder that replaces the site only if it completes.
            guard output.canStartOver else { throw error }
            try output.startOver()
            context.restart()
            try BuildStep.run(BuildStep.site, on: &context)
        }
        timings = context.timings
        guard let summary = context.summary else { throw SiteWriteError.io(writer.output.path, "the site was not finished") }
        return summary
    }
}
