/// The three kinds of content file.
public enum EntityKind: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case department, role, procedure

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Folder name that implies the kind.
    public var folder: String { rawValue + "s" }
}

/// What every content file has. Boxed like ``Role`` (one reference count per copy): pages,
/// rules and the graph builder read headers everywhere, and each copy of the unboxed header
/// retained eight strings and lists.
public struct EntityHeader: Hashable, Sendable {
    @usableFromInline struct Fields: Hashable, Sendable {
        @usableFromInline let id: String
        @usableFromInline let title: String
        @usableFromInline let summary: String?
        @usableFromInline let path: String
        @usableFromInline let location: SourceLocation
        @usableFromInline let titleLocation: SourceLocation
        @usableFromInline let document: ContentDocument
        @usableFromInline let sourceHash: UInt64
    }
    @usableFromInline let fields: Frozen<Fields>

    @inlinable public var id: String { fields.value.id }
    @inlinable public var title: String { fields.value.title }
    @inlinable public var summary: String? { fields.value.summary }
    /// Path relative to the content root (`hotel/roles/vip-manager.md`).
    @inlinable public var path: String { fields.value.path }
    /// Where the file starts (`content/hotel/roles/vip-manager.md:1:1`).
    @inlinable public var location: SourceLocation { fields.value.location }
    /// Where `title` is written, for notes pointing at it.
    @inlinable public var titleLocation: SourceLocation { fields.value.titleLocation }
    @inlinable public var document: ContentDocument { fields.value.document }
    /// ``StableHash`` of the file's bytes: what the build cache compares to know the file changed.
    @inlinable public var sourceHash: UInt64 { fields.value.sourceHash }

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(id: String, title: String, summary: String?, path: String, location: SourceLocation, titleLocation: SourceLocation,
                 document: ContentDocument, sourceHash: UInt64 = 0) {
        fields = Frozen(Fields(id: id, title: title, summary: summary, path: path, location: location, titleLocation: titleLocation,
                               document: document, sourceHash: sourceHash))
    }
}

/// A job description. Like ``Department`` and ``Procedure``, its fields live in one shared,
/// immutable box, so a copy costs one reference count instead of one per string and list
/// (two dozen): the parse table, the loaded content and the graph hand 10,000 of them on at
/// every `serve` rebuild, and those copies were a third of a rebuild's time.
public struct Role: Hashable, Sendable {
    @usableFromInline struct Fields: Hashable, Sendable {
        @usableFromInline let header: EntityHeader
        @usableFromInline let department: Located<String>?
        @usableFromInline let reportsTo: Located<String>?
        @usableFromInline let top: Bool
        @usableFromInline let directReports: [Located<String>]?
        @usableFromInline let dottedLineTo: [Located<String>]
        @usableFromInline let headcount: Int
        @usableFromInline let headcountLocation: SourceLocation?
        @usableFromInline let aliases: [String]
        @usableFromInline let grade: String?
        @usableFromInline let code: String?
        @usableFromInline let place: String?
        @usableFromInline let hours: String?
        @usableFromInline let documentCode: String?
        @usableFromInline let version: String?
        @usableFromInline let effective: String?
        @usableFromInline let approvedBy: String?
    }
    @usableFromInline let fields: Frozen<Fields>

    @inlinable public var header: EntityHeader { fields.value.header }
    @inlinable public var department: Located<String>? { fields.value.department }
    @inlinable public var reportsTo: Located<String>? { fields.value.reportsTo }
    @inlinable public var top: Bool { fields.value.top }
    @inlinable public var directReports: [Located<String>]? { fields.value.directReports }
    @inlinable public var dottedLineTo: [Located<String>] { fields.value.dottedLineTo }
    @inlinable public var headcount: Int { fields.value.headcount }
    @inlinable public var headcountLocation: SourceLocation? { fields.value.headcountLocation }
    @inlinable public var aliases: [String] { fields.value.aliases }
    @inlinable public var grade: String? { fields.value.grade }
    @inlinable public var code: String? { fields.value.code }
    @inlinable public var place: String? { fields.value.place }
    @inlinable public var hours: String? { fields.value.hours }
    /// Document control of the job description (`doc_no` or `document`, `version`, `effective`,
    /// `approved_by`): the 文件编号/版本/生效日期/批准人 printed at the head of a 岗位说明书.
    @inlinable public var documentCode: String? { fields.value.documentCode }
    @inlinable public var version: String? { fields.value.version }
    /// `YYYY-MM-DD`, checked when read (RB004 otherwise).
    @inlinable public var effective: String? { fields.value.effective }
    @inlinable public var approvedBy: String? { fields.value.approvedBy }

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(header: EntityHeader, department: Located<String>? = nil, reportsTo: Located<String>? = nil, top: Bool, directReports: [Located<String>]? = nil, dottedLineTo: [Located<String>], headcount: Int, headcountLocation: SourceLocation? = nil, aliases: [String], grade: String? = nil, code: String? = nil, place: String? = nil, hours: String? = nil, documentCode: String? = nil, version: String? = nil, effective: String? = nil, approvedBy: String? = nil) {
        fields = Frozen(Fields(header: header, department: department, reportsTo: reportsTo, top: top, directReports: directReports, dottedLineTo: dottedLineTo, headcount: headcount, headcountLocation: headcountLocation, aliases: aliases, grade: grade, code: code, place: place, hours: hours, documentCode: documentCode, version: version, effective: effective, approvedBy: approvedBy))
    }

    @inlinable public var id: String { header.id }
    @inlinable public var title: String { header.title }
    public var isVacant: Bool { headcount == 0 }
    public var responsibilities: [Item] { header.document.items(.responsibilities) }
}

/// A department file; its fields are boxed like ``Role``'s.
public struct Department: Hashable, Sendable {
    @usableFromInline struct Fields: Hashable, Sendable {
        @usableFromInline let header: EntityHeader
        @usableFromInline let short: String?
        @usableFromInline let parent: Located<String>?
        @usableFromInline let head: Located<String>?
        @usableFromInline let positions: [(role: Located<String>, count: Int)]

        @usableFromInline static func == (a: Fields, b: Fields) -> Bool {
            a.header == b.header && a.short == b.short && a.parent == b.parent && a.head == b.head
                && a.positions.elementsEqual(b.positions) { $0.role == $1.role && $0.count == $1.count }
        }

        @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(header) }
    }
    @usableFromInline let fields: Frozen<Fields>

    @inlinable public var header: EntityHeader { fields.value.header }
    @inlinable public var short: String? { fields.value.short }
    @inlinable public var parent: Located<String>? { fields.value.parent }
    @inlinable public var head: Located<String>? { fields.value.head }
    @inlinable public var positions: [(role: Located<String>, count: Int)] { fields.value.positions }

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(header: EntityHeader, short: String? = nil, parent: Located<String>? = nil, head: Located<String>? = nil, positions: [(role: Located<String>, count: Int)]) {
        fields = Frozen(Fields(header: header, short: short, parent: parent, head: head, positions: positions))
    }

    @inlinable public var id: String { header.id }
    @inlinable public var title: String { header.title }
}

/// How often a procedure runs; the order is the order of a role's checklist.
public enum Frequency: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case perShift = "per shift", daily, weekly, monthly, onDemand = "on demand"

    public static func < (a: Frequency, b: Frequency) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Accepts English and Chinese spellings.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        switch t {
        case "per shift", "shift", "每班", "每个班次", "每班次": self = .perShift
        case "daily", "day", "每日", "每天", "日": self = .daily
        case "weekly", "week", "每周", "每週", "周": self = .weekly
        case "monthly", "month", "每月", "月": self = .monthly
        case "on demand", "ondemand", "as needed", "按需", "随时", "隨時", "不定期": self = .onDemand
        default: return nil
        }
    }
}

/// A procedure file; its fields are boxed like ``Role``'s.
public struct Procedure: Hashable, Sendable {
    @usableFromInline struct Fields: Hashable, Sendable {
        @usableFromInline let header: EntityHeader
        @usableFromInline let owner: Located<String>?
        @usableFromInline let roles: [Located<String>]
        @usableFromInline let department: Located<String>?
        @usableFromInline let frequency: Frequency?
        @usableFromInline let version: String?
        @usableFromInline let effective: String?
    }
    @usableFromInline let fields: Frozen<Fields>

    @inlinable public var header: EntityHeader { fields.value.header }
    @inlinable public var owner: Located<String>? { fields.value.owner }
    @inlinable public var roles: [Located<String>] { fields.value.roles }
    @inlinable public var department: Located<String>? { fields.value.department }
    @inlinable public var frequency: Frequency? { fields.value.frequency }
    @inlinable public var version: String? { fields.value.version }
    @inlinable public var effective: String? { fields.value.effective }

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(header: EntityHeader, owner: Located<String>? = nil, roles: [Located<String>], department: Located<String>? = nil, frequency: Frequency? = nil, version: String? = nil, effective: String? = nil) {
        fields = Frozen(Fields(header: header, owner: owner, roles: roles, department: department, frequency: frequency, version: version, effective: effective))
    }

    @inlinable public var id: String { header.id }
    @inlinable public var title: String { header.title }
    /// Every `##` section is a phase; a list before the first heading is an untitled first phase.
    public var phases: [Section] { header.document.sections.filter { $0.kind != .intro || $0.hasItems } }
    public var steps: [Item] { phases.flatMap(\.items).flatMap(\.flattened) }
    /// `steps.count`, without decoding sections loaded from the build cache (lists show it for every procedure).
    public var stepCount: Int { phases.reduce(0) { $0 + $1.nestedItemCount } }
}

// MARK: Identity for page fingerprints

/// What a page shows of a content file is decided by the file's bytes (and the settings and the
/// rolebook, which every fingerprint includes): its path and content hash stand for everything
/// parsed from it. So page models (``StableHasher``) hash an entity in two numbers.
extension EntityHeader: Encodable {
    private enum IdentityKeys: String, CodingKey { case path, sourceHash }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: IdentityKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(sourceHash, forKey: .sourceHash)
    }
}

extension Role: Encodable {
    public func encode(to encoder: any Encoder) throws { try header.encode(to: encoder) }
}

extension Department: Encodable {
    public func encode(to encoder: any Encoder) throws { try header.encode(to: encoder) }
}

extension Procedure: Encodable {
    public func encode(to encoder: any Encoder) throws { try header.encode(to: encoder) }
}
