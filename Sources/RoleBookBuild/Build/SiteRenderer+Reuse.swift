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
        renderer.render(timings: &timings, previous: previous.isEmpty ? nil : held) { files += $0 }
        files.sort { $0.path < $1.path }
        return files
    }
}

extension SiteRenderer {
    /// The contents of `graph.json`.
    public func graphJSON() -> String { GraphJSON(site: SiteMap(graph: graph)).render() }
}

/// The search index's document list between two renders of a site held in memory, and how to
/// read the index files that site holds, so an edit patches the index instead of building it again.
public final class SearchIndexMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [(fingerprint: UInt64, url: String)]?
    private let read: @Sendable (String) -> String?

    /// - Parameter read: a file of the index as the held site has it (`search/i/0.js`), or nil.
    public init(read: @escaping @Sendable (String) -> String?) { self.read = read }

    func store(_ documents: [(fingerprint: UInt64, url: String)]) { lock.withLock { self.documents = documents } }

    var held: (documents: [(fingerprint: UInt64, url: String)], read: @Sendable (String) -> String?)? {
        lock.withLock { documents.map { ($0, read) } }
    }
}
