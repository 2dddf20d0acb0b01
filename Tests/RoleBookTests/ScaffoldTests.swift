import ArgumentParser
import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookCLI

/// `rolebook new`: the templates, ids from pinyin, the `direct_reports` edit and the command.
@Suite("rolebook new")
struct ScaffoldTests {
    @Test("ids from titles: pinyin syllables and kept letters, joined by '-'")
    func idsFromTitles() {
        #expect(Scaffold.id(fromTitle: "VIP客户经理") == "vip-ke-hu-jing-li")
        #expect(Scaffold.id(fromTitle: "客服經理") == "ke-fu-jing-li")
        #expect(Scaffold.id(fromTitle: "Front Desk 2") == "front-desk-2")
        #expect(Scaffold.id(fromTitle: "（）——") == nil)
        let long = Scaffold.id(fromTitle: String(repeating: "长", count: 60))!
        #expect(long.utf8.count <= 100 && !long.hasSuffix("-") && Scaffold.problem(withID: long) == nil)
    }

    @Test("the new file goes into the kind's folder of the anchor's organisation")
    func paths() {
        #expect(Scaffold.path(for: .role, id: "x", besides: "hotel/departments/hotel-marketing.md") == "hotel/roles/x.md")
        #expect(Scaffold.path(for: .procedure, id: "x", besides: "hotel/roles/boss.md") == "hotel/procedures/x.md")
        #expect(Scaffold.path(for: .department, id: "x", besides: "departments/ops.md") == "departments/x.md")
        #expect(Scaffold.path(for: .role, id: "x", besides: "misc/ops.md") == "misc/roles/x.md")
    }

    @Test("YAML values that plain style would misread are quoted")
    func quoting() {
        #expect(Scaffold.yamlScalar("客服经理") == "客服经理")
        #expect(Scaffold.yamlScalar("注意: 这里") == "\"注意: 这里\"")
        #expect(Scaffold.yamlScalar("[草稿]") == "\"[草稿]\"")
        #expect(Scaffold.yamlScalar("yes") == "\"yes\"")
        #expect(Scaffold.yamlScalar("1.0") == "\"1.0\"")
        #expect(Scaffold.yamlScalar("a \"b\"") == "a \"b\"")
        #expect(Scaffold.yamlScalar("- x \"y\"") == "\"- x \\\"y\\\"\"")
    }

    @Test("every template checks clean in a tree with its references")
    func templatesCheckClean() throws {
        let tree = RuleFixtures.base.with([
            "roles/clerk.md": Scaffold.text(.init(kind: .role, id: "clerk", title: "店员: 前台", department: "ops", superior: "manager")),
            "departments/shop.md": Scaffold.text(.init(kind: .department, id: "shop", title: "门店", department: "ops")),
            "roles/shop-lead.md": Scaffold.text(.init(kind: .role, id: "shop-lead", title: "店长", department: "shop", superior: "manager")),
            "procedures/open.md": Scaffold.text(.init(kind: .procedure, id: "open", title: "开店流程", superior: "clerk")),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnostics.filter { $0.severity == .error } == [], "\(result.rendered)")
        #expect(result.graph.roles[try result.graph.indexOfRole("clerk")].title == "店员: 前台")
    }

    @Test("direct_reports: a flow list gets the id before its bracket, nothing else changes")
    func flowList() {
        let text = "---\r\ntitle: 经理\r\ndirect_reports: [a, b]  # keep\r\nheadcount: 1\r\n---\r\nbody\r\n"
        #expect(Scaffold.addingDirectReport("c", to: text)
            == .edited("---\r\ntitle: 经理\r\ndirect_reports: [a, b, c]  # keep\r\nheadcount: 1\r\n---\r\nbody\r\n"))
        #expect(Scaffold.addingDirectReport("c", to: "---\ndirect_reports: []\n---\n") == .edited("---\ndirect_reports: [c]\n---\n"))
        #expect(Scaffold.addingDirectReport("c", to: "---\ndirect_reports: [ a ]\n---\n") == .edited("---\ndirect_reports: [ a, c ]\n---\n"))
    }

    @Test("direct_reports: a block list gets one line after its last item, in its indentation")
    func blockList() {
        let text = "---\ntitle: 经理\ndirect_reports:\n    - a\n    - b\ntop: true\n---\n## 岗位职责\n\n- x\n"
        #expect(Scaffold.addingDirectReport("c", to: text)
            == .edited("---\ntitle: 经理\ndirect_reports:\n    - a\n    - b\n    - c\ntop: true\n---\n## 岗位职责\n\n- x\n"))
    }

    @Test("direct_reports: no list, or one this edit does not understand")
    func noList() {
        #expect(Scaffold.addingDirectReport("c", to: "---\ntitle: 经理\n---\ndirect_reports: [a]\n") == .noList)
        #expect(Scaffold.addingDirectReport("c", to: "no front matter\n") == .noList)
        #expect(Scaffold.addingDirectReport("c", to: "---\ntitle: x\ndirect_reports: a\n---\n") == .unrecognised(line: 3))
        #expect(Scaffold.addingDirectReport("c", to: "---\ndirect_reports: [a,\n  b]\n---\n") == .unrecognised(line: 2))
    }

    // MARK: - The command

    static let tree = RuleFixtures.base.with([
        "roles/manager.md": """
        ---
        title: 运营经理
        department: ops
        reports_to: ceo
        direct_reports: [] # listed by hand
        ---
        ## 岗位职责

        - 管理日常运营
        """,
    ])

    func run(_ arguments: [String]) throws {
        var command = try RoleBookCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test("new role: writes the template, adds the id to the superior's list, checks clean")
    func newRole() throws {
        try withContent(Self.tree) { root in
            let before = try String(contentsOf: root.appendingPathComponent("roles/manager.md"), encoding: .utf8)
            try run(["new", "role", "--title", "收银员", "--department", "运营部", "--reports-to", "运营经理", "--content", root.path])
            let created = try String(contentsOf: root.appendingPathComponent("roles/shou-yin-yuan.md"), encoding: .utf8)
            #expect(created.hasPrefix("---\ntitle: 收银员\ndepartment: ops\nreports_to: manager\n"))
            let after = try String(contentsOf: root.appendingPathComponent("roles/manager.md"), encoding: .utf8)
            #expect(after == before.replacingOccurrences(of: "direct_reports: []", with: "direct_reports: [shou-yin-yuan]"))
            let check = try Checker(loader: testLoader(root)).run()
            #expect(!check.diagnostics.containsErrors, "\(check.rendered)")
            #expect(check.graph.subordinates[try check.graph.indexOfRole("manager")].map { check.graph.roles[$0].id } == ["shou-yin-yuan"])
        }
    }

    @Test("an unknown reference: exit 1, nothing written, nothing edited")
    func unknownReference() throws {
        try withContent(Self.tree) { root in
            let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
            let manager = try Data(contentsOf: root.appendingPathComponent("roles/manager.md"))
            #expect(throws: ExitCode.failure) {
                try run(["new", "role", "clerk", "--title", "店员", "--department", "ops", "--reports-to", "manger", "--content", root.path])
            }
            #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before)
            #expect(try Data(contentsOf: root.appendingPathComponent("roles/manager.md")) == manager)
        }
    }

    @Test("an existing id or file is never overwritten")
    func neverOverwrites() throws {
        try withContent(Self.tree.with(["roles/_draft.md": "draft"])) { root in
            #expect(throws: ExitCode.failure) {
                try run(["new", "role", "manager", "--title", "X", "--department", "ops", "--reports-to", "ceo", "--content", root.path])
            }
            // `_draft.md` is skipped by the loader, so only the file system knows it is there.
            #expect(throws: ExitCode.failure) {
                try run(["new", "role", "_draft", "--title", "X", "--department", "ops", "--reports-to", "ceo", "--content", root.path])
            }
            let draft = try String(contentsOf: root.appendingPathComponent("roles/_draft.md"), encoding: .utf8)
            #expect(draft == "draft")
        }
    }

    @Test("new department and procedure; usage errors for missing or misplaced options")
    func otherKinds() throws {
        try withContent(Self.tree) { root in
            try run(["new", "department", "shop", "--title", "门店", "--department", "ops", "--content", root.path])
            try run(["new", "procedure", "--title", "开店流程", "--reports-to", "manager", "--content", root.path])
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("departments/shop.md").path))
            let procedure = try String(contentsOf: root.appendingPathComponent("procedures/kai-dian-liu-cheng.md"), encoding: .utf8)
            #expect(procedure.contains("owner: manager\nroles: [manager]\n"))
        }
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["new", "role", "--title", "X", "--department", "ops"]) }
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["new", "department", "--title", "X", "--department", "ops", "--reports-to", "ceo"]) }
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["new", "role", "a b", "--title", "X", "--department", "ops", "--reports-to", "ceo"]) }
    }
}
