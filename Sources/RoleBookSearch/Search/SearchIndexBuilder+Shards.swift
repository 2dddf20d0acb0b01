import Foundation
import RoleBookModel
import RoleBookSite

/// Shards: every token's posting list, built on all cores, cut into ranges of the token order.
extension SearchIndexBuilder {
    /// String order of JavaScript (`<` compares UTF-16 code units), which the client's binary search uses.
    static func utf16Less(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// Postings of all records, sharded.
    static func shards(_ records: [SearchRecord], partitions partitionCount: Int = min(ProcessInfo.processInfo.activeProcessorCount, 8)) -> Shards {
        // Every token's posting list, found through the packed-key table (CJK) or a dictionary
        // (words), in one partition of the key space per core: each thread appends the postings of
        // its own tokens only. Lists are in document order whatever the number of partitions, and
        // tokens are sorted afterwards, so the output does not depend on it.
        let partitions = (0..<max(1, partitionCount)).map { _ in PostingPartition() }
        // Chunks bound memory (every record's weights at once were the build's peak); each
        // chunk is cut into slices, one per task, so a slice reuses one scratch table.
        let chunkSize = 1024, sliceSize = 32
        for start in stride(from: 0, to: records.count, by: chunkSize) {
            let end = min(start + chunkSize, records.count)
            let slices = Array(stride(from: start, to: end, by: sliceSize))
            let weighted = slices.parallelMap { from -> [RecordWeights] in
                var scratch = WeightScratch()
                return (from..<min(from + sliceSize, end)).map { weights(records[$0], scratch: &scratch) }
            }
            DispatchQueue.concurrentPerform(iterations: partitions.count) { k in
                partitions[k].add(weighted, firstDoc: start, partition: k, of: partitions.count)
            }
        }
        // Words never spell a CJK token (those went to the table), so no two entries share a text.
        var tokens: [(units: [UInt16], text: String, partition: Int, list: Int, positional: Bool, positions: Bool)] = []
        tokens.reserveCapacity(partitions.reduce(0) { $0 + $1.cjkLists.count + $1.wordLists.count })
        for (k, part) in partitions.enumerated() {
            part.cjkLists.forEach { key, list in
                let text = TokenKey.cjk(key).text
                tokens.append((Array(text.utf16), text, k, Int(list), TokenKey.isNgram(key), TokenKey.isTrigram(key)))
            }
            for (text, list) in part.wordLists { tokens.append((Array(text.utf16), text, k, list, false, false)) }
        }
        tokens.sort { $0.units.lexicographicallyPrecedes($1.units) }
        let ordered = tokens.map { (partitions[$0.partition].lists[$0.list], $0.positional, $0.positions) }
        for part in partitions { part.lists = [] }
        let encoded = ordered.parallelMap { encodePostings($0.0, positional: $0.1, positions: $0.2) }
        return pack(zip(tokens.lazy.map(\.text), encoded))
    }

    /// (token, encoded postings) entries in UTF-16 token order, cut into shards whose `i/<k>.js`
    /// part is about ``shardTargetBytes``.
    static func pack<S: Sequence>(_ entries: S) -> Shards where S.Element == (String, String) {
        var packer = Packer()
        for entry in entries { packer.feed(entry) }
        packer.finish()
        return Shards(separators: packer.separators, shards: packer.shards)
    }

    /// The greedy cut of ``pack(_:)`` one entry at a time, so an update can re-cut a stretch of
    /// the token order and stop where its cuts meet the previous index's again.
    struct Packer {
        var separators = [""]
        var shards: [[(String, String)]] = []
        var current: [(String, String)] = []
        var size = 0
        var last = ""

        /// The bytes an entry adds to its shard file: positions go to their own file, which only phrases load.
        static func size(_ token: String, _ postings: String) -> Int {
            let postingsBytes = postings.utf8.firstIndex(of: UInt8(ascii: "|")).map { postings.utf8.distance(from: postings.utf8.startIndex, to: $0) } ?? postings.utf8.count
            return token.utf8.count + postingsBytes + 6
        }

        /// Whether feeding `entry` next would close the open shard first.
        func closes(before entry: (String, String)) -> Bool {
            !current.isEmpty && size + Self.size(entry.0, entry.1) > shardTargetBytes
        }

        mutating func feed(_ entry: (String, String)) {
            let bytes = Self.size(entry.0, entry.1)
            if !current.isEmpty && size + bytes > shardTargetBytes {
                shards.append(current)
                current = []
                size = 0
                separators.append(separator(after: last, before: entry.0))
            }
            current.append(entry)
            size += bytes
            last = entry.0
        }

        /// Closes the open shard where an update meets the previous cut again.
        mutating func close() {
            shards.append(current)
            current = []
            size = 0
        }

        /// Closes the open shard (an index has at least one shard, if empty).
        mutating func finish() {
            if !current.isEmpty || shards.isEmpty { shards.append(current) }
            current = []
            size = 0
        }
    }

    /// Posting lists of the tokens of one partition of the key space, filled by one thread at a time.
    final class PostingPartition: @unchecked Sendable {
        var cjkLists = PackedKeyTable<Int32>(capacity: 1 << 15, empty: -1)
        var wordLists: [String: Int] = [:]
        var lists: [[UInt32]] = []

        /// Appends the postings of this partition's tokens for the documents of `weighted`, which start at `firstDoc`.
        func add(_ weighted: [[RecordWeights]], firstDoc: Int, partition: Int, of count: Int) {
            var doc = UInt32(firstDoc)
            for slice in weighted {
                for w in slice {
                    for (i, key) in w.cjk.enumerated() where count == 1 || Self.partition(key, count) == partition {
                        let slot = cjkLists.slot(key)
                        var list = Int(cjkLists[slot: slot])
                        if list < 0 { list = lists.count; cjkLists[slot: slot] = Int32(list); lists.append([]) }
                        lists[list].append(doc << 5 | UInt32(w.cjkWeights[i]))
                        // Bigram and trigram lists are positional: the count, then the positions.
                        if TokenKey.isNgram(key) {
                            lists[list].append(UInt32(w.cjkPositions[i].count))
                            lists[list] += w.cjkPositions[i]
                        }
                    }
                    for (token, weight) in w.words where count == 1 || Self.partition(token, count) == partition {
                        let list = wordLists[token] ?? { let n = lists.count; wordLists[token] = n; lists.append([]); return n }()
                        lists[list].append(doc << 5 | UInt32(weight))
                    }
                    doc += 1
                }
            }
        }

        /// Bits other than those the table's slots use, so each partition's table stays evenly filled.
        @inline(__always)
        static func partition(_ key: UInt64, _ count: Int) -> Int {
            Int(((key &* 0xD6E8_FEB8_6659_FD93) >> 40) % UInt64(count))
        }

        @inline(__always)
        static func partition(_ word: String, _ count: Int) -> Int {
            var h = UInt64(word.utf8.count)
            for b in word.utf8.prefix(4) { h = h &* 31 &+ UInt64(b) }
            return Int(h % UInt64(count))
        }
    }

    /// The shortest prefix of `b` (in UTF-16 units) that sorts after `a`: enough to route tokens.
    static func separator(after a: String, before b: String) -> String {
        let units = Array(b.utf16)
        for n in 1...units.count {
            var prefix = Array(units[0..<n])
            // Never cut a surrogate pair.
            if UTF16.isLeadSurrogate(prefix[n - 1]), n < units.count { prefix.append(units[n]) }
            let candidate = String(decoding: prefix, as: UTF16.self)
            if utf16Less(a, candidate) { return candidate }
        }
        return b
    }

    /// Shard holding `token` (or where it would be), given `meta.js`'s separators.
    static func shard(of token: String, separators: [String]) -> Int {
        var lo = 0, hi = separators.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if utf16Less(token, separators[mid]) { hi = mid - 1 } else { lo = mid }
        }
        return lo
    }
}
