import Foundation
import RoleBookModel

// Random edits of a small organisation, for tests that compare an incremental result (the
// graph patch of `rolebook serve`, the pages made from it) with a fresh one.

/// Eight roles, four departments and three procedures whose fields an edit redraws; titles and
/// aliases come from a small pool, so roles share names (ambiguous mentions, nearest department).
package struct RandomOrganisation {
    struct RoleFile {
        var id: String?
        var title: String
        var aliases: [String] = []
        var department: String?
        var reportsTo: String?
        var dotted: [String] = []
        var directReports: [String]?
        var headcount = 1
        /// A front-matter key rolebook does not know (a loader diagnostic, RB208).
        var unknownKey = false
        var body: [String] = []
        var broken = false
    }
    struct DepartmentFile {
        var title: String
        var short: String?
        var parent: String?
        var head: String?
        var positions: [(String, Int)] = []
        var body: [String] = []
        var broken = false
    }
    struct ProcedureFile {
        var title: String
        var owner: String?
        var roles: [String] = []
        var department: String?
        var steps: [String] = []
        var broken = false
    }

    var rng: SeededRandom
    var roles: [String: RoleFile] = [:]
    var departments: [String: DepartmentFile] = [:]
    var procedures: [String: ProcedureFile] = [:]

    static let roleIDs = ["ceo", "manager", "store-lead", "cashier", "clerk", "logi-lead", "driver", "trainee"]
    static let departmentIDs = ["ops", "store", "logistics", "archive"]
    static let procedureIDs = ["open", "close", "count"]
    // 店長 is 店长 in traditional script: the same name to references and mentions.
    static let titles = ["总经理", "运营经理", "店长", "收银员", "理货员", "物流主管", "司机", "储备店长", "店长助理", "Store Lead", "PA", "店長"]
    static let aliasPool = ["SM", "收银", "主管", "店长", "Lead", "理货"]
    static let departmentTitles = ["运营部", "门店", "物流部", "档案室", "门店部"]
    static let shortNames = ["运营", "门店", "物流"]
    /// Link targets from the root: files that exist, a typo of one (a did-you-mean) and none.
    static let targets = ["roles/cashier.md", "roles/driver.md", "departments/store.md", "procedures/open.md", "roles/casheir.md", "roles/nowhere.md"]

    package init(seed: UInt64) {
        rng = SeededRandom(seed: seed)
        let initialDepartments = ["ops": "ceo", "store": "store-lead", "logistics": "logi-lead", "archive": nil as String?]
        for (i, id) in Self.departmentIDs.enumerated() {
            departments[id] = DepartmentFile(title: Self.departmentTitles[i], parent: id == "ops" ? nil : "ops",
                                             head: initialDepartments[id]!, body: ["\(Self.departmentTitles[i])的工作"])
        }
        let homes = ["ops", "ops", "store", "store", "store", "logistics", "logistics", "store"]
        let bosses = [nil, "ceo", "ceo", "store-lead", "store-lead", "ceo", "logi-lead", "store-lead"]
        for (i, id) in Self.roleIDs.enumerated() {
            // Each names another role; 店长 is also the logistics lead's alias, so which one it
            // means depends on the department of the text (the nearest wins).
            roles[id] = RoleFile(title: Self.titles[i], aliases: id == "logi-lead" ? ["店长"] : [], department: homes[i], reportsTo: bosses[i],
                                 body: ["负责\(Self.titles[i])的工作", "协助\(Self.titles[(i + 3) % 8])和店长"])
        }
        for (i, id) in Self.procedureIDs.enumerated() {
            procedures[id] = ProcedureFile(title: ["开店", "打烊", "盘点"][i], owner: "store-lead", roles: ["cashier"], steps: ["开门", "检查"])
        }
    }

    // MARK: - Drawing

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &rng)! }

    /// A reference to a role: mostly an id, sometimes a title or alias (a lookup by name), sometimes nothing known.
    mutating func roleReference() -> String {
        let r = Double.random(in: 0..<1, using: &rng)
        if r < 0.84 { return pick(Self.roleIDs) }
        if r < 0.92 { return pick(Self.titles) }
        if r < 0.96 { return pick(Self.aliasPool) }
        return "nobody"
    }

    mutating func departmentReference() -> String {
        let r = Double.random(in: 0..<1, using: &rng)
        if r < 0.88 { return pick(Self.departmentIDs) }
        if r < 0.92 { return pick(Self.departmentTitles) }
        if r < 0.95 { return pick(Self.shortNames) }
        return "nowhere"
    }

    /// One to three lines naming roles, sometimes with a link.
    mutating func body(from folder: String) -> [String] {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in
            var line = pick(["协助", "向", "配合", "Support the "]) + pick(Self.titles + Self.aliasPool) + pick(["处理投诉", "汇报", " daily", "整理货架"])
            if chance(0.35) {
                let target = pick(Self.targets)
                let link = target.hasPrefix(folder + "/") ? String(target.dropFirst(folder.count + 1)) : "../" + target
                line += "，见[说明](\(link))"
            }
            return line
        }
    }

    // MARK: - Edits

    /// Redraws a field or two of one file, sometimes of two or three; returns the paths reported
    /// as changed (now and then one that was saved without a change).
    /// ``edit()``, writing the files whose text changed under `root`; returns the paths to report.
    package mutating func edit(in root: URL) throws -> [String] {
        let before = files()
        let changed = edit()
        let after = files()
        for path in changed where before[path] != after[path] {
            try after[path]!.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return changed
    }

    package mutating func edit() -> [String] {
        let count = chance(0.15) ? Int.random(in: 2...3, using: &rng) : 1
        var paths: [String] = []
        for _ in 0..<count {
            let kind = Int.random(in: 0..<10, using: &rng)
            let path: String
            if kind < 6 {
                let id = pick(Self.roleIDs)
                path = "roles/\(id).md"
                editRole(id)
            } else if kind < 8 {
                let id = pick(Self.departmentIDs)
                path = "departments/\(id).md"
                editDepartment(id)
            } else {
                let id = pick(Self.procedureIDs)
                path = "procedures/\(id).md"
                editProcedure(id)
            }
            if !paths.contains(path) { paths.append(path) }
        }
        // Now and then a broken file, or one that names something by title or nothing, is mended in
        // the same save: otherwise it lingers and every later check must build the graph again.
        if chance(0.5), let path = mend() {
            if !paths.contains(path) { paths.append(path) }
        }
        if chance(0.08) {
            let quiet = "roles/\(pick(Self.roleIDs)).md"
            if !paths.contains(quiet) { paths.append(quiet) }
        }
        return paths
    }

    static func isRoleID(_ ref: String?) -> Bool { ref.map(roleIDs.contains) ?? true }
    static func isDepartmentID(_ ref: String?) -> Bool { ref.map(departmentIDs.contains) ?? true }

    /// Whether the file parses and every reference in it is an id (a role keeping its file's).
    func isMended(_ path: String) -> Bool {
        let id = String(path.split(separator: "/")[1].dropLast(3))
        if let r = roles[id], path.hasPrefix("roles/") {
            return !r.broken && r.id == nil && Self.isRoleID(r.reportsTo) && r.dotted.allSatisfy(Self.isRoleID)
                && (r.directReports ?? []).allSatisfy(Self.isRoleID) && Self.isDepartmentID(r.department)
        }
        if let d = departments[id], path.hasPrefix("departments/") {
            return !d.broken && Self.isDepartmentID(d.parent) && Self.isRoleID(d.head) && d.positions.allSatisfy { Self.isRoleID($0.0) }
        }
        let p = procedures[id]!
        return !p.broken && Self.isRoleID(p.owner) && p.roles.allSatisfy(Self.isRoleID) && Self.isDepartmentID(p.department)
    }

    /// Mends one file that is broken or has a reference by name or to nothing; its path, or nil when none is.
    mutating func mend() -> String? {
        let paths = Self.roleIDs.map { "roles/\($0).md" } + Self.departmentIDs.map { "departments/\($0).md" }
            + Self.procedureIDs.map { "procedures/\($0).md" }
        guard let path = paths.filter({ !isMended($0) }).randomElement(using: &rng) else { return nil }
        let id = String(path.split(separator: "/")[1].dropLast(3))
        func fixRole(_ ref: String) -> String { Self.isRoleID(ref) ? ref : pick(Self.roleIDs) }
        func fixDepartment(_ ref: String) -> String { Self.isDepartmentID(ref) ? ref : pick(Self.departmentIDs) }
        if path.hasPrefix("roles/"), var r = roles[id] {
            r.id = nil
            r.broken = false
            r.reportsTo = r.reportsTo.map(fixRole)
            r.dotted = r.dotted.map(fixRole)
            r.directReports = r.directReports?.map(fixRole)
            r.department = r.department.map(fixDepartment)
            roles[id] = r
        } else if path.hasPrefix("departments/"), var d = departments[id] {
            d.broken = false
            d.parent = d.parent.map(fixDepartment)
            d.head = d.head.map(fixRole)
            d.positions = d.positions.map { (fixRole($0.0), $0.1) }
            departments[id] = d
        } else if var p = procedures[id] {
            p.broken = false
            p.owner = p.owner.map(fixRole)
            p.roles = p.roles.map(fixRole)
            p.department = p.department.map(fixDepartment)
            procedures[id] = p
        }
        return path
    }

    mutating func editRole(_ id: String) {
        var r = roles[id]!
        // A broken file is mended by most edits, as an author would.
        if r.broken, chance(0.7) { r.broken = false }
        switch Int.random(in: 0..<13, using: &rng) {
        case 0: r.title = pick(Self.titles)
        // A move: the role's text may now mean other roles by the names it holds.
        case 11: r.department = pick(Self.departmentIDs)
        case 10: r.unknownKey.toggle()
        case 1: r.aliases = chance(0.5) ? [] : [pick(Self.aliasPool)] + (chance(0.3) ? [pick(Self.aliasPool)] : [])
        case 2: r.department = chance(0.08) ? nil : departmentReference()
        case 3: r.reportsTo = id == "ceo" && chance(0.7) ? nil : roleReference()
        case 4: r.dotted = chance(0.5) ? [] : [roleReference()]
        case 5: r.directReports = chance(0.6) ? nil : [roleReference()] + (chance(0.5) ? [roleReference()] : [])
        case 6: r.headcount = Int.random(in: 0...4, using: &rng)
        // An id of its own (the references to the old one break), or another's (a duplicate), or back to the file's.
        case 7: r.id = chance(0.6) ? nil : pick(Self.roleIDs + ["reserve"])
        case 8: r.broken = true
        default: r.body = body(from: "roles")
        }
        roles[id] = r
    }

    mutating func editDepartment(_ id: String) {
        var d = departments[id]!
        if d.broken, chance(0.7) { d.broken = false }
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: d.title = pick(Self.departmentTitles)
        case 6: d.short = chance(0.5) ? nil : pick(Self.shortNames)
        // A parent that may close a cycle; ops stays the top most of the time.
        case 1: d.parent = id == "ops" && chance(0.8) ? nil : departmentReference()
        case 2: d.head = chance(0.2) ? nil : roleReference()
        case 3: d.positions = chance(0.4) ? [] : [(roleReference(), Int.random(in: 0...3, using: &rng))]
        case 4: d.broken = true
        default: d.body = body(from: "departments")
        }
        departments[id] = d
    }

    mutating func editProcedure(_ id: String) {
        var p = procedures[id]!
        if p.broken, chance(0.7) { p.broken = false }
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: p.title = pick(["开店", "打烊", "盘点", "交接"])
        case 1: p.owner = chance(0.1) ? nil : roleReference()
        case 2: p.roles = chance(0.3) ? [] : [roleReference()] + (chance(0.4) ? [roleReference()] : [])
        // Most procedures take their owner's department.
        case 3: p.department = chance(0.6) ? nil : departmentReference()
        case 4: p.broken = true
        default: p.steps = body(from: "procedures")
        }
        procedures[id] = p
    }

    // MARK: - Files

    package func files() -> [String: String] {
        var files = ["rolebook.yml": "title: 测试集团\n"]
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        func title(_ t: String, broken: Bool) -> String { broken ? "title: [\(t)\n" : "title: \(t)\n" }
        for (id, r) in roles {
            var text = "---\n" + (r.id.map { "id: \($0)\n" } ?? "") + title(r.title, broken: r.broken)
            if !r.aliases.isEmpty { text += "aliases: \(list(r.aliases))\n" }
            if let d = r.department { text += "department: \(d)\n" }
            text += r.reportsTo.map { "reports_to: \($0)\n" } ?? "top: true\n"
            if !r.dotted.isEmpty { text += "dotted_line_to: \(list(r.dotted))\n" }
            if let reports = r.directReports { text += "direct_reports: \(list(reports))\n" }
            if r.unknownKey { text += "grade_level: 3\n" }
            text += "headcount: \(r.headcount)\n---\n## 岗位职责\n\n" + r.body.map { "- \($0)\n" }.joined()
            files["roles/\(id).md"] = text
        }
        for (id, d) in departments {
            var text = "---\n" + title(d.title, broken: d.broken)
            if let short = d.short { text += "short: \(short)\n" }
            if let p = d.parent { text += "parent: \(p)\n" }
            if let h = d.head { text += "head: \(h)\n" }
            if !d.positions.isEmpty { text += "positions:\n" + d.positions.map { "  \($0.0): \($0.1)\n" }.joined() }
            text += "---\n## 部门职责\n\n" + d.body.map { "- \($0)\n" }.joined()
            files["departments/\(id).md"] = text
        }
        for (id, p) in procedures {
            var text = "---\n" + title(p.title, broken: p.broken)
            if let o = p.owner { text += "owner: \(o)\n" }
            if !p.roles.isEmpty { text += "roles: \(list(p.roles))\n" }
            if let d = p.department { text += "department: \(d)\n" }
            text += "frequency: daily\n---\n## 步骤\n\n" + p.steps.enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined()
            files["procedures/\(id).md"] = text
        }
        return files
    }
}
