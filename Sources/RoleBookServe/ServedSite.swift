import Foundation
import RoleBook

/// One version of the site as `serve` holds it: the pages of one graph, each rendered when first
/// asked for (``SitePages``), plus the content's current errors. A value: the server swaps whole
/// snapshots, so a request that reads one sees one version of every file.
///
/// A rebuild renders again only the pages this server has already served (the ones a browser can
/// have open, which must be told when they change); every other page of the new version is
/// rendered from the new graph when it is requested. So an edit costs the graph and the open
/// pages, not the whole site, and start-up costs no page at all.
package struct ServedSite: Sendable {
    /// Counts up with every rebuild.
    package var version: Int
    /// The pages of this version; nil before the first build.
    package var pages: SitePages?
    /// The pages of this version rendered so far, and those asked for and missing.
    private(set) var store: PageStore
    /// `graph.json` of this version, rendered on first request (no page loads it, and it is a
    /// function of every file, so rendering it on each rebuild would delay every reload).
    package var graphJSON: LazyFile?
    /// The search index (`search/…`) of this version, built on the first request for one of its
    /// files: only the search page loads it, and building it on each rebuild would delay every reload.
    package var searchIndex: LazyFiles?
    /// The content's diagnostics when it has errors (shown over the last good pages), else empty.
    package var errors: [Diagnostic]

    package init() {
        version = 0
        store = PageStore()
        errors = []
    }

    /// The version in which the page at `path` last changed, as far as this server knows: the
    /// version it was first served in, or changed in since. A page it never served counts as of
    /// this version. Pages carry the version they were served in (`data-version`), so a page
    /// whose live connection opens after a rebuild can tell that it is stale.
    package func stamp(_ path: String) -> Int { store.entry(path)?.stamp ?? version }

    /// Whether the page at `path` has been rendered in this version (tests; the rest is made on request).
    package func isRendered(_ path: String) -> Bool { store.entry(path)?.data != nil }

    /// The bytes served at `path` (a site path, `index.html` spelled out): a page or asset,
    /// rendered now if it was not yet, or the lazily made `graph.json` and search index.
    package func file(_ path: String) -> Data? {
        if let data = store.entry(path)?.data { return data }
        if path == "graph.json" { return graphJSON?.data }
        if path.hasPrefix("search/") { return searchIndex?.files[path] }
        guard let page = pages?.page(path) else { return nil }
        return store.insert(path, PageStore.Entry(rendered: page.render(), path: path, fingerprint: page.fingerprint, version: version)).data
    }

    /// Whether `path` is a page or asset of this version.
    package func contains(_ path: String) -> Bool { pages?.contains(path) ?? false }

    /// Remembers that a page was asked for and is missing, so the rebuild that makes it tells the
    /// browser showing the 404 page.
    /// At most ``PageStore/missingLimit`` such paths are kept, so requests for made-up pages
    /// cannot grow the server's memory or its rebuilds without bound.
    func noteMissing(_ path: String) {
        guard path.hasSuffix(".html"), store.entry(path) == nil, store.missingCount < PageStore.missingLimit else { return }
        _ = store.insert(path, PageStore.Entry(data: nil, hash: 0, fingerprint: nil, stamp: version))
    }

    /// Where the live-reload script, its stylesheet and socket live; no site file starts with `_`.
    package static let livePrefix = "/__rolebook/"

    /// What a rebuild changed, for the browser and the terminal.
    package struct Change: Sendable, Equatable {
        /// Site paths of served pages that changed, and of pages asked for while missing that now exist.
        package var changed: [String]
        /// Site paths of served pages that no longer exist.
        package var removed: [String]
        /// Whether the error list changed (the overlay needs redrawing even if no page did).
        package var errorsChanged: Bool
        package var pageCount: Int { (changed + removed).filter { $0.hasSuffix(".html") }.count }
    }

    /// The next snapshot from a check of the content and, when it has no errors, its pages. With
    /// errors the pages stay those of the last good version and only `errors` moves. The pages
    /// served so far are compared with the new version's: by model fingerprint where they have one,
    /// else by rendering them again; unchanged ones are carried over as they are.
    package func next(diagnostics: [Diagnostic], pages newPages: SitePages?) -> (ServedSite, Change) {
        var site = self
        site.version = version + 1
        let errors = diagnostics.containsErrors ? diagnostics : []
        site.errors = errors
        let errorsChanged = errors != self.errors
        guard let newPages else { return (site, Change(changed: [], removed: [], errorsChanged: errorsChanged)) }
        let fresh = PageStore()
        var changed: [String] = [], removed: [String] = []
        var done = Set<String>()
        // Pages served from this version while the comparison ran are compared in a second round,
        // so a browser that opened one meanwhile still hears of its change.
        while true {
            let held = store.entries().filter { !done.contains($0.key) }
            if held.isEmpty { break }
            let paths = held.keys.sorted()
            let newVersion = site.version
            let results = paths.parallelMap { path in Self.compare(held[path]!, path: path, in: newPages, version: newVersion) }
            for (path, result) in zip(paths, results) {
                done.insert(path)
                switch result {
                case .removed: removed.append(path)
                case .kept(let entry): _ = fresh.insert(path, entry)
                case .changed(let entry): _ = fresh.insert(path, entry); changed.append(path)
                }
            }
        }
        site.pages = newPages
        site.store = fresh
        site.graphJSON = LazyFile { newPages.graphJSON() }
        site.searchIndex = LazyFiles { newPages.searchIndexFiles() }
        return (site, Change(changed: changed.sorted(), removed: removed.sorted(), errorsChanged: errorsChanged))
    }

    private enum Comparison: Sendable {
        case kept(PageStore.Entry), changed(PageStore.Entry), removed
    }

    /// A page served from the old version, against the new one.
    private static func compare(_ old: PageStore.Entry, path: String, in pages: SitePages, version: Int) -> Comparison {
        guard let page = pages.page(path) else {
            // Asked for while missing and still missing: keep listening for it.
            return old.data == nil ? .kept(old) : .removed
        }
        if let f = page.fingerprint, f == old.fingerprint, old.data != nil { return .kept(old) }
        let fresh = PageStore.Entry(rendered: page.render(), path: path, fingerprint: page.fingerprint, version: version)
        if old.data != nil, fresh.hash == old.hash {
            // Unchanged bytes keep the version stamped in them.
            var kept = old
            kept.fingerprint = page.fingerprint
            return .kept(kept)
        }
        return .changed(fresh)
    }

    /// A page as served: the live-reload script added at the end of its head. Other files as they are.
    static func served(_ contents: String, path: String, version: Int) -> String {
        String(decoding: servedBytes(contents, path: path, version: version), as: UTF8.self)
    }

    static func servedBytes(_ contents: String, path: String, version: Int) -> Data {
        var data = Data(contents.utf8)
        guard path.hasSuffix(".html"), let head = data.firstRange(of: Data("</head>".utf8)) else { return data }
        data.insert(contentsOf: Data(liveScriptTag(version: version).utf8), at: head.lowerBound)
        return data
    }

    static func liveScriptTag(version: Int) -> String {
        "<script src=\"\(livePrefix)live.js\" data-version=\"\(version)\" defer></script>"
    }
}

/// The pages of one version rendered so far, by site path; filled by requests on any thread.
final class PageStore: @unchecked Sendable {
    struct Entry: Sendable {
        /// The bytes served (pages with the live script); nil: asked for and missing.
        var data: Data?
        /// Hash of the file as rendered, to tell whether a rebuild changed it.
        var hash: UInt64
        /// The page's model fingerprint (``SitePages/Page/fingerprint``).
        var fingerprint: UInt64?
        /// The version in which the file was first served or last changed.
        var stamp: Int

        init(data: Data?, hash: UInt64, fingerprint: UInt64?, stamp: Int) {
            self.data = data; self.hash = hash; self.fingerprint = fingerprint; self.stamp = stamp
        }

        init(rendered contents: String, path: String, fingerprint: UInt64?, version: Int) {
            self.init(data: ServedSite.servedBytes(contents, path: path, version: version), hash: StableHash.string(contents),
                      fingerprint: fingerprint, stamp: version)
        }
    }

    private let lock = NSLock()
    private var table: [String: Entry] = [:]
    private var missing = 0

    /// How many missing pages asked for are remembered at most.
    static let missingLimit = 1024

    /// How many entries are pages asked for and missing.
    var missingCount: Int { lock.withLock { missing } }

    func entry(_ path: String) -> Entry? { lock.withLock { table[path] } }

    func entries() -> [String: Entry] { lock.withLock { table } }

    /// Stores `entry` unless a rendered one is there already (two requests rendered the same page
    /// at once); returns the one stored.
    func insert(_ path: String, _ entry: Entry) -> Entry {
        lock.withLock {
            if let held = table[path], held.data != nil || entry.data == nil { return held }
            let wasMissing = table[path].map { $0.data == nil } ?? false
            table[path] = entry
            missing += (entry.data == nil ? 1 : 0) - (wasMissing ? 1 : 0)
            return entry
        }
    }
}

/// A file made when first asked for, once.
package final class LazyFile: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Data?
    private let make: @Sendable () -> String

    package init(_ make: @escaping @Sendable () -> String) { self.make = make }

    package var data: Data {
        lock.withLock {
            if let made { return made }
            let data = Data(make().utf8)
            made = data
            return data
        }
    }
}

/// A set of files made together when one of them is first asked for, once; concurrent
/// requests wait for the one build.
package final class LazyFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: Data]?
    private let make: @Sendable () -> [String: String]

    package init(_ make: @escaping @Sendable () -> [String: String]) { self.make = make }

    /// Whether the files have been made.
    package var isMade: Bool { lock.withLock { made != nil } }

    package var files: [String: Data] {
        lock.withLock {
            if let made { return made }
            let data = make().mapValues { Data($0.utf8) }
            made = data
            return data
        }
    }
}
