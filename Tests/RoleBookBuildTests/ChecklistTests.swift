import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
import RoleBookTestSupport

extension ChecklistFixtures {
    /// Every rendered file of a graph's site, by path.
    static func site(_ g: RoleGraph) -> [String: String] {
        Dictionary(uniqueKeysWithValues: SiteRenderer(graph: g).render().map { ($0.path, $0.contents) })
    }
}

extension RoleGraph {
    func checklist(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Checklist {
        let p = try #require(procedureIndex[id], "no procedure '\(id)'", sourceLocation: sourceLocation)
        return Checklist(graph: self, procedure: p)
    }
}

extension Checklist {
    /// `## phase` and `1.2 [08:30] text` lines, for readable diffs.
    var outline: [String] {
        rows.map { row in
            row.kind == .phase ? "## " + row.text.plainText
                : row.number + (row.time.map { " [\($0.label)]" } ?? "") + " " + row.text.plainText.trimmingSpaces
        }
    }
}

@Suite("Checklists", .offPool)
struct ChecklistTests {
    typealias F = ChecklistFixtures

    // MARK: Steps

    @Test("level-2 headings are phases, list items steps, nested items numbered sub-steps")
    func phasesAndNesting() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: """
            开店前由收银员逐项检查，店长复核。

            ## 开店前

            1. 到岗签到
               1. 换好工服
               2. 检查仪容
                  - 佩戴工牌
            2. 打开收银系统

            ## 营业时间内

            - 巡视收银台
            - 补充零钱

            ## 打烊前

            1. 清点现金

            """)))
        let p = try #require(g.procedureIndex["open"])
        #expect(g.procedures[p].phases.map(\.heading) == ["开店前", "营业时间内", "打烊前"])
        let checklist = Checklist(graph: g, procedure: p)
        #expect(checklist.outline == [
            "## 开店前", "1 到岗签到", "1.1 换好工服", "1.2 检查仪容", "1.2.1 佩戴工牌", "2 打开收银系统",
            "## 营业时间内", "3 巡视收银台", "4 补充零钱",
            "## 打烊前", "5 清点现金",
        ])
        #expect(checklist.steps.map(\.depth) == [0, 1, 1, 2, 0, 0, 0, 0])
    }

    @Test("a list before the first heading is an untitled first phase")
    func untitledFirstPhase() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "1. 开门\n2. 开灯\n\n## 打烊前\n\n1. 锁门\n")))
        #expect(try g.checklist("open").outline == ["1 开门", "2 开灯", "## 打烊前", "3 锁门"])
    }

    @Test("a step starting with a time or a range is timed", arguments: [
        ("08:30 到岗签到", "08:30", "到岗签到"),
        ("8:30 到岗签到", "08:30", "到岗签到"),
        ("18:00-19:30 部门例会", "18:00–19:30", "部门例会"),
        ("18:00 - 19:30 部门例会", "18:00–19:30", "部门例会"),
        ("18:00–19:30 部门例会", "18:00–19:30", "部门例会"),
        ("20:00—22:00 巡场", "20:00–22:00", "巡场"),
        ("20:00——22:00 巡场", "20:00–22:00", "巡场"),
        ("18：00 交接班", "18:00", "交接班"),
        ("18：00～19：30 交接班", "18:00–19:30", "交接班"),
        ("8:30～9:00 晨会", "08:30–09:00", "晨会"),
        ("8:30~9:00 晨会", "08:30–09:00", "晨会"),
        ("18:00至19:30 盘点", "18:00–19:30", "盘点"),
        ("18:00到19:30 盘点", "18:00–19:30", "盘点"),
        ("23:00-01:00 夜间巡查", "23:00–01:00", "夜间巡查"),
        ("18:00前完成交接", "18:00", "前完成交接"),
        ("08:30，到岗签到", "08:30", "到岗签到"),
    ])
    func timedStep(step: String, label: String, text: String) throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "## 开店前\n\n1. \(step)\n")))
        let row = try #require(try g.checklist("open").steps.first)
        #expect(row.time?.label == label)
        #expect(row.text.plainText.trimmingSpaces == text)
    }

    @Test("an overnight range ends after midnight")
    func overnight() throws {
        let g = try buildGraph(F.tree(F.procedure("night", body: "1. 23:00-01:00 夜间巡查\n2. 22:00 交班\n")))
        let checklist = try g.checklist("night")
        #expect(checklist.steps.first?.time == TimeSpan(start: 23 * 60, end: 25 * 60))
        #expect(checklist.firstTime == 22 * 60)
    }

    @Test("text that only looks like a time stays an ordinary step", arguments: [
        "8点30分到岗", "10 分钟内到场", "2026-01-01起执行", "25:00 到岗", "12:60 检查", "123:00 检查", "1:5 检查", "检查 08:30 的记录",
    ])
    func untimedStep(step: String) throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "1. \(step)\n")))
        let row = try #require(try g.checklist("open").steps.first)
        #expect(row.time == nil)
        #expect(row.text.plainText.trimmingSpaces == step)
    }

    @Test("the time column shows the span; a timed step's text keeps its links")
    func timeColumn() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "1. 08:30-08:45 向[店长](../roles/manager.md)报到\n2. 检查灯光\n")))
        let html = try #require(F.site(g)["checklists/open.html"])
        #expect(html.contains(#"<td class="col-time">08:30–08:45</td>"#))
        #expect(F.count(#"<td class="col-time"></td>"#, in: html) == 1)
        #expect(html.contains(#"向<a href="../roles/manager.html">店长</a>报到"#))
    }

    // MARK: Links and performers

    @Test("step links to roles and procedures resolve from the procedure's file on every sheet")
    func stepLinks() throws {
        let tree = F.tree(
            F.procedure("open", body: "1. 异常报告[店长](../roles/manager.md)。\n2. 按[闭店交接](close.md)交班。\n"),
            F.procedure("close", title: "闭店交接", body: "1. 22:00 锁门\n"))
        let result = try runCheck(tree)
        #expect(result.diagnostics.isEmpty, "\(result.rendered)")
        let site = F.site(result.graph)
        let sheet = try #require(site["checklists/open.html"])
        #expect(sheet.contains(#"<a href="../roles/manager.html">店长</a>"#))
        #expect(sheet.contains(#"<a href="../procedures/close.html">闭店交接</a>"#))
        // The role sheet sits one folder deeper and is rendered for a role file, not the procedure.
        let roleSheet = try #require(site["checklists/roles/cashier.html"])
        #expect(roleSheet.contains(#"<a href="../../roles/manager.html">店长</a>"#))
        #expect(roleSheet.contains(#"<a href="../../procedures/close.html">闭店交接</a>"#))
        let week = try #require(site["checklists/week/open.html"])
        #expect(week.contains(#"<a href="../../procedures/close.html">闭店交接</a>"#))
    }

    @Test("roles from front matter are linked both ways and head the sheet")
    func performers() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "1. 开门\n")))
        let p = try #require(g.procedureIndex["open"])
        let cashier = try g.indexOfRole("cashier"), manager = try g.indexOfRole("manager")
        #expect(g.procedurePerformers[p] == [cashier])
        #expect(g.procedureOwner[p] == manager)
        #expect(g.roleProcedures[cashier] == [p] && g.roleProcedures[manager] == [p])
        let site = F.site(g)
        #expect(try #require(site["roles/cashier.html"]).contains(#"href="../procedures/open.html""#))
        #expect(try #require(site["roles/cashier.html"]).contains(#"href="../checklists/roles/cashier.html""#))
        #expect(try #require(site["procedures/open.html"]).contains(#"href="../roles/cashier.html""#))
        #expect(try #require(site["procedures/open.html"]).contains(#"href="../checklists/open.html""#))
        let sheet = try #require(site["checklists/open.html"])
        #expect(sheet.contains("岗位：</span>收银员<"))
    }

    // MARK: Warnings

    @Test("a phase without steps warns (RB210) and keeps its heading row")
    func emptyPhase() throws {
        let result = try runCheck(F.tree(F.procedure("open", body: "## 开店前\n\n1. 开门\n\n## 打烊前\n\n检查门店。\n")))
        #expect(result.diagnosticLines == ["content/procedures/open.md:13:1: warning[RB210]: phase '打烊前' of procedure 'open' has no steps"])
        #expect(!result.diagnostics.containsErrors)
        #expect(try result.graph.checklist("open").outline == ["## 开店前", "1 开门", "## 打烊前"])
    }

    @Test("a procedure without steps warns (RB209) once and still gets an empty sheet")
    func noSteps() throws {
        let result = try runCheck(F.tree(F.procedure("open", body: "开店前检查门店。\n\n## 开店前\n\n注意安全。\n")))
        #expect(result.codes == [.procedureWithoutSteps])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(try result.graph.checklist("open").steps.isEmpty)
        let sheet = try #require(F.site(result.graph)["checklists/open.html"])
        #expect(!sheet.contains("row-step"))
        #expect(sheet.contains("执行人："))
    }

    @Test("a procedure whose steps are all under headings does not warn")
    func cleanProcedure() throws {
        let result = try runCheck(F.tree(F.procedure("open", body: "## 开店前\n\n1. 开门\n\n## 打烊前\n\n1. 锁门\n")))
        #expect(result.diagnostics.isEmpty, "\(result.rendered)")
    }

    // MARK: Role sheets

    @Test("a role's sheet orders procedures by frequency, then first time, then id")
    func roleSheetOrder() throws {
        let tree = F.tree(
            F.procedure("a-monthly", title: "月度盘点", frequency: "monthly", body: "1. 08:00 盘点\n"),
            F.procedure("b-daily-late", title: "闭店", frequency: "daily", body: "1. 检查\n2. 21:30-22:00 锁门\n"),
            F.procedure("c-daily-early", title: "开店", frequency: "每日", body: "1. 07:30 开门\n2. 20:00 复核\n"),
            F.procedure("d-shift", title: "交接班", frequency: "per shift", body: "1. 交接现金\n"),
            F.procedure("e-weekly", title: "周例会", frequency: "weekly", body: "1. 09:00 例会\n"),
            F.procedure("f-none", title: "临时任务", frequency: nil, body: "1. 按需处理\n"),
            F.procedure("g-demand", title: "设备报修", frequency: "on demand", body: "1. 06:00 报修\n"),
            F.procedure("h-daily-untimed", title: "卫生", frequency: "daily", body: "1. 打扫\n"),
            F.procedure("i-other", title: "不相关", frequency: "daily", roles: "[]", body: "1. 07:00 其他\n"))
        let g = try buildGraph(tree)
        let cashier = try g.indexOfRole("cashier")
        let expected = ["d-shift", "c-daily-early", "b-daily-late", "h-daily-untimed", "e-weekly", "a-monthly", "g-demand", "f-none"]
        #expect(ChecklistPages.orderedProcedures(for: cashier, in: g).map { g.procedures[$0].id } == expected)

        // The rendered sheet has the same order, one section (with its own sign-off) per procedure.
        let html = try #require(F.site(g)["checklists/roles/cashier.html"])
        let titles = ["交接班", "开店", "闭店", "卫生", "周例会", "月度盘点", "设备报修", "临时任务"]
        let positions = try titles.map { title in
            try #require(html.range(of: #"<div class="sheet-title">\#(title)</div>"#), "\(title) missing").lowerBound
        }
        #expect(positions == positions.sorted())
        #expect(!html.contains("不相关"))
        #expect(F.count(#"<section class="sheet-section">"#, in: html) == 8)
        #expect(F.count(#"<div class="sign-off">"#, in: html) == 8)
    }

    // MARK: Weekly grid

    @Test("only daily and per-shift procedures get a weekly grid", arguments: [
        ("daily", true), ("每日", true), ("per shift", true), ("每班", true),
        ("weekly", false), ("monthly", false), ("on demand", false), (nil, false),
    ] as [(String?, Bool)])
    func weekGrid(frequency: String?, expected: Bool) throws {
        let g = try buildGraph(F.tree(F.procedure("open", frequency: frequency, body: "## 开店前\n\n1. 08:30 开门\n   - 开灯\n")))
        let site = F.site(g)
        #expect((site["checklists/week/open.html"] != nil) == expected)
        #expect(try #require(site["checklists/open.html"]).contains("checklists/week/open.html") == expected)
        #expect((SiteMap(graph: g).weekChecklistURL(procedure: 0) != nil) == expected)
    }

    @Test("the weekly grid has a Mon–Sun column per step and prints landscape")
    func weekGridLayout() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "## 开店前\n\n1. 08:30 开门\n   - 开灯\n2. 锁门\n")))
        let html = try #require(F.site(g)["checklists/week/open.html"])
        for day in ["一", "二", "三", "四", "五", "六", "日"] {
            #expect(html.contains(#"<th class="col-day">\#(day)</th>"#))
        }
        #expect(F.count(#"<th class="col-day">"#, in: html) == 7)
        // 开门 is done when 开灯 is: boxes for 开灯 and 锁门 only.
        #expect(F.count(#"<td class="col-day"><span class="box"></span></td>"#, in: html) == 2 * 7)
        #expect(html.contains(#"<tr class="row-phase"><td colspan="8">开店前</td></tr>"#))
        #expect(html.contains("size: A4 landscape"))
        #expect(html.contains("开店检查 · 周检查表"))
    }

    @Test("a procedure id in Chinese gets percent-encoded links to files named in Chinese")
    func chineseID() throws {
        let g = try buildGraph(F.tree(F.procedure("开店", body: "1. 开门\n")))
        let site = F.site(g)
        #expect(site["checklists/开店.html"] != nil && site["checklists/week/开店.html"] != nil)
        let encoded = "%E5%BC%80%E5%BA%97"
        #expect(try #require(site["checklists/开店.html"]).contains("checklists/week/\(encoded).html"))
        #expect(SiteMap(graph: g).weekChecklistURL(procedure: 0) == "checklists/week/\(encoded).html")
    }

    // MARK: Sheet

    @Test("the header, columns, sign-off, print button and page numbers of a sheet")
    func sheetParts() throws {
        let g = try buildGraph(F.tree(F.procedure("open", body: "## 开店前\n\n1. 08:30 开门\n")))
        let html = try #require(F.site(g)["checklists/open.html"])
        for part in [
            #"<div class="sheet-title">开店检查</div>"#,
            "组织：</span>示例连锁<", "部门：</span>门店运营部<", "岗位：</span>收银员<", "版本：</span>2.1<", "生效日期：</span>2026-03-01<",
            "日期：</span><span class=\"blank-line\">", "班次：</span><span class=\"blank-line\">", "姓名：</span><span class=\"blank-line\">",
            #"<th class="col-check">完成</th>"#, #"<th class="col-time">时间</th>"#, #"<th class="col-step">步骤</th>"#, #"<th class="col-remarks">备注</th>"#,
            #"<td class="col-check"><span class="box"></span></td>"#, #"<td class="col-remarks"></td>"#,
            "执行人：", "复核人：", #"data-action="print""#, "assets/checklist.css",
            #"@bottom-center { content: "第 " counter(page) " 页 \2f  共 " counter(pages) " 页""#,
        ] {
            #expect(html.contains(part), "missing \(part)")
        }
        // The header is inside thead, which print repeats on every page; the sign-off comes after the table.
        let thead = try #require(html.range(of: "<thead>")), title = try #require(html.range(of: "sheet-title"))
        let tbody = try #require(html.range(of: "<tbody>")), signOff = try #require(html.range(of: "sign-off"))
        #expect(thead.lowerBound < title.lowerBound && title.lowerBound < tbody.lowerBound && tbody.lowerBound < signOff.lowerBound)
    }

    @Test("page numbers follow the site language", arguments: [
        ("en", #""Page " counter(page) " of " counter(pages) """#),
        ("zh-TW", #""第 " counter(page) " 頁 \2f  共 " counter(pages) " 頁""#),
    ])
    func pageNumbers(language: String, rule: String) throws {
        let tree = F.tree(F.procedure("open", body: "1. 开门\n")).with(["rolebook.yml": "title: Store\norganization: Shop\nlanguage: \(language)\n"])
        let html = try #require(F.site(try buildGraph(tree))["checklists/open.html"])
        #expect(html.contains(rule))
    }

    @Test("the index lists every procedure by department and every role sheet")
    func index() throws {
        let g = try buildGraph(F.tree(
            F.procedure("open", body: "1. 开门\n"),
            F.procedure("close", title: "闭店交接", frequency: "weekly", body: "1. 锁门\n")))
        let html = try #require(F.site(g)["checklists/index.html"])
        #expect(html.contains(#"<a href="../departments/store.html">门店运营部</a>"#))
        #expect(html.contains(#"<a href="../checklists/open.html">开店检查</a>"#))
        #expect(html.contains(#"<a href="../checklists/close.html">闭店交接</a>"#))
        #expect(html.contains(#"<a href="../checklists/roles/cashier.html">收银员</a>"#))
        #expect(html.contains(#"<a href="../checklists/roles/manager.html">店长</a>"#))
    }

    @Test("content is escaped on every checklist page")
    func escaping() throws {
        let tree = F.tree(F.procedure("open", title: #"'<b>开店</b> & "检查"'"#,
                                      body: "## <i>开店前</i>\n\n1. 确认 a < b & c\n2. 点击[这里](javascript:alert(1))\n3. 备注<script>alert(1)</script>完毕\n"))
            .with(["rolebook.yml": "title: 门店<手册>\norganization: 示例<连锁> & 子公司\nlanguage: zh-CN\n"])
        let g = try buildGraph(tree)
        let site = F.site(g)
        for path in ["checklists/open.html", "checklists/week/open.html", "checklists/roles/cashier.html", "checklists/index.html"] {
            let html = try #require(site[path], "no \(path)")
            for raw in ["<b>开店</b>", "<i>开店前</i>", "<script>alert", "javascript:", "示例<连锁>", "a < b"] {
                #expect(!html.contains(raw), "\(path) contains \(raw)")
            }
            #expect(html.contains("&lt;b&gt;开店&lt;/b&gt; &amp; \"检查\""), "\(path) lacks the escaped title")
        }
        let sheet = try #require(site["checklists/open.html"])
        #expect(sheet.contains("确认 a &lt; b &amp; c"))
        #expect(sheet.contains("示例&lt;连锁&gt; &amp; 子公司"))
    }

    // MARK: Printing

    @Test("PDFPrinter finds chromium on a search path, in order of preference")
    func locate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rb-browsers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["google-chrome", "chromium"] {
            let file = dir.appendingPathComponent(name)
            try Data("#!/bin/sh\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        #expect(try PDFPrinter.locate(searchPath: "/nonexistent:" + dir.path).browser == dir.path + "/chromium")
        #expect(try PDFPrinter.locate(explicit: dir.path + "/google-chrome").browser == dir.path + "/google-chrome")
    }

    @Test("without a browser the error names the 'chromium' package")
    func noBrowser() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("rb-nobrowser-\(UUID().uuidString)")
        do {
            _ = try PDFPrinter.locate(searchPath: empty.path)
            Issue.record("found a browser in an empty search path")
        } catch {
            guard case .noBrowser = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("'chromium' package"))
        }
        do {
            _ = try PDFPrinter.locate(explicit: empty.path + "/chromium")
            Issue.record("accepted a missing --chromium")
        } catch {
            guard case .notExecutable(let path) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == empty.path + "/chromium")
            #expect(error.description.contains("'chromium' package"))
        }
    }
}
