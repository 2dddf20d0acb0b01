import Foundation

/// What the last build wrote into an output folder: a content hash per file.
///
/// Kept under `.rolebook-cache/` and tied to the site by a build id written into the site's
/// marker file, so a site replaced, copied or edited by another build is never trusted.
struct SiteManifest: Equatable, Sendable {
    var buildID: String
    /// Site-root-relative path → content hash.
    var hashes: [String: UInt64]

    /// 64-bit hash of the file's bytes, 8 bytes per step: fast enough to hash a 200 MB site in a
    /// fraction of the time writing it takes, and stable across runs (unlike `Hasher`).
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            h = h &* 0xFF51_AFD7_ED55_8CCD
            return h ^ (h >> 32)
        }
    }

    /// The manifest of a set of files; the build id is derived from all hashes.
    init(files: [OutputFile]) {
        let pairs = files.parallelMap { ($0.path, Self.hash($0.contents)) }
        self.init(hashes: Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
    }

    /// The manifest of files with these hashes; the build id is derived from all of them.
    init(hashes: [String: UInt64]) {
        self.hashes = hashes
        var all = ""
        for path in hashes.keys.sorted() { all += "\(hashes[path]!) \(path)\n" }
        buildID = String(Self.hash(all), radix: 16)
    }

    init(buildID: String, hashes: [String: UInt64]) {
        self.buildID = buildID
        self.hashes = hashes
    }

    /// `rolebook-manifest 1 <build id>` then one `<hash hex> <path>` line per file, sorted.
    var text: String {
        var out = "rolebook-manifest 1 \(buildID)\n"
        for path in hashes.keys.sorted() { out += String(hashes[path]!, radix: 16) + " " + path + "\n" }
        return out
    }

    /// Nil for anything that is not a complete manifest of this format.
    static func parse(_ text: String) -> SiteManifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else { return nil }
        let fields = header.split(separator: " ")
        guard fields.count == 3, fields[0] == "rolebook-manifest", fields[1] == "1" else { return nil }
        var hashes: [String: UInt64] = [:]
        for line in lines {
            guard let space = line.firstIndex(of: " "), let h = UInt64(line[..<space], radix: 16) else { return nil }
            hashes[String(line[line.index(after: space)...])] = h
        }
        return SiteManifest(buildID: String(fields[2]), hashes: hashes)
    }

    /// The manifest file for an output folder: one per absolute output path.
    static func location(cache: URL, output: URL) -> URL {
        cache.appendingPathComponent("site-" + String(hash(output.standardizedFileURL.path), radix: 16) + ".manifest")
    }
}
