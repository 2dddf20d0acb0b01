import Foundation
import RoleBookModel

/// What an update needs of the previous index besides its files: the shards' separators and
/// positions files, and each document's short fields (title, aliases, facts, department), so
/// that after an edit of those the document's previous record, and so its previous postings,
/// can be made again from the new one. The update then patches only the shards whose postings
/// of the edited documents changed, instead of reading every shard.
package struct SearchIndexShape: Sendable, Equatable {
    /// `meta.js`'s separators: `separators[k]` routes a token to shard `k`.
    var separators: [String]
    /// Per shard: whether it has a positions file `p/<k>.js`.
    var positional: [Bool]
    /// Per document, its short fields; empty until stored (``withFields(of:)``).
    var fields: [ShortFields] = []

    var shardCount: Int { separators.count }

    /// The short fields of a record: the ones an edit of a title, an alias or a fact touches.
    struct ShortFields: Sendable, Equatable {
        var title: String
        var aliases: [String]
        var department: String?
        var departmentNames: [String]
        var facts: [String]

        init(_ r: SearchRecord) {
            title = r.title; aliases = r.aliases; department = r.department; departmentNames = r.departmentNames; facts = r.facts
        }

        init(title: String, aliases: [String], department: String?, departmentNames: [String], facts: [String]) {
            self.title = title; self.aliases = aliases; self.department = department; self.departmentNames = departmentNames; self.facts = facts
        }

        /// `record` with these fields in place of its own.
        func applied(to record: SearchRecord) -> SearchRecord {
            var r = record
            r.title = title; r.aliases = aliases; r.department = department; r.departmentNames = departmentNames; r.facts = facts
            return r
        }
    }

    /// This shape with the short fields of `layout`'s records (the index it describes).
    package func withFields(of layout: SearchIndexBuilder.Layout) -> SearchIndexShape {
        var shape = self
        shape.fields = layout.records.map(ShortFields.init)
        return shape
    }
}

extension SearchIndexBuilder {
    /// The shape of packed shards (without the documents' fields).
    static func shape(_ shards: Shards) -> SearchIndexShape {
        SearchIndexShape(separators: shards.separators, positional: shards.shards.map { $0.contains { hasPositionsPart($0.1) } })
    }
}

/// ``SearchIndexShape`` under `.rolebook-cache/` beside the document list, as
/// `search-<index fingerprint>.shape`: a header line, then unsigned LEB128 numbers and strings
/// (as byte count and bytes): shard count, separators, a positions flag byte per shard, document
/// count, and per document its short fields (lists as count and strings).
package enum SearchShapeCache {
    static func header(_ renderer: UInt64) -> String { "rolebook-search-shape 1 " + String(renderer, radix: 16) + "\n" }

    static func url(_ cache: URL, _ fingerprint: UInt64) -> URL {
        cache.appendingPathComponent("search-" + String(fingerprint, radix: 16) + ".shape")
    }

    package static func encode(_ shape: SearchIndexShape, renderer: UInt64) -> [UInt8] {
        var out = BinaryWriter(header: Array(header(renderer).utf8))
        out.number(shape.separators.count)
        for s in shape.separators { out.string(s) }
        for p in shape.positional { out.byte(p ? 1 : 0) }
        out.number(shape.fields.count)
        for f in shape.fields {
            out.string(f.title); out.strings(f.aliases); out.strings(f.department.map { [$0] } ?? []); out.strings(f.departmentNames); out.strings(f.facts)
        }
        return out.bytes
    }

    package static func decode(_ bytes: [UInt8], renderer: UInt64) -> SearchIndexShape? {
        guard var r = BinaryReader(bytes, header: Array(header(renderer).utf8)) else { return nil }
        guard let shardCount = r.number(), shardCount > 0, shardCount <= r.remaining else { return nil }
        var separators: [String] = []
        separators.reserveCapacity(shardCount)
        for _ in 0..<shardCount {
            guard let s = r.string() else { return nil }
            separators.append(s)
        }
        guard let flags = r.bytes(shardCount) else { return nil }
        let positional = flags.map { $0 == 1 }
        guard let documents = r.number(), documents <= r.remaining else { return nil }
        var fields: [SearchIndexShape.ShortFields] = []
        fields.reserveCapacity(documents)
        for _ in 0..<documents {
            guard let title = r.string(), let aliases = r.strings(), let department = r.strings(), department.count <= 1,
                  let departmentNames = r.strings(), let facts = r.strings() else { return nil }
            fields.append(.init(title: title, aliases: aliases, department: department.first, departmentNames: departmentNames, facts: facts))
        }
        guard r.isAtEnd else { return nil }
        return SearchIndexShape(separators: separators, positional: positional, fields: fields)
    }

    package static func load(_ cache: URL, _ fingerprint: UInt64, renderer: UInt64) -> SearchIndexShape? {
        guard let data = FileManager.default.contents(atPath: url(cache, fingerprint).path) else { return nil }
        return decode([UInt8](data), renderer: renderer)
    }

    /// Writes the shape of the index with this fingerprint (older ones go with the older document
    /// lists: ``SearchDocumentsCache/store(_:_:renderer:_:documents:)`` removes them).
    package static func store(_ cache: URL, _ fingerprint: UInt64, renderer: UInt64, _ shape: SearchIndexShape) {
        let target = url(cache, fingerprint)
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let temporary = target.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let bytes = encode(shape, renderer: renderer)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)), rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
