import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild
import RoleBookTestSupport

/// Issue 18 "Pages": checklists and the printed 岗位说明书 read as an HR team would write them.
@Suite("Pages that read right", .offPool)
struct PageReadingTests {
    typealias F = ChecklistFixtures

    static let nested = """
        ## 到岗

        1. 18:00 到岗签到
        2. 18:00-19:30 参加沟通会：
           1. 领取回访任务
           2. 上交客户信息
        3. 19:40 参加班前会

        """

    /// The `<tr>` elements of a page's checklist tables, each as its raw HTML.
    static func rows(_ page: String, class name: String) -> [String] {
        page.components(separatedBy: "<tr").dropFirst().map { "<tr" + ($0.components(separatedBy: "</tr>").first ?? "") }
            .filter { $0.hasPrefix("<tr class=\"\(name)") }
    }

    // MARK: Checklists

    @Test("a step with sub-steps has no box of its own on the sheet and the weekly grid; its sub-steps do")
    func parentStepHasNoBox() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: Self.nested)))
        let checklist = try g.checklist("open")
        #expect(checklist.steps.map(\.isTickable) == [true, false, true, true, true])
        #expect(checklist.tickableCount == 4)
        let site = F.site(g)
        let sheet = try #require(site["checklists/open.html"])
        let sheetRows = Self.rows(sheet, class: "row-step")
        #expect(sheetRows.count == 5)
        #expect(sheetRows.map { $0.contains("class=\"box\"") } == [true, false, true, true, true])
        #expect(sheetRows[1].contains("参加沟通会"))
        let week = try #require(site["checklists/week/open.html"])
        let weekRows = Self.rows(week, class: "row-step")
        #expect(weekRows.map { F.count("class=\"box\"", in: $0) } == [7, 0, 7, 7, 7])
    }

    @Test("the weekly grid ends with one initials cell per day")
    func weeklyInitialsRow() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: Self.nested)))
        let week = try #require(F.site(g)["checklists/week/open.html"])
        let initials = try #require(Self.rows(week, class: "row-initials").first)
        #expect(initials.contains(">当日签字<"))
        #expect(F.count("<td class=\"col-day\"></td>", in: initials) == 7)
        #expect(week.contains("<tfoot>"))
        // The single-day sheet has its own sign-off and no initials row.
        #expect(try #require(F.site(g)["checklists/open.html"]).contains("row-initials") == false)
    }

    @Test("a shift that runs past midnight asks for the date it starts and the date it ends", arguments: [
        ("1. 18:00 到岗\n2. 23:00-01:00 午夜场\n", true),
        ("1. 22:00 巡场\n2. 01:00-02:00 总结\n", true),
        ("1. 08:00 到岗\n2. 17:00-18:00 交班\n", false),
        ("1. 到岗\n2. 交班\n", false),
    ])
    func midnightShiftHasTwoDates(body: String, crosses: Bool) throws {
        let g = try buildGraph(F.tree(F.procedure("night", body: body)))
        #expect(try g.checklist("night").crossesMidnight == crosses)
        let sheet = try #require(F.site(g)["checklists/night.html"])
        func blank(_ label: String) -> Bool { sheet.contains("<span class=\"blank\"><span>\(label)：</span>") }
        #expect(blank("上班日期") == crosses)
        #expect(blank("下班日期") == crosses)
        #expect(blank("日期") == !crosses)
        #expect(blank("班次") && blank("姓名"))
    }

    @Test("on phones a time range keeps to one line (no wrapping rule for the time column)")
    func phoneTimeOnOneLine() {
        let css = ChecklistStylesheet.css
        let phone = css.components(separatedBy: "@media (max-width: 600px)").dropFirst().first?.components(separatedBy: "@media print").first ?? ""
        #expect(!phone.isEmpty)
        #expect(!phone.contains("white-space: normal"))
        #expect(css.contains(".col-time { width: 124px; white-space: nowrap;"))
    }

    // MARK: 岗位说明书

    static let formalRole = "---\ntitle: 店长\ndepartment: hq\ntop: true\ndoc_no: HR-JD-017\nversion: \"2.0\"\neffective: 2026-03-01\napproved_by: 人力资源总监\n---\n## 岗位职责\n\n1. 管理门店。\n"

    @Test("doc_no, version, effective and approved_by are read into the role and graph.json")
    func documentControlFields() throws {
        let result = try runCheck(RenderingTests.base.merging(["roles/ceo.md": Self.formalRole]) { $1 })
        #expect(result.diagnosticLines == [])
        let role = try #require(result.graph.roles.first { $0.id == "ceo" })
        #expect(role.documentCode == "HR-JD-017")
        #expect(role.version == "2.0")
        #expect(role.effective == "2026-03-01")
        #expect(role.approvedBy == "人力资源总监")
        let json = try #require(F.site(result.graph)["graph.json"])
        #expect(json.contains("\"approvedBy\":\"人力资源总监\""))
        #expect(json.contains("\"document\":\"HR-JD-017\""))
    }

    @Test("'effective' on a role must be a real date written YYYY-MM-DD", arguments: [
        ("2026-03-01", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
        ("2026.3.1", false), ("2026年3月1日", false), ("2026-3-1", false), ("下月起", false),
    ])
    func effectiveIsADate(value: String, valid: Bool) throws {
        let role = "---\ntitle: 总经理\ndepartment: hq\ntop: true\neffective: \"\(value)\"\n---\n## 岗位职责\n\n- 全面负责。\n"
        let result = try runCheck(RenderingTests.base.merging(["roles/ceo.md": role]) { $1 })
        let errors = result.diagnostics.filter { $0.code == .invalidValue }
        #expect(errors.isEmpty == valid, "\(result.diagnosticLines)")
        if !valid {
            #expect(errors.first?.message == "'effective' must be a date written YYYY-MM-DD, e.g. 2026-01-01")
            #expect(errors.first?.location.line == 5)
        }
        #expect(result.graph.roles.first { $0.id == "ceo" }?.effective == (valid ? value : nil))
    }

    @Test("the printed role page opens with 岗位说明书 and its document control, and ends with three dated sign-off lines")
    func printedJobDescription() throws {
        let page = try #require(try RenderingTests.site(RenderingTests.base.merging(["roles/ceo.md": Self.formalRole]) { $1 })["roles/ceo.html"])
        let control = try #require(page.components(separatedBy: "<div class=\"jd-control print-only\">").dropFirst().first?.components(separatedBy: "</div>").first)
        #expect(control.contains("测试集团 · 岗位说明书"))
        for text in ["文件编号", "HR-JD-017", "版本", "2.0", "生效日期", "2026-03-01", "批准人", "人力资源总监"] {
            #expect(control.contains(">\(text)<"), "\(text)")
        }
        // The block comes before the page's title, the sign-off after the last section.
        let h1 = try #require(page.range(of: "<h1"))
        #expect(try #require(page.range(of: "jd-control")).lowerBound < h1.lowerBound)
        let signOff = try #require(page.components(separatedBy: "<section class=\"jd-sign-off print-only\">").dropFirst().first?.components(separatedBy: "</section>").first)
        for party in ["任职者", "直接上级", "人力资源部"] {
            #expect(signOff.contains("<th scope=\"row\">\(party)</th>"), "\(party)")
        }
        #expect(F.count(">签字<", in: signOff) == 3)
        #expect(F.count(">日期<", in: signOff) == 3)
        #expect(try #require(page.range(of: "jd-sign-off")).lowerBound > (try #require(page.range(of: "管理门店。"))).lowerBound)
    }

    @Test("a role without document control still prints as a 岗位说明书, without an empty table", arguments: ["en", "zh-TW"])
    func jobDescriptionWithoutFields(language: String) throws {
        var files = RenderingTests.base
        files["rolebook.yml"] = "title: 测试集团\nlanguage: \(language)\n"
        let page = try #require(try RenderingTests.site(files)["roles/ceo.html"])
        #expect(!page.contains("jd-control-table"))
        let expected = language == "en" ? ["Job description", "Job holder", "Reports to", "Human Resources"] : ["崗位說明書", "任職者", "直接上級", "人力資源部"]
        for text in expected { #expect(page.contains(text), "\(text)") }
        if language == "en" { #expect(!page.contains("：") && !page.contains("、")) }
    }

    // MARK: Role page

    @Test("nested numbered duties are plain lists inside plain lists, and the stylesheet numbers them 1.1, 1.2")
    func nestedDutiesNumbered() throws {
        var files = RenderingTests.base
        files["roles/ceo.md"] = "---\ntitle: 总经理\ndepartment: hq\ntop: true\n---\n## 岗位职责\n\n1. 日常工作：\n   1. 巡视\n   2. 汇报\n2. 其他\n\n## 工作内容\n\n一、管理\n\n   1、计划\n"
        let page = try #require(try RenderingTests.site(files)["roles/ceo.html"])
        #expect(page.contains("<li><p>日常工作：</p><ol><li>巡视</li>") || page.contains("<li>日常工作：<ol><li>巡视</li>"), "\(page)")
        let css = RoleBookSite.EmbeddedAssets.siteCSS
        #expect(css.contains(".doc ol:not(.enum):not(.steps) > li > ol:not(.enum) > li::marker { content: counters(list-item, \".\") \" \"; }"))
        // Lists written with their own markers (一、 1、) keep them: the rule skips `.enum` lists.
        #expect(page.contains("<ol class=\"enum"))
    }

    @Test("the side panels say in plain words what points at the role", arguments: ["zh-CN", "zh-TW", "en"])
    func plainBacklinkWords(language: String) throws {
        let s = UIStrings(language: language)
        let expected: [String: (String, String)] = [
            "zh-CN": ("提到本岗位的职责", "链接到本岗位的页面"), "zh-TW": ("提到本崗位的職責", "連結到本崗位的頁面"),
            "en": ("Duties that mention this role", "Pages that link here"),
        ]
        #expect(s[.mentionedIn] == expected[language]?.0)
        #expect(s[.linkedFrom] == expected[language]?.1)
        var files = RenderingTests.base
        files["rolebook.yml"] = "title: 测试集团\nlanguage: \(language)\n"
        files["roles/clerk.md"] = "---\ntitle: 文员\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n- 协助[总经理](ceo.md)处理文件。\n"
        let page = try #require(try RenderingTests.site(files)["roles/ceo.html"])
        #expect(page.contains(">\(s[.linkedFrom])<"))
    }

    @Test("the header search is wide enough for its whole placeholder")
    func headerPlaceholderFits() throws {
        let css = RoleBookSite.EmbeddedAssets.siteCSS
        let rule = try #require(css.components(separatedBy: "\n").first { $0.hasPrefix(".header-search input {") })
        let width = try #require(rule.components(separatedBy: "width: ").dropFirst().first?.components(separatedBy: "em;").first.flatMap { Double($0) })
        // The placeholder in characters at the input's own font size, plus the 14px padding each side (2em).
        let placeholder = UIStrings(language: "zh-CN")[.searchPlaceholder].count
        #expect(width >= Double(placeholder) + 2, "\(rule)")
    }

    // MARK: Procedure page

    @Test("the procedure page numbers steps as the printed checklist does and counts the numbered steps")
    func procedureNumbersMatchChecklist() throws {
        let body = Self.nested + "## 收班\n\n1. 01:00-02:00 总结\n2. 交班\n"
        let g = try buildGraph(F.tree(F.procedure("open", body: body)))
        let site = F.site(g)
        let page = try #require(site["procedures/open.html"])
        let shown = page.components(separatedBy: "<span class=\"step-no\" aria-hidden=\"true\">").dropFirst().map { $0.components(separatedBy: "<").first ?? "" }
        #expect(shown == ["1", "2", "2.1", "2.2", "3", "4", "5"])
        #expect(shown == (try g.checklist("open")).steps.map(\.number))
        let sheet = try #require(site["checklists/open.html"])
        for n in ["4", "5", "2.1"] { #expect(sheet.contains("<span class=\"num\">\(n)</span>")) }
        // Five numbered steps are shown (1–5); the two sub-steps are not counted again.
        #expect(page.contains("<dd>5 个步骤</dd>"))
    }

    @Test("times have a column of their own on the procedure page, above the text on phones")
    func procedureTimesAligned() {
        let css = RoleBookSite.EmbeddedAssets.siteCSS
        #expect(css.contains(".steps:has(> .is-timed) > .step { padding-left: 158px; }"))
        #expect(css.contains(".steps:has(> .is-timed) > .step > .step-time { position: absolute;"))
        #expect(css.contains("width: 108px; margin: 0; text-align: center; box-sizing: border-box; padding: 0 4px; white-space: nowrap; }"))
        let phone = css.components(separatedBy: "@media (max-width: 600px)").dropFirst().first ?? ""
        #expect(phone.contains(".steps:has(> .is-timed) > .step > .step-time { position: static; display: block;"))
    }

    // MARK: Home

    static func homeTree(_ effective: [String]) -> [String: String] {
        var files = RenderingTests.base
        files["departments/cs.md"] = "---\ntitle: 客户服务部（代理商渠道公司）\nshort: 客户服务部\nparent: hq\nhead: cs-lead\n---\n说明。\n"
        files["roles/cs-lead.md"] = "---\ntitle: 客服经理\ndepartment: cs\nreports_to: ceo\n---\n## 岗位职责\n\n- 管理。\n"
        files["roles/cs-planned.md"] = "---\ntitle: 客服专员\ndepartment: cs\nreports_to: cs-lead\nheadcount: 0\n---\n## 岗位职责\n\n- 接待。\n"
        for (i, date) in effective.enumerated() {
            files["procedures/p\(i).md"] = "---\ntitle: 流程\(i)\nowner: ceo\neffective: \(date)\n---\n## 步骤\n\n1. 做。\n"
        }
        return files
    }

    @Test("a post with headcount 0 is 待配置, not a vacancy being hired for, and is listed with its organisation")
    func homeUnstaffedPosts() throws {
        let site = try RenderingTests.site(Self.homeTree([]))
        let home = try #require(site["index.html"])
        #expect(!home.contains("空缺") && !home.contains("招聘"))
        #expect(home.contains(">待配置岗位<"))
        #expect(home.contains("客服专员</a><span class=\"badge badge-vacant\">待配置</span><span class=\"muted\"> · 客户服务部（代理商渠道公司）</span>")
                || home.contains("<span class=\"muted\"> · 客户服务部（代理商渠道公司）</span>"), "\(home)")
        #expect(try #require(site["roles/cs-planned.html"]).contains("<span class=\"badge badge-vacant\">待配置</span>"))
        #expect(UIStrings(language: "en")[.vacant] == "Unstaffed")
        #expect(UIStrings(language: "zh-TW")[.vacancies] == "待配置崗位")
    }

    @Test("最近生效的流程 lists distinct dates newest first, and is left out when every date is the same")
    func homeRecentProcedures() throws {
        let same = try #require(try RenderingTests.site(Self.homeTree(["2026-01-01", "2026-01-01", "2026-01-01"]))["index.html"])
        #expect(!same.contains("最近生效的流程"))
        // Four procedures share 2026-01-01: one line with their count instead of four lines with one date.
        let g = try buildGraph(Self.homeTree(["2025-06-01", "2026-03-01", "2026-01-01", "2026-01-01", "2026-01-01", "2026-01-01"]))
        let recent = HomePage.recentProcedures(g)
        #expect(recent.map(\.date) == ["2026-03-01", "2026-01-01", "2025-06-01"])
        #expect(recent.map(\.procedures.count) == [1, 4, 1])
        let home = try #require(F.site(g)["index.html"])
        #expect(F.count("2026-01-01", in: home) == 1)
        #expect(home.contains("<span class=\"recent-date\">2026-01-01</span> <a href=\"procedures/index.html\">4 个流程</a>"))
        let order = ["2026-03-01</span> <a href=\"procedures/p1.html\">流程1<", "2026-01-01<", "2025-06-01</span> <a href=\"procedures/p0.html\">流程0<"]
            .map { home.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "\(home)")
    }

    // MARK: Dark mode

    @Test("dark mode follows the system setting on screen only: printed pages and sheets stay black on white")
    func darkModeScreenOnly() throws {
        for css in [RoleBookSite.EmbeddedAssets.siteCSS, ChecklistStylesheet.css] {
            #expect(!css.contains("@media (prefers-color-scheme: dark)"), "a dark block without 'screen' would reach print")
            let dark = try #require(css.components(separatedBy: "@media screen and (prefers-color-scheme: dark) {").dropFirst().first)
            #expect(!dark.components(separatedBy: "@media print").first!.isEmpty)
        }
        let site = RoleBookSite.EmbeddedAssets.siteCSS
        #expect(site.contains(":root { color-scheme: light dark; }"))
        let dark = site.components(separatedBy: "@media screen and (prefers-color-scheme: dark) {")[1]
        for variable in ["--ink:", "--paper:", "--wash:", "--accent:", "--line:"] { #expect(dark.contains(variable), "\(variable)") }
    }
}

