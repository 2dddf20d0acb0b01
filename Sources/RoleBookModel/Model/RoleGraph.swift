/// A node of the graph, by index into ``RoleGraph``'s arrays.
public enum NodeRef: Hashable, Sendable, Comparable {
    case department(Int), role(Int), procedure(Int)
}

/// A responsibility, duty or step that names a role by its title or an alias.
public struct Mention: Hashable, Sendable {
    public let from: NodeRef
    public let role: Int
    public let text: String
    public let location: SourceLocation

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(from: NodeRef, role: Int, text: String, location: SourceLocation) {
        self.from = from; self.role = role; self.text = text; self.location = location
    }
}

/// A Markdown link from one content file to another.
public struct LinkEdge: Hashable, Sendable {
    public let from: NodeRef
    public let to: NodeRef
    public let location: SourceLocation

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(from: NodeRef, to: NodeRef, location: SourceLocation) {
        self.from = from; self.to = to; self.location = location
    }
}

/// The resolved role/responsibility graph: entities plus edges by index.
///
/// Built once by ``GraphBuilder``; every renderer and rule reads it and none mutates it. Outside
/// the package it is read-only: its setters are `package` (the builder and its patch fill it in).
public struct RoleGraph: Sendable {
    public package(set) var config: SiteConfig
    public package(set) var roles: [Role] = []
    public package(set) var departments: [Department] = []
    public package(set) var procedures: [Procedure] = []
    public package(set) var roleIndex: [String: Int] = [:]
    public package(set) var departmentIndex: [String: Int] = [:]
    public package(set) var procedureIndex: [String: Int] = [:]

    // Edges resolved from front matter (nil / empty where the reference did not resolve).
    public package(set) var superior: [Int?] = []
    public package(set) var dotted: [[Int]] = []
    public package(set) var listedReports: [[Located<Int>]?] = []
    public package(set) var roleDepartment: [Int?] = []
    public package(set) var departmentParent: [Int?] = []
    public package(set) var departmentHead: [Int?] = []
    public package(set) var positions: [[(role: Int, count: Int, location: SourceLocation)]] = []
    public package(set) var procedureOwner: [Int?] = []
    public package(set) var procedurePerformers: [[Int]] = []
    public package(set) var procedureDepartment: [Int?] = []
    public package(set) var mentions: [Mention] = []
    public package(set) var links: [LinkEdge] = []

    // Reverse edges, derived once by ``GraphBuilder/derive(_:)``.
    public package(set) var subordinates: [[Int]] = []
    public package(set) var dottedReports: [[Int]] = []
    public package(set) var departmentChildren: [[Int]] = []
    public package(set) var departmentRoles: [[Int]] = []
    public package(set) var roleProcedures: [[Int]] = []
    /// Per role, the indexes in ``mentions`` of the mentions naming it (indexes, not copies:
    /// copying every mention into a second table was a seventh of the graph phase).
    public package(set) var mentionedIn: [[Int]] = []
    public package(set) var linkedFrom: [NodeRef: [LinkEdge]] = [:]

    /// Stands for the entities' ids, files and order: ``GraphBuilder``'s patch after an edit keeps
    /// it (a patch changes none of them), every build makes a new one. So tables of paths and URLs
    /// made for one graph (``SiteMap``'s) serve every graph with the same layout.
    package var layout = Layout()

    /// An identity only (compared with `===`).
    package final class Layout: Sendable {
        package init() {}
    }

    package init(config: SiteConfig) { self.config = config }

    public func header(_ node: NodeRef) -> EntityHeader {
        switch node {
        case .role(let i): roles[i].header
        case .department(let i): departments[i].header
        case .procedure(let i): procedures[i].header
        }
    }
}
