import Foundation
import RoleBookModel
import RoleBookParsing

/// One small content tree per diagnostic code that triggers it, and a near miss that does not.
///
/// Every tree starts from ``base``, which is clean: one department `ops` headed by `ceo`,
/// `ceo` (top) and `manager` (reports to `ceo`). Line numbers in the expectations count
/// the front matter: line 1 is the opening `---`, line 2 the first key.
package enum RuleFixtures {
    package static let base = ContentTree([
        "departments/ops.md": """
        ---
        title: 运营部
        head: ceo
        ---
        ## 部门职责

        - 统筹公司运营
        """,
        "roles/ceo.md": """
        ---
        title: 总经理
        department: ops
        top: true
        ---
        ## 岗位职责

        - 制定公司战略
        """,
        "roles/manager.md": """
        ---
        title: 运营经理
        department: ops
        reports_to: ceo
        ---
        ## 岗位职责

        - 管理日常运营
        """,
    ])

    /// A valid role reporting to `manager`; `reports_to` is at 4:13, `title` at 2:8.
    package static let clerk = """
    ---
    title: 店员
    department: ops
    reports_to: manager
    ---
    ## 岗位职责

    - 收银结账
    """

    /// The clerk's role file (as ``clerk``) with `frontMatter` lines added after its own (each
    /// ending in a newline) and another body: the one builder of the clerk every test target uses.
    package static func clerk(adding frontMatter: String = "", body: String = "## 岗位职责\n\n- 收银结账\n") -> String {
        "---\ntitle: 店员\ndepartment: ops\nreports_to: manager\n" + frontMatter + "---\n" + body
    }

    /// A valid daily procedure owned by `manager` with two phases.
    package static let openProcedure = """
    ---
    title: 开店
    owner: manager
    frequency: daily
    ---
    ## 开店前

    1. 08:30 开门

    ## 打烊前

    1. 盘点现金
    """

    /// A sub-department `store` headed by `store-lead`, who reports to `ceo`.
    package static let store: [String: String?] = [
        "departments/store.md": """
        ---
        title: 门店
        parent: ops
        head: store-lead
        ---
        ## 部门职责

        - 门店销售
        """,
        "roles/store-lead.md": """
        ---
        title: 店长
        department: store
        reports_to: ceo
        ---
        ## 岗位职责

        - 管理门店
        """,
    ]

    package static func role(_ frontMatter: String, body: String = "## 岗位职责\n\n- 收银结账\n") -> String {
        "---\n" + frontMatter + "\n---\n" + body
    }

    // MARK: - Files and front matter

    package static let invalidUTF8 = base.with(raw: "roles/clerk.md",
                                       Array("---\ntitle: 店员\nsummary: 收银".utf8) + [0xFF]
                                           + Array("\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 收银结账\n".utf8))
    package static let validUTF8 = base.with(["roles/clerk.md": role("title: 店员\nsummary: 收银\ndepartment: ops\nreports_to: manager")])

    package static let missingFrontMatter = base.with(["roles/clerk.md": "# 店员\n\n## 岗位职责\n\n- 收银结账\n"])
    package static let withFrontMatter = base.with(["roles/clerk.md": clerk])

    package static let invalidYAML = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops: sales\nreports_to: manager")])
    package static let validYAML = base.with(["roles/clerk.md": clerk()])

    package static let invalidValue = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: manager\nheadcount: -1")])
    package static let validValue = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: manager\nheadcount: 2")])

    package static let missingTitle = base.with(["roles/clerk.md": role("department: ops\nreports_to: manager")])
    package static let withTitle = base.with(["roles/clerk.md": clerk])

    package static let invalidID = base.with(["roles/clerk.md": role("id: cash desk\ntitle: 店员\ndepartment: ops\nreports_to: manager")])
    package static let validID = base.with(["roles/clerk.md": role("id: cash-desk\ntitle: 店员\ndepartment: ops\nreports_to: manager")])

    package static let duplicateID = base.with(["roles/store/clerk.md": clerk, "roles/warehouse/clerk.md": clerk])
    /// A department and a role may share an id: ids are unique per kind.
    package static let sameIDOtherKind = base.with(store).with([
        "roles/store-lead.md": nil,
        "departments/store.md": """
        ---
        title: 门店
        parent: ops
        head: store
        ---
        ## 部门职责

        - 门店销售
        """,
        "roles/store.md": role("title: 店长\ndepartment: store\nreports_to: ceo"),
    ])

    package static let unknownKind = base.with(["roles/clerk.md": role("kind: rol\ntitle: 店员\ndepartment: ops\nreports_to: manager")])
    package static let knownKind = base.with(["roles/clerk.md": role("kind: Role\ntitle: 店员\ndepartment: ops\nreports_to: manager")])

    package static let noKind = base.with(["guides/clerk.md": clerk])
    package static let kindDeclared = base.with(["guides/clerk.md": role("kind: role\ntitle: 店员\ndepartment: ops\nreports_to: manager")])

    package static let emptyFile = base.with(["roles/clerk.md": "  \n\n"])
    package static let nonEmptyFile = base.with(["roles/clerk.md": clerk])

    package static let invalidConfig = base.with(["rolebook.yml": "title: 岗位手册\nlanguage: fr\n"])
    package static let validConfig = base.with(["rolebook.yml": "title: 岗位手册\nlanguage: en\n"])

    /// A named pipe called `.md` is reported (not waited on); one without `.md` is not content.
    package static let pipeAsContent = base.with(special: "roles/clerk.md", .fifo)
    package static let pipeNotContent = base.with(special: "roles/clerk.fifo", .fifo)

    /// One byte over 20 MB is not read; the same role at its usual size is.
    package static let tooLarge = base.with(special: "roles/clerk.md", .sparse(bytes: ContentLoader.maxFileSize + 1))

    /// A link to a file outside the content folder is refused; one to a file inside it is read.
    package static let linkOutside = base.with(special: "roles/clerk.md", .link(to: "/dev/null"))
    package static let linkInside = base.with(["_shared/clerk.md": clerk]).with(special: "roles/clerk.md", .link(to: "../_shared/clerk.md"))

    // MARK: - References and structure

    package static let unknownReference = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: manger")])
    package static let knownReference = base.with(["roles/clerk.md": clerk])

    package static let twoSupervisors: [String: String?] = [
        "roles/shift-a.md": role("title: 主管\ndepartment: ops\nreports_to: manager", body: "## 岗位职责\n\n- 早班排班\n"),
        "roles/shift-b.md": role("title: 主管\ndepartment: ops\nreports_to: manager", body: "## 岗位职责\n\n- 晚班排班\n"),
    ]
    package static let ambiguousReference = base.with(twoSupervisors)
        .with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: 主管")])
    package static let unambiguousReference = base.with(twoSupervisors)
        .with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: shift-a")])

    package static let cycleOfThree = base.with([
        "roles/a.md": role("title: 甲\ndepartment: ops\nreports_to: b"),
        "roles/b.md": role("title: 乙\ndepartment: ops\nreports_to: c"),
        "roles/c.md": role("title: 丙\ndepartment: ops\nreports_to: a"),
    ])
    package static let chainOfThree = cycleOfThree.with(["roles/c.md": role("title: 丙\ndepartment: ops\nreports_to: ceo")])

    package static let selfReport = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: clerk")])
    package static let reportsToOther = base.with(["roles/clerk.md": clerk])

    package static let missingSuperior = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops")])
    package static let secondTop = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\ntop: true")])

    /// `manager` lists `clerk`, who reports to `ceo`.
    package static let directReportMismatch = base.with([
        "roles/manager.md": role("title: 运营经理\ndepartment: ops\nreports_to: ceo\ndirect_reports: [clerk]", body: "## 岗位职责\n\n- 管理日常运营\n"),
        "roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: ceo"),
    ])
    /// `manager` lists only `clerk`, but `cashier` reports to it too.
    package static let unlistedDirectReport = base.with([
        "roles/manager.md": role("title: 运营经理\ndepartment: ops\nreports_to: ceo\ndirect_reports: [clerk]", body: "## 岗位职责\n\n- 管理日常运营\n"),
        "roles/clerk.md": clerk,
        "roles/cashier.md": role("title: 收银员\ndepartment: ops\nreports_to: manager"),
    ])
    package static let directReportsAgree = unlistedDirectReport.with([
        "roles/manager.md": role("title: 运营经理\ndepartment: ops\nreports_to: ceo\ndirect_reports: [clerk, 收银员]", body: "## 岗位职责\n\n- 管理日常运营\n"),
    ])

    /// `store` names `manager` (of `ops`) as its head; its only role is a second top.
    package static let headOutsideDepartment = base.with([
        "departments/store.md": "---\ntitle: 门店\nhead: manager\n---\n## 部门职责\n\n- 门店销售\n",
        "roles/store-lead.md": role("title: 店长\ndepartment: store\ntop: true", body: "## 岗位职责\n\n- 管理门店\n"),
    ])
    package static let headInsideDepartment = headOutsideDepartment.with([
        "departments/store.md": "---\ntitle: 门店\nhead: store-lead\n---\n## 部门职责\n\n- 门店销售\n",
    ])

    package static let brokenLink = base.with([
        "roles/ceo.md": role("title: 总经理\ndepartment: ops\ntop: true", body: "## 岗位职责\n\n- 指导[运营经理](manger.md)的工作\n"),
    ])
    package static let workingLink = base.with([
        "roles/ceo.md": role("title: 总经理\ndepartment: ops\ntop: true", body: "## 岗位职责\n\n- 指导[运营经理](manager.md)的工作\n"),
    ])

    package static let westLead = role("title: 西区经理\ndepartment: west\nreports_to: ceo", body: "## 岗位职责\n\n- 管理西区\n")
    package static let departmentCycle = base.with([
        "departments/east.md": "---\ntitle: 东区\nparent: west\n---\n## 部门职责\n\n- 东区销售\n",
        "departments/west.md": "---\ntitle: 西区\nparent: east\nhead: west-lead\n---\n## 部门职责\n\n- 西区销售\n",
        "roles/west-lead.md": westLead,
    ])
    package static let departmentChain = departmentCycle.with([
        "departments/east.md": "---\ntitle: 东区\nparent: ops\n---\n## 部门职责\n\n- 东区销售\n",
    ])

    package static let missingDepartment = base.with(["roles/clerk.md": role("title: 店员\nreports_to: manager")])
    package static let withDepartment = base.with(["roles/clerk.md": clerk])

    package static let topWithSuperior = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\ntop: true\nreports_to: manager")])
    package static let topWithoutSuperior = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\ntop: true")])

    // MARK: - Warnings

    package static let assistant = role("title: 助理\ndepartment: ops\nreports_to: ceo", body: "## 岗位职责\n\n- 安排会议\n")
    package static let spanOfControl = base.with(["rolebook.yml": "validation:\n  max_span: 1\n", "roles/assistant.md": assistant])
    package static let spanWithinLimit = base.with(["rolebook.yml": "validation:\n  max_span: 2\n", "roles/assistant.md": assistant])

    package static let chainTooDeep = base.with(["rolebook.yml": "validation:\n  max_depth: 1\n", "roles/clerk.md": clerk])
    package static let chainWithinLimit = base.with(["rolebook.yml": "validation:\n  max_depth: 2\n", "roles/clerk.md": clerk])

    package static let crossDepartmentSuperior = base.with(store).with([
        "roles/cashier.md": role("title: 收银员\ndepartment: store\nreports_to: manager"),
    ])
    package static let sameDepartmentSuperior = base.with(store).with([
        "roles/cashier.md": role("title: 收银员\ndepartment: store\nreports_to: store-lead"),
    ])

    package static func opsWithPositions(_ positions: String) -> [String: String?] {
        ["departments/ops.md": "---\ntitle: 运营部\nhead: ceo\npositions:\n\(positions)\n---\n## 部门职责\n\n- 统筹公司运营\n"]
    }
    package static let positionsMismatch = base.with(opsWithPositions("  ceo: 1\n  manager: 2"))
    package static let positionsMatch = base.with(opsWithPositions("  ceo: 1\n  manager: 1"))

    package static let vacantWithReports = base.with([
        "roles/manager.md": role("title: 运营经理\ndepartment: ops\nreports_to: ceo\nheadcount: 0", body: "## 岗位职责\n\n- 管理日常运营\n"),
        "roles/clerk.md": clerk,
    ])
    package static let vacantWithoutReports = base.with([
        "roles/manager.md": role("title: 运营经理\ndepartment: ops\nreports_to: ceo\nheadcount: 0", body: "## 岗位职责\n\n- 管理日常运营\n"),
    ])

    package static let noResponsibilities = base.with([
        "roles/clerk.md": clerk(body: "## 任职资格\n\n- 高中以上学历\n"),
    ])
    package static let withResponsibilities = base.with([
        "roles/clerk.md": clerk(body: "## Responsibilities\n\n- 收银结账\n"),
    ])

    package static let emptySection = base.with([
        "roles/clerk.md": clerk(body: "## 岗位职责\n\n- 收银结账\n\n## 任职资格\n"),
    ])
    package static let filledSection = base.with([
        "roles/clerk.md": clerk(body: "## 岗位职责\n\n- 收银结账\n\n## 任职资格\n\n高中以上学历。\n"),
    ])

    package static let unknownKey = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreport_to: manager")])
    package static let knownKeys = base.with(["roles/clerk.md": role("title: 店员\ndepartment: ops\nreports_to: manager\ngrade: P3\ncode: R-01\nlocation: 一楼\nhours: 9:00-18:00\naliases: [收银]")])

    package static let procedureWithoutSteps = base.with(["procedures/open.md": "---\ntitle: 开店\nowner: manager\nfrequency: daily\n---\n开店前检查门店。\n"])
    package static let procedureWithSteps = base.with(["procedures/open.md": openProcedure])

    package static let emptyPhase = base.with(["procedures/open.md": "---\ntitle: 开店\nowner: manager\nfrequency: daily\n---\n## 开店前\n\n1. 开门\n\n## 打烊前\n\n检查门店。\n"])
    package static let everyPhaseWithSteps = base.with(["procedures/open.md": "---\ntitle: 开店\nowner: manager\nfrequency: daily\n---\n## 开店前\n\n1. 开门\n\n## 打烊前\n\n检查门店。\n\n1. 锁门\n"])

    package static let unknownFrequency = base.with(["procedures/open.md": openProcedure.replacingOccurrences(of: "frequency: daily", with: "frequency: hourly")])
    package static let chineseFrequency = base.with(["procedures/open.md": openProcedure.replacingOccurrences(of: "frequency: daily", with: "frequency: 每日")])

    package static let rawHTML = base.with([
        "roles/clerk.md": clerk(body: "## 岗位职责\n\n- 收银结账\n\n<div>备注</div>\n"),
    ])
    /// HTML inside a code span is text, not HTML.
    package static let htmlInCode = base.with([
        "roles/clerk.md": clerk(body: "## 岗位职责\n\n- 收银结账，不要写 `<div>`\n"),
    ])

    package static let emptyDepartment = base.with(["departments/store.md": "---\ntitle: 门店\nparent: ops\n---\n## 部门职责\n\n- 门店销售\n"])
    package static let departmentWithRole = base.with(store)

    /// Lists nested 70 levels deep (one line, `- - - …`) are flattened past 64; 30 levels are kept.
    package static let deepNesting = base.with([
        "roles/clerk.md": clerk(body: "## 岗位职责\n\n" + String(repeating: "- ", count: 70) + "收银结账\n"),
    ])
    package static let shallowNesting = base.with([
        "roles/clerk.md": clerk(body: "## 岗位职责\n\n" + String(repeating: "- ", count: 30) + "收银结账\n"),
    ])

    /// For every code: a tree that triggers it and one that does not.
    package static let pairs: [DiagnosticCode: (triggers: ContentTree, clean: ContentTree)] = [
        .invalidUTF8: (invalidUTF8, validUTF8),
        .missingFrontMatter: (missingFrontMatter, withFrontMatter),
        .invalidYAML: (invalidYAML, validYAML),
        .invalidValue: (invalidValue, validValue),
        .missingTitle: (missingTitle, withTitle),
        .invalidID: (invalidID, validID),
        .duplicateID: (duplicateID, sameIDOtherKind),
        .unknownKind: (unknownKind, knownKind),
        .noKind: (noKind, kindDeclared),
        .emptyFile: (emptyFile, nonEmptyFile),
        .invalidConfig: (invalidConfig, validConfig),
        .unreadable: (pipeAsContent, pipeNotContent),
        .fileTooLarge: (tooLarge, nonEmptyFile),
        .linkOutsideContent: (linkOutside, linkInside),
        .unknownReference: (unknownReference, knownReference),
        .ambiguousReference: (ambiguousReference, unambiguousReference),
        .reportingCycle: (cycleOfThree, chainOfThree),
        .selfReport: (selfReport, reportsToOther),
        .missingSuperior: (missingSuperior, secondTop),
        .directReportMismatch: (directReportMismatch, directReportsAgree),
        .unlistedDirectReport: (unlistedDirectReport, directReportsAgree),
        .headOutsideDepartment: (headOutsideDepartment, headInsideDepartment),
        .brokenLink: (brokenLink, workingLink),
        .departmentCycle: (departmentCycle, departmentChain),
        .missingDepartment: (missingDepartment, withDepartment),
        .topWithSuperior: (topWithSuperior, topWithoutSuperior),
        .spanOfControl: (spanOfControl, spanWithinLimit),
        .chainTooDeep: (chainTooDeep, chainWithinLimit),
        .crossDepartmentSuperior: (crossDepartmentSuperior, sameDepartmentSuperior),
        .positionsMismatch: (positionsMismatch, positionsMatch),
        .vacantWithReports: (vacantWithReports, vacantWithoutReports),
        .noResponsibilities: (noResponsibilities, withResponsibilities),
        .emptySection: (emptySection, filledSection),
        .unknownKey: (unknownKey, knownKeys),
        .procedureWithoutSteps: (procedureWithoutSteps, procedureWithSteps),
        .emptyPhase: (emptyPhase, everyPhaseWithSteps),
        .unknownFrequency: (unknownFrequency, chineseFrequency),
        .rawHTML: (rawHTML, htmlInCode),
        .emptyDepartment: (emptyDepartment, departmentWithRole),
        .nestingFlattened: (deepNesting, shallowNesting),
    ]

    /// Two companies with a 客服经理 each, one written in traditional script.
    package static let twoCompanies = ContentTree([
        "hotel/departments/fo.md": "---\ntitle: 前厅部\nhead: fo-manager\n---\n- 接待\n",
        "hotel/roles/fo-manager.md": "---\ntitle: 前厅部经理\ndepartment: fo\ntop: true\n---\n## 岗位职责\n\n- 管理前厅\n",
        "hotel/roles/cs-manager.md": "---\ntitle: 客服经理\ndepartment: fo\nreports_to: fo-manager\n---\n## 岗位职责\n\n- 处理投诉\n",
        "tw/departments/cs.md": "---\ntitle: 客服部\nhead: tw-cs-manager\n---\n- 客服\n",
        "tw/roles/tw-cs-manager.md": "---\ntitle: 客服經理\ndepartment: cs\ntop: true\n---\n## 崗位職責\n\n- 處理投訴\n",
        "tw/roles/agent.md": "---\ntitle: 客服專員\ndepartment: cs\nreports_to: tw-cs-manager\n---\n## 崗位職責\n\n- 接聽電話\n",
    ])

    /// The note under every RB012 for a file that is not regular.
    package static let notRegularNote = "    note: only regular files are read; remove it or rename it so it does not end in .md"
    /// The note under every RB014 (a link out of the content folder).
    package static let outsideNote = "    note: rolebook reads only files inside the content folder; copy what it should publish into the folder"
}
