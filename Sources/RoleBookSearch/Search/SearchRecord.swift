import Foundation
import RoleBookModel
import RoleBookSite

/// What search knows about one role, department or procedure, taken from the model.
package struct SearchRecord: Codable, Hashable, Sendable {
    var kind: EntityKind
    var id: String
    /// Site-root-relative page URL (`roles/cs-manager.html`).
    package var url: String
    var title: String
    /// Aliases (roles) or the short name (departments): ranked like the title.
    var aliases: [String]
    /// The department the record is filed under (roles, procedures) or the parent (departments).
    var department: String?
    /// Names ranked in the department tier (the department of a role or procedure).
    var departmentNames: [String]
    /// Responsibilities, department duties or procedure steps, one line per item or paragraph.
    var responsibilities: [String]
    /// Everything else worth finding: summary, other sections, phase headings.
    var other: [String]
    /// Short facts indexed with the rest: code, grade, place, hours, version.
    var facts: [String]
    /// Section headings of roles and departments (职责概述, 考核指标 …): indexed in the lowest tier,
    /// not shown. (A procedure's phase headings are part of its text, in `other`.)
    var headings: [String] = []
    /// Lines for snippets in reading order (summary first); the fragment keeps the start.
    var display: [String]
    /// Index into ``SearchIndexBuilder/Layout/groups``: the department filter the record belongs to.
    var group: Int
}
