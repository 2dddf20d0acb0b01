import Foundation
import RoleBookModel

/// What the last build wrote into an output folder: a content hash per file.
///
/// Kept under `.rolebook-cache/` and tied to the site by a build id written into the site's
/// marker file, so a site replaced, copied or edited by another build is never trusted.
struct SiteManifest: Equatable, Sendable {
    var buildID: String
    /// Site-root-relative path → content hash.
    var hashes: [String: UInt64]
    /// Site-root-relative path → fingerprint of the page's model (``ModelledPage``), for pages that have one.
    var inputs: [String: UInt64] = [:]
    /// Site-root-relative path → size and modification time of the file as written, so the next
    /// build notices a file edited, truncated or replaced behind its back without reading it.
    var stamps: [String: FileStamp] = [:]

    /// Content hash of a file's text (``StableHash``).
    static func hash(_ text: String) -> UInt64 { StableHash.string(text) }

    /// The manifest of a set of files; the build id is derived from all hashes.
    init(files: [OutputFile]) {
        let pairs = files.parallelMap { ($0.path, $0.contentHash) }
        self.init(hashes: Dictionary(pairs, uniquingKeysWith: { a, _ in a }),
                  inputs: Dictionary(files.compactMap { f in f.inputs.map { (f.path, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    /// The manifest of files with these hashes; the build id is derived from all of them.
    init(hashes: [String: UInt64], inputs: [String: UInt64] = [:], stamps: [String: FileStamp] = [:]) {
        self.hashes = hashes
        self.inputs = inputs
        self.stamps = stamps
        buildID = String(Self.buildHash(hashes), radix: 16)
    }

    /// The hash of `<hash in decimal> <path>\n` per file, sorted by path, as bytes: the same as
    /// hashing that text, without 30,000 string interpolations and appends on every build.
    static func buildHash(_ hashes: [String: UInt64]) -> UInt64 {
        var all: [UInt8] = []
        all.reserveCapacity(hashes.count * 48)
        for (path, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            appendDecimal(hash, to: &all)
            all.append(0x20)
            all += path.utf8
            all.append(0x0A)
        }
        return all.withUnsafeBytes(StableHash.bytes)
    }

    /// `value` in decimal digits, as `"\(value)"` writes it.
    static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
        var digits = 1, rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        out.append(contentsOf: repeatElement(0x30, count: digits))
        var i = out.count - 1
        rest = value
        repeat {
            out[i] = 0x30 + UInt8(rest % 10)
            rest /= 10
            i -= 1
        } while rest > 0
    }

    init(buildID: String, hashes: [String: UInt64], inputs: [String: UInt64] = [:], stamps: [String: FileStamp] = [:]) {
        self.buildID = buildID
        self.hashes = hashes
        self.inputs = inputs
        self.stamps = stamps
    }

    /// `rolebook-manifest 3 <build id>` then one `<hash hex> <inputs hex or -> <stamp or -> <path>`
    /// line per file, in no particular order (it is in the cache folder, not the site, and only
    /// read back into dictionaries: sorting 30,000 paths cost more than writing them); a stamp is
    /// `<size>:<mtime ns>` in hex.
    var bytes: [UInt8] {
        // Bytes, not strings: a 10,000-role site has 30,000 lines, written on every build.
        var out = Array("rolebook-manifest 3 \(buildID)\n".utf8)
        out.reserveCapacity(hashes.count * 72)
        for (path, hash) in hashes {
            Hex.append(hash, to: &out)
            out.append(0x20)
            if let fingerprint = inputs[path] { Hex.append(fingerprint, to: &out) } else { out.append(0x2D) }
            out.append(0x20)
            if let stamp = stamps[path] { Hex.append(stamp.size, to: &out); out.append(0x3A); Hex.append(stamp.modified, to: &out) } else { out.append(0x2D) }
            out.append(0x20)
            out += path.utf8
            out.append(0x0A)
        }
        return out
    }

    /// ``bytes`` as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Nil for anything that is not a complete manifest of this format. Read byte by byte: the
    /// manifest of a big site is read at the start of every build.
    static func parse(_ text: String) -> SiteManifest? {
        var text = text
        return text.withUTF8 { bytes -> SiteManifest? in
            guard let firstEnd = bytes.firstIndex(of: 0x0A) else { return nil }
            let fields = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<firstEnd]), as: UTF8.self).split(separator: " ")
            // Older formats are not read: the next build writes everything once.
            guard fields.count == 3, fields[0] == "rolebook-manifest", fields[1] == "3" else { return nil }
            var hashes: [String: UInt64] = [:]
            var inputs: [String: UInt64] = [:]
            var stamps: [String: FileStamp] = [:]
            let estimate = bytes.count / 64
            hashes.reserveCapacity(estimate); inputs.reserveCapacity(estimate); stamps.reserveCapacity(estimate)
            var i = firstEnd + 1
            let end = bytes.count
            /// A hex number up to `stop` (which it consumes), optionally negative; nil when malformed.
            func number(until stop: UInt8, negative allowed: Bool = false) -> Int64? {
                var negative = false
                if allowed, i < end, bytes[i] == 0x2D { negative = true; i += 1 }
                guard let v = Hex.number(in: bytes, at: &i, until: stop) else { return nil }
                if negative { return v <= UInt64(Int64.max) ? -Int64(v) : nil }
                return Int64(bitPattern: v)
            }
            func dash() -> Bool {
                guard i + 1 < end, bytes[i] == 0x2D, bytes[i + 1] == 0x20 else { return false }
                i += 2
                return true
            }
            while i < end {
                if bytes[i] == 0x0A { i += 1; continue }
                guard let h = number(until: 0x20) else { return nil }
                var fingerprint: UInt64?
                if !dash() {
                    guard let f = number(until: 0x20) else { return nil }
                    fingerprint = UInt64(bitPattern: f)
                }
                var stamp: FileStamp?
                if !dash() {
                    guard let size = number(until: 0x3A, negative: true), let modified = number(until: 0x20, negative: true) else { return nil }
                    stamp = FileStamp(size: size, modified: modified)
                }
                var lineEnd = i
                while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<lineEnd]), as: UTF8.self)
                i = lineEnd
                hashes[path] = UInt64(bitPattern: h)
                if let fingerprint { inputs[path] = fingerprint }
                if let stamp { stamps[path] = stamp }
            }
            return SiteManifest(buildID: String(fields[2]), hashes: hashes, inputs: inputs, stamps: stamps)
        }
    }

    /// The manifest file for an output folder: one per absolute output path.
    static func location(cache: URL, output: URL) -> URL {
        cache.appendingPathComponent("site-" + String(hash(output.standardizedFileURL.path), radix: 16) + ".manifest")
    }
}

/// Size and modification time of a file, as `stat` reports them.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    /// Nanoseconds since the epoch.
    var modified: Int64

    init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    init(_ info: stat) {
        #if os(Linux)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        self.init(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The stamp of the regular file at `path` (links not followed); nil if it is missing or not a regular file.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    var text: String { String(size, radix: 16) + ":" + String(modified, radix: 16) }

    init?(text: Substring) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let size = Int64(parts[0], radix: 16), let modified = Int64(parts[1], radix: 16) else { return nil }
        self.init(size: size, modified: modified)
    }
}
