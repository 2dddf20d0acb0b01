import Foundation
import RoleBook

/// One version of the site as `serve` holds it in memory: every file by site path, plus the
/// content's current errors. A value: the server swaps whole snapshots, so a request that
/// reads one sees one version of every file.
public struct ServedSite: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`) → bytes as served (pages with the live
    /// script), with each file's hash, inputs fingerprint and version stamp.
    public var files: SiteFiles
    /// Counts up with every rebuild.
    public var version: Int
    /// `graph.json` of this version, rendered on first request (no page loads it, and it is a
    /// function of every file, so rendering it on each rebuild would delay every reload).
    public var graphJSON: LazyFile?
    /// The search index (`search/…`) of this version, built on the first request for one of its
    /// files: only the search page loads it, and building it on each rebuild would delay every reload.
    public var searchIndex: LazyFiles?
    /// The content's diagnostics when it has errors (shown over the last good pages), else empty.
    public var errors: [Diagnostic]

    public init() {
        files = SiteFiles()
        version = 0
        errors = []
    }

    /// The version in which the file at `path` last changed; pages carry it (`data-version`), so
    /// a page whose live connection opens after a rebuild can tell that it is stale.
    public func stamp(_ path: String) -> Int? { files[entry: path]?.stamp }

    /// The inputs fingerprint of the page held at `path` (``OutputFile/inputs``).
    public func inputs(_ path: String) -> UInt64? { files[entry: path]?.inputs }

    /// The bytes served at `path` (a site path, `index.html` spelled out), the lazily made
    /// `graph.json` and search index included.
    public func file(_ path: String) -> Data? {
        if let data = files[path] { return data }
        if path == "graph.json" { return graphJSON?.data }
        if path.hasPrefix("search/") { return searchIndex?.files[path] }
        return nil
    }

    /// Where the live-reload script, its stylesheet and socket live; no site file starts with `_`.
    public static let livePrefix = "/__rolebook/"

    /// What a rebuild changed, for the browser and the terminal.
    public struct Change: Sendable, Equatable {
        /// Site paths of pages that were added or whose contents changed.
        public var changed: [String]
        /// Site paths of pages that no longer exist.
        public var removed: [String]
        /// Whether the error list changed (the overlay needs redrawing even if no page did).
        public var errorsChanged: Bool
        public var pageCount: Int { (changed + removed).filter { $0.hasSuffix(".html") }.count }
    }

    /// The next snapshot from a check of the content and, when it has no errors, its rendered
    /// files. With errors the pages stay those of the last good version and only `errors` moves.
    /// Only the files rendered again are touched: the rest stay shared with this snapshot.
    public func next(diagnostics: [Diagnostic], rendered: [OutputFile]?, graphJSON: LazyFile? = nil,
                     searchIndex: LazyFiles? = nil) -> (ServedSite, Change) {
        var site = self
        site.version = version + 1
        let errors = diagnostics.containsErrors ? diagnostics : []
        site.errors = errors
        let errorsChanged = errors != self.errors
        guard let rendered else { return (site, Change(changed: [], removed: [], errorsChanged: errorsChanged)) }
        var changed: [String] = []
        // Hashing and converting the rendered files is the bulk of the work after a cold render:
        // spread it over the cores, each file on its own (a byte hash, not String's unicode-aware one).
        let fresh = Self.prepared(rendered.map { $0.isKept ? nil : $0 }, version: site.version)
        var present = 0
        for (i, file) in rendered.enumerated() {
            guard let (hash, bytes) = fresh[i] else {
                // Not rendered again: held as it is (its inputs are those of the page held).
                if files[entry: file.path] != nil { present += 1 }
                continue
            }
            if var held = files[entry: file.path] {
                present += 1
                held.inputs = file.inputs
                // Unchanged bytes keep the version stamped in them.
                if held.hash != hash {
                    held.data = bytes
                    held.hash = hash
                    held.stamp = site.version
                    changed.append(file.path)
                }
                site.files[entry: file.path] = held
            } else {
                site.files[entry: file.path] = SiteFiles.Entry(data: bytes, hash: hash, inputs: file.inputs, stamp: site.version)
                changed.append(file.path)
            }
        }
        var removed: [String] = []
        if present < files.count {
            // Some file held is not in this render: find which (a role or a page was deleted).
            let now = Set(rendered.map(\.path))
            removed = files.paths.filter { !now.contains($0) }.sorted()
            for path in removed { site.files[entry: path] = nil }
        }
        site.graphJSON = graphJSON
        site.searchIndex = searchIndex
        return (site, Change(changed: changed.sorted(), removed: removed, errorsChanged: errorsChanged))
    }

    /// Content hash and served bytes of each file given, in parallel, in order.
    static func prepared(_ files: [OutputFile?], version: Int) -> [(UInt64, Data)?] {
        var out = [(UInt64, Data)?](repeating: nil, count: files.count)
        let chunk = 256
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: (files.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(files.count, (c + 1) * chunk) {
                    guard let file = files[i] else { continue }
                    results[i] = (StableHash.string(file.contents), servedBytes(file.contents, path: file.path, version: version))
                }
            }
        }
        return out
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

/// A file made when first asked for, once.
public final class LazyFile: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Data?
    private let make: @Sendable () -> String

    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    public var data: Data {
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
public final class LazyFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: Data]?
    private let make: @Sendable () -> [String: String]

    public init(_ make: @escaping @Sendable () -> [String: String]) { self.make = make }

    /// Whether the files have been made.
    public var isMade: Bool { lock.withLock { made != nil } }

    public var files: [String: Data] {
        lock.withLock {
            if let made { return made }
            let data = make().mapValues { Data($0.utf8) }
            made = data
            return data
        }
    }
}
