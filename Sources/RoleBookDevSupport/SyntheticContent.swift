import Foundation
import RoleBook


/// Writes a synthetic content tree in rolebook's format: `roles` roles over departments of
/// 15–40 roles, reporting trees 3–6 deep inside each department, departments grouped under
/// divisions (at most 8 children each) below one group headquarters, 1.5–3 KB of Chinese per
/// role (about a tenth of it traditional), and a procedure for every tenth role.
package struct SyntheticContent: Sendable {
    package var roles: Int
    package var seed: UInt64

    package init(roles: Int, seed: UInt64 = 20_261_122) {
        self.roles = roles
        self.seed = seed
    }

    package struct Stats: Sendable { package var roles = 0, departments = 0, procedures = 0, bytes = 0 }

    private struct Dept {
        var id: String, title: String, parent: String?, head: String
        var members: [Int] = []
    }
    private struct RoleSpec {
        var id: String, title: String, department: Int, reportsTo: Int?
        var headcount = 1
    }

    @discardableResult
    package func write(to root: URL) throws -> Stats {
        var rng = SeededRandom(seed: seed &+ UInt64(roles))
        let fm = FileManager.default
        try? fm.removeItem(at: root)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)

        // 1. Leaf departments of 15–40 roles (the last one absorbs the rest).
        var leafSizes: [Int] = []
        var left = max(roles - 1, 15)
        while left > 0 {
            var size = Int.random(in: 15...40, using: &rng)
            if left - size < 15 { size = left }
            leafSizes.append(size)
            left -= size
        }
        var depts: [Dept] = []
        var specs: [RoleSpec] = []
        // Headquarters with the group's top role.
        depts.append(Dept(id: "hq", title: "集团总部", parent: nil, head: "ceo"))
        specs.append(RoleSpec(id: "ceo", title: "集团总裁", department: 0, reportsTo: nil))
        depts[0].members.append(0)

        for (n, size) in leafSizes.enumerated() {
            let d = depts.count
            let name = Vocabulary.departmentName(n)
            depts.append(Dept(id: String(format: "d%05d", n), title: name, parent: nil, head: ""))
            // Level sizes for a tree 3–6 deep whose spans stay small.
            let depth = Int.random(in: 3...6, using: &rng)
            var levels: [[Int]] = []
            var remaining = size - 1
            var previous = 1
            for level in 1..<depth where remaining > 0 {
                let levelsLeft = depth - level
                let share = remaining / levelsLeft
                let count = levelsLeft == 1 ? remaining : max(1, min(level == 1 ? 6 : previous * 6, share))
                let taken = min(count, remaining)
                levels.append(Array(0..<taken))
                remaining -= taken
                previous = taken
            }
            // Head.
            let headIndex = specs.count
            specs.append(RoleSpec(id: String(format: "r%06d", headIndex), title: name + "总经理", department: d, reportsTo: nil))
            depts[d].head = specs[headIndex].id
            depts[d].members.append(headIndex)
            var above = [headIndex]
            for (level, members) in levels.enumerated() {
                var current: [Int] = []
                for m in members {
                    let index = specs.count
                    let position = Vocabulary.position(level: level + 1, &rng)
                    var spec = RoleSpec(id: String(format: "r%06d", index), title: "\(name)\(position)\(m + 1)号", department: d, reportsTo: above[m % above.count])
                    // A few planned, still vacant positions, only among leaves.
                    if level == levels.count - 1, Int.random(in: 0..<40, using: &rng) == 0 { spec.headcount = 0 }
                    specs.append(spec)
                    depts[d].members.append(index)
                    current.append(index)
                }
                above = current
            }
        }

        // 2. Divisions: group departments eight at a time until at most eight remain under HQ.
        var layer = Array(1..<depts.count)
        var divisionNumber = 0
        while layer.count > 8 {
            var next: [Int] = []
            for chunk in stride(from: 0, to: layer.count, by: 8).map({ Array(layer[$0..<min($0 + 8, layer.count)]) }) {
                let d = depts.count
                divisionNumber += 1
                let title = Vocabulary.divisionName(divisionNumber)
                let headIndex = specs.count
                specs.append(RoleSpec(id: String(format: "r%06d", headIndex), title: title + "总裁", department: d, reportsTo: nil))
                depts.append(Dept(id: String(format: "v%04d", divisionNumber), title: title, parent: nil, head: specs[headIndex].id, members: [headIndex]))
                for child in chunk {
                    depts[child].parent = depts[d].id
                    specs[specIndex(depts[child].head, specs)].reportsTo = headIndex
                }
                next.append(d)
            }
            layer = next
        }
        for child in layer {
            depts[child].parent = "hq"
            specs[specIndex(depts[child].head, specs)].reportsTo = 0
        }

        // 3. Files.
        var stats = Stats()
        try Data("""
        title: 合成集团岗位说明书
        organization: 合成集团
        language: zh-CN
        validation:
          max_span: 12
          max_depth: 14

        """.utf8).write(to: root.appendingPathComponent("rolebook.yml"))
        var subordinates = [[Int]](repeating: [], count: specs.count)
        for (i, s) in specs.enumerated() { if let b = s.reportsTo { subordinates[b].append(i) } }

        for (d, dept) in depts.enumerated() {
            let folder = root.appendingPathComponent(dept.id)
            for sub in ["roles", "departments"] { try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
            var text = "---\ntitle: \(dept.title)\n"
            if let parent = dept.parent { text += "parent: \(parent)\n" }
            text += "head: \(dept.head)\nsummary: \(dept.title)负责本单元的日常运营与客户服务。\n---\n"
            text += Vocabulary.paragraph(&rng, sentences: 3) + "\n\n## 部门职责\n\n"
            for i in 1...6 { text += "\(i). " + Vocabulary.duty(&rng) + "\n" }
            try write(text, folder.appendingPathComponent("departments/\(dept.id).md"), &stats)
            stats.departments += 1
            _ = d
        }

        for (i, spec) in specs.enumerated() {
            let folder = root.appendingPathComponent(depts[spec.department].id)
            var text = "---\ntitle: \(spec.title)\ndepartment: \(depts[spec.department].id)\n"
            if let boss = spec.reportsTo { text += "reports_to: \(specs[boss].id)\n" } else { text += "top: true\n" }
            text += "headcount: \(spec.headcount)\ncode: SYN-\(String(format: "%06d", i))\n"
            if i % 7 == 3 { text += "aliases: [\(spec.title)岗]\n" }
            text += "---\n## 职责概述\n\n" + Vocabulary.paragraph(&rng, sentences: 3) + "\n\n## 岗位职责\n\n"
            let duties = Int.random(in: 8...14, using: &rng)
            for n in 1...duties {
                var item = Vocabulary.duty(&rng)
                if n == 2, let boss = spec.reportsTo { item = "协助\(specs[boss].title)" + item }
                text += "\(n). \(item)\n"
                if n % 5 == 0 {
                    for _ in 0..<2 { text += "   - " + Vocabulary.duty(&rng) + "\n" }
                }
            }
            text += "\n## 任职资格\n\n"
            for _ in 0..<Int.random(in: 3...5, using: &rng) { text += "- " + Vocabulary.qualification(&rng) + "\n" }
            text += "\n## 考核指标\n\n"
            for _ in 0..<Int.random(in: 3...4, using: &rng) { text += "- " + Vocabulary.kpi(&rng) + "\n" }
            text += "\n## 工作关系\n\n"
            if let boss = spec.reportsTo {
                text += "- 直接上级：[\(specs[boss].title)](../../\(depts[specs[boss].department].id)/roles/\(specs[boss].id).md)\n"
            }
            let reports = subordinates[i].prefix(4).map { specs[$0].title }.joined(separator: "、")
            text += "- 直接下级：\(reports.isEmpty ? "无" : reports)\n"
            try write(text, folder.appendingPathComponent("roles/\(spec.id).md"), &stats)
            stats.roles += 1

            // Every tenth role owns a procedure carried out with its direct reports.
            if i % 10 == 5 {
                try fm.createDirectory(at: folder.appendingPathComponent("procedures"), withIntermediateDirectories: true)
                let performers = [spec.id] + subordinates[i].prefix(3).map { specs[$0].id }
                let frequency = ["daily", "weekly", "monthly", "per shift", "on demand"][i / 10 % 5]
                var p = "---\ntitle: \(spec.title)\(Vocabulary.procedureName(i))\nowner: \(spec.id)\nroles: [\(performers.joined(separator: ", "))]\n"
                p += "frequency: \(frequency)\nversion: \"1.\(i % 4)\"\neffective: 2026-0\(1 + i % 9)-1\(i % 10)\n---\n"
                var hour = 8
                for phase in ["准备", "执行", "收尾"] {
                    p += "## \(phase)\n\n"
                    for n in 1...Int.random(in: 3...5, using: &rng) {
                        let timed = frequency == "daily" || frequency == "per shift"
                        let prefix = timed ? String(format: "%02d:00-%02d:30 ", hour, hour) : ""
                        if timed { hour = min(hour + 1, 22) }
                        p += "\(n). \(prefix)\(Vocabulary.duty(&rng))\n"
                    }
                    p += "\n"
                }
                try write(p, folder.appendingPathComponent("procedures/p\(spec.id).md"), &stats)
                stats.procedures += 1
            }
        }
        return stats
    }

    private func specIndex(_ id: String, _ specs: [RoleSpec]) -> Int { Int(id.dropFirst())! }

    private func write(_ text: String, _ url: URL, _ stats: inout Stats) throws {
        let data = Data(text.utf8)
        stats.bytes += data.count
        try data.write(to: url)
    }
}

/// Phrase pools for plausible job-description Chinese; about one phrase in ten is traditional.
enum Vocabulary {
    static let regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北", "港澳", "台北", "上海", "深圳", "成都", "武汉", "杭州", "南京", "苏州", "青岛", "厦门", "长沙", "西安"]
    static let functions = ["客户服务部", "营运部", "前台接待部", "市场服务部", "物业服务中心", "餐饮营运部", "会员服务部", "售后服务部", "品质管理部", "行政人事部", "财务结算部", "工程维修部", "采购部", "仓储物流部", "培训发展部"]
    static let ordinals = ["", "一部", "二部", "三部", "四部", "五部", "六部", "七部", "八部", "九部"]

    static func departmentName(_ n: Int) -> String {
        let r = regions[n % regions.count], f = functions[(n / regions.count) % functions.count]
        let o = n / (regions.count * functions.count)
        return r + f + (o < ordinals.count ? ordinals[o] : "\(o)部")
    }

    static func divisionName(_ n: Int) -> String { "第\(n)事业群" }

    static func position(level: Int, _ rng: inout SeededRandom) -> String {
        // 会计, 协调员 and 调度员 are the polyphone pinyin queries' titles (kuaiji, xietiao); 环境领班
        // reads huan-jing-ling-ban, which `jingli` must not match across a syllable boundary.
        let pools = [["副总经理", "经理", "运营总监"], ["主管", "副经理", "督导", "协调员"], ["领班", "专员", "管家", "会计", "环境领班", "调度员"],
                     ["客服专员", "前台接待", "助理"], ["服务员", "文员", "实习生"]]
        let pool = pools[min(level - 1, pools.count - 1)]
        return pool[Int.random(in: 0..<pool.count, using: &rng)]
    }

    static func procedureName(_ i: Int) -> String { ["每日工作流程", "交接班流程", "投诉处理流程", "月度考核流程", "開店前檢查流程"][i % 5] }

    static let verbs = ["负责", "组织", "督导", "协调", "检查", "落实", "跟进", "统计", "审核", "安排", "負責", "跟進"]
    static let objects = ["客户来访接待", "投诉受理与回访", "会员资料管理", "前台收银与对账", "班组排班与考勤", "服务质量巡检", "设施设备报修", "消防安全检查", "员工培训计划", "月度营运报表", "供应商服务评估", "大堂环境卫生", "电话预约登记", "客戶資料維護", "營運數據分析", "贵宾接待安排",
                          // The search-quality queries (客户投诉处理, 巡查, 物业费收缴, 物业管家, CRM) and their decoys:
                          // 物业管理 + 楼栋管家 hold every bigram of 物业管家, 客戶投訴 + 投诉处理 those of 客户投诉处理.
                          "客户投诉处理", "客戶投訴登記", "楼层安全巡查", "物业费收缴", "CRM 系统客户资料维护", "物业管家走访", "物业管理处协作", "楼栋管家联络"]
    static let goals = ["确保客户满意度达到百分之九十五以上", "在两个工作日内完成处理并反馈", "每周向上级书面汇报一次", "做到账实相符、日清月结", "保证服务流程规范统一", "及时发现问题并跟进整改", "確保服務品質穩定", "减少重复投诉的发生",
                        "按月报财务经理审核", "確保顧客滿意度穩定提升"]
    static let standards = ["严格执行公司各项规章制度", "保持良好的仪容仪表和服务态度", "按时完成上级交办的其他工作", "做好相关记录并妥善存档", "遵守保密规定，不泄露客户信息", "遵守公司規章制度",
                            // Decoys: 财务部 + 服务经理 (财务经理), 汇总经营 + 部门经理 (总经理).
                            "配合财务部及服务经理完成对账", "每月汇总经营数据报部门经理"]

    static func pick(_ pool: [String], _ rng: inout SeededRandom) -> String { pool[Int.random(in: 0..<pool.count, using: &rng)] }

    static func duty(_ rng: inout SeededRandom) -> String {
        "\(pick(verbs, &rng))\(pick(objects, &rng))工作，\(pick(goals, &rng))；\(pick(standards, &rng))。"
    }

    static func paragraph(_ rng: inout SeededRandom, sentences: Int) -> String {
        (0..<sentences).map { _ in "本岗位\(pick(verbs, &rng))\(pick(objects, &rng))，\(pick(goals, &rng))。" }.joined()
    }

    static func qualification(_ rng: inout SeededRandom) -> String {
        let pool = ["大专及以上学历，酒店管理、市场营销或相关专业", "三年以上客户服务或前台接待工作经验", "普通话标准，能使用英语进行日常沟通", "熟练使用办公软件及会员管理系统", "具备良好的沟通协调能力和抗压能力", "具備團隊管理經驗者優先",
                    "熟练使用 Excel 及 CRM 系统"]
        return pick(pool, &rng) + "。"
    }

    static func kpi(_ rng: inout SeededRandom) -> String {
        let pool = ["客户满意度不低于 95%", "投诉处理及时率 100%", "月度报表准时提交率 100%", "会员续费率不低于 60%", "员工培训完成率不低于 90%", "重大服務事故 0 次"]
        return pick(pool, &rng) + "。"
    }
}
