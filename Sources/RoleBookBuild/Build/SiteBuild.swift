import Foundation
import RoleBookModel
import RoleBookParsing
import RoleBookSite
import RoleBookSearch

/// `rolebook build` after the check: render the pages (kept where their fingerprints match the
/// previous build), write them into the site, then remember what the search index was built
/// from, in that order. The writer streams the rendered batches to disk, so a big site is never
/// held in memory whole; the cache is written only after the site, so a failed write leaves the
/// cache describing the site that is still there.
public struct SiteBuild: Sendable {
    public var renderer: SiteRenderer
    public var writer: SiteWriter
    /// The build cache (manifest, search document list); nil writes every file and remembers nothing.
    public var cache: URL?

    public init(renderer: SiteRenderer, writer: SiteWriter, cache: URL?) {
        self.renderer = renderer
        self.writer = writer
        self.cache = cache
    }

    /// Runs the steps, recording the phases in `timings`; `rendered` hears the size of each batch
    /// as it goes to disk (the CLI's progress line).
    public func run(timings: inout Stopwatch, rendered: ((Int) -> Void)? = nil) throws -> SiteWriter.Summary {
        var renderer = renderer
        renderer.cacheDirectory = cache
        var remembered: SiteRenderer.Remembered?
        let summary = try writer.write(cache: cache, reusing: { previous, emit in
            remembered = try renderer.render(timings: &timings, previous: previous, emit: { files in
                rendered?(files.count)
                try emit(files)
            })
        })
        if let remembered { renderer.remember(remembered) }
        return summary
    }
}
