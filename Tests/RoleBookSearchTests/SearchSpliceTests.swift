import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookSearch

extension SearchTests {
    @Suite("Search index splice")
    struct Splice {
        typealias Posting = SearchIndexBuilder.Posting

        /// What a patch did before splicing: decode, filter, add, sort, encode.
        static func reference(_ text: String, positional: Bool, edited: [Int], gains: [Posting]) -> String? {
            let list = (SearchIndexBuilder.decodePostings(text, positional: positional).filter { !edited.contains($0.doc) } + gains)
                .sorted { $0.doc < $1.doc }
            guard !list.isEmpty else { return nil }
            return SearchIndexBuilder.encodePostings(list, positional: positional, positions: text.contains("|"))
        }

        static func posting(_ doc: Int, _ kind: Int, _ random: inout SeededRandom) -> Posting {
            // kind 0: words; 1: bigrams (lead flag only); 2: trigrams (positions).
            let weight = Int(random.next() % 32)
            switch kind {
            case 0: return Posting(doc: doc, weight: weight)
            case 1: return Posting(doc: doc, weight: weight, positions: random.next() % 3 == 0 ? [0] : [])
            default:
                var positions: [UInt32] = []
                var p = UInt32(random.next() % 3)
                for _ in 0..<Int(1 + random.next() % 4) { positions.append(p); p += 1 + UInt32(random.next() % 900) }
                return Posting(doc: doc, weight: weight, positions: positions)
            }
        }

        @Test("a spliced list equals the list encoded afresh: first, last, middle, gone, new, every kind of list")
        func spliceEqualsEncoding() {
            var random = SeededRandom(seed: 0x5EED)
            for round in 0..<600 {
                let kind = round % 3
                let positional = kind != 0
                let count = 1 + Int(random.next() % 60)
                // Documents far apart too, so gaps take several digits.
                var docs: [Int] = []
                var d = Int(random.next() % 4)
                for _ in 0..<count { docs.append(d); d += 1 + Int(random.next() % (round % 2 == 0 ? 5 : 5000)) }
                let list = docs.map { Self.posting($0, kind, &random) }
                let text = SearchIndexBuilder.encodePostings(list, positional: positional, positions: kind == 2)
                // Edited: listed documents (the first and last among them) and documents not in the list.
                var edited = Set<Int>()
                switch round % 6 {
                case 0: edited = [docs[0]]
                case 1: edited = [docs[docs.count - 1]]
                case 2: edited = Set(docs)                       // the token is gone from every document
                case 3: edited = [docs[0] + 1, d + 10]            // documents the list did not hold
                default: for _ in 0..<Int(1 + random.next() % 5) { edited.insert(docs[Int(random.next() % UInt64(docs.count))]) }
                }
                if round % 5 == 0 { edited.insert(d + 3) }      // past the end
                let sortedEdited = edited.sorted()
                // Gains: some edited documents keep the token (with another weight), some gain it.
                let gains = sortedEdited.filter { _ in random.next() % 2 == 0 }.map { Self.posting($0, kind, &random) }
                let spliced = SearchIndexBuilder.splice(text, positional: positional, edited: sortedEdited, gains: gains)
                let expected = Self.reference(text, positional: positional, edited: sortedEdited, gains: gains)
                #expect(spliced == expected, "round \(round): \(text) edited \(sortedEdited)")
            }
        }

        @Test("splicing: the token removed entirely, a document first and last, nothing held")
        func spliceEdges() {
            let words = SearchIndexBuilder.encodePostings([Posting(doc: 2, weight: 3), Posting(doc: 40, weight: 1), Posting(doc: 1000, weight: 7)], positional: false)
            #expect(SearchIndexBuilder.splice(words, positional: false, edited: [2, 40, 1000], gains: []) == nil)
            let first = SearchIndexBuilder.splice(words, positional: false, edited: [2], gains: [Posting(doc: 0, weight: 9)])
            #expect(first == SearchIndexBuilder.encodePostings([Posting(doc: 0, weight: 9), Posting(doc: 40, weight: 1), Posting(doc: 1000, weight: 7)], positional: false))
            let last = SearchIndexBuilder.splice(words, positional: false, edited: [1000, 5000], gains: [Posting(doc: 5000, weight: 2)])
            #expect(last == SearchIndexBuilder.encodePostings([Posting(doc: 2, weight: 3), Posting(doc: 40, weight: 1), Posting(doc: 5000, weight: 2)], positional: false))
            #expect(SearchIndexBuilder.splice(words, positional: false, edited: [7], gains: []) == words)
            let trigram = SearchIndexBuilder.encodePostings([Posting(doc: 1, weight: 2, positions: [0, 4]), Posting(doc: 9, weight: 1, positions: [33])], positional: true)
            #expect(SearchIndexBuilder.splice(trigram, positional: true, edited: [1], gains: []) ==
                    SearchIndexBuilder.encodePostings([Posting(doc: 9, weight: 1, positions: [33])], positional: true))
            #expect(SearchIndexBuilder.splice(trigram, positional: true, edited: [1, 9], gains: []) == nil)
        }

        @Test("the postings of patched shards equal those of shards built afresh (tokens gone and new, first and last documents)")
        func patchedShards() throws {
            let builder = SearchIndexBuilder(graph: try Index.synthetic(roles: 300))
            let layout = builder.layout()
            let before = SearchIndexBuilder.shards(layout.records)
            var next = layout
            let last = next.records.count - 1
            next.records[0].title = "全新岗位名称甲 zebra-unique-token"        // the first document: new tokens
            next.records[last].responsibilities = ["只此一行 lastdoc-only"]    // the last document: most of its tokens gone
            next.records[150].title += "z"
            next.records[151].aliases.append("夜审")
            let changed = [0, 150, 151, last]
            let added = SearchIndexBuilder.gained(next.records, changed)
            let patched = before.shards.flatMap { SearchIndexBuilder.patch($0, added: added, edited: changed) }
            let known = Set(patched.map(\.0))
            let fresh = added.filter { !known.contains($0.key) }.map { ($0.key, $0.value) }
            let merged = SearchIndexBuilder.merge(patched.sorted { SearchIndexBuilder.utf16Less($0.0, $1.0) }, fresh: fresh)
            let rebuilt = SearchIndexBuilder.shards(next.records).shards.flatMap { $0 }
            #expect(merged.map(\.0) == rebuilt.map(\.0))
            let differing = zip(merged, rebuilt).filter { $0.0 != $0.1 }.map { "\($0.0.0): \($0.0.1) vs \($0.1.1)" }
            #expect(differing.isEmpty, "\(differing.prefix(5))")
        }
    }
}
