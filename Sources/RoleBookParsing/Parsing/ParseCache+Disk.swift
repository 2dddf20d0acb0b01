import Foundation
import RoleBookModel

/// ``ParseCache`` kept in the build cache folder, so `rolebook build` parses only the files whose
/// bytes changed since the last build: `.rolebook-cache/parse.cache`.
///
/// Format: a header line naming the format and the rolebook that wrote it (another rolebook's
/// parse may differ: its file is ignored), then the display root and the sections `rolebook.yml`
/// added (both shape every parse), the entry count, and per entry its path, the hash of the
/// file's bytes, its ``FileIdentity`` if recorded, and the length and hash of its part; then the
/// parts (``ParseResultEncoder``) in the same order. A part that does not hash as recorded or
/// does not decode is dropped (that file is parsed again); a damaged index, a truncated file or
/// another header is an empty cache.
extension ParseCache {
    static let fileName = "parse.cache"
    static let formatVersion = 1

    static func header(identity: UInt64) -> [UInt8] {
        Array("rolebook-parse-cache \(formatVersion) \(String(identity, radix: 16))\n".utf8)
    }

    /// The cache stored in `directory` by a rolebook with this `identity` (the binary's: see
    /// `BuildIdentity.rendererIdentity`) for `loader`'s content root, or an empty cache.
    public static func load(from directory: URL, loader: ContentLoader, identity: UInt64) -> ParseCache {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path) else { return ParseCache() }
        return decode([UInt8](data), displayRoot: loader.displayRoot, identity: identity) ?? ParseCache()
    }

    /// Writes this cache for the next build (atomically: a scratch file renamed over the old one).
    /// Only entries parsed anew are encoded; the others are copied as they were read.
    public func store(in directory: URL, loader: ContentLoader, identity: UInt64) {
        let target = directory.appendingPathComponent(Self.fileName)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = target.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(encode(displayRoot: loader.displayRoot, identity: identity))),
              rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return
        }
    }

    func encode(displayRoot: String, identity: UInt64) -> [UInt8] {
        let paths = entries.keys.sorted()
        let fresh = paths.filter { entries[$0]!.stored == nil }
        let snapshot = entries
        let encodedFresh = fresh.parallelMap { ParseResultEncoder.encode(snapshot[$0]!.entity, snapshot[$0]!.diagnostics) }
        var made: [String: [UInt8]] = [:]
        for (path, part) in zip(fresh, encodedFresh) { if let part { made[path] = part } }

        var out = BinaryWriter(header: Self.header(identity: identity))
        out.string(displayRoot)
        let sections = extraSections.sorted { $0.key.rawValue < $1.key.rawValue }
        out.number(sections.count)
        for (kind, names) in sections { out.string(kind.rawValue); out.strings(names) }
        // Entries whose part could not be made are left out: parsed again next time.
        let kept = paths.filter { entries[$0]!.stored != nil || made[$0] != nil }
        out.number(kept.count)
        for path in kept {
            let entry = entries[path]!
            out.string(path)
            out.word(entry.hash)
            if let id = entry.identity {
                out.byte(1)
                for w in [id.device, id.inode, UInt64(bitPattern: id.size), UInt64(bitPattern: id.modified), UInt64(bitPattern: id.modifiedNanoseconds),
                          UInt64(bitPattern: id.changed), UInt64(bitPattern: id.changedNanoseconds)] { out.word(w) }
            } else {
                out.byte(0)
            }
            let count = entry.stored?.count ?? made[path]!.count
            out.number(count)
            out.word(entry.stored.map { part in part.withUnsafeBytes { StableHash.bytes($0) } } ?? made[path]!.withUnsafeBytes { StableHash.bytes($0) })
        }
        for path in kept {
            if let part = entries[path]!.stored { out.raw(part) } else { out.raw(made[path]!) }
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8], displayRoot: String, identity: UInt64) -> ParseCache? {
        guard var r = BinaryReader(bytes, header: header(identity: identity)), r.string() == displayRoot,
              let sectionCount = r.number(), sectionCount <= r.remaining else { return nil }
        var extra: [SectionKind: [String]] = [:]
        for _ in 0..<sectionCount {
            guard let name = r.string(), let kind = SectionKind(rawValue: name), let names = r.strings() else { return nil }
            extra[kind] = names
        }
        guard let count = r.number(), count <= r.remaining else { return nil }
        struct Indexed: Sendable {
            var path: String, hash: UInt64, identity: FileIdentity?, length: Int, check: UInt64
        }
        var index: [Indexed] = []
        index.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = r.string(), let hash = r.word(), let flag = r.byte() else { return nil }
            var identity: FileIdentity?
            if flag == 1 {
                var w: [UInt64] = []
                for _ in 0..<7 { guard let x = r.word() else { return nil }; w.append(x) }
                identity = FileIdentity(device: w[0], inode: w[1], size: Int64(bitPattern: w[2]), modified: Int64(bitPattern: w[3]),
                                        modifiedNanoseconds: Int64(bitPattern: w[4]), changed: Int64(bitPattern: w[5]), changedNanoseconds: Int64(bitPattern: w[6]))
            } else if flag != 0 {
                return nil
            }
            guard let length = r.number(), let check = r.word() else { return nil }
            index.append(Indexed(path: path, hash: hash, identity: identity, length: length, check: check))
        }
        // The parts fill the rest of the file exactly: a truncated or padded file is not read.
        var start = r.offset
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for entry in index {
            ranges.append(start..<(start + entry.length))
            start += entry.length
        }
        guard start == bytes.count else { return nil }
        let work = Array(zip(index, ranges))
        let decoded = work.parallelMap { entry, range -> Entry? in
            let sound = bytes.withUnsafeBytes { StableHash.bytes(UnsafeRawBufferPointer(rebasing: $0[range])) } == entry.check
            guard sound, let (entity, diagnostics) = ParseResultDecoder.decode(BinaryReader(bytes, part: range)) else { return nil }
            return Entry(hash: entry.hash, entity: entity, diagnostics: diagnostics, identity: entry.identity, stored: bytes[range])
        }
        var entries: [String: Entry] = Dictionary(minimumCapacity: count)
        for ((entry, _), value) in zip(work, decoded) { if let value { entries[entry.path] = value } }
        return ParseCache(entries: entries, extraSections: extra)
    }
}
