import Foundation
import RoleBookModel
import RoleBookSite

/// Builds the static search index under `search/` from the role graph.
///
/// Files (every one is JavaScript so the site works from `file://`; see docs/search.md):
/// * `search/meta.js` — always loaded before `assets/search.js`: shard separators, department
///   groups (doc ranges) and counts; sets the global `rbSearchMeta`.
/// * `search/fold.js` — traditional → simplified pairs; `search.html` loads it with the page (so a
///   query costs one round trip less), other pages' clients load it when a query contains Han.
/// * `search/i/<n>.js` — token shards: sorted token ranges, `rbSearch.shard(n, {token: postings})`.
/// * `search/p/<n>.js` — the positions of shard `n`'s CJK bigrams, `rbSearch.pos(n, {bigram: positions})`:
///   loaded only to check a phrase (a CJK run of three or more characters).
/// * `search/f/<n>.js` — the fragments (what a result shows) of documents `n * fragmentBundle …`,
///   one `rbSearch.frag(doc, {...});` line each: bundles keep the site's file count down.
package struct SearchIndexBuilder: Sendable {
    package var graph: RoleGraph
    /// UI strings; `noDepartment` labels the filter for documents without a department.
    package var strings: UIStrings
    /// Each record's page URL, from the site map.
    package var urls: SearchPageURLs

    /// Format version written to `meta.js`; the client refuses other versions.
    package static let version = SearchFormat.shared.version
    /// Site-root-relative scripts `search.html` must load, in order, before `assets/search.js`.
    package static let pageScripts = ["search/meta.js"]
    /// A shard is closed once its entries reach this many bytes (a single long posting list may exceed it).
    package static let shardTargetBytes = 8 * 1024
    /// Characters of text kept in a fragment for snippets.
    package static let fragmentTextLimit = 400
    /// Documents per fragment file: creating files is the most expensive part of a build, and
    /// consecutive documents (one department's) tend to appear in the same result list.
    package static let fragmentBundle = 8

    /// - Parameter strings: defaults to the site's language (`rolebook.yml`).
    package init(graph: RoleGraph, strings: UIStrings? = nil, urls: SearchPageURLs) {
        self.graph = graph
        self.strings = strings ?? UIStrings(language: graph.config.language)
        self.urls = urls
    }

    /// All output files, site-root-relative path → contents. Identical graphs give identical bytes.
    package func build() -> [String: String] { build(layout()) }

    /// The output files for documents already laid out (``layout()``).
    package func build(_ layout: Layout) -> [String: String] { build(layout, shards: Self.shards(layout.records)) }

    /// The output files and where each document sits in the shards (what a later
    /// ``update(_:documents:from:)`` needs to read only the shards an edit reaches).
    package func shapedBuild(_ layout: Layout) -> (files: [String: String], shape: SearchIndexShape) {
        precondition(!layout.isSparse, "a sparse layout is only for an update")
        let shards = Self.shards(layout.records)
        return (build(layout, shards: shards), Self.shape(shards))
    }

    func build(_ layout: Layout, shards: Shards) -> [String: String] {
        precondition(!layout.isSparse, "a sparse layout is only for an update")
        var files = Self.fixedFiles(layout, shards)
        let shardFiles = Array(shards.shards.enumerated()).map { ($0.offset, $0.element) }.parallelMap(Self.shardFiles)
        for (k, texts) in shardFiles.enumerated() {
            files[Self.shardPath(k)] = texts.index
            if let positions = texts.positions { files[Self.positionsPath(k)] = positions }
        }
        let bundles = Array(stride(from: 0, to: layout.records.count, by: Self.fragmentBundle))
        for (b, text) in zip(bundles, bundles.parallelMap { Self.fragmentBundleFile(layout, first: $0) }) { files[Self.fragmentPath(first: b)] = text }
        return files
    }
}
