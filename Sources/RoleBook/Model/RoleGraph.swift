/// A node of the graph, by index into ``RoleGraph``'s arrays.
public enum NodeRef: Hashable, Sendable, Comparable {
    case department(Int), role(Int), procedure(Int)
}

/// A responsibility, duty or step that names a role by its title or an alias.
public struct Mention: Hashable, Sendable {
    public var from: NodeRef
    public var role: Int
    public var text: String
    public var location: SourceLocation
}

/// A Markdown link from one content file to another.
public struct LinkEdge: Hashable, Sendable {
    public var from: NodeRef
    public var to: NodeRef
    public var location: SourceLocation
}

/// The resolved role/responsibility graph: entities plus edges by index.
///
/// Built once by ``GraphBuilder``; every renderer and rule reads it and none mutates it.
public struct RoleGraph: Sendable {
    public var config: SiteConfig
    public var roles: [Role] = []
    public var departments: [Department] = []
    public var procedures: [Procedure] = []
    public var roleIndex: [String: Int] = [:]
    public var departmentIndex: [String: Int] = [:]
    public var procedureIndex: [String: Int] = [:]

    // Edges resolved from front matter (nil / empty where the reference did not resolve).
    public var superior: [Int?] = []
    public var dotted: [[Int]] = []
    public var listedReports: [[Located<Int>]?] = []
    public var roleDepartment: [Int?] = []
    public var departmentParent: [Int?] = []
    public var departmentHead: [Int?] = []
    public var positions: [[(role: Int, count: Int, location: SourceLocation)]] = []
    public var procedureOwner: [Int?] = []
    public var procedurePerformers: [[Int]] = []
    public var procedureDepartment: [Int?] = []
    public var mentions: [Mention] = []
    public var links: [LinkEdge] = []

    // Reverse edges, derived once by ``GraphBuilder/derive(_:)``.
    public var subordinates: [[Int]] = []
    public var dottedReports: [[Int]] = []
    public var departmentChildren: [[Int]] = []
    public var departmentRoles: [[Int]] = []
    public var roleProcedures: [[Int]] = []
    public var mentionedIn: [[Mention]] = []
    public var linkedFrom: [NodeRef: [LinkEdge]] = [:]

    public init(config: SiteConfig) { self.config = config }

    public func header(_ node: NodeRef) -> EntityHeader {
        switch node {
        case .role(let i): roles[i].header
        case .department(let i): departments[i].header
        case .procedure(let i): procedures[i].header
        }
    }
}
