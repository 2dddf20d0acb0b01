import Foundation
import RoleBookModel

/// What an update of the search index needs from the previous build: the documents it indexed
/// and a way to read the files it wrote.
package struct PreviousSearchIndex {
    /// Per document in index order: the fingerprint of its record and its URL.
    var documents: [(fingerprint: UInt64, url: String)]
    /// How many `search/i/<k>.js` shards the previous index had.
    var shardCount: Int
    /// A file of the previous index exactly as written, or nil (missing, or not what the build wrote).
    var read: @Sendable (String) -> String?
    /// Whether a file of the previous index is still in the site as written.
    var isPresent: @Sendable (String) -> Bool
    /// Where the previous index's documents sit in its shards; nil: every shard is read.
    var shape: SearchIndexShape?
    /// The previous bodies of edited files, by record URL (``SearchIndexBuilder/previousBodies(_:)``):
    /// with them a body edit, not only a short field's, is patched shard by shard.
    package var bodies: [String: RecordBody] = [:]

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(documents: [(fingerprint: UInt64, url: String)], shardCount: Int, read: @escaping @Sendable (String) -> String?,
                 isPresent: @escaping @Sendable (String) -> Bool, shape: SearchIndexShape? = nil) {
        self.documents = documents; self.shardCount = shardCount; self.read = read; self.isPresent = isPresent; self.shape = shape
    }
}

extension SearchIndexBuilder {
    /// Files written by ``update(_:from:)``, and the paths of the previous index it keeps as they are.
    package struct Update {
        package var files: [String: String]
        package var unchanged: [String]
        /// Where the documents sit in the updated index's shards, for the next update.
        package var shape: SearchIndexShape
    }

    /// The index files after an edit, from the previous index: the posting lists of the tokens of
    /// edited documents are patched, every other list is kept as encoded, and the shards are cut
    /// again exactly as ``build(_:)`` cuts them, so the files are byte for byte those of a build
    /// from scratch. Files whose bytes do not change are listed in `unchanged`, not rendered.
    ///
    /// Nil when an update would not pay or cannot be done: documents were added, removed or
    /// reordered (numbers shift), more than eight and more than a twentieth of them changed, or a
    /// file of the previous index is missing or not as written.
    func update(_ layout: Layout, from previous: PreviousSearchIndex) -> Update? {
        update(layout, documents: Self.documentFingerprints(layout), from: previous)
    }

    /// ``update(_:from:)`` given the documents' fingerprints (``documentFingerprints(_:)``).
    package func update(_ layout: Layout, documents fingerprints: [UInt64], from previous: PreviousSearchIndex) -> Update? {
        let records = layout.records
        guard records.count == previous.documents.count, records.count == fingerprints.count, !records.isEmpty else { return nil }
        var changed: [Int] = []
        for d in records.indices {
            guard records[d].url == previous.documents[d].url else { return nil }
            if fingerprints[d] != previous.documents[d].fingerprint { changed.append(d) }
        }
        // A handful of edits is always patched; beyond a twentieth of the documents, building is as quick.
        guard changed.count <= 8 || changed.count * 20 <= records.count else { return nil }
        if let shape = previous.shape, shape.shardCount == previous.shardCount, shape.fields.count == records.count,
           let local = updateLocally(layout, changed: changed, shape: shape, from: previous) {
            return local
        }

        // The previous entries, shard by shard (each shard a contiguous range of the token order).
        // Read, checked and parsed on all cores: thousands of small files.
        let read = previous.read
        let readShards = Array(0..<previous.shardCount).parallelMap { Self.readShard($0, read) }
        guard readShards.allSatisfy({ $0 != nil }) else { return nil }
        let oldShards = readShards.map { $0! }

        let added = Self.gained(records, changed)
        // Every previous list, patched where it held an edited document or gains one.
        let edited = changed
        let patched = oldShards.parallelMap { Self.patch($0, added: added, edited: edited) }
        var entries = patched.flatMap { $0 }
        // Tokens the previous index did not have, merged into their places in the order.
        var known = Set<String>()
        for shard in oldShards { for (token, _) in shard where added[token] != nil { known.insert(token) } }
        let fresh = added.filter { !known.contains($0.key) }
            .map { ($0.key, Self.encodePostings($0.value.sorted { $0.doc < $1.doc }, positional: Self.isPositional($0.key), positions: Self.hasPositions($0.key))) }
            .sorted { Self.utf16Less($0.0, $1.0) }
        if !fresh.isEmpty {
            var merged: [(String, String)] = []
            merged.reserveCapacity(entries.count + fresh.count)
            var i = 0
            for entry in entries {
                while i < fresh.count && Self.utf16Less(fresh[i].0, entry.0) { merged.append(fresh[i]); i += 1 }
                merged.append(entry)
            }
            merged += fresh[i...]
            entries = merged
        }

        let shards = Self.pack(entries)
        var files = Self.fixedFiles(layout, shards)
        var unchanged: [String] = []
        let rewritten = Array(shards.shards.indices).parallelMap { k -> (index: String, positions: String?)? in
            k < oldShards.count && Self.same(shards.shards[k], oldShards[k]) ? nil : Self.shardFiles(k, shards.shards[k])
        }
        for (k, texts) in rewritten.enumerated() {
            if let texts {
                files[Self.shardPath(k)] = texts.index
                if let positions = texts.positions { files[Self.positionsPath(k)] = positions }
            } else {
                unchanged.append(Self.shardPath(k))
                if shards.shards[k].contains(where: { Self.hasPositionsPart($0.1) }) { unchanged.append(Self.positionsPath(k)) }
            }
        }
        Self.fragmentBundles(layout, changed: changed, previous: previous, files: &files, unchanged: &unchanged)
        return Update(files: files, unchanged: unchanged, shape: Self.shape(shards))
    }

    /// The edited documents' postings as they are now, by token.
    /// Fragment bundles are written again only where an edited document sits, or where the site
    /// lost one; the rest are kept.
    static func fragmentBundles(_ layout: Layout, changed: [Int], previous: PreviousSearchIndex,
                                files: inout [String: String], unchanged: inout [String]) {
        let editedBundles = Set(changed.map { $0 / fragmentBundle })
        for first in stride(from: 0, to: layout.records.count, by: fragmentBundle) {
            let path = fragmentPath(first: first)
            if editedBundles.contains(first / fragmentBundle) || !previous.isPresent(path) {
                files[path] = fragmentBundleFile(layout, first: first)
            } else {
                unchanged.append(path)
            }
        }
    }

    static func gained(_ records: [SearchRecord], _ changed: [Int]) -> [String: [Posting]] {
        var gained: [String: [Posting]] = [:]
        for d in changed {
            for (token, weight, positions) in weights(records[d]) {
                gained[token.text, default: []].append(Posting(doc: d, weight: weight, positions: positions))
            }
        }
        return gained
    }

    /// The entries of previous shard `k` with its positions joined, in token order; nil when a
    /// file is missing or not as written.
    static func readShard(_ k: Int, _ read: @Sendable (String) -> String?) -> [(String, String)]? {
        guard let text = read(shardPath(k)), let entries = parseShard(text, k),
              let joined = join(entries, positions: read(positionsPath(k)), k) else { return nil }
        return joined.sorted { utf16Less($0.0, $1.0) }
    }

    /// A shard's entries with the edited documents (`edited`, ascending) taken out of every list
    /// and their postings `added` to the lists of their tokens; lists left empty are dropped.
    static func patch(_ shard: [(String, String)], added: [String: [Posting]], edited: [Int]) -> [(String, String)] {
        var out: [(String, String)] = []
        out.reserveCapacity(shard.count)
        for (token, postings) in shard {
            let gains = added[token]
            let positional = isPositional(token)
            guard gains != nil || Self.postings(postings, positional: positional, holdAnyOf: edited) else {
                out.append((token, postings))
                continue
            }
            // Spliced, not decoded and encoded again (``splice(_:positional:edited:gains:)``).
            if let spliced = splice(postings, positional: positional, edited: edited, gains: gains ?? []) { out.append((token, spliced)) }
        }
        return out
    }

    /// The fingerprint of one document's record: what its postings and its fragment are made of.
    static func fingerprint(record r: SearchRecord) -> UInt64 {
        var f = Fingerprint(0x646F_63)
        func add(_ s: String?) { if let s { f.add(1); f.add(StableHash.string(s)) } else { f.add(0) } }
        func add(_ list: [String]) { f.add(UInt64(list.count)); for s in list { f.add(StableHash.string(s)) } }
        add(r.kind.rawValue); add(r.id); add(r.url); add(r.title); add(r.aliases); add(r.department)
        add(r.departmentNames); add(r.responsibilities); add(r.other); add(r.facts); add(r.headings); add(r.display)
        f.add(UInt64(r.group))
        return f.value
    }

    static func same(_ a: [(String, String)], _ b: [(String, String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Whether encoded postings hold any of `docs` (ascending). Both lists ascend, so one cursor
    /// walks `docs` alongside, and the scan stops past the last of them: no hashing per posting,
    /// which made checking every list of a 10,000-role index take half a second.
    static func postings(_ text: String, positional: Bool = false, holdAnyOf docs: [Int]) -> Bool {
        guard let last = docs.last else { return false }
        var found = false, next = 0
        forEachPosting(text, positional: positional) { doc, _, _ in
            guard doc <= last else { return false }
            while docs[next] < doc { next += 1 }
            found = docs[next] == doc
            return !found
        }
        return found
    }

    /// A shard's entries with its trigrams' positions joined back (as the builder holds them in
    /// memory), or nil when the positions file is missing, not as written, or lacks a trigram.
    static func join(_ entries: [(String, String)], positions text: String?, _ k: Int) -> [(String, String)]? {
        guard entries.contains(where: { hasPositions($0.0) }) else { return entries }
        guard let text, let parsed = parseShard(text, k, function: "pos") else { return nil }
        let positions = Dictionary(parsed, uniquingKeysWith: { a, _ in a })
        var out: [(String, String)] = []
        out.reserveCapacity(entries.count)
        for (token, postings) in entries {
            guard hasPositions(token) else { out.append((token, postings)); continue }
            guard let p = positions[token] else { return nil }
            out.append((token, postings + String(positionsSeparator) + p))
        }
        return out
    }

    /// The entries of a shard or positions file as ``shardFiles(_:_:)`` writes it (`function`
    /// `shard` or `pos`), or nil for anything else (including keys with escapes, which tokens never need).
    static func parseShard(_ text: String, _ k: Int, function: String = "shard") -> [(String, String)]? {
        var text = text
        return text.withUTF8 { bytes -> [(String, String)]? in
            let prefix = Array("rbSearch.\(function)(\(k),{".utf8), suffix = Array("});\n".utf8)
            guard bytes.count >= prefix.count + suffix.count, bytes.starts(with: prefix),
                  bytes[(bytes.count - suffix.count)...].elementsEqual(suffix) else { return nil }
            var i = prefix.count
            let end = bytes.count - suffix.count
            var out: [(String, String)] = []
            func string() -> String? {
                guard i < end, bytes[i] == 0x22 else { return nil }
                let start = i + 1
                var j = start
                while j < end && bytes[j] != 0x22 {
                    if bytes[j] == 0x5C { return nil }
                    j += 1
                }
                guard j < end else { return nil }
                i = j + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
            }
            while i < end {
                if !out.isEmpty {
                    guard bytes[i] == 0x2C else { return nil }
                    i += 1
                }
                guard let key = string(), i < end, bytes[i] == 0x3A else { return nil }
                i += 1
                guard let value = string() else { return nil }
                out.append((key, value))
            }
            return out
        }
    }
}

/// The documents of the last search index, kept under `.rolebook-cache/` for the next update:
/// `search-<index fingerprint>.docs`: a header naming the format and the rolebook that built it,
/// then one `<record fingerprint hex> <source key hex> <url>` line per document (the source key:
/// ``SearchIndexBuilder/sourceKeys(_:)``, so a build finds the documents whose files changed
/// without building every record). A list of an older format is not read: the index is then
/// built whole once.
/// Named by the fingerprint the site's manifest records for the index files, so it can only
/// ever be read together with the index it describes.
package enum SearchDocumentsCache {
    /// The documents of a stored list, in index order.
    package struct Stored: Sendable {
        package var documents: [(fingerprint: UInt64, url: String)]
        package var sourceKeys: [UInt64]
    }

    /// The first line: format, and the rolebook and settings the index was built by (another
    /// rolebook may tokenize differently, so its index is never patched).
    static func header(_ renderer: UInt64) -> String { "rolebook-search-docs 2 " + String(renderer, radix: 16) }

    static func url(_ cache: URL, _ fingerprint: UInt64) -> URL {
        cache.appendingPathComponent("search-" + String(fingerprint, radix: 16) + ".docs")
    }

    /// The list for the index with this fingerprint, if the same rolebook (`renderer`) wrote it in this format.
    package static func load(_ cache: URL, _ fingerprint: UInt64, renderer: UInt64) -> Stored? {
        guard let data = FileManager.default.contents(atPath: url(cache, fingerprint).path) else { return nil }
        return parse([UInt8](data), renderer: renderer)
    }

    /// A list as ``encode(renderer:urls:documents:sourceKeys:)`` writes it; nil for anything else.
    /// Read byte by byte: 11,000 lines on every build.
    package static func parse(_ bytes: [UInt8], renderer: UInt64) -> Stored? {
        let head = Array((header(renderer) + "\n").utf8)
        guard bytes.count >= head.count, bytes.starts(with: head), bytes.last == 0x0A else { return nil }
        var i = head.count
        var documents: [(fingerprint: UInt64, url: String)] = []
        var keys: [UInt64] = []
        documents.reserveCapacity(bytes.count / 48); keys.reserveCapacity(bytes.count / 48)
        return bytes.withUnsafeBufferPointer { bytes -> Stored? in
            func hex() -> UInt64? { Hex.number(in: bytes, at: &i, until: 0x20) }
            while i < bytes.count {
                guard let fingerprint = hex(), let key = hex() else { return nil }
                let start = i
                while bytes[i] != 0x0A { i += 1 }
                documents.append((fingerprint, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)))
                keys.append(key)
                i += 1
            }
            return Stored(documents: documents, sourceKeys: keys)
        }
    }

    /// The bytes of a list: written straight as bytes, no string per line.
    package static func encode(renderer: UInt64, urls: [String], documents: [UInt64], sourceKeys: [UInt64]) -> [UInt8] {
        var out = Array((header(renderer) + "\n").utf8)
        out.reserveCapacity(out.count + urls.count * 64)
        for ((url, h), key) in zip(zip(urls, documents), sourceKeys) {
            Hex.append(h, to: &out); out.append(0x20)
            Hex.append(key, to: &out); out.append(0x20)
            out += url.utf8
            out.append(0x0A)
        }
        return out
    }

    /// Writes the documents of the index with this fingerprint and removes older lists.
    package static func store(_ cache: URL, _ fingerprint: UInt64, renderer: UInt64, _ layout: SearchIndexBuilder.Layout, documents: [UInt64], sourceKeys: [UInt64]) {
        store(cache, fingerprint, renderer: renderer, urls: layout.records.map(\.url), documents: documents, sourceKeys: sourceKeys)
    }

    /// ``store(_:_:renderer:_:documents:sourceKeys:)`` given the documents' page URLs (in index order) instead of their layout.
    package static func store(_ cache: URL, _ fingerprint: UInt64, renderer: UInt64, urls: [String], documents: [UInt64], sourceKeys: [UInt64]) {
        let bytes = encode(renderer: renderer, urls: urls, documents: documents, sourceKeys: sourceKeys)
        let target = url(cache, fingerprint)
        let fm = FileManager.default
        try? fm.createDirectory(at: cache, withIntermediateDirectories: true)
        let temporary = target.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileWriter.write(bytes, to: temporary) == nil, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return
        }
        for name in (try? fm.contentsOfDirectory(atPath: cache.path)) ?? []
        where name.hasPrefix("search-") && (name.hasSuffix(".docs") || name.hasSuffix(".shape"))
            && name != target.lastPathComponent && name != SearchShapeCache.url(cache, fingerprint).lastPathComponent {
            try? fm.removeItem(at: cache.appendingPathComponent(name))
        }
    }
}
