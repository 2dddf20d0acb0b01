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
        let pairs = files.parallelMap { ($0.path, Self.hash($0.contents)) }
        self.init(hashes: Dictionary(pairs, uniquingKeysWith: { a, _ in a }),
                  inputs: Dictionary(files.compactMap { f in f.inputs.map { (f.path, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    /// The manifest of files with these hashes; the build id is derived from all of them.
    init(hashes: [String: UInt64], inputs: [String: UInt64] = [:], stamps: [String: FileStamp] = [:]) {
        self.hashes = hashes
        self.inputs = inputs
        self.stamps = stamps
        var all = ""
        for path in hashes.keys.sorted() { all += "\(hashes[path]!) \(path)\n" }
        buildID = String(Self.hash(all), radix: 16)
    }

    init(buildID: String, hashes: [String: UInt64], inputs: [String: UInt64] = [:], stamps: [String: FileStamp] = [:]) {
        self.buildID = buildID
        self.hashes = hashes
        self.inputs = inputs
        self.stamps = stamps
    }

    /// `rolebook-manifest 3 <build id>` then one `<hash hex> <inputs hex or -> <stamp or -> <path>`
    /// line per file, sorted; a stamp is `<size>:<mtime ns>` in hex.
    var text: String {
        var out = "rolebook-manifest 3 \(buildID)\n"
        for path in hashes.keys.sorted() {
            out += String(hashes[path]!, radix: 16) + " " + (inputs[path].map { String($0, radix: 16) } ?? "-")
                + " " + (stamps[path]?.text ?? "-") + " " + path + "\n"
        }
        return out
    }

    /// Nil for anything that is not a complete manifest of this format.
    static func parse(_ text: String) -> SiteManifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else { return nil }
        let fields = header.split(separator: " ")
        // Older formats are not read: the next build writes everything once.
        guard fields.count == 3, fields[0] == "rolebook-manifest", fields[1] == "3" else { return nil }
        var hashes: [String: UInt64] = [:]
        var inputs: [String: UInt64] = [:]
        var stamps: [String: FileStamp] = [:]
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let h = UInt64(parts[0], radix: 16) else { return nil }
            let path = String(parts[3])
            hashes[path] = h
            if parts[1] != "-" {
                guard let fingerprint = UInt64(parts[1], radix: 16) else { return nil }
                inputs[path] = fingerprint
            }
            if parts[2] != "-" {
                guard let stamp = FileStamp(text: parts[2]) else { return nil }
                stamps[path] = stamp
            }
        }
        return SiteManifest(buildID: String(fields[2]), hashes: hashes, inputs: inputs, stamps: stamps)
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
