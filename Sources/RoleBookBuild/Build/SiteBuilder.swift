import Foundation
import RoleBookModel
import RoleBookSite
import RoleBookSearch

/// One output file of the site.
package struct OutputFile: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`).
    package var path: String
    /// The file's text (decoded from ``Body/bytes`` for a file made as bytes).
    package var contents: String {
        get {
            switch body {
            case .text(let text): text
            case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
            }
        }
        set { body = .text(newValue) }
    }
    /// What is written: text, or bytes made by hand. graph.json (37 MB at 10,000 roles) is bytes
    /// from end to end: made into a `String`, its whole text was checked as UTF-8 again.
    var body: Body { didSet { knownHash = nil } }
    /// ``contentHash``, when worked out already (graph.json's 37 MB were hashed twice).
    private var knownHash: UInt64?
    /// Fingerprint of everything the page was rendered from (its model: ``ModelledPage``); nil for files made on every build.
    package var inputs: UInt64?
    /// A page the previous build wrote from the same inputs: not rendered again, `contents` is empty.
    package var isKept = false

    enum Body: Sendable {
        case text(String)
        case bytes([UInt8])
    }

    package init(path: String, contents: String, inputs: UInt64? = nil) {
        self.path = path
        self.body = .text(contents)
        self.inputs = inputs
    }

    /// A file of bytes made by hand, valid UTF-8 (graph.json).
    init(path: String, bytes: [UInt8], inputs: UInt64? = nil) {
        self.path = path
        self.body = .bytes(bytes)
        self.inputs = inputs
    }

    /// The bytes written, without a copy.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self.body {
        case .text(var text): try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes): try bytes.withUnsafeBytes(body)
        }
    }

    /// The content hash of what is written (the manifest's, ``SiteManifest/hash(_:)``).
    var contentHash: UInt64 { knownHash ?? withBytes(StableHash.bytes) }

    /// This file with ``contentHash`` worked out, for whoever asks next.
    func hashed() -> OutputFile {
        var file = self
        file.knownHash = contentHash
        return file
    }

    /// The page at `path` as the previous build wrote it.
    static func kept(_ path: String, inputs: UInt64) -> OutputFile {
        var file = OutputFile(path: path, contents: "", inputs: inputs)
        file.isKept = true
        return file
    }
}

/// Renders pages from routes and models, into memory: it reads no file and writes none (the
/// build's steps hand its batches to the writer, ``BuildStep``), which is what `serve` needs.
public struct SiteRenderer: Sendable {
    public var graph: RoleGraph
    /// Identifies the rolebook that renders (``BuildIdentity/rendererIdentity``); nil keeps no page.
    var rendererIdentity: UInt64?
    /// Files whose bytes changed since the last build, as that build parsed them (from the parse
    /// cache): a build (``SiteBuild``) hands them to its search step, which then patches a body
    /// edit shard by shard (``SearchIndexCache``). Rendering itself does not read them.
    package var previousParses: [(kind: EntityKind, header: EntityHeader)] = []

    public init(graph: RoleGraph) { self.init(graph: graph, rendererIdentity: BuildIdentity.rendererIdentity) }

    init(graph: RoleGraph, rendererIdentity: UInt64?) {
        self.graph = graph
        self.rendererIdentity = rendererIdentity
    }

    /// A page to render; pages are independent, so they render on all cores.
    typealias Job = Route

    var jobs: [Job] { SiteMap(graph: graph).pages }

    /// Every file of the site, sorted by path: the build's steps with nothing on disk (no cache, no site).
    package func render() -> [OutputFile] {
        var context = BuildContext(graph: graph, renderer: rendererIdentity, cache: nil, output: nil)
        // Only a write fails, and nothing is written without an output.
        try? BuildStep.run(BuildStep.site, on: &context)
        return context.files.sorted { $0.path < $1.path }
    }

    /// Only `pages` and the `assets` they need, sorted by path: what `rolebook print` prints,
    /// without rendering the rest of the site.
    package func render(pages: [Route], assets: [SiteAsset]) -> [OutputFile] {
        let site = SiteMap(graph: graph)
        let strings = UIStrings(language: graph.config.language)
        let rendered = pages.parallelMap { page in
            OutputFile(path: site.path(for: page), contents: Self.contents(of: page, site: site, strings: strings, indexScripts: SearchIndexBuilder.pageScripts))
        }
        return (assets.map { OutputFile(path: $0.url, contents: $0.contents) } + rendered).sorted { $0.path < $1.path }
    }

    /// Pages rendered and written per batch, so a big site is never held in memory whole.
    static let batchSize = 1024

    /// One batch of pages on all cores, in order: each page's model built once for its
    /// fingerprint and its rendering; a page whose fingerprint matches what `previous` says the
    /// site holds is not rendered but handed over as kept (``OutputFile/isKept``).
    static func render(_ batch: [Job], site: SiteMap, strings: UIStrings, identity: BuildIdentity, previous: SiteWriter.PreviousBuild?) -> [OutputFile] {
        let indexScripts = SearchIndexBuilder.pageScripts
        return batch.parallelMap { job in
            let (model, fingerprint) = fingerprint(of: job, site: site, identity: identity)
            let path = path(of: job, site: site)
            if let fingerprint, let previous, previous.canKeep(path, inputs: fingerprint) { return .kept(path, inputs: fingerprint) }
            let contents = model.map { $0.render(PageContext(site: site, strings: strings, page: job)) }
                ?? contents(of: job, site: site, strings: strings, indexScripts: indexScripts)
            return OutputFile(path: path, contents: contents, inputs: fingerprint)
        }
    }

    static func path(of job: Job, site: SiteMap) -> String { site.path(for: job) }

    /// Hands the heap's free pages back to the system between phases. glibc keeps what a phase
    /// freed (the search index's postings, a hundred MB at 10,000 roles, in many small blocks)
    /// as resident, so the next phase's large buffers (graph.json's text) came on top of it: the
    /// build's peak memory.
    package static func returnFreedMemory() {
        #if canImport(Glibc)
        // Looked up (in every loaded object, as SiteLock looks up renameat2), as the Glibc module does not declare it.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        #endif
    }

    /// A page's fingerprint (nil: rendered on every build), with its model when it has one, so the
    /// model is built once for both the fingerprint and the rendering.
    static func fingerprint(of job: Job, site: SiteMap, identity: BuildIdentity) -> (ModelledPage?, UInt64?) {
        guard let model = ModelledPage(job, site: site) else { return (nil, nil) }
        return (model, identity.global.map { model.fingerprint(global: $0) })
    }

    static func contents(of job: Job, site: SiteMap, strings: UIStrings, indexScripts: [String]) -> String {
        let context = PageContext(site: site, strings: strings, page: job)
        switch job {
        case .az: return IndexPages(context: context).azPage()
        case .search: return SearchPage(context: context, indexScripts: indexScripts).render()
        case .home, .procedureIndex, .checklistIndex, .role, .department, .procedure, .checklist, .weekChecklist, .roleChecklist:
            return ModelledPage(job, site: site)!.render(context)
        }
    }
}
