import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
import RoleBookTestSupport

/// Markers of Chinese office documents (`1、` `（一）` `①` `第一条` …) at the start of a line.
@Suite("Enumeration markers")
struct EnumerationMarkerTests {
    typealias Family = EnumerationMarker.Family

    @Test("every marker kind, full-width and half-width", arguments: [
        ("1、负责", Family.arabic, 1, 2), ("1.负责", .arabic, 1, 2), ("1. 负责", .arabic, 1, 3), ("1．负责", .arabic, 1, 2),
        ("1）负责", .arabic, 1, 2), ("1)负责", .arabic, 1, 2), ("１２、负责", .arabic, 12, 3), ("12、负责", .arabic, 12, 3),
        ("（1）负责", .parenArabic, 1, 3), ("(1)负责", .parenArabic, 1, 3), ("（1)负责", .parenArabic, 1, 3), ("(12) 负责", .parenArabic, 12, 5),
        ("①负责", .circled, 1, 1), ("⑩ 负责", .circled, 10, 2), ("⑳负责", .circled, 20, 1), ("⑴负责", .parenArabic, 1, 1), ("⒊负责", .arabic, 3, 1),
        ("一、外联", .chineseNumeral, 1, 2), ("十二、考核", .chineseNumeral, 12, 3), ("二十、考核", .chineseNumeral, 20, 3),
        ("一百零五、考核", .chineseNumeral, 105, 5), ("三．考核", .chineseNumeral, 3, 2),
        ("（一）前台", .parenChineseNumeral, 1, 3), ("(二)前台", .parenChineseNumeral, 2, 3), ("（十一）前台", .parenChineseNumeral, 11, 4),
        ("a)参与", .latinLower, 1, 2), ("a、参与", .latinLower, 1, 2), ("c.参与", .latinLower, 3, 2), ("b）参与", .latinLower, 2, 2),
        ("A)电话", .latinUpper, 1, 2), ("B、其它", .latinUpper, 2, 2), ("C. Other", .latinUpper, 3, 3),
        ("第一条 为了", .article, 1, 4), ("第十二条　为了", .article, 12, 5), ("第3条为了", .article, 3, 3),
        ("1.18:00到岗", .arabic, 1, 2), ("2.8：30开门", .arabic, 2, 2),
    ])
    func markers(text: String, family: Family, ordinal: Int, length: Int) throws {
        let marker = try #require(Enumeration.marker(atStartOf: Substring(text)))
        #expect(marker.family == family)
        #expect(marker.ordinal == ordinal)
        #expect(marker.length == length)
    }

    @Test("leading spaces count in the length, so dropFirst(length) is the text")
    func leadingSpaces() throws {
        let text: Substring = "  \u{3000}② 参与项目工程例会"
        let marker = try #require(Enumeration.marker(atStartOf: text))
        #expect(marker.family == .circled && marker.ordinal == 2)
        #expect(text.dropFirst(marker.length) == "参与项目工程例会")
    }

    @Test("text that only looks like a marker", arguments: [
        "2024.1.1起执行", "3.5%的提成", "1.5倍工资", "2024.年度", "2024、年度", "1234）", "e.g. this", "a.m. shift",
        "十分重要", "一般要求", "二二、", "零、", "(a) letter", "(无)", "第条", "（）", "负责1、", "Hello", "", "1", "①", "(1", "I am",
    ])
    func notMarkers(text: String) {
        let marker = Enumeration.marker(atStartOf: Substring(text))
        // `①`, `1` alone: a lone circled number is a marker, a lone digit is not.
        if text == "①" { #expect(marker?.family == .circled) } else { #expect(marker == nil) }
    }

    @Test("Chinese numerals as documents write them", arguments: [
        ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("一十二", 12), ("二十", 20), ("九十九", 99), ("一百", 100), ("一百零五", 105),
        ("三百二十一", 321),
    ])
    func chineseNumerals(text: String, value: Int) {
        #expect(Enumeration.chineseValue(Substring(text)) == value)
    }

    @Test("runs of numerals that are not one number", arguments: ["十十", "二二", "零", "百", "一百十", "五零", "甲"])
    func notChineseNumerals(text: String) {
        #expect(Enumeration.chineseValue(Substring(text)) == nil)
    }
}

/// One line split into items: `①…；②…；③…`.
@Suite("Enumeration runs in one line")
struct EnumerationRunsTests {
    func runs(_ line: String) -> [(family: EnumerationMarker.Family, ordinal: Int, text: String, offset: Int)] {
        Enumeration.runs(inLine: Substring(line)).map { ($0.marker.family, $0.marker.ordinal, String($0.text), $0.offset) }
    }

    @Test("circled numbers run together, as in the seeds")
    func circled() {
        let r = runs("②参与公司客户关系管理,组织开展客户活动。③做好接待人员礼仪培训。④迎接陪同客户考察。")
        #expect(r.map(\.ordinal) == [2, 3, 4])
        #expect(r.map(\.text) == ["参与公司客户关系管理,组织开展客户活动。", "做好接待人员礼仪培训。", "迎接陪同客户考察。"])
        #expect(r.map(\.offset) == [0, 21, 33])
    }

    @Test("arabic numbers separated by semicolons keep their punctuation")
    func arabic() {
        let r = runs("1、制定计划；2、组织实施；3、检查结果。")
        #expect(r.map(\.text) == ["制定计划；", "组织实施；", "检查结果。"])
        #expect(r.allSatisfy { $0.family == .arabic })
    }

    @Test("latin letters after a space or a full stop")
    func latin() {
        let r = runs("b)负责策划市场调研工作; c)策划编制部门工作(质量)计划")
        #expect(r.map(\.ordinal) == [2, 3])
        #expect(r.map(\.text) == ["负责策划市场调研工作;", "策划编制部门工作(质量)计划"])
        #expect(r[1].offset == 14)
    }

    @Test("a line without a marker has no runs", arguments: ["负责收银。", "  ", "2024.1.1起①执行"])
    func none(line: String) {
        #expect(runs(line).isEmpty)
    }

    @Test("splits only at the next ordinal of the same family", arguments: [
        ("1、按第1条规定执行，提成3.5%，加班1.5倍", 1),
        ("1、负责12、13号柜台", 1),
        ("1、负责(2)号柜台", 1),
        ("①负责③号柜台", 1),
        ("一、分为一、二、三级", 1),
        ("第一条 依照第二条执行", 1),
        ("第一条 总则。第二条 职责。", 2),
        ("1、前台整理、清洁2、接待来访客人", 2),
        ("1、a2、b3、c", 3),
        ("a)see abc) and b) here", 2),
        ("(1)甲(2)乙(3)丙", 3),
        ("（一）甲（二）乙", 2),
    ])
    func sameFamilyNextOrdinal(line: String, count: Int) {
        #expect(runs(line).count == count)
    }

    @Test("a list of another family inside an item nests under it: 2、…(1)…(2)…")
    func mixedFamilies() {
        let r = Enumeration.nestedRuns(inLine: "2、检查设备(1)收银机；(2)空调。3、交接")
        #expect(r.map(\.marker.ordinal) == [2, 1, 2, 3])
        #expect(r.map(\.depth) == [0, 1, 1, 0])
        #expect(r.map { String($0.text) } == ["检查设备", "收银机；", "空调。", "交接"])
        #expect(r.map(\.offset) == [0, 6, 13, 19])
        // Three levels on one line, as a 管理制度 pasted into one paragraph writes them.
        let deep = Enumeration.nestedRuns(inLine: "一、电话A、接听1、三声内接听2、自报公司名B、转接")
        #expect(deep.map(\.depth) == [0, 1, 2, 2, 1])
        #expect(deep.map { String($0.text) } == ["电话", "接听", "三声内接听", "自报公司名", "转接"])
    }

    @Test("a lone (1) in an item, or a family already open, is text", arguments: [
        "1、负责(1)号柜台", "1、负责(2)号柜台(3)号", "一、分为一、二、三级", "①甲①乙②丙",
    ])
    func notNested(line: String) {
        #expect(Enumeration.nestedRuns(inLine: Substring(line)).allSatisfy { $0.depth == 0 })
        #expect(Enumeration.nestedRuns(inLine: Substring(line)).count == Enumeration.runs(inLine: Substring(line)).count)
    }

    @Test("offsets are Characters from the start of the line, after leading spaces")
    func offsets() {
        let r = runs("  ①甲；②乙")
        #expect(r.map(\.offset) == [2, 5])
        #expect(r.map(\.text) == ["甲；", "乙"])
    }
}

/// Paragraphs of enumerated lines become list items in every section.
@Suite("Enumerated paragraphs as lists")
struct EnumerationListTests {
    static func clerk(_ body: String) -> ContentTree {
        RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: body)])
    }

    static func responsibilities(_ body: String) throws -> [Item] {
        let g = try buildGraph(clerk(body))
        return g.roles[try g.indexOfRole("clerk")].header.document.items(.responsibilities)
    }

    /// Texts of an item tree, children indented by two spaces per level.
    static func outline(_ items: [Item], depth: Int = 0) -> [String] {
        items.flatMap { [String(repeating: "  ", count: depth) + $0.text] + outline($0.children, depth: depth + 1) }
    }

    @Test("one item per line for every marker kind", arguments: [
        "1、甲\n2、乙\n3、丙", "1.甲\n2.乙\n3.丙", "1．甲\n2．乙\n3．丙", "1）甲\n2）乙\n3）丙", "（1）甲\n（2）乙\n（3）丙",
        "(1)甲\n(2)乙\n(3)丙", "①甲\n②乙\n③丙", "一、甲\n二、乙\n三、丙", "（一）甲\n（二）乙\n（三）丙", "a)甲\nb)乙\nc)丙",
        "a、甲\nb、乙\nc、丙", "a.甲\nb.乙\nc.丙", "A)甲\nB)乙\nC)丙", "第一条 甲\n第二条 乙\n第三条 丙", "１、甲\n２、乙\n３、丙",
        "⑴甲\n⑵乙\n⑶丙",
    ])
    func everyKind(lines: String) throws {
        #expect(Self.outline(try Self.responsibilities("## 岗位职责\n\n" + lines + "\n")) == ["甲", "乙", "丙"])
    }

    @Test("circled numbers from ① to ⑳")
    func circledToTwenty() throws {
        let circled = (0..<20).map { String(UnicodeScalar(0x2460 + $0)!) + "第\($0 + 1)项" }.joined(separator: "\n")
        let items = try Self.responsibilities("## 岗位职责\n\n" + circled + "\n")
        #expect(items.map(\.text) == (1...20).map { "第\($0)项" })
    }

    @Test("markers nest as the document nests them: 一、 holds 1、 holds （1）")
    func nesting() throws {
        let body = "## 岗位职责\n\n一、团队管理\n1、组建团队\n（1）招聘\n（2）培训\n2、考核团队\n二、客户服务\n1、处理投诉\n"
        #expect(Self.outline(try Self.responsibilities(body)) == [
            "团队管理", "  组建团队", "    招聘", "    培训", "  考核团队", "客户服务", "  处理投诉",
        ])
    }

    @Test("items keep their source line and column")
    func locations() throws {
        // Front matter is lines 1–5, the heading line 6, the paragraph starts on line 8.
        let items = try Self.responsibilities("## 岗位职责\n\n①建立档案。②参与例会。\n③做好接待。\n")
        let flat = items.flatMap(\.flattened)
        #expect(flat.map(\.text) == ["建立档案。", "参与例会。", "做好接待。"])
        // `②` comes after `①建立档案。` = 3 + 15 bytes.
        #expect(flat.map(\.location) == [contentLoc("roles/clerk.md", 8, 1), contentLoc("roles/clerk.md", 8, 19), contentLoc("roles/clerk.md", 9, 1)])
    }

    @Test("several runs on one line, and a wrapped line continuing its item")
    func runsAndContinuations() throws {
        let body = "## 岗位职责\n\n1、制定计划；2、组织实施；\n3、检查结果，并向上级\n汇报。\n"
        #expect(try Self.responsibilities(body).map(\.text) == ["制定计划；", "组织实施；", "检查结果，并向上级 汇报。"])
    }

    @Test("items separated by blank lines, and a heading line whose items follow, make one list")
    func acrossParagraphs() throws {
        let body = "## 岗位职责\n\n一、外联\n\n①建立客户档案。\n\n②参与客户活动。\n\n二、售后服务\n\n①建立项目档案。\n"
        #expect(Self.outline(try Self.responsibilities(body)) == ["外联", "  建立客户档案。", "  参与客户活动。", "售后服务", "  建立项目档案。"])
    }

    @Test("a Markdown list after an item is that item's sub-list")
    func markdownSubList() throws {
        let body = "## 岗位职责\n\n一、外联\n\n- 建立客户档案\n- 组织活动\n\n二、售后服务\n"
        #expect(Self.outline(try Self.responsibilities(body)) == ["外联", "  建立客户档案", "  组织活动", "售后服务"])
    }

    @Test("emphasis, links and code inside an item are kept")
    func inlinesKept() throws {
        let items = try Self.responsibilities("## 岗位职责\n\n1、负责**重要**客户；2、维护[档案](https://example.com)\n")
        #expect(items.map(\.text) == ["负责重要客户；", "维护档案"])
        #expect(items[0].inlines == [.text("负责"), .strong([.text("重要")]), .text("客户；")])
        #expect(items[1].inlines == [.text("维护"), .link(destination: "https://example.com", title: "", children: [.text("档案")])])
    }

    @Test("text that only looks enumerated stays prose", arguments: [
        "2024.1.1起执行新的考勤制度。", "3.5%的提成按月发放。", "1.5倍工资。", "负责收银，依照第1条规定执行。\n第1条见附件。",
        "负责收银。\n1、点钞", "负责收银。\n2、点钞\n3、对账", "1、点钞\n3、对账", "（2）对账\n（1）点钞", "①点钞\n③核对",
    ])
    func staysProse(body: String) throws {
        let g = try buildGraph(Self.clerk("## 岗位职责\n\n- 收银结账\n\n## 工作要求\n\n" + body + "\n"))
        let section = try #require(g.roles[try g.indexOfRole("clerk")].header.document.sections.last)
        #expect(section.items.isEmpty)
        #expect(section.blocks.count == 1)
        if case .paragraph = section.blocks.first?.kind {} else { Issue.record("expected a paragraph, got \(section.blocks)") }
    }

    @Test("items of another family on one line nest under the item before them")
    func mixedFamilyLine() throws {
        let body = "## 岗位职责\n\n1、开店前检查\n2、检查设备(1)收银机；(2)空调。\n3、交接\n"
        #expect(Self.outline(try Self.responsibilities(body)) == ["开店前检查", "检查设备", "  收银机；", "  空调。", "交接"])
        let items = try Self.responsibilities(body)
        // Front matter is lines 1–5, the heading line 6; `(1)` follows `2、检查设备` (16 bytes), `(2)` `(1)收银机；` (15 more).
        #expect(items[1].children.map(\.location) == [contentLoc("roles/clerk.md", 9, 17), contentLoc("roles/clerk.md", 9, 32)])
    }

    @Test("a lead-in line stays a paragraph and the 1、 lines after it in the same paragraph are a list")
    func leadInLine() throws {
        let g = try buildGraph(Self.clerk("## 岗位职责\n\n主要职责如下：\n1、收银\n2、点钞\n（1）纸币\n（2）硬币\n"))
        let section = try #require(g.roles[try g.indexOfRole("clerk")].header.document.sections(.responsibilities).first)
        #expect(section.blocks.count == 2)
        guard case .paragraph(let lead) = section.blocks.first?.kind else { Issue.record("expected the lead-in paragraph: \(section.blocks)"); return }
        #expect(lead.plainText == "主要职责如下：")
        #expect(Self.outline(section.items) == ["收银", "点钞", "  纸币", "  硬币"])
        #expect(section.items.map(\.location) == [contentLoc("roles/clerk.md", 9, 1), contentLoc("roles/clerk.md", 10, 1)])
    }

    @Test("department duties and qualifications get items too")
    func otherSections() throws {
        let tree = Self.clerk("## 岗位职责\n\n1、收银\n\n## 任职资格\n\n（一）高中以上学历\n（二）一年以上经验\n").with([
            "departments/ops.md": "---\ntitle: 运营部\nhead: ceo\n---\n## 部门职责\n\n①统筹公司运营；②制定运营标准。\n",
        ])
        let g = try buildGraph(tree)
        #expect(g.roles[try g.indexOfRole("clerk")].header.document.items(.qualifications).map(\.text) == ["高中以上学历", "一年以上经验"])
        #expect(g.departments[try g.indexOfDepartment("ops")].header.document.items(.duties).map(\.text) == ["统筹公司运营；", "制定运营标准。"])
    }

    @Test("a list keeps the style it was written in", arguments: [
        ("1、甲", ListStyle.enumerated(.arabic, .ideographicComma)), ("1.甲", .enumerated(.arabic, .fullStop)),
        ("（一）甲", .enumerated(.parenChineseNumeral, .fullWidthParens)), ("(1)甲", .enumerated(.parenArabic, .parens)),
        ("①甲", .enumerated(.circled, .bare)), ("第一条 甲", .enumerated(.article, .bare)), ("b）甲", .enumerated(.latinLower, .fullWidthClosingParen)),
        ("1. 甲", .markdown),
    ])
    func style(line: String, style: ListStyle) throws {
        let g = try buildGraph(Self.clerk("## 岗位职责\n\n" + line + "\n"))
        let block = try #require(g.roles[try g.indexOfRole("clerk")].header.document.sections(.responsibilities).first?.blocks.first)
        guard case .list(_, _, _, let written) = block.kind else { Issue.record("not a list: \(block)"); return }
        #expect(written == style)
    }
}

/// RB206 tells a prose-only section from a missing one; procedures and graph.json see the items.
@Suite("Enumerated lists in rules, checklists and output")
struct EnumerationOutputTests {
    @Test("RB206: a section with text but no items is reported at the section, a missing one at the title")
    func rb206() throws {
        let prose = try runCheck(EnumerationListTests.clerk("## 岗位职责\n\n负责收银，1、点钞不算列表。\n"))
        #expect(prose.diagnosticLines.first == "content/roles/clerk.md:6:1: warning[RB206]: section '岗位职责' has text but no list items")
        let missing = try runCheck(EnumerationListTests.clerk("## 任职资格\n\n1、高中以上学历\n"))
        #expect(missing.diagnosticLines.first == "content/roles/clerk.md:2:8: warning[RB206]: role 'clerk' has no '岗位职责' section")
        let listed = try runCheck(EnumerationListTests.clerk("## 岗位职责\n\n1、收银\n2、点钞\n"))
        #expect(listed.diagnosticLines == [])
    }

    @Test("procedure steps written as 1、 lines are checklist rows, with their times")
    func procedureSteps() throws {
        let tree = RuleFixtures.base.with(["procedures/open.md": """
        ---
        title: 开店
        owner: manager
        frequency: daily
        ---
        ## 开店前

        1、08:30 开门
        2、检查设备
        （1）收银机
        （2）空调

        ## 打烊前

        ①盘点现金；②关闭电源。
        """])
        let g = try buildGraph(tree)
        let checklist = Checklist(graph: g, procedure: 0)
        #expect(checklist.steps.map(\.number) == ["1", "2", "2.1", "2.2", "3", "4"])
        #expect(checklist.steps.map { $0.text.plainText } == ["开门", "检查设备", "收银机", "空调", "盘点现金；", "关闭电源。"])
        #expect(checklist.steps.first?.time == TimeSpan(start: 8 * 60 + 30))
        let page = Self.procedurePage(g, 0)
        #expect(page.contains("class=\"steps enum enum-ar enum-p-dun\""))
        #expect(page.contains("class=\"steps enum enum-circled enum-p-bare\""))
        // Sub-steps keep their own markers too.
        #expect(page.contains("<ol class=\"substeps enum enum-ar enum-p-fparen\">"))
    }

    /// Lines in the style of the seeds' 岗位职责 blocks (traditional script, `1、…；`, and `①…` run together).
    static let seedLike = """
    ## 岗位职责

    1、策劃推進公司的業務運營戰略、流程與計劃，組織協調公司各部門執行；
    2、修訂及執行公司戰略規劃及與日常營運作相關的制度體系、業務流程；
    3、策劃推進及組織協調公司重大運營計劃、進行市場發展跟蹤和策略調整；
    4、建立規範、高效的運營管理體系並優化完善；5、制定公司運營標準並監督實施；
    6、接受上級領導交付的臨時性任務。

    ## 工作要求

    ①建立客戶檔案。②參與公司客戶關係管理，組織開展客戶活動。
    ③做好接待人員禮儀培訓。
    """

    @Test("a role pasted from the seeds has all its responsibilities in graph.json")
    func graphJSON() throws {
        let tree = EnumerationListTests.clerk(Self.seedLike)
        let g = try buildGraph(tree)
        let json = GraphJSON(site: SiteMap(graph: g)).render()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let roles = try #require(root["roles"] as? [[String: Any]])
        let clerk = try #require(roles.first { $0["id"] as? String == "clerk" })
        let sections = try #require(clerk["sections"] as? [[String: Any]])
        let counts = sections.map { (($0["kind"] as? String) ?? "", ($0["items"] as? [Any])?.count ?? -1) }
        #expect(counts.map(\.0) == ["responsibilities", "standards"])
        #expect(counts.map(\.1) == [6, 3])
        let first = try #require((sections[0]["items"] as? [[String: Any]])?.first)
        #expect(first["text"] as? String == "策劃推進公司的業務運營戰略、流程與計劃，組織協調公司各部門執行；")
        #expect(first["line"] as? Int == 8)
    }

    @Test("the role page shows the source's markers: class and start of each list")
    func rolePage() throws {
        var files = RuleFixtures.base.files
        files["roles/clerk.md"] = RuleFixtures.clerk(body: """
        ## 岗位职责

        一、外联
        （一）建立档案
        （二）组织活动

        三、回访

        ## 任职资格

        第三条 高中以上学历
        第四条 一年以上经验
        """)
        let page = try Self.rolePage(try buildGraph(files), "clerk")
        #expect(page.contains("<ol class=\"enum enum-cn enum-p-dun\"><li>外联<ol class=\"enum enum-cn enum-p-fparen\"><li>建立档案</li><li>组织活动</li></ol></li></ol>"))
        // `三、` after a gap cannot continue `一、`: a list of its own, starting at 3.
        #expect(page.contains("<ol start=\"3\" class=\"enum enum-cn enum-p-dun\"><li>回访</li></ol>"))
        #expect(page.contains("<ol start=\"3\" class=\"enum enum-article enum-p-article\"><li>高中以上学历</li><li>一年以上经验</li></ol>"))
    }
}

extension EnumerationOutputTests {
    /// A role's page as the site layer renders it (the build renders the same from the same model).
    static func rolePage(_ g: RoleGraph, _ id: String) throws -> String {
        let site = SiteMap(graph: g), i = try g.indexOfRole(id)
        let context = PageContext(site: site, strings: UIStrings(language: g.config.language), page: .role(i))
        return RolePage(context: context, model: RolePageModel(site: site, index: i)).render()
    }

    /// A procedure's page as the site layer renders it.
    static func procedurePage(_ g: RoleGraph, _ i: Int) -> String {
        let site = SiteMap(graph: g)
        let context = PageContext(site: site, strings: UIStrings(language: g.config.language), page: .procedure(i))
        return ProcedurePage(context: context, model: ProcedurePageModel(site: site, index: i)).render()
    }
}
