import Foundation
import RoleBookModel

/// ``ParseCache`` kept in the build cache folder, so `rolebook build` parses only the files whose
/// bytes changed since the last build: `.rolebook-cache/parse.cache`, and beside it
/// `parse.journal`, the entries that differ from it (and `mentions.cache`: ``MentionCache``'s file).
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
/// it (another rolebook's parse may differ: its files are ignored), the generation, the sections
/// `rolebook.yml` added (they shape every parse), the entry count, and per
/// entry its path, the hash of the file's bytes, its ``FileIdentity`` if recorded, and the
/// length and hash of its part; then the parts (``ParseResultEncoder``) in the same order. A
/// part that does not hash as recorded or does not decode is dropped (that file is parsed
/// again); a damaged index, a truncated file or another header is an absent file. The parts'
/// locations are relative to the display root (``StoredFileName``): the files serve a build
/// however it names the content folder (format 1 kept the root and was thrown away whole when a
/// build named it another way, `tree` after `/abs/tree`: every file parsed again).
extension ParseCache {
    static let fileName = "parse.cache"
    static let journalName = "parse.journal"
    static let formatVersion = 3

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
    package static func load(from directory: URL, loader: ContentLoader, identity: UInt64) -> ParseCache {
        // The two files are independent: the mentions (a single-threaded read) beside the parses.
        let root = loader.displayRoot
        let mentions = BackgroundWork { MentionCache.load(from: directory, identity: identity, displayRoot: root) }
        var cache = loadParses(from: directory, loader: loader, identity: identity)
        cache.storedMentions = try? mentions.value()
        return cache
    }

    private static func loadParses(from directory: URL, loader: ContentLoader, identity: UInt64) -> ParseCache {
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
    package func store(in directory: URL, loader: ContentLoader, identity: UInt64) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let mentions, mentions.worthStoring {
            mentions.store(in: directory, identity: identity, displayRoot: loader.displayRoot)
        }
        storeParses(in: directory, loader: loader, identity: identity)
    }

    private func storeParses(in directory: URL, loader: ContentLoader, identity: UInt64) {
        let paths = entries.keys.sorted()
        let cacheFile = directory.appendingPathComponent(Self.fileName)
        if let onDisk, onDisk.extraSections == extraSections {
            let differing = paths.filter { path in
                let entry = entries[path]!
                guard let before = onDisk.entries[path] else { return true }
                return before.hash != entry.hash || before.identity != entry.identity
            }
            if differing.count <= max(64, onDisk.entries.count / 8) {
                write(paths: differing, generation: onDisk.generation, displayRoot: loader.displayRoot, identity: identity, journal: true,
                      to: directory.appendingPathComponent(Self.journalName), copyingFrom: cacheFile)
                return
            }
        }
        // The cache file first: a journal left behind names the previous generation and is ignored.
        if write(paths: paths, generation: UInt64.random(in: 1...UInt64.max), displayRoot: loader.displayRoot, identity: identity, journal: false,
                 to: cacheFile, copyingFrom: cacheFile) {
            unlink(directory.appendingPathComponent(Self.journalName).path)
        }
    }

    /// The entities `previous` held for files this cache holds with other bytes: what the last
    /// build made of each file edited since (search patches its index with them).
    package func replacedParses(since previous: ParseCache) -> [(kind: EntityKind, header: EntityHeader)] {
        var out: [(kind: EntityKind, header: EntityHeader)] = []
        for (path, old) in previous.entries {
            guard let now = entries[path], now.hash != old.hash, let entity = old.entity else { continue }
            out.append((entity.kind, entity.header))
        }
        return out.sorted { $0.header.path < $1.header.path }
    }

    /// Writes the file holding the entries at `paths` (sorted) to `target`, atomically: a scratch
    /// file renamed over it. Parts loaded from the cache file are copied from `cacheFile` (read
    /// before it is replaced) and the parts are written one after another, so the file is never
    /// held in memory whole (at 10,000 roles it is some 34 MB, and the build's graph is still
    /// alive). Entries whose part cannot be made are left out (parsed again next time).
    /// - Returns: whether the file was written.
    @discardableResult
    func write(paths: [String], generation: UInt64, displayRoot: String, identity: UInt64, journal: Bool, to target: URL, copyingFrom cacheFile: URL) -> Bool {
        let source = open(cacheFile.path, O_RDONLY | O_CLOEXEC)
        defer { if source >= 0 { close(source) } }
        let temporary = target.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        var outcome = write(paths: paths, generation: generation, displayRoot: displayRoot, identity: identity, journal: journal,
                            to: temporary, source: source >= 0 ? source : nil)
        // A cache file replaced since it was loaded (another build): encode every part instead.
        if outcome == .sourceChanged {
            outcome = write(paths: paths, generation: generation, displayRoot: displayRoot, identity: identity, journal: journal, to: temporary, source: nil)
        }
        guard outcome == .written, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    enum WriteOutcome { case written, failed, sourceChanged }

    /// ``write(paths:generation:displayRoot:identity:journal:to:copyingFrom:)`` into `path`,
    /// copying parts from the open cache file `source` (nil: encoding them).
    private func write(paths: [String], generation: UInt64, displayRoot: String, identity: UInt64, journal: Bool, to path: String, source: Int32?) -> WriteOutcome {
        func copied(_ entry: Entry) -> StoredPart? {
            switch entry.stored {
            case .inCacheFile?: source == nil ? nil : entry.stored
            case let stored: stored
            }
        }
        let fresh = paths.filter { copied(entries[$0]!) == nil }
        let snapshot = entries
        let encodedFresh = fresh.parallelMap { ParseResultEncoder.encode(snapshot[$0]!.entity, snapshot[$0]!.diagnostics, displayRoot: displayRoot) }
        var made: [String: [UInt8]] = Dictionary(minimumCapacity: fresh.count)
        for (path, part) in zip(fresh, encodedFresh) { if let part { made[path] = part } }

        var out = BinaryWriter(header: Self.header(identity: identity, journal: journal))
        out.word(generation)
        let sections = extraSections.sorted { $0.key.rawValue < $1.key.rawValue }
        out.number(sections.count)
        for (kind, names) in sections { out.string(kind.rawValue); out.strings(names) }
        let kept = paths.filter { copied(entries[$0]!) != nil || made[$0] != nil }
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
            switch copied(entry) {
            case .inCacheFile(let range, let check)?:
                out.number(range.count)
                out.word(check)
            case .bytes(let part)?:
                out.number(part.count)
                out.word(part.withUnsafeBytes { StableHash.bytes($0) })
            case nil:
                out.number(made[path]!.count)
                out.word(made[path]!.withUnsafeBytes { StableHash.bytes($0) })
            }
        }

        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failed }
        defer { close(fd) }
        // Parts go out in chunks of about a megabyte; each encoded part is let go once copied.
        var chunk = out.bytes
        chunk.reserveCapacity(max(chunk.count, 1 << 20) + 4096)
        for path in kept {
            switch copied(entries[path]!) {
            case .inCacheFile(let range, let check)?:
                guard let part = Self.read(source!, range), part.withUnsafeBytes({ StableHash.bytes($0) }) == check else { return .sourceChanged }
                chunk += part
            case .bytes(let part)?:
                chunk += part
            case nil:
                chunk += made.removeValue(forKey: path)!
            }
            if chunk.count >= 1 << 20 {
                guard FileWriter.writeAll(fd, chunk) == nil else { return .failed }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        return FileWriter.writeAll(fd, chunk) == nil ? .written : .failed
    }

    /// `range` of the open file `fd`, or nil when it cannot be read whole.
    static func read(_ fd: Int32, _ range: Range<Int>) -> [UInt8]? {
        var done = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            while done < range.count {
                let n = pread(fd, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            count = done
        }
        return done == range.count ? bytes : nil
    }

    /// A cache file or journal: its generation, sections and entries (locations under
    /// `displayRoot`); nil when it is not one written by this rolebook, or is damaged outside the parts.
    static func decode(_ bytes: [UInt8], displayRoot: String, identity: UInt64, journal: Bool)
        -> (generation: UInt64, extraSections: [SectionKind: [String]], entries: [String: Entry])? {
        guard var r = BinaryReader(bytes, header: header(identity: identity, journal: journal)), let generation = r.word(),
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
            guard sound, let (entity, diagnostics) = ParseResultDecoder.decode(BinaryReader(bytes, part: range), displayRoot: displayRoot) else { return nil }
            // A journal is small and kept; the cache file's parts are read from it again when
            // stored. (Its bytes stay alive while a section not yet decoded still needs them: at
            // 10,000 roles some 34 MB, much less than the decoded sections they stand for.)
            let stored: StoredPart = journal ? .bytes(bytes[range]) : .inCacheFile(range: range, check: entry.check)
            return Entry(hash: entry.hash, entity: entity, diagnostics: diagnostics, identity: entry.identity, stored: stored)
        }
        var entries: [String: Entry] = Dictionary(minimumCapacity: count)
        for ((entry, _), value) in zip(work, decoded) { if let value { entries[entry.path] = value } }
        return (generation, extra, entries)
    }
}
