import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

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
}
