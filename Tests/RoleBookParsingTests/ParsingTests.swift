import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Heading text → section kind.
@Suite("Section vocabulary")
struct SectionVocabularyTests {
    @Test("built-in headings, numbered and traditional variants", arguments: [
        ("岗位职责", SectionKind.responsibilities), ("职责描述", .responsibilities), ("工作职责", .responsibilities),
        ("Responsibilities", .responsibilities), ("RESPONSIBILITIES", .responsibilities),
        ("任职资格", .qualifications), ("考核指标", .kpis), ("崗位職責", .responsibilities), ("任職資格", .qualifications),
        ("考核指標", .kpis), ("一、岗位职责", .responsibilities), ("2. 任职要求：", .qualifications), ("（二）工作权限", .authority),
        ("(3) 工作关系", .relations), ("第三条 岗位职责", .responsibilities), ("1.1 职责概述", .summary), ("三、考核指标:", .kpis),
        ("部门职责", .duties), ("日常工作", .routine), ("Working hours", .hours), ("KPIs", .kpis), ("Requirements", .qualifications),
    ])
    func builtIn(heading: String, kind: SectionKind) {
        #expect(SectionVocabulary().kind(of: heading) == kind)
    }

    @Test("unknown headings are .other", arguments: ["其他说明", "附录", "Notes", "岗位职责补充"])
    func unknown(heading: String) {
        #expect(SectionVocabulary().kind(of: heading) == .other)
    }

    @Test("headings used by the source documents, in both scripts", arguments: [
        ("工作职责概述", SectionKind.summary), ("職責概要", .summary), ("工作大綱", .summary), ("职位描述", .summary), ("職位概要", .summary),
        ("工作职责描述", .responsibilities), ("職責與任務", .responsibilities), ("1.2 具体工作职责", .responsibilities),
        ("2.2具體工作職責", .responsibilities), ("工作內容", .responsibilities), ("基本任职资格", .qualifications), ("二、任職條件", .qualifications),
        ("岗位考核指标", .kpis), ("岗位考核", .kpis), ("三、工作权责:", .authority), ("岗位权限", .authority), ("一、隶属关系", .relations),
        ("1.1 架構關係", .relations), ("相关联系部门：", .relations), ("四、工作协调关系", .relations), ("溝通渠道", .relations),
        ("工作流程", .routine), ("工作時間", .hours), ("工作標準", .standards), ("Duties", .responsibilities),
    ])
    func sourceHeadings(heading: String, kind: SectionKind) {
        #expect(SectionVocabulary().kind(of: heading) == kind)
    }

    @Test("numbering prefixes are dropped", arguments: [
        ("I. Summary", SectionKind.summary), ("IV、工作权限", .authority), ("II Responsibilities", .responsibilities), ("xii) Duties", .responsibilities),
        ("(iv) 工作关系", .relations), ("A. Requirements", .qualifications), ("b) KPIs", .kpis), ("Ⅱ、岗位职责", .responsibilities),
        ("① 任职资格", .qualifications), ("１．工作时间", .hours), ("第一部分 岗位职责", .responsibilities), ("17.2 具体工作职责", .responsibilities),
        ("1.0岗位职责", .responsibilities), ("十二、考核指标", .kpis), ("（a）工作标准", .standards), ("3) Standards:", .standards),
    ])
    func numbering(heading: String, kind: SectionKind) {
        #expect(SectionVocabulary().kind(of: heading) == kind)
    }

    @Test("words that merely start with Roman-numeral letters keep them", arguments: [
        ("Bad Performance", "bad performance"), ("Mission", "mission"), ("Vision", "vision"), ("Civic duties", "civic duties"),
        ("Mix duties", "mix duties"), ("Dice", "dice"), ("A guide", "a guide"), ("I", "i"), ("2024年工作目标", "2024年工作目标"),
        ("3D Printing", "3d printing"), ("一般要求", "一般要求"), ("(Optional) duties", "(optional) duties"),
    ])
    func wordsKept(heading: String, normalized: String) {
        #expect(SectionVocabulary.normalize(heading) == normalized)
        #expect(SectionVocabulary().kind(of: heading) == .other)
    }

    @Test("docs/content-format.md lists exactly the built-in headings")
    func documentedVocabulary() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
        var documented: [SectionKind: Set<String>] = [:]
        for line in doc.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, let kind = SectionKind(rawValue: String(cells[0].dropFirst().prefix { $0 != "`" })) else { continue }
            documented[kind] = Set(cells[1].components(separatedBy: ", ").map { $0.lowercased() })
        }
        #expect(documented == SectionVocabulary.builtIn.mapValues(Set.init))
    }

    @Test("rolebook.yml adds headings to a section")
    func extraHeadings() throws {
        let tree = RuleFixtures.base.with([
            "rolebook.yml": "sections:\n  responsibilities: [岗位任务]\n",
            "roles/clerk.md": RuleFixtures.clerk(body: "## 岗位任务\n\n- 收银结账\n"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        #expect(result.graph.config.extraSections == [.responsibilities: ["岗位任务"]])
        let clerk = try result.graph.indexOfRole("clerk")
        #expect(result.graph.roles[clerk].responsibilities.map(\.text) == ["收银结账"])
    }
}

/// A role body split into sections and items, with lines that count the front matter.
@Suite("Role body")
struct RoleBodyTests {
    static let roleText = """
    ---
    title: 客户服务经理
    department: ops
    reports_to: ceo
    aliases: [客服经理]
    ---
    负责客户服务。

    ## 一、岗位职责

    1. 处理客户投诉
       - 记录投诉内容
       - 回访客户
         - 一周内完成
    2. 协助总经理制定服务标准

    ## 2. 任职要求：

    - 大专以上学历

    ## 考核指标

    - 投诉处理率

    ## 崗位職責

    - 培訓客服人員

    ## 其他说明

    本岗位需轮班。
    """

    static func tree() -> ContentTree { RuleFixtures.base.with(["roles/cs-manager.md": roleText]) }

    static func role() throws -> (RoleGraph, Role) {
        let result = try runCheck(tree())
        #expect(result.diagnosticLines == [])
        let g = result.graph
        return (g, g.roles[try g.indexOfRole("cs-manager")])
    }

    @Test("sections in order, with kinds, headings as written, anchors and heading lines")
    func sections() throws {
        let (_, role) = try Self.role()
        let sections = role.header.document.sections
        #expect(sections.map(\.kind) == [.intro, .responsibilities, .qualifications, .kpis, .responsibilities, .other])
        #expect(sections.map(\.heading) == ["", "一、岗位职责", "2. 任职要求：", "考核指标", "崗位職責", "其他说明"])
        #expect(sections.map(\.anchor) == ["intro", "responsibilities", "qualifications", "kpis", "responsibilities-2", "其他说明"])
        #expect(sections.dropFirst().map(\.location.line) == [9, 17, 21, 25, 29])
    }

    @Test("responsibilities from every responsibilities section, in order")
    func responsibilities() throws {
        let (_, role) = try Self.role()
        #expect(role.responsibilities.map(\.text) == ["处理客户投诉", "协助总经理制定服务标准", "培訓客服人員"])
        #expect(role.header.document.items(.qualifications).map(\.text) == ["大专以上学历"])
        #expect(role.header.document.items(.kpis).map(\.text) == ["投诉处理率"])
    }

    @Test("nested list items keep their nesting and file lines")
    func nesting() throws {
        let (_, role) = try Self.role()
        let first = try #require(role.responsibilities.first)
        #expect(first.location == contentLoc("roles/cs-manager.md", 11, 1))
        #expect(first.children.map(\.text) == ["记录投诉内容", "回访客户"])
        #expect(first.children.map(\.location) == [contentLoc("roles/cs-manager.md", 12, 4), contentLoc("roles/cs-manager.md", 13, 4)])
        #expect(first.children[1].children.map(\.text) == ["一周内完成"])
        #expect(first.children[1].children.map(\.location) == [contentLoc("roles/cs-manager.md", 14, 6)])
        #expect(first.flattened.map(\.text) == ["处理客户投诉", "记录投诉内容", "回访客户", "一周内完成"])
        #expect(role.responsibilities[1].location.line == 15)
    }

    @Test("text before the first heading is the introduction")
    func intro() throws {
        let (_, role) = try Self.role()
        let intro = try #require(role.header.document.sections.first)
        #expect(intro.blocks == [Block(.paragraph([.text("负责客户服务。")]), line: 7, column: 1)])
        #expect(intro.items == [])
    }

    @Test("an unknown section is kept with its content")
    func unknownSectionKept() throws {
        let (_, role) = try Self.role()
        let other = try #require(role.header.document.sections(.other).first)
        #expect(other.heading == "其他说明")
        #expect(other.blocks == [Block(.paragraph([.text("本岗位需轮班。")]), line: 31, column: 1)])
    }

    @Test("front matter fields of a role")
    func fields() throws {
        let (g, role) = try Self.role()
        #expect(role.title == "客户服务经理")
        #expect(role.aliases == ["客服经理"])
        #expect(role.headcount == 1)
        #expect(role.top == false)
        #expect(role.reportsTo == Located("ceo", at: contentLoc("roles/cs-manager.md", 4, 13)))
        #expect(role.header.titleLocation == contentLoc("roles/cs-manager.md", 2, 8))
        #expect(role.header.location == contentLoc("roles/cs-manager.md", 1, 1))
        #expect(role.header.path == "roles/cs-manager.md")
        #expect(g.superior[try g.indexOfRole("cs-manager")] == (try g.indexOfRole("ceo")))
    }

    @Test("a responsibility naming another role's title becomes a mention")
    func mentionByTitle() throws {
        let (g, _) = try Self.role()
        let (cs, ceo) = (try g.indexOfRole("cs-manager"), try g.indexOfRole("ceo"))
        #expect(g.mentions == [
            Mention(from: .role(cs), role: ceo, text: "协助总经理制定服务标准", location: contentLoc("roles/cs-manager.md", 15, 1)),
        ])
        #expect(g.mentionedIn[ceo].map { g.mentions[$0] } == g.mentions)
    }
}

@Suite("Mentions")
struct MentionTests {
    @Test("an alias in a department duty is a mention; a role never mentions itself")
    func aliasAndSelf() throws {
        let tree = RuleFixtures.base.with([
            "departments/ops.md": "---\ntitle: 运营部\nhead: ceo\n---\n## 部门职责\n\n- 由老板统筹公司运营\n",
            "roles/ceo.md": RuleFixtures.role("title: 总经理\ndepartment: ops\ntop: true\naliases: [老板]", body: "## 岗位职责\n\n- 总经理负责制定战略\n"),
        ])
        let g = try buildGraph(tree)
        let (ops, ceo) = (try g.indexOfDepartment("ops"), try g.indexOfRole("ceo"))
        #expect(g.mentions == [Mention(from: .department(ops), role: ceo, text: "由老板统筹公司运营", location: contentLoc("departments/ops.md", 7, 1))])
    }

    @Test("of two roles sharing a title, the one nearest in the department tree is meant")
    func nearestOfSameTitle() throws {
        let tree = RuleFixtures.base.with(RuleFixtures.store).with([
            "roles/ops-supervisor.md": RuleFixtures.role("title: 主管\ndepartment: ops\nreports_to: manager", body: "## 岗位职责\n\n- 巡查\n"),
            "roles/store-supervisor.md": RuleFixtures.role("title: 主管\ndepartment: store\nreports_to: store-lead", body: "## 岗位职责\n\n- 排班\n"),
            "roles/cashier.md": RuleFixtures.role("title: 收银员\ndepartment: store\nreports_to: store-supervisor", body: "## 岗位职责\n\n- 协助主管盘点\n"),
        ])
        let g = try buildGraph(tree)
        let (cashier, storeSupervisor) = (try g.indexOfRole("cashier"), try g.indexOfRole("store-supervisor"))
        #expect(g.mentions == [Mention(from: .role(cashier), role: storeSupervisor, text: "协助主管盘点", location: contentLoc("roles/cashier.md", 8, 1))])
    }

    @Test("a procedure step naming a role is a mention, matched across scripts")
    func procedureMention() throws {
        let tree = RuleFixtures.base.with(["procedures/open.md": "---\ntitle: 开店\nowner: manager\n---\n## 开店前\n\n1. 通知運營經理开门\n"])
        let g = try buildGraph(tree)
        let manager = try g.indexOfRole("manager")
        #expect(g.mentions == [Mention(from: .procedure(0), role: manager, text: "通知運營經理开门", location: contentLoc("procedures/open.md", 7, 1))])
    }
}

extension MentionTests {
    @Test("a Latin title is a mention only as a whole word; CJK next to it is a word break", arguments: [
        ("Call the PA today", true), ("PA: book rooms", true), ("联系PA安排会议", true), ("Update paperwork", false),
        ("Ask SPA staff", false), ("Fill in PA2 forms", false), ("Open the papa file", false),
    ])
    func latinWholeWords(text: String, mentions: Bool) throws {
        let tree = RuleFixtures.base.with([
            "roles/pa.md": RuleFixtures.role("title: PA\ndepartment: ops\nreports_to: ceo"),
            "roles/clerk.md": RuleFixtures.role("title: Clerk\ndepartment: ops\nreports_to: manager", body: "## Responsibilities\n\n- \(text)\n"),
        ])
        let g = try buildGraph(tree)
        #expect(g.mentions.map(\.role) == (mentions ? [try g.indexOfRole("pa")] : []))
    }

    @Test("the longest whole-word name wins; a shorter one is taken when the longer runs into a word")
    func longestWholeWord() throws {
        let tree = RuleFixtures.base.with([
            "roles/sales.md": RuleFixtures.role("title: Sales\ndepartment: ops\nreports_to: manager"),
            "roles/sales-manager.md": RuleFixtures.role("title: Sales Manager\ndepartment: ops\nreports_to: ceo"),
            "roles/clerk.md": RuleFixtures.role("title: Clerk\ndepartment: ops\nreports_to: manager",
                                                body: "## Responsibilities\n\n- Report to the Sales Manager\n- Brief the Sales Managerial staff\n"),
        ])
        let g = try buildGraph(tree)
        #expect(g.mentions.map(\.role) == [try g.indexOfRole("sales-manager"), try g.indexOfRole("sales")])
    }

    @Test("a name mixing Latin and CJK needs a word break only on its Latin side", arguments: [
        ("协助VIP客服经理回访", true), ("VIP客服经理们", true), ("SVIP客服经理回访", false),
    ])
    func mixedScriptName(text: String, mentions: Bool) throws {
        let tree = RuleFixtures.base.with([
            "roles/vip.md": RuleFixtures.role("title: VIP客服经理\ndepartment: ops\nreports_to: manager"),
            "roles/clerk.md": RuleFixtures.clerk(body: "## 岗位职责\n\n- \(text)\n"),
        ])
        let g = try buildGraph(tree)
        #expect(g.mentions.map(\.role) == (mentions ? [try g.indexOfRole("vip")] : []))
    }
}

@Suite("Links between content files")
struct LinkTests {
    static let ceoBody = """
    ## 岗位职责

    - 领导[运营部](../departments/ops.md)
    - 审批[开店流程](../procedures/open.md#steps)与[经理](manager.md)的计划

    见[外部](https://example.com)。
    """

    @Test("links to content files become graph links at their block")
    func graphLinks() throws {
        let tree = RuleFixtures.base.with([
            "roles/ceo.md": RuleFixtures.role("title: 总经理\ndepartment: ops\ntop: true", body: Self.ceoBody),
            "procedures/open.md": RuleFixtures.openProcedure,
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        let g = result.graph
        let (ceo, manager, ops) = (try g.indexOfRole("ceo"), try g.indexOfRole("manager"), try g.indexOfDepartment("ops"))
        #expect(g.links == [
            LinkEdge(from: .role(ceo), to: .department(ops), location: contentLoc("roles/ceo.md", 8, 3)),
            LinkEdge(from: .role(ceo), to: .procedure(0), location: contentLoc("roles/ceo.md", 9, 3)),
            LinkEdge(from: .role(ceo), to: .role(manager), location: contentLoc("roles/ceo.md", 9, 3)),
        ])
        #expect(g.backlinks(.role(manager)) == [LinkEdge(from: .role(ceo), to: .role(manager), location: contentLoc("roles/ceo.md", 9, 3))])
        #expect(g.backlinks(.role(ceo)) == [])
    }

    @Test("every link is kept on the document with its resolved target")
    func documentLinks() throws {
        let tree = RuleFixtures.base.with([
            "roles/ceo.md": RuleFixtures.role("title: 总经理\ndepartment: ops\ntop: true", body: Self.ceoBody),
            "procedures/open.md": RuleFixtures.openProcedure,
        ])
        let g = try buildGraph(tree)
        let links = g.roles[try g.indexOfRole("ceo")].header.document.links
        #expect(links.map(\.destination) == ["../departments/ops.md", "../procedures/open.md#steps", "manager.md", "https://example.com"])
        #expect(links.map(\.target) == ["departments/ops.md", "procedures/open.md", "roles/manager.md", nil])
    }

    @Test("link targets resolve relative to the linking file", arguments: [
        ("manager.md", "roles/manager.md"), ("./manager.md", "roles/manager.md"), ("../departments/ops.md", "departments/ops.md"),
        ("/procedures/open.md", "procedures/open.md"), ("manager.md#kpis", "roles/manager.md"), ("manager.md?x=1", "roles/manager.md"),
        ("%E5%BA%97%E9%95%BF.md", "roles/店长.md"), ("sub/a.md", "roles/sub/a.md"),
    ])
    func resolve(destination: String, target: String) {
        #expect(LinkResolver.contentTarget(destination, from: "roles/ceo.md") == target)
    }

    @Test("external links, anchors and other files have no content target", arguments: [
        "https://example.com/a.md", "mailto:a@b.c", "#kpis", "handbook.pdf", "",
    ])
    func noTarget(destination: String) {
        #expect(LinkResolver.contentTarget(destination, from: "roles/ceo.md") == nil)
    }

    @Test("the fragment of a link")
    func fragment() {
        #expect(LinkResolver.fragment("manager.md#kpis") == "kpis")
        #expect(LinkResolver.fragment("manager.md") == nil)
    }
}

@Suite("Timed steps and procedures")
struct ProcedureParsingTests {
    static let procedureText = """
    ---
    title: 开店
    owner: manager
    roles: [clerk]
    frequency: per shift
    version: "1.2"
    effective: 2026-01-01
    ---
    开店前准备。

    ## 开店前

    1. 08:30 开门
    2. 8:30～9:00 晨会
       1. 点名

    ## 营业时间内

    - 18:00-19:30 交班
    - 20:00—22:00 巡场
    - 18:00-02:00 夜班值守
    - 检查[店员](../roles/clerk.md)到岗
    """

    static func graph() throws -> RoleGraph {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk, "procedures/open.md": procedureText]))
        #expect(result.diagnosticLines == [])
        return result.graph
    }

    @Test("phases are the level-2 sections; intro prose is not a phase")
    func phases() throws {
        let procedure = try #require(try Self.graph().procedures.first)
        #expect(procedure.phases.map(\.heading) == ["开店前", "营业时间内"])
        #expect(procedure.phases.map(\.location.line) == [11, 17])
    }

    @Test("steps start with a time or a time range")
    func timedSteps() throws {
        let procedure = try #require(try Self.graph().procedures.first)
        #expect(procedure.steps.map(\.text) == ["开门", "晨会", "点名", "交班", "巡场", "夜班值守", "检查店员到岗"])
        #expect(procedure.steps.map(\.time) == [
            TimeSpan(start: 510), TimeSpan(start: 510, end: 540), nil, TimeSpan(start: 1080, end: 1170),
            TimeSpan(start: 1200, end: 1320), TimeSpan(start: 1080, end: 1560), nil,
        ])
        #expect(procedure.steps.map(\.location.line) == [13, 14, 15, 19, 20, 21, 22])
    }

    @Test("front matter of a procedure, and its edges in the graph")
    func fields() throws {
        let g = try Self.graph()
        let procedure = try #require(g.procedures.first)
        let (manager, clerk, ops) = (try g.indexOfRole("manager"), try g.indexOfRole("clerk"), try g.indexOfDepartment("ops"))
        #expect(procedure.frequency == .perShift)
        #expect(procedure.version == "1.2")
        #expect(procedure.effective == "2026-01-01")
        #expect(g.procedureOwner == [manager])
        #expect(g.procedurePerformers == [[clerk]])
        #expect(g.procedureDepartment == [ops])
        #expect(g.roleProcedures[clerk] == [0])
        #expect(g.ownedProcedures(manager) == [0])
        #expect(g.ownedProcedures(clerk) == [])
        #expect(g.links == [LinkEdge(from: .procedure(0), to: .role(clerk), location: contentLoc("procedures/open.md", 22, 3))])
    }

    @Test("a list before the first heading is an untitled first phase")
    func untitledPhase() throws {
        let g = try buildGraph(RuleFixtures.base.with(["procedures/close.md": "---\ntitle: 打烊\n---\n1. 锁门\n2. 关灯\n"]))
        let procedure = try #require(g.procedures.first)
        #expect(procedure.phases.map(\.kind) == [.intro])
        #expect(procedure.steps.map(\.text) == ["锁门", "关灯"])
    }

    @Test("time prefixes", arguments: [
        ("08:30 开门", 510, nil, "开门"), ("8:30 开门", 510, nil, "开门"), ("18:00-19:30 交班", 1080, 1170, "交班"),
        ("18:00 - 19:30 交班", 1080, 1170, "交班"), ("20:00—22:00 巡场", 1200, 1320, "巡场"), ("20:00–22:00 巡场", 1200, 1320, "巡场"),
        ("8:30～9:00 晨会", 510, 540, "晨会"), ("8:30~9:00 晨会", 510, 540, "晨会"), ("8:30至9:00 晨会", 510, 540, "晨会"),
        ("8:30到9:00 晨会", 510, 540, "晨会"), ("18:00-02:00 夜班", 1080, 1560, "夜班"), ("08：30，开门", 510, nil, "开门"),
        ("18：00 点名", 1080, nil, "点名"), ("18:00～19:00 交接", 1080, 1140, "交接"), ("18:00前完成交接", 1080, nil, "前完成交接"),
        ("20:30以前锁门", 1230, nil, "以前锁门"), ("9:00后开始巡场", 540, nil, "后开始巡场"), ("12:00之前提交报表", 720, nil, "之前提交报表"),
        ("18：00前完成", 1080, nil, "前完成"), ("18:00 前完成", 1080, nil, "前完成"), ("18:00-19:30前交班", 1080, 1170, "前交班"),
        ("18:00到岗打卡", 1080, nil, "到岗打卡"),
    ] as [(String, Int, Int?, String)])
    func timePrefix(text: String, start: Int, end: Int?, rest: String) throws {
        let (span, remainder) = try #require(TimeSpan.parsePrefix(of: text))
        #expect(span == TimeSpan(start: start, end: end))
        #expect(remainder == rest)
    }

    @Test("a time running straight into the text (18:00前…) still times the step")
    func timeBeforeText() throws {
        let text = "---\ntitle: 交班\nowner: manager\n---\n## 交班\n\n1. 18:00前完成交接\n2. 20:30以前锁门\n3. 9:00后开始巡场\n4. 12:00之前提交报表\n"
        let procedure = try #require(try buildGraph(RuleFixtures.base.with(["procedures/shift.md": text])).procedures.first)
        #expect(procedure.steps.map(\.time) == [TimeSpan(start: 1080), TimeSpan(start: 1230), TimeSpan(start: 540), TimeSpan(start: 720)])
        #expect(procedure.steps.map(\.text) == ["前完成交接", "以前锁门", "后开始巡场", "之前提交报表"])
    }

    @Test("text that does not start with a clock time has no time", arguments: ["开门 08:30", "12:3 点", "25:00 点", "2024 年", "8点30分"])
    func noTime(text: String) {
        #expect(TimeSpan.parsePrefix(of: text) == nil)
    }

    @Test("time labels wrap past midnight", arguments: [
        (TimeSpan(start: 510), "08:30"), (TimeSpan(start: 1080, end: 1170), "18:00–19:30"), (TimeSpan(start: 1080, end: 1560), "18:00–02:00"),
    ])
    func labels(span: TimeSpan, label: String) {
        #expect(span.label == label)
    }
}

@Suite("Encodings and Markdown blocks")
struct EncodingTests {
    static let clerk = RuleFixtures.clerk(body: "## 岗位职责\n\n- 收银结账\n  - 核对现金\n\n## 任职资格\n\n- 高中以上学历\n")

    @Test("CRLF line ends parse exactly like LF")
    func crlf() throws {
        let lf = try loadTree(["roles/clerk.md": Self.clerk])
        let crlf = try loadTree(["roles/clerk.md": Self.clerk.replacingOccurrences(of: "\n", with: "\r\n")])
        #expect(crlf.diagnostics == [])
        #expect(crlf.entities == lf.entities)
        #expect(crlf.entities.first?.header.title == "店员")
    }

    @Test("a UTF-8 byte order mark is skipped")
    func bom() throws {
        let lf = try loadTree(["roles/clerk.md": Self.clerk])
        let bom = try loadTree(["roles/clerk.md": "\u{FEFF}" + Self.clerk])
        #expect(bom.diagnostics == [])
        #expect(bom.entities == lf.entities)
    }

    @Test("BOM and CRLF together")
    func bomAndCRLF() throws {
        let lf = try loadTree(["roles/clerk.md": Self.clerk])
        let both = try loadTree(["roles/clerk.md": "\u{FEFF}" + Self.clerk.replacingOccurrences(of: "\n", with: "\r\n")])
        #expect(both.entities == lf.entities)
    }

    @Test("CRLF keeps line numbers in diagnostics")
    func crlfDiagnostics() throws {
        let text = RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: manger").replacingOccurrences(of: "\n", with: "\r\n")
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": text]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:4:13: error[RB101]: 'reports_to' names unknown role 'manger'",
            "    content/roles/manager.md:1:1: note: did you mean 'manager'?",
        ])
    }

    @Test("a closing `...` line ends the front matter too")
    func dotsCloseFrontMatter() throws {
        let content = try loadTree(["roles/clerk.md": "---\ntitle: 店员\n...\n## 岗位职责\n\n- 收银结账\n"])
        #expect(content.diagnostics == [])
        #expect(content.entities.first?.header.document.items(.responsibilities).map(\.location.line) == [6])
    }

    @Test("a pipe table in a paragraph becomes a table block; links in cells are kept")
    func pipeTable() throws {
        let body = """
        ## 工作关系

        | 对象 | 内容 |
        | --- | :-: |
        | [总经理](ceo.md) | 汇报 **工作** |
        | 客户 | 服务 |
        """
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: "## 岗位职责\n\n- 收银结账\n\n" + body)])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        let g = result.graph
        let (clerk, ceo) = (try g.indexOfRole("clerk"), try g.indexOfRole("ceo"))
        let section = try #require(g.roles[clerk].header.document.sections(.relations).first)
        let block = try #require(section.blocks.first)
        #expect(section.blocks.count == 1)
        #expect(block.line == 12)
        #expect(block.column == 1)
        guard case .table(let header, let rows) = block.kind else {
            Issue.record("expected a table, got \(block.kind)")
            return
        }
        #expect(header.map(\.plainText) == ["对象", "内容"])
        #expect(rows.map { $0.map(\.plainText) } == [["总经理", "汇报 工作"], ["客户", "服务"]])
        #expect(rows[0][0].contains(.link(destination: "ceo.md", title: "", children: [.text("总经理")])))
        #expect(rows[0][1].contains(.strong([.text("工作")])))
        #expect(block.plainText == "对象 内容 总经理 汇报 工作 客户 服务")
        #expect(g.links == [LinkEdge(from: .role(clerk), to: .role(ceo), location: contentLoc("roles/clerk.md", 12, 1))])
    }

    @Test("lines with pipes but no delimiter row stay a paragraph")
    func notATable() {
        let blocks = MarkdownParser.parse("| a | b |\n| c | d |\n")
        #expect(blocks == [Block(.paragraph([.text("| a | b |"), .softBreak, .text("| c | d |")]), line: 1, column: 1)])
    }

    @Test("Markdown blocks carry file lines when given the front matter offset")
    func lineOffset() {
        let blocks = MarkdownParser.parse("# 标题\n\n> 引用\n\n```sh\nls\n```\n\n---\n", lineOffset: 5)
        #expect(blocks == [
            Block(.heading(level: 1, [.text("标题")]), line: 6, column: 1),
            Block(.blockQuote([Block(.paragraph([.text("引用")]), line: 8, column: 3)]), line: 8, column: 1),
            Block(.code(info: "sh", literal: "ls\n"), line: 10, column: 1),
            Block(.thematicBreak, line: 14, column: 1),
        ])
    }

    @Test("inline Markdown is kept as a tree")
    func inlines() {
        let blocks = MarkdownParser.parse("按*规定*和**流程** `code` 见[手册](a.md \"标题\")即可  \n下一行\n")
        #expect(blocks == [Block(.paragraph([
            .text("按"), .emphasis([.text("规定")]), .text("和"), .strong([.text("流程")]), .text(" "), .code("code"),
            .text(" 见"), .link(destination: "a.md", title: "标题", children: [.text("手册")]), .text("即可"), .lineBreak, .text("下一行"),
        ]), line: 1, column: 1)])
    }
}

@Suite("Content folder")
struct ContentFolderTests {
    @Test("files named _x or .x, files in such folders and excluded paths are skipped; other files are ignored")
    func skipped() throws {
        let tree = RuleFixtures.base.with([
            "rolebook.yml": "exclude: [NOTES.md, roles/draft.md, archive]\n",
            "NOTES.md": "随便写",
            "roles/draft.md": "草稿",
            "roles/_template.md": "模板",
            "roles/.hidden.md": "隐藏",
            "_drafts/roles/x.md": "草稿",
            "archive/roles/old.md": "旧",
            "roles/readme.txt": "不是 Markdown",
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        #expect(result.fileCount == 3)
        #expect(result.graph.config.exclude == ["NOTES.md", "roles/draft.md", "archive"])
    }

    @Test("entities are sorted by path")
    func sortedByPath() throws {
        let content = try loadTree(RuleFixtures.base.with(["roles/a/z.md": RuleFixtures.clerk, "roles/b.md": RuleFixtures.clerk]))
        #expect(content.entities.map(\.header.path) == ["departments/ops.md", "roles/a/z.md", "roles/b.md", "roles/ceo.md", "roles/manager.md"])
        #expect(content.paths == ["departments/ops.md", "roles/a/z.md", "roles/b.md", "roles/ceo.md", "roles/manager.md"])
    }

    @Test("rolebook.yml settings")
    func config() throws {
        let yml = """
        title: 华衡集团岗位手册
        organization: 华衡集团
        language: zh-TW
        validation:
          max_span: 5
          max_depth: 3
        """
        let config = try loadTree(RuleFixtures.base.with(["rolebook.yml": yml])).config
        #expect(config.title == "华衡集团岗位手册")
        #expect(config.organization == "华衡集团")
        #expect(config.language == "zh-TW")
        #expect(config.maxSpan == 5)
        #expect(config.maxDepth == 3)
    }

    @Test("defaults without rolebook.yml")
    func defaults() throws {
        let config = try loadTree(RuleFixtures.base).config
        #expect(config == SiteConfig())
        #expect((config.title, config.language, config.maxSpan, config.maxDepth) == ("rolebook", "zh-CN", 12, 8))
    }

    @Test("rolebook.yml with CRLF line ends")
    func configCRLF() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "title: 手册\r\nlanguage: en\r\n"]))
        #expect(result.diagnosticLines == [])
        #expect(result.graph.config.title == "手册")
        #expect(result.graph.config.language == "en")
    }

    @Test("rolebook.yml with a BOM and CRLF line ends")
    func configBOMAndCRLF() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "\u{FEFF}title: 手册\r\nlanguage: en\r\n"]))
        #expect(result.diagnosticLines == [])
        #expect((result.graph.config.title, result.graph.config.language) == ("手册", "en"))
    }

    @Test("every value error in rolebook.yml is RB011, at the value's byte column")
    func configValueErrors() throws {
        let yml = "validation: 5\nsections:\n  responsibilities: {a: 1}\n  kpis: [考评, {x: 1}]\nlanguage: [en]\n"
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": yml]))
        #expect(result.diagnosticLines == [
            "content/rolebook.yml:1:13: error[RB011]: 'validation' must be a map",
            "content/rolebook.yml:3:21: error[RB011]: 'responsibilities' must be a list",
            "content/rolebook.yml:4:18: error[RB011]: 'kpis' must be a list of names",
            "content/rolebook.yml:5:11: error[RB011]: 'language' must be a single value",
        ])
    }

    @Test("a display root of '.' shows content-relative paths")
    func dotDisplayRoot() throws {
        let diagnostics = try withContent(RuleFixtures.unknownReference) { root in
            try Checker(loader: ContentLoader(root: root, displayRoot: ".")).run().diagnostics
        }
        #expect(diagnostics.map(\.location) == [RoleBookModel.SourceLocation(file: "roles/clerk.md", line: 4, column: 13)])
        #expect(diagnostics.first?.notes.first?.location == RoleBookModel.SourceLocation(file: "roles/manager.md", line: 1, column: 1))
    }

    @Test("trailing slashes are dropped from the display root")
    func trailingSlash() {
        let loader = ContentLoader(root: URL(fileURLWithPath: "/tmp/x"), displayRoot: "content//")
        #expect(loader.displayRoot == "content")
        #expect(loader.displayPath("roles/a.md") == "content/roles/a.md")
    }

    @Test("a missing content folder throws instead of reporting")
    func missingFolder() {
        let loader = ContentLoader(root: URL(fileURLWithPath: "/nonexistent/rolebook-\(UUID().uuidString)"), displayRoot: "content")
        #expect(throws: (any Error).self) { try loader.load() }
        #expect(throws: (any Error).self) { try Checker(loader: loader).run() }
    }
}

/// YAML locations: lines as in the file, columns in UTF-8 bytes like cmark's.
@Suite("Front matter locations")
struct FrontMatterLocationTests {
    /// Parses `yaml` as front matter starting on file line 2.
    static func parse(_ yaml: String) throws -> YAMLValue {
        try FrontMatter.parse(yaml, file: "f.md", firstLine: 2)
    }

    /// The error `yaml` raises, as `line:column: message`.
    static func error(_ yaml: String) -> String? {
        do {
            _ = try FrontMatter.parse(yaml, file: "f.md", firstLine: 2)
            return nil
        } catch {
            return "\(error.location.line):\(error.location.column): \(error.message)"
        }
    }

    static func at(_ line: Int, _ column: Int) -> RoleBookModel.SourceLocation { RoleBookModel.SourceLocation(file: "f.md", line: line, column: column) }

    @Test("keys, values and list items after CJK text")
    func valueColumns() throws {
        guard case .mapping(let entries) = try Self.parse("名称: 店员\naliases: [店长, 值班经理]\n") else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key.location) == [Self.at(2, 1), Self.at(3, 1)])
        #expect(entries[0].value.location == Self.at(2, 9))
        guard case .sequence(let items) = entries[1].value.value else { Issue.record("not a list"); return }
        #expect(items.map(\.location) == [Self.at(3, 11), Self.at(3, 19)])
    }

    @Test("a line separator inside a quoted value breaks a libyaml line but not a file line")
    func unicodeLineSeparator() throws {
        guard case .mapping(let entries) = try Self.parse("summary: \"甲\u{2028}乙\"\ntitle: 店员\n") else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key.location) == [Self.at(2, 1), Self.at(3, 1)])
        #expect(entries[1].value.location == Self.at(3, 8))
    }

    @Test("YAML errors count bytes too: 4-byte emoji, control characters")
    func errorColumns() {
        #expect(Self.error("title: 😀x: y\n") == "2:13: mapping values are not allowed in this context")
        #expect(Self.error("title: 店员\u{7}\n") == "2:14: control characters are not allowed")
    }

    @Test("a duplicate key is reported where it is repeated", arguments: [
        ("a: 1\nb: 2\na: 3\na: 4\n", "4:1: duplicate key 'a'"),
        ("title: 店员\nextra:\n  键: 1\n  b: 2\n  键: 3\n", "6:3: duplicate key '键'"),
        ("m: {a: 1, 店: 2, a: 3}\n", "2:19: duplicate key 'a'"),
        ("b: 1\na: 2\nb: 3\na: 4\n", "4:1: duplicate key 'a', 'b'"),
        ("\"店\": 1\n'店': 2\n", "3:1: duplicate key '店'"),
        ("list:\n  - {x: 1}\n  - {y: 1, 值: 2, 值: 3}\n", "4:20: duplicate key '值'"),
    ])
    func duplicateKeys(yaml: String, expected: String) {
        #expect(Self.error(yaml) == expected)
    }
}
