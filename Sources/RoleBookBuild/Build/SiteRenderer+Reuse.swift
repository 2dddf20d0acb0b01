import Foundation
import RoleBookModel
import RoleBookSite
import RoleBookSearch

/// Rendering for a site held in memory (`rolebook serve`): pages whose inputs are unchanged are
/// not rendered again.
extension SiteRenderer {
    /// Every file of the site, sorted by path, like ``render()``; a page whose inputs fingerprint
    /// equals `held(path)` is handed over as kept (``OutputFile/isKept``, empty contents): the
    /// caller already holds it. With `held` nil every page is rendered.
    public func render(keeping held: (@Sendable (String) -> UInt64?)?, timings: inout Stopwatch) -> [OutputFile] {
        let previous = held.map { held in
            var previous = SiteWriter.PreviousBuild(manifest: SiteManifest(buildID: "memory", hashes: [:], inputs: [:]), present: [], root: "")
            previous.held = held
            return previous
        }
        var files: [OutputFile] = []
        var renderer = self
        renderer.cacheDirectory = nil
        let built = renderer.render(timings: &timings, previous: previous) { files += $0 }
        renderer.searchCache.remember(built)
        files.sort { $0.path < $1.path }
        return files
    }

    /// Every file of the search index (`search/…`) by site path, built whole: the files a cold
    /// `rolebook build` writes.
    public func searchIndexFiles() -> [String: String] {
        let builder = SearchIndexBuilder(graph: graph, urls: SiteMap(graph: graph).searchURLs)
        return builder.build(builder.layout())
    }
}

extension SiteRenderer {
    /// The contents of `graph.json`.
    public func graphJSON() -> String { GraphJSON(site: SiteMap(graph: graph)).render() }
}
