import RoleBookModel

/// The words of `rolebook diff`'s text, Markdown and HTML reports in the content's language
/// (the language diagnostics use: rolebook.yml's `language`, or `--lang`). English is the
/// reports' own wording; the JSON report's keys and summary stay English for scripts.
struct DiffWords: Sendable {
    var language: DiagnosticLanguage

    /// A heading or label, by its English wording.
    subscript(_ english: String) -> String {
        guard language != .en, let pair = Self.table[english] else { return english }
        return language == .zhTW ? pair.1 : pair.0
    }

    private func pick(_ en: String, _ cn: String, _ tw: String) -> String {
        switch language { case .en: en; case .zhCN: cn; case .zhTW: tw }
    }

    var chinese: Bool { language != .en }

    /// `标题（id）`, or `title (id)` in English.
    func ref(_ id: String, _ title: String) -> String { chinese ? "\(title)（\(id)）" : "\(title) (\(id))" }
    var colon: String { chinese ? "：" : ": " }
    var comma: String { chinese ? "，" : ", " }
    var nobody: String { pick("nobody", "无", "無") }
    var none: String { pick("none", "无", "無") }
    var theTop: String { pick("the top", "最高层", "最高層") }

    func inDepartment(_ title: String) -> String { pick(" in ", "，属", "，屬") + title }
    func reportsTo(_ who: String) -> String { pick(", reports to ", "，上级 ", "，上級 ") + who }
    func reportedTo(_ who: String) -> String { pick(", reported to ", "，原上级 ", "，原上級 ") + who }
    func headcount(_ n: Int) -> String { pick(", headcount \(n)", "，编制 \(n)", "，編制 \(n)") }
    var movedPrefix: String { pick(": reports to ", "：上级 ", "：上級 ") }
    var underPrefix: String { pick(": under ", "：上级部门 ", "：上級部門 ") }

    func renamed(from: String, id: String, title: String, percent: Int) -> String {
        pick("\(from) → \(id) (\(title), \(percent)% the same)", "\(from) → \(id)（\(title)，相似度 \(percent)%）", "\(from) → \(id)（\(title)，相似度 \(percent)%）")
    }

    func vacancy(_ change: String) -> String {
        switch (change, language) {
        case ("opened", .zhCN): " 出现空缺"
        case ("opened", .zhTW): " 出現空缺"
        case ("closed", .zhCN): " 空缺已补上"
        case ("closed", .zhTW): " 空缺已補上"
        default: " " + change
        }
    }

    /// A role's list (`responsibilities`, `requirements`, `kpis`) or a procedure's `steps`.
    func list(_ name: String) -> String {
        switch name {
        case "responsibilities": pick(name, "岗位职责", "崗位職責")
        case "requirements": pick(name, "任职资格", "任職資格")
        case "kpis": pick(name, "考核指标", "考核指標")
        case "steps": pick(name, "步骤", "步驟")
        default: name
        }
    }

    func figures(roles: String, headcount: String, span: String) -> String {
        pick("roles \(roles), headcount \(headcount), span \(span)", "岗位 \(roles)，编制 \(headcount)，管理幅度 \(span)",
             "崗位 \(roles)，編制 \(headcount)，管理幅度 \(span)")
    }

    // MARK: Summary

    var noChanges: String { pick("no changes", "没有变化", "沒有變化") }

    /// `岗位：新增 1、调整上级 2` for one kind of entity; English is built by ``DiffReport/summaryLine``.
    func group(_ noun: String, _ parts: [(Int, String)]) -> String {
        let nouns = ["role": ("岗位", "崗位"), "procedure": ("流程", "流程"), "department": ("部门", "部門")]
        let verbs = ["added": ("新增", "新增"), "moved": ("调整上级", "調整上級"), "removed": ("删除", "刪除"), "changed": ("修改", "修改")]
        let tw = language == .zhTW
        let name = nouns[noun].map { tw ? $0.1 : $0.0 } ?? noun
        return name + "：" + parts.map { n, verb in (verbs[verb].map { tw ? $0.1 : $0.0 } ?? verb) + " \(n)" }.joined(separator: "、")
    }

    func problems(introducedErrors: Int, introducedWarnings: Int, fixed: Int) -> [String] {
        var out: [String] = []
        if introducedErrors > 0 { out.append(pick("", "新出现 \(introducedErrors) 个错误", "新出現 \(introducedErrors) 個錯誤")) }
        if introducedWarnings > 0 { out.append(pick("", "新出现 \(introducedWarnings) 个警告", "新出現 \(introducedWarnings) 個警告")) }
        if fixed > 0 { out.append(pick("", "解决 \(fixed) 个问题", "解決 \(fixed) 個問題")) }
        return out
    }

    // MARK: Headings and labels

    /// English wording → (简体, 繁體).
    static let table: [String: (String, String)] = [
        "Roles added": ("新增岗位", "新增崗位"),
        "Roles removed": ("删除的岗位", "刪除的崗位"),
        "Roles renamed": ("改了编号的岗位", "改了編號的崗位"),
        "Roles moved": ("换了上级的岗位", "換了上級的崗位"),
        "Roles retitled": ("改了名称的岗位", "改了名稱的崗位"),
        "Department changed": ("换了部门的岗位", "換了部門的崗位"),
        "Dotted lines": ("虚线汇报", "虛線匯報"),
        "Headcount": ("编制", "編制"),
        "Vacancies": ("空缺", "空缺"),
        "Job descriptions": ("岗位说明", "崗位說明"),
        "Procedures added": ("新增流程", "新增流程"),
        "Procedures removed": ("删除的流程", "刪除的流程"),
        "Procedures retitled": ("改了名称的流程", "改了名稱的流程"),
        "Procedure owners": ("流程负责人", "流程負責人"),
        "Procedure steps": ("流程步骤", "流程步驟"),
        "Departments added": ("新增部门", "新增部門"),
        "Departments removed": ("删除的部门", "刪除的部門"),
        "Departments retitled": ("改了名称的部门", "改了名稱的部門"),
        "Departments re-parented": ("换了上级部门的部门", "換了上級部門的部門"),
        "Per department (roles, headcount, head's span of control)": ("各部门（岗位数、编制、负责人的管理幅度）", "各部門（崗位數、編制、負責人的管理幅度）"),
        "Problems introduced": ("新出现的问题", "新出現的問題"),
        "Problems fixed": ("已解决的问题", "已解決的問題"),
        // Markdown tables.
        "added": ("新增", "新增"), "removed": ("删除", "刪除"), "moved": ("调整上级", "調整上級"), "changed": ("修改", "修改"),
        "roles": ("岗位", "崗位"), "procedures": ("流程", "流程"), "departments": ("部门", "部門"), "problems": ("问题", "問題"),
        "new": ("新出现", "新出現"), "fixed": ("已解决", "已解決"),
        "moved role": ("换了上级的岗位", "換了上級的崗位"), "reported to": ("原上级", "原上級"), "now reports to": ("现上级", "現上級"),
        "department": ("部门", "部門"), "headcount": ("编制", "編制"), "head's span of control": ("负责人的管理幅度", "負責人的管理幅度"),
        "new problem": ("新问题", "新問題"), "where": ("位置", "位置"), "message": ("说明", "說明"),
        "Report cut to stay under GitHub's comment limit; run `rolebook diff` for all of it.":
            ("报告超出 GitHub 评论的长度上限，已截断；完整内容请运行 `rolebook diff`。", "報告超出 GitHub 留言的長度上限，已截斷；完整內容請執行 `rolebook diff`。"),
        // HTML.
        "Before": ("调整前", "調整前"), "After": ("调整后", "調整後"), "Org chart change: ": ("组织架构调整：", "組織架構調整："),
        "new superior": ("换了上级", "換了上級"),
        "(no such department)": ("（没有这个部门）", "（沒有這個部門）"), "(no roles)": ("（没有岗位）", "（沒有崗位）"),
    ]
}
