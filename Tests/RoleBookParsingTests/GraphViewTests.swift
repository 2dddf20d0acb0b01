import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Derived views over a resolved graph.
///
/// ```
/// ops (head ceo)                   store (parent ops, head store-lead)
///   ceo ─┬─ manager ─┬─ clerk        store-lead ── sales
///        │           └─ cashier (vacant)
///        └─ store-lead
/// ```
@Suite("Graph views")
struct GraphViewTests {
    static let tree = RuleFixtures.base.with(RuleFixtures.store).with([
        "roles/clerk.md": RuleFixtures.clerk,
        "roles/cashier.md": RuleFixtures.role("title: 收银员\ndepartment: ops\nreports_to: manager\nheadcount: 0"),
        "roles/sales.md": RuleFixtures.role("title: 导购\ndepartment: store\nreports_to: store-lead"),
    ])

    let g: RoleGraph

    init() throws {
        let result = try runCheck(Self.tree)
        #expect(result.diagnosticLines == [])
        g = result.graph
    }

    func r(_ id: String) throws -> Int { try g.indexOfRole(id) }
    func d(_ id: String) throws -> Int { try g.indexOfDepartment(id) }

    @Test("roles are indexed in path order")
    func order() {
        #expect(g.roles.map(\.id) == ["cashier", "ceo", "clerk", "manager", "sales", "store-lead"])
        #expect(g.departments.map(\.id) == ["ops", "store"])
    }

    @Test("chain of command runs from the top down to the direct superior")
    func chainOfCommand() throws {
        #expect(g.ids(g.chainOfCommand(try r("clerk"))) == ["ceo", "manager"])
        #expect(g.ids(g.chainOfCommand(try r("sales"))) == ["ceo", "store-lead"])
        #expect(g.ids(g.chainOfCommand(try r("manager"))) == ["ceo"])
        #expect(g.chainOfCommand(try r("ceo")) == [])
    }

    @Test("peers share the superior, the role itself excluded")
    func peers() throws {
        #expect(g.ids(g.peers(try r("clerk"))) == ["cashier"])
        #expect(g.ids(g.peers(try r("manager"))) == ["store-lead"])
        #expect(g.peers(try r("sales")) == [])
        #expect(g.peers(try r("ceo")) == [])
    }

    @Test("subordinates and span of control")
    func subordinates() throws {
        #expect(g.ids(g.subordinates[try r("manager")]) == ["cashier", "clerk"])
        #expect(g.ids(g.subordinates[try r("ceo")]) == ["manager", "store-lead"])
        #expect(g.spanOfControl(try r("manager")) == 2)
        #expect(g.spanOfControl(try r("clerk")) == 0)
    }

    @Test("depth counts levels below the top")
    func depths() {
        let depth = Dictionary(uniqueKeysWithValues: zip(g.roles.map(\.id), g.depths()))
        #expect(depth == ["ceo": 0, "manager": 1, "store-lead": 1, "clerk": 2, "cashier": 2, "sales": 2])
    }

    @Test("no reporting cycles in a tree")
    func noCycles() {
        #expect(g.reportingCycles() == [])
    }

    @Test("a department's top roles are those whose superior is outside it")
    func departmentTopRoles() throws {
        #expect(g.ids(g.departmentTopRoles(try d("ops"))) == ["ceo"])
        #expect(g.ids(g.departmentTopRoles(try d("store"))) == ["store-lead"])
    }

    @Test("vacancies are the roles with headcount 0")
    func vacancies() {
        #expect(g.ids(g.vacancies) == ["cashier"])
    }

    @Test("department tree: roots, paths, children, roles in a subtree, heads")
    func departmentTree() throws {
        let (ops, store) = (try d("ops"), try d("store"))
        #expect(g.rootDepartments == [ops])
        #expect(g.departmentPath(store) == [ops, store])
        #expect(g.departmentChildren[ops] == [store])
        #expect(g.ids(g.departmentRoles[ops]) == ["cashier", "ceo", "clerk", "manager"])
        #expect(g.ids(g.rolesInTree(ops)) == ["cashier", "ceo", "clerk", "manager", "sales", "store-lead"])
        #expect(g.ids(g.rolesInTree(store)) == ["sales", "store-lead"])
        #expect(g.ids(g.departmentHead) == ["ceo", "store-lead"])
    }
}

/// Views stay bounded when reporting lines loop.
@Suite("Graph views with cycles")
struct CycleViewTests {
    /// a → b → c → a with d under the loop; p → r → q → r (p is a tail into the loop q ↔ r).
    static let tree = RuleFixtures.base.with([
        "roles/a.md": RuleFixtures.role("title: 甲\ndepartment: ops\nreports_to: b"),
        "roles/b.md": RuleFixtures.role("title: 乙\ndepartment: ops\nreports_to: c"),
        "roles/c.md": RuleFixtures.role("title: 丙\ndepartment: ops\nreports_to: a"),
        "roles/d.md": RuleFixtures.role("title: 丁\ndepartment: ops\nreports_to: a"),
        "roles/p.md": RuleFixtures.role("title: 戊\ndepartment: ops\nreports_to: r"),
        "roles/q.md": RuleFixtures.role("title: 己\ndepartment: ops\nreports_to: r"),
        "roles/r.md": RuleFixtures.role("title: 庚\ndepartment: ops\nreports_to: q"),
    ])

    @Test("each cycle once, in reporting order from its smallest index; tails excluded")
    func cycles() throws {
        let g = try buildGraph(Self.tree)
        #expect(g.reportingCycles().map { g.ids($0) } == [["a", "b", "c"], ["q", "r"]])
    }

    @Test("roles on or under a cycle have no depth")
    func depths() throws {
        let g = try buildGraph(Self.tree)
        let depth = Dictionary(uniqueKeysWithValues: zip(g.roles.map(\.id), g.depths()))
        #expect(depth == ["a": nil, "b": nil, "c": nil, "ceo": 0, "d": nil, "manager": 1, "p": nil, "q": nil, "r": nil])
    }

    @Test("chain of command stops when it comes round")
    func chainStops() throws {
        let g = try buildGraph(Self.tree)
        #expect(g.ids(g.chainOfCommand(try g.indexOfRole("d"))) == ["c", "b", "a"])
        #expect(g.ids(g.chainOfCommand(try g.indexOfRole("a"))) == ["c", "b"])
    }

    @Test("a self-report is not a cycle and has no peers or chain")
    func selfReport() throws {
        let g = try buildGraph(RuleFixtures.selfReport)
        let clerk = try g.indexOfRole("clerk")
        #expect(g.reportingCycles() == [])
        #expect(g.chainOfCommand(clerk) == [])
        #expect(g.peers(clerk) == [])
        #expect(g.depths()[clerk] == nil)
    }

    @Test("department path is bounded by a parent cycle")
    func departmentPathInCycle() throws {
        let g = try buildGraph(RuleFixtures.departmentCycle)
        let (east, west) = (try g.indexOfDepartment("east"), try g.indexOfDepartment("west"))
        #expect(g.departmentPath(east) == [west, east])
        #expect(Set(g.rolesInTree(east)) == [try g.indexOfRole("west-lead")])
    }
}
