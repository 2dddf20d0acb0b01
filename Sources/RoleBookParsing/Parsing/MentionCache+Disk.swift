import Foundation
import RoleBookModel

/// ``MentionCache`` kept in the build cache folder (`.rolebook-cache/mentions.cache`), so that
/// `rolebook build` after an edit scans only the files that changed (and, when a role's name
/// changed, the files whose bigram filter says they may hold the old or the new name) instead of
/// all 11,000: the scan was the largest part of the graph phase after one edit.
///
/// The file is written whole after a build that scanned something, atomically (a scratch file
/// renamed over the old one). Format (``BinaryWriter``): a header line naming the format and
/// the rolebook that wrote it (another binary may find other mentions), the settings'
/// ``SiteConfig/stableHash``, the sources' counts per kind, each source's path, content hash and
/// department, the department tree, each role's names as written and folded and its department,
/// then each source's filter and mentions (their files relative to the display root,
/// ``StoredFileName``, so the file serves a build however it names the content folder); last,
/// the hash of everything before it. A file that does not hash as recorded,
/// holds an index out of range or ends early is ignored: everything is scanned again.
///
/// Whether the stored scan applies is decided as for `serve`'s in-memory cache
/// (``MentionCache/reusable(for:)``): same settings, same files in the same order, same
/// department tree; each file whose hash or department differs is scanned again.
extension MentionCache {
    static let fileName = "mentions.cache"
    static let formatVersion = 2

    static func header(identity: UInt64) -> [UInt8] {
        Array("rolebook-mentions \(formatVersion) \(String(identity, radix: 16))\n".utf8)
    }

    /// What the file holds, before the settings it was made under are known (they come with the load).
    struct Stored: Sendable {
        var configHash: UInt64
        var paths: [String]
        var sourceHashes: [UInt64]
        var sourceDepartments: [Int?]
        var departmentParent: [Int?]
        var roleNames: [[[Unicode.Scalar]]]
        var roleDepartment: [Int?]
        var rawNames: [[String]]
        var scanned: [Scanned]

        /// The cache for a scan under `config`; nil when the file was made under other settings.
        func cache(for config: SiteConfig) -> MentionCache? {
            guard config.stableHash == configHash else { return nil }
            let key = Key(config: config, paths: paths, sourceHashes: sourceHashes, sourceDepartments: sourceDepartments,
                          departmentParent: departmentParent, roleNames: roleNames, roleDepartment: roleDepartment, layout: RoleGraph.Layout())
            // The trie of the stored names, as a fresh finder would build it (role order).
            var trie = Trie()
            for (role, names) in roleNames.enumerated() { for name in names { trie.insert(name, role: role) } }
            return MentionCache(key: key, scanned: scanned, scannedCount: 0, trie: trie, rawNames: rawNames)
        }
    }

    /// The file's bytes; nil when some source has no filter (a scan that kept none cannot be reused after a rename).
    func encoded(identity: UInt64, displayRoot: String) -> [UInt8]? {
        let k = key
        guard scanned.count == k.paths.count, k.roleNames.count == rawNames.count, k.roleDepartment.count == rawNames.count else { return nil }
        var out = BinaryWriter(header: Self.header(identity: identity))
        let names = StoredFileName(displayRoot: displayRoot)
        out.word(k.config.stableHash)
        out.number(rawNames.count)
        out.number(k.departmentParent.count)
        out.number(k.paths.count - rawNames.count - k.departmentParent.count)
        func optional(_ value: Int?) { out.number(value.map { $0 + 1 } ?? 0) }
        for s in k.paths.indices {
            out.string(k.paths[s])
            out.word(k.sourceHashes[s])
            optional(k.sourceDepartments[s])
        }
        for parent in k.departmentParent { optional(parent) }
        for r in rawNames.indices {
            out.strings(rawNames[r])
            out.number(k.roleNames[r].count)
            for name in k.roleNames[r] {
                out.number(name.count)
                for scalar in name { out.number(Int(scalar.value)) }
            }
            optional(k.roleDepartment[r])
        }
        for source in scanned {
            guard let filter = source.filter else { return nil }
            // 512 bytes per file, more than half the file: copied whole, as little-endian words.
            filter.words.map(\.littleEndian).withUnsafeBytes { out.raw($0) }
            out.number(source.mentions.count)
            // Mentions of one item share its text, and nearly all share the file: each is written
            // only when it differs from the previous mention's.
            var text: String?, file: String?
            for m in source.mentions {
                let flags = UInt8(m.text == text ? 0 : 1) | UInt8(m.location.file == file ? 0 : 2)
                out.byte(flags)
                out.number(m.role)
                if flags & 1 != 0 { out.string(m.text); text = m.text }
                if flags & 2 != 0 { out.string(names.stored(m.location.file)); file = m.location.file }
                out.number(m.location.line)
                out.number(m.location.column)
            }
        }
        var bytes = out.bytes
        let check = bytes.withUnsafeBytes { StableHash.bytes($0) }
        for b in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: check >> (8 * UInt64(b)))) }
        return bytes
    }

    /// What ``encoded(identity:displayRoot:)`` wrote, with every location under `displayRoot`;
    /// nil for another rolebook's file or a damaged one.
    static func decode(_ bytes: [UInt8], identity: UInt64, displayRoot: String) -> Stored? {
        guard bytes.count >= 8 else { return nil }
        let body = bytes.count - 8
        var check: UInt64 = 0
        for b in 0..<8 { check |= UInt64(bytes[body + b]) << (8 * UInt64(b)) }
        guard bytes.withUnsafeBytes({ StableHash.bytes(UnsafeRawBufferPointer(rebasing: $0[..<body])) }) == check,
              bytes.starts(with: header(identity: identity)) else { return nil }
        var r = BinaryReader(bytes, part: header(identity: identity).count..<body)
        let names = StoredFileName(displayRoot: displayRoot)
        guard let configHash = r.word(), let roleCount = r.number(), let departmentCount = r.number(),
              let procedureCount = r.number() else { return nil }
        let sourceCount = roleCount + departmentCount + procedureCount
        // Every source takes at least 10 bytes: a count past what is left is damage, not a reason to allocate.
        guard sourceCount <= r.remaining / 10 else { return nil }
        func optional(below limit: Int) -> Int?? {
            guard let n = r.number(), n <= limit else { return nil }
            return .some(n == 0 ? nil : n - 1)
        }
        var stored = Stored(configHash: configHash, paths: [], sourceHashes: [], sourceDepartments: [], departmentParent: [],
                            roleNames: [], roleDepartment: [], rawNames: [], scanned: [])
        stored.paths.reserveCapacity(sourceCount)
        stored.sourceHashes.reserveCapacity(sourceCount)
        stored.sourceDepartments.reserveCapacity(sourceCount)
        for _ in 0..<sourceCount {
            guard let path = r.string(), let hash = r.word(), let department = optional(below: departmentCount) else { return nil }
            stored.paths.append(path)
            stored.sourceHashes.append(hash)
            stored.sourceDepartments.append(department)
        }
        for _ in 0..<departmentCount {
            guard let parent = optional(below: departmentCount) else { return nil }
            stored.departmentParent.append(parent)
        }
        stored.rawNames.reserveCapacity(roleCount)
        stored.roleNames.reserveCapacity(roleCount)
        stored.roleDepartment.reserveCapacity(roleCount)
        for _ in 0..<roleCount {
            guard let raw = r.strings(), let nameCount = r.number(), nameCount <= r.remaining else { return nil }
            var names: [[Unicode.Scalar]] = []
            for _ in 0..<nameCount {
                guard let length = r.number(), length <= r.remaining else { return nil }
                var name: [Unicode.Scalar] = []
                name.reserveCapacity(length)
                for _ in 0..<length {
                    guard let value = r.number(), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
                    name.append(scalar)
                }
                names.append(name)
            }
            guard let department = optional(below: departmentCount) else { return nil }
            stored.rawNames.append(raw)
            stored.roleNames.append(names)
            stored.roleDepartment.append(department)
        }
        stored.scanned.reserveCapacity(sourceCount)
        for s in 0..<sourceCount {
            let from: NodeRef = s < roleCount ? .role(s) : s < roleCount + departmentCount ? .department(s - roleCount)
                : .procedure(s - roleCount - departmentCount)
            guard let raw = r.bytes(BigramFilter.wordCount * 8) else { return nil }
            let words = [UInt64](unsafeUninitializedCapacity: BigramFilter.wordCount) { buffer, count in
                raw.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                for i in 0..<BigramFilter.wordCount { buffer[i] = UInt64(littleEndian: buffer[i]) }
                count = BigramFilter.wordCount
            }
            guard let count = r.number(), count <= r.remaining else { return nil }
            var mentions: [Mention] = []
            mentions.reserveCapacity(count)
            var text: String?, file: String?
            for _ in 0..<count {
                guard let flags = r.byte(), flags < 4, let role = r.number(), role < roleCount else { return nil }
                if flags & 1 != 0 { text = r.string() }
                if flags & 2 != 0 { file = r.string().flatMap(names.shown) }
                guard let text, let file, let line = r.number(), let column = r.number() else { return nil }
                mentions.append(Mention(from: from, role: role, text: text, location: SourceLocation(file: file, line: line, column: column)))
            }
            stored.scanned.append(Scanned(mentions: mentions, filter: BigramFilter(words: words), isFresh: false))
        }
        return r.isAtEnd ? stored : nil
    }

    /// Whether this scan should replace the file: writing 10 MB cost more than half of what
    /// reusing the scan saves after one edit, and an older file still applies (it is keyed by
    /// content hashes and names: the files edited since are scanned again, and the files that may
    /// hold a name changed since). So it is written after a scan of more than 64 files or a
    /// sixteenth of them (a full scan, a rename across the tree, many edits since), not after a
    /// scan of the few files one edit touches.
    var worthStoring: Bool { scannedCount > 64 || scannedCount * 16 > scanned.count }

    /// The scan stored in `directory` by a rolebook with this `identity` (locations under `displayRoot`), or nil.
    static func load(from directory: URL, identity: UInt64, displayRoot: String) -> Stored? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path) else { return nil }
        return decode([UInt8](data), identity: identity, displayRoot: displayRoot)
    }

    /// Writes this scan for the next build, atomically; when it cannot be encoded, removes the
    /// old file (it no longer describes the content's last scan).
    func store(in directory: URL, identity: UInt64, displayRoot: String) {
        let target = directory.appendingPathComponent(Self.fileName).path
        guard let bytes = encoded(identity: identity, displayRoot: displayRoot) else {
            unlink(target)
            return
        }
        let temporary = target + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        if FileWriter.write(bytes, to: temporary) != nil || rename(temporary, target) != 0 { unlink(temporary) }
    }
}

extension MentionCache.Key {
    /// A key as stored on disk (``MentionCache/Stored``).
    init(config: SiteConfig, paths: [String], sourceHashes: [UInt64], sourceDepartments: [Int?], departmentParent: [Int?],
         roleNames: [[[Unicode.Scalar]]], roleDepartment: [Int?], layout: RoleGraph.Layout) {
        self.config = config; self.paths = paths; self.sourceHashes = sourceHashes; self.sourceDepartments = sourceDepartments
        self.departmentParent = departmentParent; self.roleNames = roleNames; self.roleDepartment = roleDepartment; self.layout = layout
    }
}
