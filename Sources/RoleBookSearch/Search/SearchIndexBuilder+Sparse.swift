import Foundation
import RoleBookModel

/// After an edit, only the records of the documents whose sources changed are built: the others
/// keep the fingerprints the previous build stored (``SearchDocumentsCache``), which is all the
/// index's fingerprint and an update need of them. Building every record (every body's blocks
/// made into lines) was most of what an edit's search step cost.
extension SearchIndexBuilder {
    /// A layout whose records are real only where an update may read them: the documents whose
    /// source key changed and the others of their fragment bundles (which an update writes again).
    /// Every other record is a stand-in holding its URL and group alone.
    package struct Sparse: Sendable {
        package var layout: Layout
        /// Every document's fingerprint: the stored one where the source key matched.
        package var documents: [UInt64]
        /// Every document's short fields, for the shape the next update reads.
        var fields: [SearchIndexShape.ShortFields]
        /// The documents whose source key changed (their records were built).
        package var changed: [Int]
    }

    /// The sparse layout of `outline` given the previous index's stored documents and shape; nil
    /// when they do not describe the same documents in the same order, or too many changed for
    /// an update to pay (the caller then lays out every record).
    package func sparseLayout(_ outline: Outline, keys: [UInt64], previous: SearchDocumentsCache.Stored, shape: SearchIndexShape?) -> Sparse? {
        let count = outline.count
        guard count > 0, previous.documents.count == count, previous.sourceKeys.count == count,
              let shape, shape.fields.count == count else { return nil }
        var changed: [Int] = []
        for d in 0..<count {
            guard url(d, in: outline) == previous.documents[d].url else { return nil }
            if keys[d] == 0 || keys[d] != previous.sourceKeys[d] { changed.append(d) }
        }
        // The same bound as ``update(_:documents:from:)``'s: beyond it the index is built whole anyway.
        guard changed.count <= 8 || changed.count * 20 <= count else { return nil }
        var wanted: [Int] = []
        for d in changed {
            let first = d / Self.fragmentBundle * Self.fragmentBundle
            for e in first..<min(first + Self.fragmentBundle, count) where wanted.last.map({ $0 < e }) ?? true { wanted.append(e) }
        }
        let built = wanted.parallelMap { record($0, in: outline) }
        var records = (0..<count).map { d in
            SearchRecord(kind: .role, id: "", url: previous.documents[d].url, title: "", aliases: [], department: nil, departmentNames: [],
                         responsibilities: [], other: [], facts: [], display: [], group: outline.groupOf[d])
        }
        var documents = previous.documents.map(\.fingerprint)
        var fields = shape.fields
        for (d, record) in zip(wanted, built) {
            records[d] = record
            documents[d] = Self.fingerprint(record: record)
            fields[d] = .init(record)
        }
        return Sparse(layout: Layout(records: records, groups: outline.groups, isSparse: true), documents: documents, fields: fields, changed: changed)
    }
}

extension SearchIndexShape {
    /// This shape with the short fields of a sparse layout's documents.
    package func withFields(of sparse: SearchIndexBuilder.Sparse) -> SearchIndexShape {
        var shape = self
        shape.fields = sparse.fields
        return shape
    }
}
