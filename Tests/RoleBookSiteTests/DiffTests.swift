import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
import RoleBookTestSupport

/// `rolebook diff`: every kind of change between ``DiffFixtures/base`` and ``DiffFixtures/head``,
/// the report formats as golden files, the command on folders and on git revisions.
@Suite("rolebook diff")
struct DiffTests {
    static func side(_ tree: ContentTree) throws -> DiffSide { DiffSide(try runCheck(tree), displayRoot: shownRoot) }

    static func fixtureDiff() throws -> (diff: GraphDiff, base: DiffSide, head: DiffSide) {
        let base = try side(DiffFixtures.base), head = try side(DiffFixtures.head)
        return (GraphDiff.compare(base: base, head: head), base, head)
    }

    typealias Ref = GraphDiff.Ref

    @Test("roles added, removed, renamed, retitled, moved, department changed")
    func roles() throws {
        let r = try Self.fixtureDiff().diff.roles
        #expect(r.added.map(\.id) == ["buyer"])
        #expect(r.added.first?.department == Ref(id: "online", title: "线上业务部"))
        #expect(r.added.first?.reportsTo == Ref(id: "ceo", title: "总经理"))
        #expect(r.removed.map(\.id) == ["analyst"])
        #expect(r.removed.first?.reportsTo == Ref(id: "manager", title: "运营经理"))
        #expect(r.renamed.map { [$0.from, $0.id] } == [["planner", "scheduler"]])
        #expect(r.renamed.first.map { $0.similarity >= GraphDiff.renameThreshold && $0.similarity < 1 } == true)
        #expect(r.retitled.map { [$0.id, $0.from, $0.to] } == [["manager", "运营经理", "运营总监"]])
        // In the order of the head's roles, by path.
        #expect(r.moved.map(\.id) == ["cashier", "clerk"])
        let cashier = try #require(r.moved.first { $0.id == "cashier" })
        #expect(cashier.from == Ref(id: "store-lead", title: "店长"))
        #expect(cashier.to == Ref(id: "manager", title: "运营总监"))
        #expect(r.department.map { [$0.id, $0.from?.id, $0.to?.id] } == [["clerk", "store", "logistics"]])
    }

    @Test("dotted lines, headcount, vacancies opened and closed")
    func figures() throws {
        let r = try Self.fixtureDiff().diff.roles
        #expect(r.dottedLines.map(\.id) == ["cashier"])
        #expect(r.dottedLines.first?.added == [Ref(id: "logi-lead", title: "物流主管")])
        #expect(r.dottedLines.first?.removed == [])
        #expect(r.headcount.map { "\($0.id) \($0.from)→\($0.to)" } == ["driver 4→6", "trainee 0→2"])
        #expect(r.vacancies.map { "\($0.id) \($0.change)" } == ["buyer opened", "trainee closed"])
    }

    @Test("responsibilities, requirements and KPIs: items added, removed and reworded")
    func items() throws {
        let r = try Self.fixtureDiff().diff.roles
        let manager = r.items.filter { $0.id == "manager" }
        #expect(manager.map(\.list) == ["responsibilities", "requirements", "kpis"])
        #expect(manager[0].changed == [.init(from: "审核门店报表", to: "审核各门店报表"), .init(from: "组织月度例会", to: "制定年度预算")])
        #expect(manager[0].added.isEmpty && manager[0].removed.isEmpty)
        #expect(manager[1].added == ["本科以上学历"])
        #expect(manager[2].changed == [.init(from: "营业额达成率", to: "营业额达成率不低于95%")])
        // The renamed role's edits are seen through the rename.
        #expect(r.items.filter { $0.id == "scheduler" }.map(\.added) == [["发布节假日排班"]])
    }

    @Test("renames: the same file under a new id is renamed however much changed; unlike files are added and removed")
    func renames() throws {
        let base = RuleFixtures.base.with(["roles/clerk.md": "---\nid: clerk-old\ntitle: 店员\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 收银结账\n",
                                           "roles/temp.md": RuleFixtures.clerk])
        let head = RuleFixtures.base.with(["roles/clerk.md": "---\nid: clerk-new\ntitle: 收银主管\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 管理收银台\n",
                                           "roles/driver.md": "---\ntitle: 司机\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 驾驶车辆\n"])
        let diff = GraphDiff.compare(base: try Self.side(base), head: try Self.side(head))
        #expect(diff.roles.renamed.map { [$0.from, $0.id] } == [["clerk-old", "clerk-new"]])
        #expect(diff.roles.renamed.first.map { $0.similarity < GraphDiff.renameThreshold } == true, "renamed by path, not by likeness")
        #expect(diff.roles.retitled.map(\.id) == ["clerk-new"])
        #expect(diff.roles.moved.map(\.id) == ["clerk-new"])
        #expect(diff.roles.added.map(\.id) == ["driver"])
        #expect(diff.roles.removed.map(\.id) == ["temp"])
    }

    @Test("item lists: a run of removals and additions pairs up as rewordings, the rest are added or removed")
    func itemChanges() {
        let c = GraphDiff.itemChanges(id: "x", title: "X", list: "steps", from: ["a", "b", "c", "d"], to: ["a", "B", "c", "e", "f"])
        #expect(c.changed == [.init(from: "b", to: "B"), .init(from: "d", to: "e")])
        #expect(c.added == ["f"])
        #expect(c.removed.isEmpty)
        let moved = GraphDiff.itemChanges(id: "x", title: "X", list: "steps", from: ["a", "b"], to: ["b"])
        #expect(moved.removed == ["a"] && moved.added.isEmpty && moved.changed.isEmpty)
        #expect(GraphDiff.itemChanges(id: "x", title: "X", list: "steps", from: ["a"], to: ["a"]).isEmpty)
    }

    @Test("procedures added, removed, steps changed; departments added, removed, re-parented; per-department figures")
    func proceduresAndDepartments() throws {
        let d = try Self.fixtureDiff().diff
        #expect(d.procedures.added.map(\.id) == ["count"])
        #expect(d.procedures.removed.map(\.id) == ["close"])
        #expect(d.procedures.steps.map(\.id) == ["open"])
        #expect(d.procedures.steps.first?.changed == [.init(from: "开灯", to: "打开照明")])
        #expect(d.procedures.steps.first?.added == ["播放欢迎广播"])
        #expect(d.departments.added.map(\.id) == ["online"])
        #expect(d.departments.removed.map(\.id) == ["archive"])
        #expect(d.departments.reparented.map { [$0.id, $0.from?.id, $0.to?.id] } == [["logistics", "ops", "store"]])
        let stats = Dictionary(uniqueKeysWithValues: d.departments.stats.map { ($0.id, $0) })
        #expect(stats.keys.sorted() == ["archive", "logistics", "online", "ops", "store"])
        #expect(stats["store"]?.from?.headcount == 1 + 3 + 2 + 0 && stats["store"]?.to?.headcount == 1 + 2 + 2)
        #expect(stats["store"]?.from?.span == 3 && stats["store"]?.to?.span == 1)
        #expect(stats["logistics"]?.from?.roles == 2 && stats["logistics"]?.to?.roles == 3)
        #expect(stats["archive"]?.to == nil && stats["online"]?.from == nil)
    }

    @Test("diagnostics introduced and fixed, matched without line numbers")
    func diagnostics() throws {
        let d = try Self.fixtureDiff().diff.diagnostics
        #expect(d.introduced.map { "\($0.code) \($0.file)" } == ["RB203 roles/cashier.md"])
        #expect(d.fixed.map { "\($0.code) \($0.file)" } == ["RB213 departments/archive.md"])
    }

    @Test("the same content twice: no changes")
    func unchanged() throws {
        let side = try Self.side(DiffFixtures.base)
        let diff = GraphDiff.compare(base: side, head: side)
        #expect(diff.isEmpty)
        #expect(DiffReport(diff).text == "no changes\n")
    }

    @Test("summary line, plan style")
    func summary() throws {
        #expect(DiffReport(try Self.fixtureDiff().diff).summaryLine
                == "1 role added, 2 moved, 1 removed, 4 changed; 1 procedure added, 1 removed, 1 changed; 1 department added, 1 moved, 1 removed; 1 warning introduced, 1 fixed")
    }

    @Test("golden: text")
    func goldenText() throws {
        try GoldenFile.expect(DiffReport(try Self.fixtureDiff().diff).text, matches: "diff", "txt", in: .module)
    }

    @Test("golden: markdown")
    func goldenMarkdown() throws {
        try GoldenFile.expect(DiffReport(try Self.fixtureDiff().diff).markdown(title: "rolebook diff main…HEAD"), matches: "diff", "md", in: .module)
    }

    @Test("golden: text and markdown in Chinese, simplified and traditional", arguments: [DiagnosticLanguage.zhCN, .zhTW])
    func goldenChinese(_ language: DiagnosticLanguage) throws {
        let (_, base, head) = try Self.fixtureDiff()
        let report = DiffReport(GraphDiff.compare(base: base, head: head, language: language), language: language)
        try GoldenFile.expect(report.text, matches: "diff.\(language.rawValue)", "txt", in: .module)
        try GoldenFile.expect(report.markdown(title: "rolebook diff main…HEAD"), matches: "diff.\(language.rawValue)", "md", in: .module)
        // Nothing of the English wording is left but ids, codes and the problems' own text.
        for english in ["Roles", "reports to", "headcount", "added", "removed", "changed", "span", "none", "nobody"] {
            #expect(!report.text.replacingOccurrences(of: "warning[", with: "").contains(english), "\(language) \(english)")
        }
    }

    @Test("the HTML report's headings follow the language")
    func htmlInChinese() throws {
        let (diff, base, head) = try Self.fixtureDiff()
        let page = DiffHTMLReport(diff: diff, base: base.graph, head: head.graph, title: "main → HEAD", language: .zhCN).render()
        #expect(page.contains("<h1>组织架构调整：main → HEAD</h1>"))
        #expect(page.contains("<h3>调整前</h3>") && page.contains("<h3>调整后</h3>"))
        #expect(page.contains("<h2>新增岗位</h2>"))
        #expect(!page.contains(">Before<"))
    }

    @Test("golden: json, with the fields docs/diff.md promises")
    func goldenJSON() throws {
        let json = DiffReport(try Self.fixtureDiff().diff).json
        try GoldenFile.expect(json, matches: "diff", "json", in: .module)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let roles = try #require(object["roles"] as? [String: Any])
        for key in ["added", "removed", "moved", "retitled", "headcount"] {
            let entries = try #require(roles[key] as? [[String: Any]], "roles.\(key)")
            #expect(!entries.isEmpty && entries.allSatisfy { $0["id"] is String }, "roles.\(key)")
        }
        let moved = try #require((roles["moved"] as? [[String: Any]])?.first { $0["id"] as? String == "cashier" })
        #expect((moved["from"] as? [String: Any])?["id"] as? String == "store-lead")
        #expect((moved["to"] as? [String: Any])?["title"] as? String == "运营总监")
        let headcount = try #require((roles["headcount"] as? [[String: Any]])?.first { $0["id"] as? String == "driver" })
        #expect(headcount["from"] as? Int == 4 && headcount["to"] as? Int == 6)
        #expect(object["changed"] as? Bool == true)
    }

    @Test("markdown stays under GitHub's comment limit")
    func markdownLimit() throws {
        var diff = GraphDiff()
        diff.roles.added = (0..<3_000).map { .init(id: "role-\($0)", title: "岗位 \($0)", department: nil, reportsTo: nil, headcount: 1, path: "roles/role-\($0).md") }
        let text = DiffReport(diff).markdown()
        #expect(text.count <= DiffReport.markdownLimit)
        #expect(text.contains("Report cut to stay under GitHub's comment limit"))
    }

    @Test("markdown escapes titles")
    func markdownEscapes() {
        var diff = GraphDiff()
        diff.roles.moved = [.init(id: "x", title: "a|b <script>", from: nil, to: nil)]
        let text = DiffReport(diff).markdown()
        #expect(text.contains("a\\|b &lt;script&gt;"))
        #expect(!text.contains("<script>"))
    }

}

/// `rolebook diff --format html`: a self-contained page with the affected departments' charts
/// before and after, changed boxes highlighted; opened in headless Chromium.
@Suite("rolebook diff HTML report")
struct DiffHTMLTests {
    static func page() throws -> String {
        let (diff, base, head) = try DiffTests.fixtureDiff()
        return DiffHTMLReport(diff: diff, base: base.graph, head: head.graph, title: "main → HEAD").render()
    }

    @Test("before and after charts of every affected department, boxes highlighted, no script, styles inline")
    func structure() throws {
        let html = try Self.page()
        let (tags, problems) = HTMLScan.tags(html)
        #expect(problems.isEmpty, "\(problems)")
        #expect(!tags.contains { $0.name == "script" || $0.name == "link" }, "self-contained: no script, no external stylesheet")
        let sections = tags.filter { $0.name == "section" && ($0.attribute("class") ?? "") == "diff-department" }.compactMap { $0.attribute("id") }
        #expect(sections == ["d-archive", "d-logistics", "d-online", "d-ops", "d-store"])
        let boxes = tags.filter { $0.name == "a" && ($0.attribute("class") ?? "").hasPrefix("oc-box") }.compactMap { $0.attribute("class") }
        #expect(boxes.contains("oc-box is-added") || boxes.contains("oc-box is-vacant is-added"), "buyer (vacant) is added: \(boxes)")
        #expect(boxes.contains("oc-box is-removed"), "analyst on the before side")
        #expect(boxes.filter { $0.hasSuffix("is-moved") }.count >= 4, "cashier and clerk, before and after")
        #expect(boxes.contains("oc-box is-changed"))
        #expect(HTMLScan.decode(html).contains("1 role added, 2 moved, 1 removed, 4 changed"))
        #expect(html.contains("(no such department)"), "archive after, online before")
    }
}
