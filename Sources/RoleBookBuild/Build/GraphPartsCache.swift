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
        var out = header
        func number(_ v: Int) {
            var v = UInt64(v)
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }
        number(parts.fingerprints.count)
        for (f, r) in zip(parts.fingerprints, parts.ranges) {
            for b in 0..<8 { out.append(UInt8(truncatingIfNeeded: f >> (8 * UInt64(b)))) }
            number(r.lowerBound)
            number(r.count)
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> GraphJSON.Parts? {
        guard bytes.starts(with: header) else { return nil }
        var i = header.count
        func number() -> Int? {
            var v: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count, shift < 63 {
                let b = bytes[i]; i += 1
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v <= UInt64(Int32.max) ? Int(v) : nil }
                shift += 7
            }
            return nil
        }
        guard let count = number(), count <= bytes.count - i else { return nil }
        var parts = GraphJSON.Parts(fingerprints: [], ranges: [])
        for _ in 0..<count {
            guard bytes.count - i >= 8 else { return nil }
            var f: UInt64 = 0
            for b in 0..<8 { f |= UInt64(bytes[i + b]) << (8 * UInt64(b)) }
            i += 8
            guard let start = number(), let length = number() else { return nil }
            parts.fingerprints.append(f)
            parts.ranges.append(start..<(start + length))
        }
        return i == bytes.count ? parts : nil
    }

    /// The previous graph.json and its records, if the cache describes the file the site holds.
    static func reuse(_ previous: SiteWriter.PreviousBuild?, cache: URL?) -> GraphJSON.Reuse? {
        guard let previous, let cache, let hash = previous.manifest.hashes["graph.json"],
              let data = FileManager.default.contents(atPath: url(cache, hash).path),
              let parts = decode([UInt8](data)),
              let text = previous.contents("graph.json") else { return nil }
        let bytes = Array(text.utf8)
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
