import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
import RoleBookTestSupport

/// The department page, the role page's layout and the A–Z page, as HR reads them (issue 18).
@Suite("Site pages", .offPool)
struct SitePagesTests {
    /// A department whose files sort differently from its tree: the head's file comes last.
    static var department: [String: String] {
        var files = RenderingTests.base
        files["departments/ops.md"] = """
            ---
            title: 运营部
            parent: hq
            head: z-manager
            ---
            运营部负责门店运营，见[现场巡查](../procedures/inspect.md)。
            """
        func role(_ id: String, _ title: String, _ extra: String) {
            files["roles/\(id).md"] = "---\ntitle: \(title)\ndepartment: ops\n\(extra)---\n## 岗位职责\n\n- 负责。\n"
        }
        role("a-cleaner", "清洁监管员", "reports_to: m-supervisor\ndotted_line_to: [z-manager]\n")
        role("b-greener", "绿化监管员", "reports_to: m-supervisor\ndotted_line_to: [z-manager]\n")
        role("c-clerk", "部门文员", "reports_to: z-manager\n")
        role("m-supervisor", "环境主管", "reports_to: y-deputy\ndotted_line_to: [c-clerk]\n")
        role("y-deputy", "副经理", "reports_to: z-manager\n")
        role("z-manager", "运营经理", "reports_to: ceo\n")
        files["procedures/inspect.md"] = "---\ntitle: 现场巡查\nowner: z-manager\nfrequency: daily\n---\n1. 巡查。\n"
        files["procedures/report.md"] = "---\ntitle: 月度报表\nowner: c-clerk\nfrequency: monthly\n---\n1. 填表。\n"
        return files
    }

    /// The text of the first `<table>` with `class`, row by row, cells joined by " | ".
    static func rows(ofTable cls: String, in page: String) throws -> [String] {
        let start = try #require(page.range(of: "<table class=\"\(cls)\""))
        let end = try #require(page[start.upperBound...].range(of: "</table>"))
        let table = String(page[start.lowerBound..<end.upperBound])
        return table.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<t").dropFirst().compactMap { cell -> String? in
                guard cell.hasPrefix("d") || cell.hasPrefix("h") else { return nil }
                return HTMLScan.decode("<t" + cell).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }.joined(separator: " | ")
        }
    }

    @Test("department roles table: reporting order from the head down, siblings by pinyin, not file order")
    func rolesInReportingOrder() throws {
        let page = try #require(try RenderingTests.site(Self.department)["departments/ops.html"])
        let names = try Self.rows(ofTable: "roles-table", in: page).dropFirst().map { $0.components(separatedBy: " | ")[0] }
        // 运营经理 heads; under it 部门文员 (bù) before 副经理 (fù); under 副经理 its 环境主管, then that one's two by pinyin.
        #expect(names == ["运营经理", "部门文员", "副经理", "环境主管", "绿化监管员", "清洁监管员"])
        #expect(page.contains("class=\"role-level-3\""), "the monitors sit three levels under the head")
    }

    @Test("department roles table: a column empty on every row is left out, and shown once one row has it")
    func emptyGradeColumnHidden() throws {
        var files = Self.department
        let without = try #require(try RenderingTests.site(files)["departments/ops.html"])
        #expect(try Self.rows(ofTable: "roles-table", in: without).first == "岗位 | 直接上级 | 编制")
        files["roles/y-deputy.md"] = "---\ntitle: 副经理\ndepartment: ops\nreports_to: z-manager\ngrade: M2\n---\n## 岗位职责\n\n- 负责。\n"
        let with = try #require(try RenderingTests.site(files)["departments/ops.html"])
        let rows = try Self.rows(ofTable: "roles-table", in: with)
        #expect(rows.first == "岗位 | 直接上级 | 编制 | 职级")
        #expect(rows.contains("副经理 | 运营经理 | 1 | M2"))
    }

    @Test("dotted lines: a table with one row per superior, not one run-on line")
    func dottedLineTable() throws {
        let page = try #require(try RenderingTests.site(Self.department)["departments/ops.html"])
        let rows = try Self.rows(ofTable: "oc-dotted-table", in: page)
        #expect(rows == ["虚线上级 | 虚线下级", "运营经理 | 绿化监管员、清洁监管员", "部门文员 | 环境主管"])
        #expect(!page.contains("oc-dotted-list"))
    }

    @Test("procedures the description links to are not listed again as cards; the others are")
    func proceduresOnce() throws {
        let page = try #require(try RenderingTests.site(Self.department)["departments/ops.html"])
        let cards = page.components(separatedBy: "<li class=\"card\">").dropFirst().map { HTMLScan.decode($0) }
        #expect(cards.contains { $0.hasPrefix("月度报表") })
        #expect(!cards.contains { $0.hasPrefix("现场巡查") })
        #expect(HTMLScan.hrefs(page).filter { $0.hasSuffix("procedures/inspect.html") }.count == 1, "linked once, from the description")

        // Every procedure linked from the description: no procedures block at all.
        var files = Self.department
        files["departments/ops.md"]! += "\n另见[月度报表](../procedures/report.md)。\n"
        let all = try #require(try RenderingTests.site(files)["departments/ops.html"])
        #expect(!all.contains("id=\"procedures\""))
    }

    @Test("a printed department page has a running header with its name and page numbers")
    func departmentPrintRule() throws {
        let page = try #require(try RenderingTests.site(Self.department)["departments/ops.html"])
        let style = try #require(HTMLScan.tags(page).tags.first { $0.name == "style" && $0.attribute("media") == "print" }?.rawText)
        #expect(style.contains("@top-left") && style.contains("测试集团") && style.contains("运营部"))
        #expect(style.contains("counter(page)") && style.contains("counter(pages)") && style.contains("第"))
        #expect(SiteStylesheet.css.contains(".page-department .orgchart { max-height: 80mm"))
    }

    @Test("role page: a table of contents only from four sections; on phones the chain of command before the duties")
    func rolePageLayout() throws {
        var files = RenderingTests.base
        let three = "## 岗位职责\n\n- 负责。\n\n## 任职要求\n\n- 大专。\n\n## 工作关系\n\n- 内部。\n"
        files["roles/clerk.md"] = "---\ntitle: 文员\ndepartment: hq\nreports_to: ceo\n---\n" + three
        files["roles/aide.md"] = "---\ntitle: 助理\ndepartment: hq\nreports_to: ceo\n---\n" + three + "\n## 工作环境\n\n- 办公室。\n"
        let site = try RenderingTests.site(files)
        let clerk = try #require(site["roles/clerk.html"]), aide = try #require(site["roles/aide.html"])
        #expect(!clerk.contains("class=\"toc\""))
        #expect(HTMLScan.texts(of: "nav", in: aide).contains { $0.contains("岗位职责") && $0.contains("工作环境") })
        // The phone copy of the chain sits in the article before the first section; the side panel keeps its own.
        let phone = try #require(aide.range(of: "chain-phone")), duties = try #require(aide.range(of: ">岗位职责<"))
        #expect(phone.lowerBound < duties.lowerBound)
        #expect(aide.contains("panel panel-chain chain-side"))
        #expect(SiteStylesheet.css.contains(".doc > .chain-phone { display: block;"))
    }

    @Test("A–Z: small letters are compact rows, the letter bar sticks, every entry carries its departments for the filter")
    func azPage() throws {
        let site = try RenderingTests.site(Self.department)
        let page = try #require(site["az.html"])
        let groups = HTMLScan.tags(page).tags.filter { $0.name == "section" && ($0.attribute("class") ?? "").hasPrefix("az-group") }
        // Seven roles, seven first letters: every group is a compact row.
        #expect(!groups.isEmpty && groups.allSatisfy { $0.attribute("class") == "az-group is-compact" })
        #expect(SiteStylesheet.css.contains(".az-bar { position: sticky;"))
        let g = try buildGraph(Self.department)
        let ops = try #require(g.departments.firstIndex { $0.id == "ops" }), hq = try #require(g.departments.firstIndex { $0.id == "hq" })
        let entries = HTMLScan.tags(page).tags.filter { $0.name == "li" }.compactMap { $0.attribute("data-dept") }
        #expect(entries.count == 7)
        #expect(entries.filter { $0 == "\(hq) \(ops)" }.count == 6, "a role of ops is also under hq, its parent")
        let options = HTMLScan.tags(page).tags.filter { $0.name == "option" }
        #expect(options.map { $0.attribute("data-id") ?? "" } == ["", "hq", "ops"])
        #expect(page.contains("src=\"assets/az.js\""))
        #expect(site["assets/az.js"] == PageScript.azScript)

        // A letter with three roles gets a heading and a full list.
        var files = Self.department
        for i in 1...3 { files["roles/w\(i).md"] = "---\ntitle: 文书\(i)\ndepartment: ops\nreports_to: z-manager\n---\n## 岗位职责\n\n- 负责。\n" }
        let more = try #require(try RenderingTests.site(files)["az.html"])
        #expect(more.contains("<section class=\"az-group\" id=\"letter-W\">"))
    }
}
