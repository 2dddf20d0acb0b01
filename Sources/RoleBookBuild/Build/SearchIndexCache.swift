import Foundation
import RoleBookModel
import RoleBookParsing
import RoleBookSite
import RoleBookSearch

/// What a build does with the search index, and where it remembers what the index was built
/// from: the document list in the cache folder (`rolebook serve` builds each version's index
/// whole, on request, and remembers nothing).
///
/// The index is one function of every document's searchable text: kept whole when none of it
/// changed (an edit of reporting lines, headcounts or dotted lines), patched after a few edits
/// (``SearchIndexBuilder/update(_:documents:from:)``), else built again. Rendering only reads
/// here; the build remembers the new list (``remember(_:)``) once the pages are rendered.
package struct SearchIndexCache: Sendable {
    /// The cache folder (`.rolebook-cache`); nil: no list on disk.
    package var directory: URL?
    /// Edited files as the previous build parsed them (``SiteRenderer/previousParses``).
    var previousParses: [(kind: EntityKind, header: EntityHeader)] = []

    package init(directory: URL? = nil) {
        self.directory = directory
    }

    init(directory: URL?, previousParses: [(kind: EntityKind, header: EntityHeader)]) {
        self.directory = directory
        self.previousParses = previousParses
    }

    /// What the index of one build was made from: what ``remember(_:)`` stores for the next build.
    package struct Built: Sendable {
        let inputs: UInt64
        let renderer: UInt64
        /// Each document's page URL, in index order: all ``remember(_:)`` needs of the layout, whose
        /// searchable text is let go before the pages render (it is a large part of the peak memory).
        let urls: [String]
        let documents: [UInt64]
        /// Each document's source key (``SearchIndexBuilder/sourceKeys(_:)``).
        let sourceKeys: [UInt64]
        /// Where the documents sit in the index's shards, with their short fields (nil when the
        /// index was kept whole: the stored one stays).
        let shape: SearchIndexShape?
    }

    /// The index files: the previous build's kept, patched or built anew. `global` is the
    /// renderer and settings fingerprint; nil keeps and patches nothing (and remembers nothing).
    ///
    /// With the previous build's document list, only the records of documents whose source key
    /// changed are built (``SearchIndexBuilder/sparseLayout(_:keys:previous:shape:)``): enough to
    /// keep the index or patch it; every record only when it is built again.
    func files(_ builder: SearchIndexBuilder, global: UInt64?, previous: SiteWriter.PreviousBuild?) -> (files: [OutputFile], built: Built?) {
        guard let global else {
            return (builder.build(builder.layout()).sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }, nil)
        }
        let outline = builder.outline()
        let keys = builder.sourceKeys(outline)
        let stored = storedIndex(previous, renderer: global)
        let sparse = stored.flatMap { builder.sparseLayout(outline, keys: keys, previous: $0.documents, shape: $0.shape) }
        var layout = sparse?.layout ?? builder.layout(outline)
        var documents = sparse?.documents ?? SearchIndexBuilder.documentFingerprints(layout)
        let inputs = StableHash.combine(global, SearchIndexBuilder.fingerprint(layout, documents: documents))
        let urls = layout.records.map(\.url)
        func built(_ shape: SearchIndexShape?, _ layout: SearchIndexBuilder.Layout) -> Built {
            let shape = layout.isSparse ? sparse.flatMap { s in shape?.withFields(of: s) } : shape?.withFields(of: layout)
            return Built(inputs: inputs, renderer: global, urls: urls, documents: documents, sourceKeys: keys, shape: shape)
        }
        if let kept = previous?.keepAll(under: "search/", inputs: inputs) { return (kept, built(nil, layout)) }
        let previousIndex = stored.map { stored in
            var index = PreviousSearchIndex(documents: stored.documents.documents, shardCount: stored.shardCount, read: stored.read,
                                            isPresent: stored.isPresent, shape: stored.shape)
            index.bodies = builder.previousBodies(previousParses)
            return index
        }
        if let update = previousIndex.flatMap({ builder.update(layout, documents: documents, from: $0) }) {
            return (update.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value, inputs: inputs) }
                    + update.unchanged.sorted().map { OutputFile.kept($0, inputs: inputs) }, built(update.shape, layout))
        }
        if layout.isSparse {
            layout = builder.layout(outline)
            documents = SearchIndexBuilder.documentFingerprints(layout)
        }
        let full = builder.shapedBuild(layout)
        return (full.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value, inputs: inputs) }, built(full.shape, layout))
    }

    /// Stores the document list of the index just built, for the next build to patch it.
    /// Called after rendering: storing removes the older lists the rendering read.
    package func remember(_ built: Built?) {
        guard let built else { return }
        if let directory {
            // The shape first: storing the documents removes the older lists and shapes.
            if let shape = built.shape { SearchShapeCache.store(directory, built.inputs, renderer: built.renderer, shape) }
            SearchDocumentsCache.store(directory, built.inputs, renderer: built.renderer, urls: built.urls, documents: built.documents,
                                       sourceKeys: built.sourceKeys)
        }
    }

    /// What the cache holds of the index the site holds.
    struct StoredIndex {
        var documents: SearchDocumentsCache.Stored
        var shape: SearchIndexShape?
        var shardCount: Int
        var read: @Sendable (String) -> String?
        var isPresent: @Sendable (String) -> Bool
    }

    /// The index the site holds, if the cache describes it: the manifest's fingerprint of the
    /// index files names the document list they were built from.
    func storedIndex(_ previous: SiteWriter.PreviousBuild?, renderer: UInt64) -> StoredIndex? {
        guard let previous, let directory, let fingerprint = previous.manifest.inputs["search/meta.js"],
              let documents = SearchDocumentsCache.load(directory, fingerprint, renderer: renderer) else { return nil }
        let shardCount = previous.manifest.hashes.keys.count { $0.hasPrefix("search/i/") }
        return StoredIndex(documents: documents, shape: SearchShapeCache.load(directory, fingerprint, renderer: renderer),
                           shardCount: shardCount, read: previous.contents, isPresent: previous.isPresent)
    }
}
