/// A node of the graph, by index into ``RoleGraph``'s arrays.
public enum NodeRef: Hashable, Sendable, Comparable {
    case department(Int), role(Int), procedure(Int)
}

/// A responsibility, duty or step that names a role by its title or an alias.
public struct Mention: Hashable, Sendable {
    public internal(set) var from: NodeRef
    public internal(set) var role: Int
    public internal(set) var text: String
    public internal(set) var location: SourceLocation
}

/// A Markdown link from one content file to another.
public struct LinkEdge: Hashable, Sendable {
    public internal(set) var from: NodeRef
    public internal(set) var to: NodeRef
    public internal(set) var location: SourceLocation
}

/// The resolved role/responsibility graph: entities plus edges by index.
///
/// Built once by ``GraphBuilder``; every renderer and rule reads it and none mutates it.
public struct RoleGraph: Sendable {
    public internal(set) var config: SiteConfig
    public internal(set) var roles: [Role] = []
    public internal(set) var departments: [Department] = []
    public internal(set) var procedures: [Procedure] = []
    public internal(set) var roleIndex: [String: Int] = [:]
    public internal(set) var departmentIndex: [String: Int] = [:]
    public internal(set) var procedureIndex: [String: Int] = [:]

    // Edges resolved from front matter (nil / empty where the reference did not resolve).
    public internal(set) var superior: [Int?] = []
    public internal(set) var dotted: [[Int]] = []
    public internal(set) var listedReports: [[Located<Int>]?] = []
    public internal(set) var roleDepartment: [Int?] = []
    public internal(set) var departmentParent: [Int?] = []
    public internal(set) var departmentHead: [Int?] = []
    public internal(set) var positions: [[(role: Int, count: Int, location: SourceLocation)]] = []
    public internal(set) var procedureOwner: [Int?] = []
    public internal(set) var procedurePerformers: [[Int]] = []
    public internal(set) var procedureDepartment: [Int?] = []
    public internal(set) var mentions: [Mention] = []
    public internal(set) var links: [LinkEdge] = []

    // Reverse edges, derived once by ``GraphBuilder/derive(_:)``.
    public internal(set) var subordinates: [[Int]] = []
    public internal(set) var dottedReports: [[Int]] = []
    public internal(set) var departmentChildren: [[Int]] = []
    public internal(set) var departmentRoles: [[Int]] = []
    public internal(set) var roleProcedures: [[Int]] = []
    public internal(set) var mentionedIn: [[Mention]] = []
    public internal(set) var linkedFrom: [NodeRef: [LinkEdge]] = [:]

    public init(config: SiteConfig) { self.config = config }

    public func header(_ node: NodeRef) -> EntityHeader {
        switch node {
        case .role(let i): roles[i].header
        case .department(let i): departments[i].header
        case .procedure(let i): procedures[i].header
        }
    }
}
