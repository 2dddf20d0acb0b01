import RoleBookModel
import RoleBookParsing

/// Every UI string the site uses; each language table must have all of them (`LocalizationTests`).
package enum UIKey: String, CaseIterable, Sendable {
    case aliases
    case all
    case approvedBy
    case az
    case byDepartment
    case byRole
    case chain
    case chainOmitted
    case checklistIndex
    case checklists
    case code
    case colon
    case daily
    case date
    case dateEnd
    case dateStart
    case department
    case departmentCount
    case departmentIndex
    case departments
    case depth
    case docNo
    case documentControl
    case didYouMean
    case directReports
    case done
    case dottedLine
    case dottedReports
    case dottedSuperior
    case filterDepartment
    case jumpToLetter
    case effective
    case executor
    case frequency
    case fri
    case generated
    case grade
    case headcount
    case headcountTotal
    case home
    case hours
    case hrDepartment
    case incumbent
    case initials
    case intro
    case jobDescription
    case legendReports
    case legendSubdept
    case linkedFrom
    case listSeparator
    case loading
    case location
    case mentionedIn
    case mentions
    case mon
    case monthly
    case more
    case morePeers
    case name
    case nameSeparator
    case noDepartment
    case noResults
    case `none`
    case onDemand = "on demand"
    case orgChart
    case organization
    case other
    case overview
    case ownedProcedures
    case owner
    case pageOf
    case peers
    case people
    case perShift = "per shift"
    case performedProcedures
    case performers
    case print
    case printChecklist
    case procedure
    case procedureCount
    case procedureIndex
    case procedures
    case recentProcedures
    case remarks
    case reportsTo
    case results
    case reviewer
    case role
    case roleChecklist
    case roleCount
    case roles
    case rolesTable
    case sat
    case search
    case searchPlaceholder
    case sectionsNav
    case shift
    case sign
    case signature
    case signOff
    case skipToContent
    case span
    case step
    case steps
    case subDepartments
    case sun
    case thu
    case time
    case top
    case tue
    case vacancies
    case vacancyCount
    case vacant
    case version
    case viewDepartment
    case wed
    case weekGrid
    case weekly
}

/// UI strings in the site's language (`rolebook.yml` `language`).
package struct UIStrings: Sendable {
    package var lang: String
    private var table: [UIKey: String]

    package init(language: String) {
        lang = language
        switch language {
        case "en": table = Self.en
        case "zh-TW", "zh-HK": table = Self.zhTW
        default: table = Self.zhCN
        }
    }

    /// Every table has every key (``UIKey``; `LocalizationTests` checks it), so nothing falls back.
    package subscript(_ key: UIKey) -> String { table[key] ?? Self.en[key] ?? key.rawValue }

    /// `format("results", 3)`: the plural form for 3 (``pluralForm(_:_:)``), `{n}` replaced.
    package func format(_ key: UIKey, _ n: Int) -> String { Self.replacingCount(in: pluralForm(self[key], n), with: n) }

    /// Every `{n}` in `form` replaced by `n`, left to right, on bytes: Foundation's
    /// `replacingOccurrences` cost 30,000 instructions a call, and lists format a count per row.
    static func replacingCount(in form: String, with n: Int) -> String {
        guard form.utf8.contains(UInt8(ascii: "{")) else { return form }
        let bytes = Array(form.utf8), number = Array(String(n).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + number.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "n"), bytes[i + 2] == UInt8(ascii: "}") {
                out += number
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let zhCN: [UIKey: String] = [
        .home: "首页", .departments: "部门", .roles: "岗位", .procedures: "流程与制度", .checklists: "检查清单", .az: "岗位索引",
        .search: "搜索", .searchPlaceholder: "搜索岗位、职责、流程（支持拼音）", .noResults: "没有找到结果", .didYouMean: "你是不是要找：", .results: "{n} 个结果",
        .all: "全部部门", .role: "岗位", .department: "部门", .procedure: "流程", .loading: "正在加载…", .more: "显示更多",
        .orgChart: "组织架构图", .rolesTable: "岗位列表", .subDepartments: "下属部门", .headcount: "编制", .people: "{n} 人",
        .vacant: "待配置", .vacancies: "待配置岗位", .reportsTo: "直接上级", .directReports: "直接下级", .dottedLine: "虚线汇报",
        .dottedReports: "虚线下级", .peers: "同级岗位", .morePeers: "另有 {n} 个同级岗位，见直接上级页面", .chainOmitted: "…… 中间 {n} 级 ……", .chain: "汇报链", .grade: "职级", .code: "岗位编号", .hours: "工作时间",
        .location: "工作地点", .aliases: "又称", .ownedProcedures: "负责的流程", .performedProcedures: "参与的流程",
        .mentionedIn: "提到本岗位的职责", .linkedFrom: "链接到本岗位的页面", .owner: "负责岗位", .performers: "执行岗位", .frequency: "频率",
        .version: "版本", .effective: "生效日期", .steps: "{n} 个步骤", .printChecklist: "打印检查清单", .print: "打印",
        .signature: "员工确认签字", .date: "日期", .overview: "组织概览", .recentProcedures: "最近生效的流程",
        .roleCount: "{n} 个岗位", .departmentCount: "{n} 个部门", .procedureCount: "{n} 个流程", .headcountTotal: "编制 {n} 人",
        .vacancyCount: "{n} 个待配置", .span: "管理幅度", .depth: "层级", .none: "无", .top: "最高岗位",
        .perShift: "每班", .daily: "每日", .weekly: "每周", .monthly: "每月", .onDemand: "按需",
        .generated: "由 rolebook 生成", .sectionsNav: "目录", .intro: "简介", .procedureIndex: "全部流程与制度",
        .departmentIndex: "全部部门", .mentions: "提及的岗位", .viewDepartment: "查看部门", .other: "其他",
        .legendReports: "直接汇报", .legendSubdept: "下属部门负责人", .colon: "：", .nameSeparator: "、", .noDepartment: "未分部门", .listSeparator: "；", .skipToContent: "跳到正文",
        .checklistIndex: "检查清单", .byDepartment: "按部门", .byRole: "按岗位", .roleChecklist: "{n} 个流程的岗位清单",
        .shift: "班次", .name: "姓名", .done: "完成", .time: "时间", .step: "步骤", .remarks: "备注",
        .executor: "执行人", .reviewer: "复核人", .weekGrid: "周检查表", .pageOf: "第 {p} 页 / 共 {t} 页",
        .mon: "一", .tue: "二", .wed: "三", .thu: "四", .fri: "五", .sat: "六", .sun: "日", .organization: "组织",
        .initials: "当日签字", .dateStart: "上班日期", .dateEnd: "下班日期",
        .jobDescription: "岗位说明书", .documentControl: "文件控制", .docNo: "文件编号", .approvedBy: "批准人",
        .signOff: "签字确认", .sign: "签字", .incumbent: "任职者", .hrDepartment: "人力资源部",
        .dottedSuperior: "虚线上级", .filterDepartment: "按部门筛选", .jumpToLetter: "按首字母跳转",
    ]

    static let zhTW: [UIKey: String] = zhCN.merging([
        .procedures: "流程與制度", .checklists: "檢查清單", .az: "崗位索引", .roles: "崗位", .departments: "部門",
        .searchPlaceholder: "搜尋崗位、職責、流程（支援拼音）", .search: "搜尋", .noResults: "沒有找到結果", .didYouMean: "你是不是要找：", .results: "{n} 個結果",
        .all: "全部部門", .role: "崗位", .department: "部門", .procedure: "流程", .loading: "正在載入…", .more: "顯示更多",
        .orgChart: "組織架構圖", .rolesTable: "崗位列表", .subDepartments: "下屬部門", .headcount: "編制", .vacant: "待配置",
        .vacancies: "待配置崗位", .reportsTo: "直接上級", .directReports: "直接下級", .dottedLine: "虛線匯報", .dottedReports: "虛線下級",
        .peers: "同級崗位", .morePeers: "另有 {n} 個同級崗位，見直接上級頁面", .chainOmitted: "…… 中間 {n} 級 ……", .chain: "匯報鏈", .grade: "職級", .code: "崗位編號", .hours: "工作時間", .location: "工作地點",
        .aliases: "又稱", .ownedProcedures: "負責的流程", .performedProcedures: "參與的流程", .mentionedIn: "提到本崗位的職責",
        .linkedFrom: "連結到本崗位的頁面", .owner: "負責崗位", .performers: "執行崗位", .frequency: "頻率", .version: "版本",
        .effective: "生效日期", .steps: "{n} 個步驟", .printChecklist: "列印檢查清單", .print: "列印", .signature: "員工確認簽字",
        .date: "日期", .overview: "組織概覽", .recentProcedures: "最近生效的流程", .roleCount: "{n} 個崗位",
        .departmentCount: "{n} 個部門", .procedureCount: "{n} 個流程", .headcountTotal: "編制 {n} 人", .vacancyCount: "{n} 個待配置",
        .span: "管理幅度", .depth: "層級", .top: "最高崗位", .perShift: "每班", .daily: "每日", .weekly: "每週", .monthly: "每月",
        .onDemand: "按需", .generated: "由 rolebook 生成", .sectionsNav: "目錄", .intro: "簡介", .procedureIndex: "全部流程與制度",
        .departmentIndex: "全部部門", .mentions: "提及的崗位", .viewDepartment: "查看部門", .checklistIndex: "檢查清單",
        .byDepartment: "按部門", .byRole: "按崗位", .roleChecklist: "{n} 個流程的崗位清單", .shift: "班次", .name: "姓名",
        .done: "完成", .time: "時間", .step: "步驟", .remarks: "備註", .executor: "執行人", .reviewer: "覆核人", .weekGrid: "週檢查表",
        .pageOf: "第 {p} 頁 / 共 {t} 頁", .organization: "組織",
        .legendReports: "直接匯報", .legendSubdept: "下屬部門負責人",
        .initials: "當日簽字", .dateStart: "上班日期", .dateEnd: "下班日期",
        .jobDescription: "崗位說明書", .documentControl: "文件控制", .docNo: "文件編號", .approvedBy: "核准人",
        .signOff: "簽字確認", .sign: "簽字", .incumbent: "任職者", .hrDepartment: "人力資源部",
        .dottedSuperior: "虛線上級", .filterDepartment: "按部門篩選", .jumpToLetter: "按首字母跳轉",
    ]) { $1 }

    static let en: [UIKey: String] = [
        .home: "Home", .departments: "Departments", .roles: "Roles", .procedures: "Procedures", .checklists: "Checklists", .az: "Roles A–Z",
        .search: "Search", .searchPlaceholder: "Search roles, duties, procedures", .noResults: "No results", .didYouMean: "Did you mean: ", .results: "{n} result|{n} results",
        .all: "All departments", .role: "Role", .department: "Department", .procedure: "Procedure", .loading: "Loading…", .more: "Show more",
        .orgChart: "Org chart", .rolesTable: "Roles", .subDepartments: "Sub-departments", .headcount: "Headcount", .people: "{n}",
        .vacant: "Unstaffed", .vacancies: "Unstaffed posts", .reportsTo: "Reports to", .directReports: "Direct reports", .dottedLine: "Dotted line to",
        .dottedReports: "Dotted-line reports", .peers: "Peers", .morePeers: "{n} more: see the superior's page", .chainOmitted: "… {n} level between …|… {n} levels between …", .chain: "Chain of command", .grade: "Grade", .code: "Code", .hours: "Hours",
        .location: "Location", .aliases: "Also known as", .ownedProcedures: "Owns", .performedProcedures: "Performs",
        .mentionedIn: "Duties that mention this role", .linkedFrom: "Pages that link here", .owner: "Owner", .performers: "Performed by", .frequency: "Frequency",
        .version: "Version", .effective: "Effective", .steps: "{n} step|{n} steps", .printChecklist: "Print checklist", .print: "Print",
        .signature: "Employee signature", .date: "Date", .overview: "Organisation at a glance", .recentProcedures: "Recently effective procedures",
        .roleCount: "{n} role|{n} roles", .departmentCount: "{n} department|{n} departments", .procedureCount: "{n} procedure|{n} procedures", .headcountTotal: "{n} position|{n} positions",
        .vacancyCount: "{n} unstaffed", .span: "Span of control", .depth: "Level", .none: "None", .top: "Top of organisation",
        .perShift: "Per shift", .daily: "Daily", .weekly: "Weekly", .monthly: "Monthly", .onDemand: "On demand",
        .generated: "Generated by rolebook", .sectionsNav: "Contents", .intro: "Introduction", .procedureIndex: "All procedures",
        .departmentIndex: "All departments", .mentions: "Mentions", .viewDepartment: "View department", .other: "Other",
        .legendReports: "Reports to", .legendSubdept: "Head of a sub-department", .colon: ": ", .nameSeparator: ", ", .noDepartment: "No department", .listSeparator: "; ", .skipToContent: "Skip to content",
        .checklistIndex: "Checklists", .byDepartment: "By department", .byRole: "By role", .roleChecklist: "Role checklist, {n} procedure|Role checklist, {n} procedures",
        .shift: "Shift", .name: "Name", .done: "Done", .time: "Time", .step: "Step", .remarks: "Remarks",
        .executor: "Done by", .reviewer: "Checked by", .weekGrid: "Weekly grid", .pageOf: "Page {p} of {t}",
        .mon: "Mon", .tue: "Tue", .wed: "Wed", .thu: "Thu", .fri: "Fri", .sat: "Sat", .sun: "Sun", .organization: "Organisation",
        .initials: "Initials", .dateStart: "Shift starts on", .dateEnd: "Shift ends on",
        .jobDescription: "Job description", .documentControl: "Document control", .docNo: "Document no.", .approvedBy: "Approved by",
        .signOff: "Sign-off", .sign: "Signature", .incumbent: "Job holder", .hrDepartment: "Human Resources",
        .dottedSuperior: "Dotted-line superior", .filterDepartment: "Department", .jumpToLetter: "Jump to letter",
    ]

    /// Names of the built-in sections for headings-less navigation.
    package func frequency(_ f: Frequency?) -> String { f.flatMap { UIKey(rawValue: $0.rawValue) }.map { self[$0] } ?? "" }
}
