import Foundation
import RoleBookModel

/// ``ParseCache`` kept in the build cache folder, so `rolebook build` parses only the files whose
/// bytes changed since the last build: `.rolebook-cache/parse.cache`, and beside it
/// `parse.journal`, the entries that differ from it.
///
/// Rewriting the whole file after every edit cost as much as the parse it saves (it holds every
/// file's parse, larger than the content), so a build writes only a journal of the entries that
/// differ from the cache file it loaded (an edited file, a file whose `stat` identity was
/// recorded since); the cache file is written again, and the journal removed, when the journal
/// would hold more than an eighth of the entries, or the sections of `rolebook.yml` changed.
/// A journal applies only to the cache file whose generation (a random number each writes) it
/// names.
///
/// Format of both: a header line naming the file's role, the format and the rolebook that wrote
/// it (another rolebook's parse may differ: its files are ignored), the generation, the display
/// root and the sections `rolebook.yml` added (both shape every parse), the entry count, and per
/// entry its path, the hash of the file's bytes, its ``FileIdentity`` if recorded, and the
/// length and hash of its part; then the parts (``ParseResultEncoder``) in the same order. A
/// part that does not hash as recorded or does not decode is dropped (that file is parsed
/// again); a damaged index, a truncated file or another header is an absent file.
extension ParseCache {
    static let fileName = "parse.cache"
    static let journalName = "parse.journal"
    static let formatVersion = 1

    /// What the cache file loaded holds: ``store(in:loader:identity:)`` writes what differs.
    struct DiskBaseline: Sendable {
        var generation: UInt64
        var extraSections: [SectionKind: [String]]
        var entries: [String: (hash: UInt64, identity: FileIdentity?)]
    }

    static func header(identity: UInt64, journal: Bool = false) -> [UInt8] {
        Array("rolebook-parse-\(journal ? "journal" : "cache") \(formatVersion) \(String(identity, radix: 16))\n".utf8)
    }

    /// The cache stored in `directory` by a rolebook with this `identity` (the binary's: see
    /// `BuildIdentity.rendererIdentity`) for `loader`'s content root, or an empty cache.
    public static func load(from directory: URL, loader: ContentLoader, identity: UInt64) -> ParseCache {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path),
              let main = decode([UInt8](data), displayRoot: loader.displayRoot, identity: identity, journal: false) else { return ParseCache() }
        var cache = ParseCache(entries: main.entries, extraSections: main.extraSections)
        var baseline: [String: (hash: UInt64, identity: FileIdentity?)] = Dictionary(minimumCapacity: main.entries.count)
        for (path, entry) in main.entries { baseline[path] = (entry.hash, entry.identity) }
        cache.onDisk = DiskBaseline(generation: main.generation, extraSections: main.extraSections, entries: baseline)
        if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(journalName).path),
           let journal = decode([UInt8](data), displayRoot: loader.displayRoot, identity: identity, journal: true),
           journal.generation == main.generation, journal.extraSections == main.extraSections {
            for (path, entry) in journal.entries { cache.entries[path] = entry }
        }
        return cache
    }

    /// Writes this cache for the next build: the journal of what differs from the cache file it
    /// was loaded from, or the whole cache file. Each is written atomically (a scratch file
    /// renamed over the old one); a part already on disk is copied, not encoded again.
    public func store(in directory: URL, loader: ContentLoader, identity: UInt64) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let paths = entries.keys.sorted()
        if let onDisk, onDisk.extraSections == extraSections {
            let differing = paths.filter { path in
                let entry = entries[path]!
                guard let before = onDisk.entries[path] else { return true }
                return before.hash != entry.hash || before.identity != entry.identity
            }
            if differing.count <= max(64, onDisk.entries.count / 8) {
                let bytes = encode(paths: differing, generation: onDisk.generation, displayRoot: loader.displayRoot, identity: identity, journal: true)
                Self.write(bytes, to: directory.appendingPathComponent(Self.journalName))
                return
            }
        }
        let bytes = encode(paths: paths, generation: UInt64.random(in: 1...UInt64.max), displayRoot: loader.displayRoot, identity: identity, journal: false)
        // The cache file first: a journal left behind names the previous generation and is ignored.
        if Self.write(bytes, to: directory.appendingPathComponent(Self.fileName)) {
            unlink(directory.appendingPathComponent(Self.journalName).path)
        }
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to target: URL) -> Bool {
        let temporary = target.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)), rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The entities `previous` held for files this cache holds with other bytes: what the last
    /// build made of each file edited since (search patches its index with them).
    public func replacedParses(since previous: ParseCache) -> [(kind: EntityKind, header: EntityHeader)] {
        var out: [(kind: EntityKind, header: EntityHeader)] = []
        for (path, old) in previous.entries {
            guard let now = entries[path], now.hash != old.hash, let entity = old.entity else { continue }
            out.append((entity.kind, entity.header))
        }
        return out.sorted { $0.header.path < $1.header.path }
    }

    /// The file holding the entries at `paths` (sorted); entries whose part cannot be made are
    /// left out (parsed again next time).
    func encode(paths: [String], generation: UInt64, displayRoot: String, identity: UInt64, journal: Bool) -> [UInt8] {
        let fresh = paths.filter { entries[$0]!.stored == nil }
        let snapshot = entries
        let encodedFresh = fresh.parallelMap { ParseResultEncoder.encode(snapshot[$0]!.entity, snapshot[$0]!.diagnostics) }
        var made: [String: [UInt8]] = [:]
        for (path, part) in zip(fresh, encodedFresh) { if let part { made[path] = part } }

        var out = BinaryWriter(header: Self.header(identity: identity, journal: journal))
        out.word(generation)
        out.string(displayRoot)
        let sections = extraSections.sorted { $0.key.rawValue < $1.key.rawValue }
        out.number(sections.count)
        for (kind, names) in sections { out.string(kind.rawValue); out.strings(names) }
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
            if let part = entry.stored {
                out.number(part.count)
                out.word(part.withUnsafeBytes { StableHash.bytes($0) })
            } else {
                out.number(made[path]!.count)
                out.word(made[path]!.withUnsafeBytes { StableHash.bytes($0) })
            }
        }
        for path in kept {
            if let part = entries[path]!.stored { out.raw(part) } else { out.raw(made[path]!) }
        }
        return out.bytes
    }

    /// A cache file or journal: its generation, sections and entries; nil when it is not one
    /// written for `displayRoot` by this rolebook, or is damaged outside the parts.
    static func decode(_ bytes: [UInt8], displayRoot: String, identity: UInt64, journal: Bool)
        -> (generation: UInt64, extraSections: [SectionKind: [String]], entries: [String: Entry])? {
        guard var r = BinaryReader(bytes, header: header(identity: identity, journal: journal)), let generation = r.word(),
              r.string() == displayRoot, let sectionCount = r.number(), sectionCount <= r.remaining else { return nil }
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
        return (generation, extra, entries)
    }
}
