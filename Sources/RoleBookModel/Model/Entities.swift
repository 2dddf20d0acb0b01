/// The three kinds of content file.
public enum EntityKind: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case department, role, procedure

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Folder name that implies the kind.
    public var folder: String { rawValue + "s" }
}

/// What every content file has.
public struct EntityHeader: Hashable, Sendable {
    public let id: String
    public let title: String
    public let summary: String?
    /// Path relative to the content root (`hotel/roles/vip-manager.md`).
    public let path: String
    /// Where the file starts (`content/hotel/roles/vip-manager.md:1:1`).
    public let location: SourceLocation
    /// Where `title` is written, for notes pointing at it.
    public let titleLocation: SourceLocation
    public let document: ContentDocument
    /// ``StableHash`` of the file's bytes: what the build cache compares to know the file changed.
    public let sourceHash: UInt64

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(id: String, title: String, summary: String?, path: String, location: SourceLocation, titleLocation: SourceLocation,
                 document: ContentDocument, sourceHash: UInt64 = 0) {
        self.id = id; self.title = title; self.summary = summary; self.path = path; self.location = location
        self.titleLocation = titleLocation; self.document = document; self.sourceHash = sourceHash
    }
}

public struct Role: Hashable, Sendable {
    public let header: EntityHeader
    public let department: Located<String>?
    public let reportsTo: Located<String>?
    public let top: Bool
    public let directReports: [Located<String>]?
    public let dottedLineTo: [Located<String>]
    public let headcount: Int
    public let headcountLocation: SourceLocation?
    public let aliases: [String]
    public let grade: String?
    public let code: String?
    public let place: String?
    public let hours: String?
    /// Document control of the job description (`doc_no` or `document`, `version`, `effective`,
    /// `approved_by`): the 文件编号/版本/生效日期/批准人 printed at the head of a 岗位说明书.
    public let documentCode: String?
    public let version: String?
    /// `YYYY-MM-DD`, checked when read (RB004 otherwise).
    public let effective: String?
    public let approvedBy: String?

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(header: EntityHeader, department: Located<String>? = nil, reportsTo: Located<String>? = nil, top: Bool, directReports: [Located<String>]? = nil, dottedLineTo: [Located<String>], headcount: Int, headcountLocation: SourceLocation? = nil, aliases: [String], grade: String? = nil, code: String? = nil, place: String? = nil, hours: String? = nil, documentCode: String? = nil, version: String? = nil, effective: String? = nil, approvedBy: String? = nil) {
        self.header = header; self.department = department; self.reportsTo = reportsTo; self.top = top; self.directReports = directReports; self.dottedLineTo = dottedLineTo; self.headcount = headcount; self.headcountLocation = headcountLocation; self.aliases = aliases; self.grade = grade; self.code = code; self.place = place; self.hours = hours; self.documentCode = documentCode; self.version = version; self.effective = effective; self.approvedBy = approvedBy
    }

    public var id: String { header.id }
    public var title: String { header.title }
    public var isVacant: Bool { headcount == 0 }
    public var responsibilities: [Item] { header.document.items(.responsibilities) }
}

public struct Department: Hashable, Sendable {
    public let header: EntityHeader
    public let short: String?
    public let parent: Located<String>?
    public let head: Located<String>?
    public let positions: [(role: Located<String>, count: Int)]

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(header: EntityHeader, short: String? = nil, parent: Located<String>? = nil, head: Located<String>? = nil, positions: [(role: Located<String>, count: Int)]) {
        self.header = header; self.short = short; self.parent = parent; self.head = head; self.positions = positions
    }

    public var id: String { header.id }
    public var title: String { header.title }

    public static func == (a: Department, b: Department) -> Bool {
        a.header == b.header && a.short == b.short && a.parent == b.parent && a.head == b.head
            && a.positions.elementsEqual(b.positions) { $0.role == $1.role && $0.count == $1.count }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(header) }
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

public struct Procedure: Hashable, Sendable {
    public let header: EntityHeader
    public let owner: Located<String>?
    public let roles: [Located<String>]
    public let department: Located<String>?
    public let frequency: Frequency?
    public let version: String?
    public let effective: String?

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(header: EntityHeader, owner: Located<String>? = nil, roles: [Located<String>], department: Located<String>? = nil, frequency: Frequency? = nil, version: String? = nil, effective: String? = nil) {
        self.header = header; self.owner = owner; self.roles = roles; self.department = department; self.frequency = frequency; self.version = version; self.effective = effective
    }

    public var id: String { header.id }
    public var title: String { header.title }
    /// Every `##` section is a phase; a list before the first heading is an untitled first phase.
    public var phases: [Section] { header.document.sections.filter { $0.kind != .intro || !$0.items.isEmpty } }
    public var steps: [Item] { phases.flatMap(\.items).flatMap(\.flattened) }
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
