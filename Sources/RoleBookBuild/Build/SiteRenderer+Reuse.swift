import Foundation
import RoleBookModel
import RoleBookSite

/// Rendering for a site held in memory (`rolebook serve`): pages whose inputs are unchanged are
/// not rendered again.
extension SiteRenderer {
    /// Every file of the site, sorted by path, like ``render()``; a page whose inputs fingerprint
    /// equals `previous[path]` is handed over as kept (``OutputFile/isKept``, empty contents):
    /// the caller already holds it. The search index is kept whole or built again.
    public func render(keeping previous: [String: UInt64], timings: inout Stopwatch) -> [OutputFile] {
        // The previous build as a manifest in memory: every listed page present, its inputs known.
        let manifest = SiteManifest(buildID: "memory", hashes: previous.mapValues { _ in 0 }, inputs: previous)
        let held = SiteWriter.PreviousBuild(manifest: manifest, present: Set(previous.keys), root: "")
        var files: [OutputFile] = []
        var renderer = self
        renderer.cacheDirectory = nil
        let built = renderer.render(timings: &timings, previous: previous.isEmpty ? nil : held) { files += $0 }
        renderer.searchCache.remember(built)
        files.sort { $0.path < $1.path }
        return files
    }
}

extension SiteRenderer {
    /// The contents of `graph.json`.
    public func graphJSON() -> String { GraphJSON(site: SiteMap(graph: graph)).render() }
}
