import Foundation
import RoleBookModel

/// The fields of a ``SearchRecord`` made from its file's summary and body alone: everything but
/// the short fields (``SearchIndexShape/ShortFields``), the URL and the group. A record's
/// `display` is this `display` followed by its facts.
///
/// Made from the header only, so a build that still has an edited file's previous parse (the
/// parse cache) can make the document's previous record again and patch only the shards whose
/// postings changed (``SearchIndexBuilder/updateLocally(_:changed:shape:from:)``).
package struct RecordBody: Sendable, Equatable {
    var responsibilities: [String] = []
    var other: [String] = []
    /// Section headings of roles and departments (a procedure's phase headings are in `other`).
    var headings: [String] = []
    /// Snippet lines in reading order, without the facts.
    var display: [String] = []

    package init(_ kind: EntityKind, _ header: EntityHeader) {
        other = header.summary.map { [$0] } ?? []
        switch kind {
        case .role, .department:
            for section in header.document.sections {
                // Headings (职责概述, 考核指标 …) are found too, in the lowest tier, but not shown as snippets.
                if !section.heading.isEmpty { headings.append(section.heading) }
                let duties = section.kind == .responsibilities || (kind == .department && section.kind == .duties)
                if duties { responsibilities += SearchIndexBuilder.lines(section.blocks) } else { other += SearchIndexBuilder.lines(section.blocks) }
            }
            let lead = min(1, other.count)
            display = Array(other[..<lead]) + responsibilities + Array(other[lead...])
        case .procedure:
            // Steps are list items; phase headings and other text are searched as other text.
            display = other
            for section in header.document.sections {
                if !section.heading.isEmpty { other.append(section.heading); display.append(section.heading) }
                for block in section.blocks {
                    let lines = SearchIndexBuilder.lines([block])
                    if case .list = block.kind { responsibilities += lines } else { other += lines }
                    display += lines
                }
            }
        }
    }

    /// The body of a record: its fields but the short ones, its display without the facts.
    init(_ record: SearchRecord) {
        responsibilities = record.responsibilities; other = record.other; headings = record.headings
        display = Array(record.display.dropLast(record.facts.count))
    }

    /// `record` with this body in place of its own (its facts kept).
    func applied(to record: SearchRecord) -> SearchRecord {
        var r = record
        r.responsibilities = responsibilities; r.other = other; r.headings = headings; r.display = display + r.facts
        return r
    }
}

extension SearchIndexBuilder {
    /// The bodies of edited files as their previous parse had them, by the URL of the record they
    /// make now (an entity is matched by its kind and path); files no longer in the graph are skipped.
    package func previousBodies(_ previous: [(kind: EntityKind, header: EntityHeader)]) -> [String: RecordBody] {
        guard !previous.isEmpty else { return [:] }
        let wanted = Set(previous.map(\.header.path))
        var urlByPath: [String: (EntityKind, String)] = [:]
        // Paths read in place: copying each entity to look at its path costs more than the lookup.
        for i in graph.roles.indices where wanted.contains(graph.roles[i].header.path) { urlByPath[graph.roles[i].header.path] = (.role, urls.roles[i]) }
        for i in graph.departments.indices where wanted.contains(graph.departments[i].header.path) {
            urlByPath[graph.departments[i].header.path] = (.department, urls.departments[i])
        }
        for i in graph.procedures.indices where wanted.contains(graph.procedures[i].header.path) {
            urlByPath[graph.procedures[i].header.path] = (.procedure, urls.procedures[i])
        }
        var bodies: [String: RecordBody] = [:]
        for (kind, header) in previous {
            guard let (nowKind, url) = urlByPath[header.path], nowKind == kind else { continue }
            bodies[url] = RecordBody(kind, header)
        }
        return bodies
    }
}
