import Foundation
import RoleBookModel
import RoleBookSite

/// Where each record of the last graph.json sits in it, kept under `.rolebook-cache/` as
/// `graph-<hash of that graph.json>.parts`, so the next build copies the records whose
/// fingerprints did not change from the file in the site instead of writing all of them again.
/// Named by the file's content hash (the manifest's), it is only ever read with the file it describes.
///
/// Format: a header line, then the record count and per record its fingerprint (8 bytes, little
/// endian), start and length (unsigned LEB128).
enum GraphPartsCache {
    static let header = Array("rolebook-graph-parts 1\n".utf8)

    static func url(_ cache: URL, _ hash: UInt64) -> URL {
        cache.appendingPathComponent("graph-" + String(hash, radix: 16) + ".parts")
    }

    static func encode(_ parts: GraphJSON.Parts) -> [UInt8] {
        var out = BinaryWriter(header: header)
        out.number(parts.fingerprints.count)
        for (f, r) in zip(parts.fingerprints, parts.ranges) {
            out.word(f)
            out.number(r.lowerBound)
            out.number(r.count)
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> GraphJSON.Parts? {
        guard var r = BinaryReader(bytes, header: header), let count = r.number(), count <= r.remaining else { return nil }
        var parts = GraphJSON.Parts(fingerprints: [], ranges: [])
        for _ in 0..<count {
            guard let f = r.word(), let start = r.number(), let length = r.number() else { return nil }
            parts.fingerprints.append(f)
            parts.ranges.append(start..<(start + length))
        }
        return r.isAtEnd ? parts : nil
    }

    /// graph.json, which shows everything: kept only when no file changed at all; otherwise made
    /// again, copying the records whose sources and links did not change from the previous file.
    /// - Returns: the file, and its content hash and parts for ``store(_:hash:_:)`` (nil without a cache).
    static func file(site: SiteMap, identity: BuildIdentity, previous: SiteWriter.PreviousBuild?, cache: URL?) -> (OutputFile, (hash: UInt64, parts: GraphJSON.Parts)?) {
        let whole = identity.wholeGraph(site.graph)
        if let whole, let previous, previous.canKeep("graph.json", inputs: whole) {
            return (.kept("graph.json", inputs: whole), nil)
        }
        guard let global = identity.global, let cache else {
            return (OutputFile(path: "graph.json", bytes: GraphJSON(site: site).render(seed: 0, reusing: nil).bytes, inputs: whole), nil)
        }
        let (bytes, parts) = GraphJSON(site: site).render(seed: global, reusing: reuse(previous, cache: cache))
        let file = OutputFile(path: "graph.json", bytes: bytes, inputs: whole).hashed()
        return (file, (file.contentHash, parts))
    }

    /// The previous graph.json and its records, if the cache describes the file the site holds.
    static func reuse(_ previous: SiteWriter.PreviousBuild?, cache: URL?) -> GraphJSON.Reuse? {
        guard let previous, let cache, let hash = previous.manifest.hashes["graph.json"],
              let data = FileManager.default.contents(atPath: url(cache, hash).path),
              let parts = decode([UInt8](data)),
              let bytes = previous.bytes("graph.json") else { return nil }
        var ranges: [UInt64: Range<Int>] = [:]
        ranges.reserveCapacity(parts.fingerprints.count)
        for (f, r) in zip(parts.fingerprints, parts.ranges) {
            guard r.upperBound <= bytes.count else { return nil }
            ranges[f] = r
        }
        return GraphJSON.Reuse(bytes: bytes, ranges: ranges)
    }

    /// Stores the parts of the graph.json whose content hash is `hash`, and removes older ones.
    static func store(_ cache: URL, hash: UInt64, _ parts: GraphJSON.Parts) {
        let target = url(cache, hash)
        let fm = FileManager.default
        try? fm.createDirectory(at: cache, withIntermediateDirectories: true)
        let temporary = target.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard fm.createFile(atPath: temporary, contents: Data(encode(parts))), rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return
        }
        for name in (try? fm.contentsOfDirectory(atPath: cache.path)) ?? []
        where name.hasPrefix("graph-") && name.hasSuffix(".parts") && name != target.lastPathComponent {
            try? fm.removeItem(at: cache.appendingPathComponent(name))
        }
    }
}
