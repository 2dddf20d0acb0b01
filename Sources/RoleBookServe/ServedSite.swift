import Foundation
import RoleBook

/// One version of the site as `serve` holds it in memory: every file by site path, plus the
/// content's current errors. A value: the server swaps whole snapshots, so a request that
/// reads one sees one version of every file.
public struct ServedSite: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`) → bytes as served (pages with the live script).
    public var files: [String: Data]
    /// Content hash of each file as rendered, to tell which pages a rebuild changed.
    var hashes: [String: UInt64]
    /// Fingerprint of what each page was rendered from (``OutputFile/inputs``), so the next
    /// rebuild renders only pages whose inputs changed.
    public var inputs: [String: UInt64]
    /// Counts up with every rebuild.
    public var version: Int
    /// The version in which each file last changed; pages carry it (`data-version`), so a page
    /// whose live connection opens after a rebuild can tell that it is stale.
    public var stamps: [String: Int]
    /// `graph.json` of this version, rendered on first request (no page loads it, and it is a
    /// function of every file, so rendering it on each rebuild would delay every reload).
    public var graphJSON: LazyFile?
    /// The content's diagnostics when it has errors (shown over the last good pages), else empty.
    public var errors: [Diagnostic]

    public init() {
        files = [:]
        hashes = [:]
        inputs = [:]
        stamps = [:]
        version = 0
        errors = []
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
    public func next(diagnostics: [Diagnostic], rendered: [OutputFile]?, graphJSON: LazyFile? = nil) -> (ServedSite, Change) {
        var site = self
        site.version = version + 1
        let errors = diagnostics.containsErrors ? diagnostics : []
        site.errors = errors
        let errorsChanged = errors != self.errors
        guard let rendered else { return (site, Change(changed: [], removed: [], errorsChanged: errorsChanged)) }
        var files: [String: Data] = [:]
        var hashes: [String: UInt64] = [:]
        var inputs: [String: UInt64] = [:]
        var stamps: [String: Int] = [:]
        var changed: [String] = []
        files.reserveCapacity(rendered.count)
        hashes.reserveCapacity(rendered.count)
        // Hashing and converting the rendered files is the bulk of the work after a cold render:
        // spread it over the cores, each file on its own (a byte hash, not String's unicode-aware one).
        let fresh = Self.prepared(rendered.map { $0.isKept ? nil : $0 }, version: site.version)
        for (i, file) in rendered.enumerated() {
            if let fingerprint = file.inputs { inputs[file.path] = fingerprint }
            guard let (hash, bytes) = fresh[i] else {
                // Not rendered again: its inputs are those of the page held.
                if let bytes = self.files[file.path], let hash = self.hashes[file.path] {
                    files[file.path] = bytes
                    hashes[file.path] = hash
                    stamps[file.path] = self.stamps[file.path]
                }
                continue
            }
            hashes[file.path] = hash
            if let old = self.hashes[file.path], old == hash, let held = self.files[file.path] {
                // Unchanged: keep the bytes (and the version stamped in them) of the previous snapshot.
                files[file.path] = held
                stamps[file.path] = self.stamps[file.path]
            } else {
                files[file.path] = bytes
                stamps[file.path] = site.version
                changed.append(file.path)
            }
        }
        let removed = self.hashes.keys.filter { hashes[$0] == nil }.sorted()
        site.files = files
        site.hashes = hashes
        site.inputs = inputs
        site.stamps = stamps
        site.graphJSON = graphJSON
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
