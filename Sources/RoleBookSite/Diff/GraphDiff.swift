import RoleBookModel

/// What an edit changes in the organisation: the structural difference of two role graphs (and
/// of their diagnostics), as `rolebook diff` reports it. A value computed by a pure function of
/// both sides; the text, Markdown, JSON and HTML renderers only read it.
///
/// Roles, departments and procedures are matched by id. A role removed on one side and added on
/// the other whose file is mostly the same (title, department, superior, responsibilities…) is
/// reported as renamed, and every other comparison sees through the rename.
public struct GraphDiff: Hashable, Sendable, Encodable {
    /// A role, department or procedure named in the report.
    public struct Ref: Hashable, Sendable, Encodable, Comparable {
        public var id: String
        public var title: String

        public static func < (a: Ref, b: Ref) -> Bool { (a.id, a.title) < (b.id, b.title) }
    }

    /// A value before and after.
    public struct Change<Value: Hashable & Sendable & Encodable>: Hashable, Sendable, Encodable {
        public var id: String
        public var title: String
        public var from: Value
        public var to: Value
    }

    public struct AddedRole: Hashable, Sendable, Encodable {
        public var id: String
        public var title: String
        public var department: Ref?
        public var reportsTo: Ref?
        public var headcount: Int
        public var path: String
    }

    public struct Renamed: Hashable, Sendable, Encodable {
        /// The new id.
        public var id: String
        public var from: String
        public var title: String
        /// Share of the role's lines (title, department, superior, items) both files have, 0…1.
        public var similarity: Double
    }

    public struct DottedLines: Hashable, Sendable, Encodable {
        public var id: String
        public var title: String
        public var added: [Ref]
        public var removed: [Ref]
    }

    public struct Vacancy: Hashable, Sendable, Encodable {
        public var id: String
        public var title: String
        /// `opened` (the role became vacant, or a vacant role was added) or `closed`.
        public var change: String
    }

    /// Items of one list of a role (or steps of a procedure) added, removed or reworded.
    public struct ItemChanges: Hashable, Sendable, Encodable {
        public struct Reworded: Hashable, Sendable, Encodable {
            public var from: String
            public var to: String
        }

        public var id: String
        public var title: String
        /// `responsibilities`, `requirements`, `kpis` or `steps`.
        public var list: String
        public var added: [String]
        public var removed: [String]
        public var changed: [Reworded]

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public struct Roles: Hashable, Sendable, Encodable {
        public var added: [AddedRole] = []
        public var removed: [AddedRole] = []
        public var renamed: [Renamed] = []
        public var retitled: [Change<String>] = []
        /// A new superior; `from`/`to` are nil for "no superior".
        public var moved: [Change<Ref?>] = []
        public var department: [Change<Ref?>] = []
        public var dottedLines: [DottedLines] = []
        public var headcount: [Change<Int>] = []
        public var vacancies: [Vacancy] = []
        public var items: [ItemChanges] = []

        /// Roles with a change other than being added, removed or moved.
        public var changedIDs: Set<String> {
            Set(renamed.map(\.id) + retitled.map(\.id) + department.map(\.id) + dottedLines.map(\.id)
                + headcount.map(\.id) + items.map(\.id))
        }
    }

    public struct Procedures: Hashable, Sendable, Encodable {
        public var added: [Ref] = []
        public var removed: [Ref] = []
        public var retitled: [Change<String>] = []
        public var owner: [Change<Ref?>] = []
        public var steps: [ItemChanges] = []

        public var changedIDs: Set<String> { Set(retitled.map(\.id) + owner.map(\.id) + steps.map(\.id)) }
    }

    /// Roles, headcount and span of control of one department, before and after.
    public struct DepartmentStats: Hashable, Sendable, Encodable {
        public struct Figures: Hashable, Sendable, Encodable {
            /// Roles whose `department` is this one (sub-departments not included).
            public var roles: Int
            /// Sum of those roles' headcounts.
            public var headcount: Int
            /// Direct reports of the department's head (0 without a head).
            public var span: Int
            /// Vacant roles.
            public var vacant: Int
        }

        public var id: String
        public var title: String
        /// nil when the department does not exist on that side.
        public var from: Figures?
        public var to: Figures?
    }

    public struct Departments: Hashable, Sendable, Encodable {
        public var added: [Ref] = []
        public var removed: [Ref] = []
        public var retitled: [Change<String>] = []
        public var reparented: [Change<Ref?>] = []
        /// Every department whose figures changed, or which gained, lost or changed a role.
        public var stats: [DepartmentStats] = []
    }

    /// A diagnostic of one side, with its file relative to the content root.
    public struct Problem: Hashable, Sendable, Encodable {
        public var severity: String
        public var code: String
        public var message: String
        public var file: String
        public var line: Int
        public var column: Int
    }

    public struct Diagnostics: Hashable, Sendable, Encodable {
        public var introduced: [Problem] = []
        public var fixed: [Problem] = []
    }

    public var roles = Roles()
    public var procedures = Procedures()
    public var departments = Departments()
    public var diagnostics = Diagnostics()

    /// Whether the two sides differ in anything the report covers.
    public var isEmpty: Bool {
        self == GraphDiff()
    }

    public init() {}
}
