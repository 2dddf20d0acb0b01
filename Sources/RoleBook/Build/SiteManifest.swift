import Foundation

/// What the last build wrote into an output folder: a content hash per file.
///
/// Kept under `.rolebook-cache/` and tied to the site by a build id written into the site's
/// marker file, so a site replaced, copied or edited by another build is never trusted.
struct SiteManifest: Equatable, Sendable {
    var buildID: String
    /// Site-root-relative path → content hash.
    var hashes: [String: UInt64]
    /// Site-root-relative path → fingerprint of the page's inputs (``PageInputs``), for pages that have one.
    var inputs: [String: UInt64] = [:]

    /// Content hash of a file's text (``StableHash``).
    static func hash(_ text: String) -> UInt64 { StableHash.string(text) }

    /// The manifest of a set of files; the build id is derived from all hashes.
    init(files: [OutputFile]) {
        let pairs = files.parallelMap { ($0.path, Self.hash($0.contents)) }
        self.init(hashes: Dictionary(pairs, uniquingKeysWith: { a, _ in a }),
                  inputs: Dictionary(files.compactMap { f in f.inputs.map { (f.path, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    /// The manifest of files with these hashes; the build id is derived from all of them.
    init(hashes: [String: UInt64], inputs: [String: UInt64] = [:]) {
        self.hashes = hashes
        self.inputs = inputs
        var all = ""
        for path in hashes.keys.sorted() { all += "\(hashes[path]!) \(path)\n" }
        buildID = String(Self.hash(all), radix: 16)
    }

    init(buildID: String, hashes: [String: UInt64], inputs: [String: UInt64] = [:]) {
        self.buildID = buildID
        self.hashes = hashes
        self.inputs = inputs
    }

    /// `rolebook-manifest 2 <build id>` then one `<hash hex> <inputs hex or -> <path>` line per
    /// file, sorted.
    var text: String {
        var out = "rolebook-manifest 2 \(buildID)\n"
        for path in hashes.keys.sorted() {
            out += String(hashes[path]!, radix: 16) + " " + (inputs[path].map { String($0, radix: 16) } ?? "-") + " " + path + "\n"
        }
        return out
    }

    /// Nil for anything that is not a complete manifest of this format.
    static func parse(_ text: String) -> SiteManifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else { return nil }
        let fields = header.split(separator: " ")
        // Older formats are not read: the next build writes everything once.
        guard fields.count == 3, fields[0] == "rolebook-manifest", fields[1] == "2" else { return nil }
        var hashes: [String: UInt64] = [:]
        var inputs: [String: UInt64] = [:]
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let h = UInt64(parts[0], radix: 16) else { return nil }
            let path = String(parts[2])
            hashes[path] = h
            if parts[1] != "-" {
                guard let fingerprint = UInt64(parts[1], radix: 16) else { return nil }
                inputs[path] = fingerprint
            }
        }
        return SiteManifest(buildID: String(fields[2]), hashes: hashes, inputs: inputs)
    }

    /// The manifest file for an output folder: one per absolute output path.
    static func location(cache: URL, output: URL) -> URL {
        cache.appendingPathComponent("site-" + String(hash(output.standardizedFileURL.path), radix: 16) + ".manifest")
    }
}
