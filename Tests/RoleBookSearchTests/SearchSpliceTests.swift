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

extension SearchTests {
    @Suite("Search document list and sparse layout")
    struct SparseLayout {
        @Test("the document list reads back as written; format 1 and anything else are not read")
        func documentList() {
            let urls = ["departments/a.html", "roles/b c.html", "roles/c.html"]
            let documents: [UInt64] = [0, 0xFFFF_FFFF_FFFF_FFFF, 0x1234]
            let keys: [UInt64] = [7, 0, 0xABCDEF]
            let bytes = SearchDocumentsCache.encode(renderer: 42, urls: urls, documents: documents, sourceKeys: keys)
            let stored = SearchDocumentsCache.parse(bytes, renderer: 42)
            #expect(stored?.documents.map(\.url) == urls)
            #expect(stored?.documents.map(\.fingerprint) == documents)
            #expect(stored?.sourceKeys == keys)
            #expect(SearchDocumentsCache.parse(bytes, renderer: 43) == nil)
            #expect(SearchDocumentsCache.parse(Array(bytes.dropLast()), renderer: 42) == nil)
            let v1 = Array("rolebook-search-docs 1 2a\n0 departments/a.html\n".utf8)
            #expect(SearchDocumentsCache.parse(v1, renderer: 42) == nil, "a list of format 1 is not read")
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            #expect(lines[0] == "rolebook-search-docs 2 2a")
            #expect(lines[2] == "ffffffffffffffff 0 roles/b c.html")
        }

        @Test("the outline's layout is the layout; a sparse layout after edits patches to the files of a full build")
        func sparseUpdate() throws {
            let graph = try Index.synthetic(roles: 400)
            let builder = SearchIndexBuilder(graph: graph)
            let outline = builder.outline()
            let layout = builder.layout()
            #expect(builder.layout(outline).records == layout.records)
            let documents = SearchIndexBuilder.documentFingerprints(layout)
            let keys = builder.sourceKeys(outline)
            #expect(keys.allSatisfy { $0 != 0 } && Set(keys).count == keys.count)
            let (files, shape) = builder.shapedBuild(layout)
            let stored = SearchDocumentsCache.parse(SearchDocumentsCache.encode(renderer: 1, urls: layout.records.map(\.url), documents: documents, sourceKeys: keys), renderer: 1)!
            // Nothing changed: nothing built, every fingerprint the stored one.
            let same = try #require(builder.sparseLayout(outline, keys: keys, previous: stored, shape: shape.withFields(of: layout)))
            #expect(same.changed.isEmpty && same.documents == documents)
            // Two documents' sources changed (as an edit changes their keys): only they and their bundles are built.
            var edited = layout
            edited.records[5].title += "z"
            edited.records[300].responsibilities.append("负责 zebra-crossing 巡查")
            var changedKeys = keys
            changedKeys[5] ^= 2; changedKeys[300] ^= 2
            let sparse = try #require(builder.sparseLayout(outline, keys: changedKeys, previous: stored, shape: shape.withFields(of: layout)))
            #expect(sparse.changed == [5, 300])
            #expect(sparse.layout.isSparse)
            #expect(sparse.layout.records[100].title.isEmpty, "an unchanged document far from the edits is a stand-in")
            #expect(sparse.layout.records[5] == layout.records[5] && sparse.documents == documents, "the graph did not change: same records")
            // Against the edited records (the graph's own are unchanged here), patching gives a full build's files.
            var sparseEdited = sparse.layout
            sparseEdited.records[5] = edited.records[5]; sparseEdited.records[300] = edited.records[300]
            var sparseDocuments = sparse.documents
            sparseDocuments[5] = SearchIndexBuilder.fingerprint(record: edited.records[5])
            sparseDocuments[300] = SearchIndexBuilder.fingerprint(record: edited.records[300])
            var previous = Index.previous(layout, files)
            previous.shape = shape.withFields(of: layout)
            let update = try #require(builder.update(sparseEdited, documents: sparseDocuments, from: previous))
            let full = builder.build(edited)
            var updated = update.files
            for path in update.unchanged { updated[path] = files[path] }
            #expect(updated.keys.sorted() == full.keys.sorted())
            let differing = full.filter { updated[$0.key] != $0.value }.keys.sorted()
            #expect(differing.isEmpty, "\(differing.prefix(5))")
            // Another document count or order: no sparse layout.
            var shorter = stored
            shorter.documents.removeLast(); shorter.sourceKeys.removeLast()
            #expect(builder.sparseLayout(outline, keys: keys, previous: shorter, shape: shape.withFields(of: layout)) == nil)
            var moved = stored
            moved.documents.swapAt(1, 2)
            #expect(builder.sparseLayout(outline, keys: keys, previous: moved, shape: shape.withFields(of: layout)) == nil)
            #expect(builder.sparseLayout(outline, keys: keys, previous: stored, shape: nil) == nil)
        }
    }
}
