import RoleBookModel
import RoleBookParsing

/// Two versions of a small organisation: ``base`` and ``head`` differ by one of every change
/// `rolebook diff` reports.
///
/// base: ops (head ceo) ⊃ store (head store-lead), logistics (head logi-lead), archive (empty).
/// head: `analyst` removed, `buyer` added (vacant) heading the new department `online`, `planner`
/// renamed `scheduler`, `manager` retitled with its responsibilities, requirements and KPIs edited,
/// `cashier` moved under `manager` (a cross-department superior: RB203 introduced) with a new
/// dotted line to `logi-lead`, `clerk` moved to logistics under `logi-lead`, `driver` 4 → 6,
/// `trainee` filled (vacancy closed), `logistics` re-parented under `store`, `archive` removed
/// (its RB213 fixed), procedure `open` re-worded, `close` removed, `count` added.
package enum DiffFixtures {
    package static func role(_ title: String, department: String, reportsTo: String?, headcount: Int = 1, extra: String = "",
                     duties: [String], requirements: [String] = [], kpis: [String] = []) -> String {
        var text = "---\ntitle: \(title)\ndepartment: \(department)\n"
        text += reportsTo.map { "reports_to: \($0)\n" } ?? "top: true\n"
        text += "headcount: \(headcount)\n" + extra + "---\n## 岗位职责\n\n" + duties.map { "- \($0)\n" }.joined()
        if !requirements.isEmpty { text += "\n## 任职资格\n\n" + requirements.map { "- \($0)\n" }.joined() }
        if !kpis.isEmpty { text += "\n## 考核指标\n\n" + kpis.map { "- \($0)\n" }.joined() }
        return text
    }

    package static func department(_ title: String, parent: String?, head: String?) -> String {
        "---\ntitle: \(title)\n" + (parent.map { "parent: \($0)\n" } ?? "") + (head.map { "head: \($0)\n" } ?? "") + "---\n## 部门职责\n\n- \(title)的工作\n"
    }

    package static func procedure(_ title: String, owner: String, steps: [String]) -> String {
        "---\ntitle: \(title)\nowner: \(owner)\nfrequency: daily\n---\n## 步骤\n\n" + steps.enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined()
    }

    package static let base = ContentTree([
        "rolebook.yml": "title: 测试集团\n",
        "departments/ops.md": department("运营部", parent: nil, head: "ceo"),
        "departments/store.md": department("门店", parent: "ops", head: "store-lead"),
        "departments/logistics.md": department("物流部", parent: "ops", head: "logi-lead"),
        "departments/archive.md": department("档案室", parent: "ops", head: nil),
        "roles/ceo.md": role("总经理", department: "ops", reportsTo: nil, duties: ["制定公司战略"]),
        "roles/manager.md": role("运营经理", department: "ops", reportsTo: "ceo",
                                 duties: ["管理日常运营", "审核门店报表", "组织月度例会"], requirements: ["五年零售管理经验"], kpis: ["营业额达成率"]),
        "roles/analyst.md": role("数据分析员", department: "ops", reportsTo: "manager", duties: ["整理销售数据"]),
        "roles/planner.md": role("排班专员", department: "ops", reportsTo: "manager",
                                 duties: ["编制每周排班表", "统计员工工时", "处理调班申请", "核对考勤记录"]),
        "roles/store-lead.md": role("店长", department: "store", reportsTo: "ceo", duties: ["负责门店经营"]),
        "roles/clerk.md": role("理货员", department: "store", reportsTo: "store-lead", headcount: 3, duties: ["整理货架"]),
        "roles/cashier.md": role("收银员", department: "store", reportsTo: "store-lead", headcount: 2, duties: ["收银结账"]),
        "roles/trainee.md": role("储备店长", department: "store", reportsTo: "store-lead", headcount: 0, duties: ["轮岗学习"]),
        "roles/logi-lead.md": role("物流主管", department: "logistics", reportsTo: "ceo", duties: ["安排配送"]),
        "roles/driver.md": role("司机", department: "logistics", reportsTo: "logi-lead", headcount: 4, duties: ["驾驶配送车辆"]),
        "procedures/open.md": procedure("开店", owner: "store-lead", steps: ["开门", "开灯", "检查收银机"]),
        "procedures/close.md": procedure("打烊", owner: "store-lead", steps: ["盘点现金", "锁门"]),
    ])

    package static let head = base.with([
        "roles/analyst.md": nil,
        "roles/planner.md": nil,
        "roles/scheduler.md": role("排班专员", department: "ops", reportsTo: "manager",
                                   duties: ["编制每周排班表", "统计员工工时", "处理调班申请", "核对考勤记录", "发布节假日排班"]),
        "roles/manager.md": role("运营总监", department: "ops", reportsTo: "ceo",
                                 duties: ["管理日常运营", "审核各门店报表", "制定年度预算"], requirements: ["五年零售管理经验", "本科以上学历"],
                                 kpis: ["营业额达成率不低于95%"]),
        "roles/cashier.md": role("收银员", department: "store", reportsTo: "manager", headcount: 2, extra: "dotted_line_to: [logi-lead]\n",
                                 duties: ["收银结账"]),
        "roles/clerk.md": role("理货员", department: "logistics", reportsTo: "logi-lead", headcount: 3, duties: ["整理货架"]),
        "roles/trainee.md": role("储备店长", department: "store", reportsTo: "store-lead", headcount: 2, duties: ["轮岗学习"]),
        "roles/driver.md": role("司机", department: "logistics", reportsTo: "logi-lead", headcount: 6, duties: ["驾驶配送车辆"]),
        "roles/buyer.md": role("线上采购", department: "online", reportsTo: "ceo", headcount: 0, duties: ["采购线上商品"]),
        "departments/online.md": department("线上业务部", parent: "ops", head: "buyer"),
        "departments/logistics.md": department("物流部", parent: "store", head: "logi-lead"),
        "departments/archive.md": nil,
        "procedures/open.md": procedure("开店", owner: "store-lead", steps: ["开门", "打开照明", "检查收银机", "播放欢迎广播"]),
        "procedures/close.md": nil,
        "procedures/count.md": procedure("盘点", owner: "manager", steps: ["清点库存", "录入系统"]),
    ])

    /// ``head`` with a standard occupation code, a grade and a location on the store lead and a
    /// title and code that CSV must quote or neutralise: the tree `rolebook export` is tested on.
    package static let exportHead = head.with([
        "roles/store-lead.md": role("店长", department: "store", reportsTo: "ceo",
                                    extra: "code: \"5221\"\ngrade: M2\nlocation: 深圳南山店\n", duties: ["负责门店经营"], requirements: ["三年门店管理经验"]),
        "roles/driver.md": role("司机, \"夜班\"", department: "logistics", reportsTo: "logi-lead", headcount: 6,
                                extra: "code: \"=HYPERLINK(1)\"\n", duties: ["驾驶配送车辆"]),
    ])
}
