import Foundation
import RoleBookModel
import RoleBookSite

/// Output files: `meta.js`, `fold.js`, shard and positions files, fragment bundles.
extension SearchIndexBuilder {
    /// `meta.js`: everything the client needs before the first shard.
    struct Meta: Codable {
        struct Group: Codable {
            /// Department id (empty for documents without one), used in `?d=`.
            var i: String
            /// Department name.
            var n: String
            /// First document.
            var s: Int
            /// Number of documents.
            var c: Int
        }
        var version: Int
        var docs: Int
        /// Documents per `f/<n>.js` file.
        var fragmentBundle: Int
        /// `separators[k]` is the smallest string a token of shard `k` can start with (`separators[0] == ""`).
        var separators: [String]
        var groups: [Group]
    }

    /// `f/<doc>.js`: what a result shows.
    package struct Fragment: Codable {
        var kind: String
        var title: String
        var aliases: [String]?
        var department: String?
        var url: String
        /// Lines of text for the snippet, cut after ``fragmentTextLimit`` characters.
        var text: [String]
    }

    struct Fold: Codable {
        /// Alternating traditional and simplified characters.
        var pairs: String
    }

    /// The token shards: tokens in UTF-16 order, cut into ranges of about ``shardTargetBytes``.
    struct Shards {
        var separators: [String]
        /// Each shard's (token, encoded postings) entries, in token order.
        var shards: [[(String, String)]]
    }

    static func shardPath(_ k: Int) -> String { "search/i/\(k).js" }
    /// The positions of the trigrams of shard `k`; only a shard holding a trigram has one.
    static func positionsPath(_ k: Int) -> String { "search/p/\(k).js" }
    static func fragmentPath(first doc: Int) -> String { "search/f/\(doc / fragmentBundle).js" }

    /// `meta.js` and `fold.js`.
    static func fixedFiles(_ layout: Layout, _ shards: Shards) -> [String: String] {
        let meta = Meta(version: version, docs: layout.records.count, fragmentBundle: fragmentBundle, separators: shards.separators,
                        groups: layout.groups.map { .init(i: $0.id, n: $0.name, s: $0.start, c: $0.count) })
        return ["search/meta.js": "var rbSearchMeta = " + json(meta) + ";\n",
                "search/fold.js": "rbSearch.fold(" + json(Fold(pairs: SearchTokenizer.foldingPairs())) + ");\n"]
    }

    /// Shard `k`'s postings file, and its positions file when it holds a trigram.
    static func shardFiles(_ k: Int, _ entries: [(String, String)]) -> (index: String, positions: String?) {
        var postings: [(String, String)] = [], positions: [(String, String)] = []
        postings.reserveCapacity(entries.count)
        for (token, entry) in entries {
            let parts = split(entry)
            postings.append((token, String(parts.postings)))
            if let p = parts.positions { positions.append((token, String(p))) }
        }
        return ("rbSearch.shard(\(k)," + JSONWriter.stringObject(postings) + ");\n",
                positions.isEmpty ? nil : "rbSearch.pos(\(k)," + JSONWriter.stringObject(positions) + ");\n")
    }

    /// The fragments of documents `first ..< first + fragmentBundle`, one line each.
    static func fragmentBundleFile(_ layout: Layout, first: Int) -> String {
        (first..<min(first + fragmentBundle, layout.records.count)).map { doc in
            "rbSearch.frag(\(doc)," + fragment(layout.records[doc]).json + ");\n"
        }.joined()
    }

    package static func fragment(_ r: SearchRecord) -> Fragment {
        var text: [String] = []
        var budget = fragmentTextLimit
        // Editorial notes ("来源没有给出……") stay searchable but are never a snippet.
        for line in r.display.lazy.compactMap(EditorialNotes.readerText) {
            guard budget > 0 else { break }
            let cut = line.count > budget ? String(line.prefix(budget)) + "…" : line
            text.append(cut)
            budget -= line.count
        }
        return Fragment(kind: r.kind.rawValue, title: r.title, aliases: r.aliases.isEmpty ? nil : r.aliases,
                        department: r.department, url: r.url, text: text)
    }


    static func json<T: Encodable>(_ value: T) -> String { JSONWriter().text(encoding: value) }
}

extension SearchIndexBuilder.Fragment {
    /// What ``JSONWriter`` writes for the fragment, streamed: fragments are most of the index's bytes.
    package var json: String {
        var w = JSONObjectWriter()
        if let aliases { w.strings("aliases", aliases) }
        w.string("department", department)
        w.string("kind", kind)
        w.strings("text", text)
        w.string("title", title)
        w.string("url", url)
        return w.finish()
    }
}
