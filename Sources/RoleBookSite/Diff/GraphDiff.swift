import RoleBookModel

/// What an edit changes in the organisation: the structural difference of two role graphs (and
/// of their diagnostics), as `rolebook diff` reports it. A value computed by a pure function of
/// both sides; the text, Markdown, JSON and HTML renderers only read it.
///
/// Roles, departments and procedures are matched by id. A role removed on one side and added on
/// the other whose file is mostly the same (title, department, superior, responsibilities…) is
/// reported as renamed, and every other comparison sees through the rename.
package struct GraphDiff: Hashable, Sendable, Encodable {
    /// A role, department or procedure named in the report.
    package struct Ref: Hashable, Sendable, Encodable, Comparable {
        package var id: String
        package var title: String

        package static func < (a: Ref, b: Ref) -> Bool { (a.id, a.title) < (b.id, b.title) }
    }

    /// A value before and after.
    package struct Change<Value: Hashable & Sendable & Encodable>: Hashable, Sendable, Encodable {
        package var id: String
        package var title: String
        package var from: Value
        package var to: Value
    }

    package struct AddedRole: Hashable, Sendable, Encodable {
        package var id: String
        package var title: String
        package var department: Ref?
        package var reportsTo: Ref?
        package var headcount: Int
        package var path: String
    }

    package struct Renamed: Hashable, Sendable, Encodable {
        /// The new id.
        package var id: String
        package var from: String
        package var title: String
        /// Share of the role's lines (title, department, superior, items) both files have, 0…1.
        package var similarity: Double
    }

    package struct DottedLines: Hashable, Sendable, Encodable {
        package var id: String
        package var title: String
        package var added: [Ref]
        package var removed: [Ref]
    }

    package struct Vacancy: Hashable, Sendable, Encodable {
        package var id: String
        package var title: String
        /// `opened` (the role became vacant, or a vacant role was added) or `closed`.
        package var change: String
    }

    /// Items of one list of a role (or steps of a procedure) added, removed or reworded.
    package struct ItemChanges: Hashable, Sendable, Encodable {
        package struct Reworded: Hashable, Sendable, Encodable {
            package var from: String
            package var to: String
        }

        package var id: String
        package var title: String
        /// `responsibilities`, `requirements`, `kpis` or `steps`.
        package var list: String
        package var added: [String]
        package var removed: [String]
        package var changed: [Reworded]

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    package struct Roles: Hashable, Sendable, Encodable {
        package var added: [AddedRole] = []
        package var removed: [AddedRole] = []
        package var renamed: [Renamed] = []
        package var retitled: [Change<String>] = []
        /// A new superior; `from`/`to` are nil for "no superior".
        package var moved: [Change<Ref?>] = []
        package var department: [Change<Ref?>] = []
        package var dottedLines: [DottedLines] = []
        package var headcount: [Change<Int>] = []
        package var vacancies: [Vacancy] = []
        package var items: [ItemChanges] = []

        /// Roles with a change other than being added, removed or moved.
        package var changedIDs: Set<String> {
            Set(renamed.map(\.id) + retitled.map(\.id) + department.map(\.id) + dottedLines.map(\.id)
                + headcount.map(\.id) + items.map(\.id))
        }
    }

    package struct Procedures: Hashable, Sendable, Encodable {
        package var added: [Ref] = []
        package var removed: [Ref] = []
        package var retitled: [Change<String>] = []
        package var owner: [Change<Ref?>] = []
        package var steps: [ItemChanges] = []

        package var changedIDs: Set<String> { Set(retitled.map(\.id) + owner.map(\.id) + steps.map(\.id)) }
    }

    /// Roles, headcount and span of control of one department, before and after.
    package struct DepartmentStats: Hashable, Sendable, Encodable {
        package struct Figures: Hashable, Sendable, Encodable {
            /// Roles whose `department` is this one (sub-departments not included).
            package var roles: Int
            /// Sum of those roles' headcounts.
            package var headcount: Int
            /// Direct reports of the department's head (0 without a head).
            package var span: Int
            /// Vacant roles.
            package var vacant: Int
        }

        package var id: String
        package var title: String
        /// nil when the department does not exist on that side.
        package var from: Figures?
        package var to: Figures?
    }

    package struct Departments: Hashable, Sendable, Encodable {
        package var added: [Ref] = []
        package var removed: [Ref] = []
        package var retitled: [Change<String>] = []
        package var reparented: [Change<Ref?>] = []
        /// Every department whose figures changed, or which gained, lost or changed a role.
        package var stats: [DepartmentStats] = []
    }

    /// A diagnostic of one side, with its file relative to the content root.
    package struct Problem: Hashable, Sendable, Encodable {
        package var severity: String
        package var code: String
        package var message: String
        package var file: String
        package var line: Int
        package var column: Int
    }

    package struct Diagnostics: Hashable, Sendable, Encodable {
        package var introduced: [Problem] = []
        package var fixed: [Problem] = []
    }

    package var roles = Roles()
    package var procedures = Procedures()
    package var departments = Departments()
    package var diagnostics = Diagnostics()

    /// Whether the two sides differ in anything the report covers.
    package var isEmpty: Bool {
        self == GraphDiff()
    }

    package init() {}
}
