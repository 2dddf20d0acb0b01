import Foundation
import RoleBookModel
import RoleBookParsing
import RoleBookSite
import RoleBookSearch

/// What a build does with the search index, and where it remembers what the index was built
/// from: the document list in the cache folder (`rolebook build`) or in memory (`serve`).
///
/// The index is one function of every document's searchable text: kept whole when none of it
/// changed (an edit of reporting lines, headcounts or dotted lines), patched after a few edits
/// (``SearchIndexBuilder/update(_:documents:from:)``), else built again. Rendering only reads
/// here; the build remembers the new list (``remember(_:)``) once the pages are rendered.
public struct SearchIndexCache: Sendable {
    /// The cache folder (`.rolebook-cache`); nil: no list on disk.
    public var directory: URL?
    /// The list between renders of a site held in memory, in place of the folder.
    public var memory: SearchIndexMemory?

    public init(directory: URL? = nil, memory: SearchIndexMemory? = nil) {
        self.directory = directory
        self.memory = memory
    }

    /// What the index of one build was made from: what ``remember(_:)`` stores for the next build.
    public struct Built: Sendable {
        let inputs: UInt64
        let renderer: UInt64
        let layout: SearchIndexBuilder.Layout
        let documents: [UInt64]
        /// Where the documents sit in the index's shards (nil when the index was kept whole: the stored one stays).
        let shape: SearchIndexShape?
    }

    /// The index files: the previous build's kept, patched or built anew. `global` is the
    /// renderer and settings fingerprint; nil keeps and patches nothing (and remembers nothing).
    func files(_ builder: SearchIndexBuilder, global: UInt64?, previous: SiteWriter.PreviousBuild?) -> (files: [OutputFile], built: Built?) {
        let layout = builder.layout()
        guard let global else { return (builder.build(layout).sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }, nil) }
        let documents = SearchIndexBuilder.documentFingerprints(layout)
        let inputs = StableHash.combine(global, SearchIndexBuilder.fingerprint(layout, documents: documents))
        func built(_ shape: SearchIndexShape?) -> Built { Built(inputs: inputs, renderer: global, layout: layout, documents: documents, shape: shape) }
        if let kept = previous?.keepAll(under: "search/", inputs: inputs) { return (kept, built(nil)) }
        if let update = previousIndex(previous, renderer: global).flatMap({ builder.update(layout, documents: documents, from: $0) }) {
            return (update.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value, inputs: inputs) }
                    + update.unchanged.sorted().map { OutputFile.kept($0, inputs: inputs) }, built(update.shape))
        }
        let full = builder.shapedBuild(layout)
        return (full.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value, inputs: inputs) }, built(full.shape))
    }

    /// Stores the document list of the index just built, for the next build to patch it.
    /// Called after rendering: storing removes the older lists the rendering read.
    public func remember(_ built: Built?) {
        guard let built else { return }
        if let directory {
            // The shape first: storing the documents removes the older lists and shapes.
            if let shape = built.shape { SearchShapeCache.store(directory, built.inputs, renderer: built.renderer, shape.withFields(of: built.layout)) }
            SearchDocumentsCache.store(directory, built.inputs, renderer: built.renderer, built.layout, documents: built.documents)
        }
        memory?.store(zip(built.documents, built.layout.records).map { ($0, $1.url) }, shape: built.shape?.withFields(of: built.layout))
    }

    /// The index the site holds, if the cache describes it: the manifest's fingerprint of the
    /// index files names the document list they were built from.
    func previousIndex(_ previous: SiteWriter.PreviousBuild?, renderer: UInt64) -> PreviousSearchIndex? {
        if let previous, let held = memory?.held {
            let shardCount = previous.manifest.hashes.keys.filter { $0.hasPrefix("search/i/") }.count
            return PreviousSearchIndex(documents: held.documents, shardCount: shardCount, read: held.read, isPresent: previous.isPresent, shape: held.shape)
        }
        guard let previous, let directory, let fingerprint = previous.manifest.inputs["search/meta.js"],
              let documents = SearchDocumentsCache.load(directory, fingerprint, renderer: renderer) else { return nil }
        let shardCount = previous.manifest.hashes.keys.filter { $0.hasPrefix("search/i/") }.count
        return PreviousSearchIndex(documents: documents, shardCount: shardCount, read: previous.contents, isPresent: previous.isPresent,
                                   shape: SearchShapeCache.load(directory, fingerprint, renderer: renderer))
    }
}

/// The search index's document list between two renders of a site held in memory, and how to
/// read the index files that site holds, so an edit patches the index instead of building it again.
public final class SearchIndexMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [(fingerprint: UInt64, url: String)]?
    private var shape: SearchIndexShape?
    private let read: @Sendable (String) -> String?

    /// - Parameter read: a file of the index as the held site has it (`search/i/0.js`), or nil.
    public init(read: @escaping @Sendable (String) -> String?) { self.read = read }

    /// Keeps the documents of the index just built; its shape when it was built or patched (an
    /// index kept whole keeps the shape held).
    func store(_ documents: [(fingerprint: UInt64, url: String)], shape: SearchIndexShape?) {
        lock.withLock {
            self.documents = documents
            if let shape { self.shape = shape }
        }
    }

    var held: (documents: [(fingerprint: UInt64, url: String)], read: @Sendable (String) -> String?, shape: SearchIndexShape?)? {
        lock.withLock { documents.map { ($0, read, shape) } }
    }
}
