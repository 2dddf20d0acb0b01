import Foundation
import RoleBook

/// Names roles and departments, resolves superiors and subordinates by title, and finds the
/// sources' inconsistencies.
struct Resolver {
    var options: ImportOptions

    /// An id from a title's pinyin: `客户服务经理` → `kehufuwujingli`, words of other letters kept (`vip-kefujingli`).
    static func id(for title: String, prefix: String) -> String {
        var parts: [String] = []
        var han = ""
        for syllable in CJKFolding.shared.pinyinSyllables(title) {
            if syllable.allSatisfy({ $0.isLetter && $0.isASCII }) && syllable.count <= 6 && isPinyin(syllable, in: title) {
                han += syllable
            } else {
                if !han.isEmpty { parts.append(han); han = "" }
                parts.append(syllable.filter { ($0.isLetter || $0.isNumber) && $0.isASCII })
            }
        }
        if !han.isEmpty { parts.append(han) }
        var id = parts.filter { !$0.isEmpty }.joined(separator: "-")
        if id.isEmpty { id = "role" }
        // Ids are at most 100 bytes (RB006).
        return prefix + String(id.prefix(90 - prefix.count))
    }

    /// Whether a lower-cased syllable came from a Han character (rather than a Latin word in the title).
    static func isPinyin(_ syllable: String, in title: String) -> Bool {
        !title.lowercased().contains(syllable) || title.unicodeScalars.contains { CJKFolding.shared.pinyin($0) == syllable }
    }

    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var id = base
        var n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    /// `环境主管/副主管` → [环境主管, 环境副主管]; `客服主管、客服员` → both; `无` → [].
    static func names(_ value: String) -> [[String]] {
        let v = value.trimmingCharacters(in: CharacterSet(charactersIn: " 。.;；"))
        if ["无", "無", "没有", "沒有", "-", "—", "/"].contains(v) || v.isEmpty { return [] }
        // Separators inside brackets belong to the name: `(上市大厅、典藏、博览)服务助理`.
        var groups: [Substring] = []
        var depth = 0
        var start = v.startIndex
        for i in v.indices {
            switch v[i] {
            case "(", "（": depth += 1
            case ")", "）": depth = max(0, depth - 1)
            case "、", "，", ",", ";", "；":
                if depth == 0 { groups.append(v[start..<i]); start = v.index(after: i) }
            default: break
            }
        }
        groups.append(v[start...])
        return groups.map { group in
            let alternatives = group.split(whereSeparator: { $0 == "/" || $0 == "／" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let first = alternatives.first else { return [] }
            return [first] + alternatives.dropFirst().map { expand($0, like: first) }
        }.filter { !$0.isEmpty }
    }

    /// `副主管` after `环境主管` is `环境副主管`: the shared ending tells where the prefix stops.
    static func expand(_ short: String, like full: String) -> String {
        guard short.count < full.count else { return short }
        for length in stride(from: min(short.count, full.count) - 1, through: 1, by: -1) {
            let ending = String(full.suffix(length))
            if short.hasSuffix(ending) { return String(full.dropLast(length)) + short }
        }
        return short
    }

    static func isSubsequence(_ a: String, of b: String) -> Bool {
        var rest = b[...]
        for c in a {
            guard let i = rest.firstIndex(of: c) else { return false }
            rest = rest[rest.index(after: i)...]
        }
        return true
    }

    /// Levenshtein distance over characters, for did-you-mean between titles (short strings only).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    func resolve(jobs: [ImportedJob], departments: [ImportedDepartment], procedures: [ImportedProcedure] = [], into plan: inout ImportPlan) {
        let fold = LayoutReader.fold
        var used: Set<String> = []
        // Departments: the headings' and every 所属部门 named.
        var departmentIds: [String: String] = [:]
        var departmentOrder: [(id: String, title: String, duties: [SourceLine])] = []
        func departmentId(_ title: String, duties: [SourceLine] = []) -> String {
            if let id = departmentIds[fold(title)] {
                if let i = departmentOrder.firstIndex(where: { $0.id == id }) { departmentOrder[i].duties += duties }
                return id
            }
            let id = Self.unique(Self.id(for: title, prefix: options.idPrefix), &used)
            departmentIds[fold(title)] = id
            departmentOrder.append((id, title, duties))
            return id
        }
        for d in departments { _ = departmentId(d.title, duties: d.duties) }
        for job in jobs { if let d = job.fields[.department] { _ = departmentId(d.text) } }

        var ids: [String] = []
        var byTitle: [String: Int] = [:]
        for (i, job) in jobs.enumerated() {
            ids.append(Self.unique(Self.id(for: job.title, prefix: options.idPrefix), &used))
            if let earlier = byTitle[fold(job.title)] {
                plan.notes.append(ImportNote(.problem, file: job.file, line: job.line, column: job.column,
                                             "title '\(job.title)' also at \(jobs[earlier].file):\(jobs[earlier].line) with other text: both imported, references go to the first"))
            } else {
                byTitle[fold(job.title)] = i
            }
        }
        for (i, a) in jobs.enumerated() {
            for b in jobs[(i + 1)...] where a.title != b.title && fold(a.title) == fold(b.title) {
                plan.notes.append(ImportNote(.problem, file: b.file, line: b.line, column: b.column, "title '\(b.title)' differs from '\(a.title)' (\(a.file):\(a.line)) only in script"))
            }
        }
        func lookup(_ name: String) -> Int? { byTitle[fold(name)] }
        func didYouMean(_ name: String) -> String {
            let n = fold(name)
            // Near: one title inside the other with at most two characters more (环境主管 / 环境管理主管),
            // or one character different in titles of four or more.
            let near = jobs.map(\.title).filter { t in
                let f = fold(t)
                guard f != n else { return false }
                let d = Self.distance(f, n)
                return (d <= 2 && (Self.isSubsequence(f, of: n) || Self.isSubsequence(n, of: f)) && min(f.count, n.count) >= 2)
                    || (d == 1 && min(f.count, n.count) >= 4)
            }
            let unique = Array(Set(near)).sorted()
            return unique.isEmpty ? "" : "; did you mean " + unique.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?"
        }

        // Superiors first: direct reports are checked against them.
        var superior: [Int?] = Array(repeating: nil, count: jobs.count)
        var superiorText: [String?] = Array(repeating: nil, count: jobs.count)
        var dotted: [[Int]] = Array(repeating: [], count: jobs.count)
        // The one job description with no superior, when every other one names one, heads the organisation.
        let unheaded = jobs.indices.filter { jobs[$0].fields[.reportsTo] == nil }
        let head = unheaded.count == 1 && jobs.count > 1 ? unheaded.first : nil
        for (i, job) in jobs.enumerated() {
            guard let value = job.fields[.reportsTo] else {
                if i == head {
                    plan.notes.append(ImportNote(.imported, file: job.file, line: job.line, column: job.column,
                                                 "'\(job.title)' is the only role without a 直接上级: written as top: true"))
                } else {
                    plan.notes.append(ImportNote(.problem, file: job.file, line: job.line, column: job.column, "'\(job.title)' names no 直接上级: reports_to not set"))
                }
                continue
            }
            let groups = Self.names(value.text)
            guard let first = groups.first?.first else { continue }
            let alternatives = groups.flatMap { $0 }
            if let s = lookup(first), s != i {
                superior[i] = s
            } else {
                superiorText[i] = first
                plan.notes.append(ImportNote(.problem, file: job.file, line: value.line, column: value.column,
                                             "直接上级 '\(first)' of '\(job.title)' names no imported role: kept as written\(didYouMean(first))"))
            }
            for other in alternatives.dropFirst() {
                if let s = lookup(other), s != i, s != superior[i] { dotted[i].append(s) }
                else if lookup(other) == nil {
                    plan.notes.append(ImportNote(.problem, file: job.file, line: value.line, column: value.column,
                                                 "直接上级 '\(other)' of '\(job.title)' names no imported role: not kept\(didYouMean(other))"))
                }
            }
            if alternatives.count > 1 {
                plan.notes.append(ImportNote(.imported, file: job.file, line: value.line, column: value.column,
                                             "'\(job.title)' has \(alternatives.count) superiors '\(value.text)': the first is reports_to, the others resolved are dotted_line_to"))
            }
        }
        var directReports: [[String]] = Array(repeating: [], count: jobs.count)
        for (i, job) in jobs.enumerated() {
            guard let value = job.fields[.directReports] else { continue }
            var listed: [Int] = []
            var consistent = true
            for name in Self.names(value.text).flatMap({ $0 }) {
                guard let s = lookup(name) else {
                    consistent = false
                    plan.notes.append(ImportNote(.problem, file: job.file, line: value.line, column: value.column,
                                                 "直接下级 '\(name)' of '\(job.title)' names no imported role\(didYouMean(name))"))
                    continue
                }
                listed.append(s)
                if superior[s] != i && !dotted[s].contains(i) {
                    consistent = false
                    let theirs = jobs[s].fields[.reportsTo]?.text ?? "none"
                    plan.notes.append(ImportNote(.problem, file: job.file, line: value.line, column: value.column,
                                                 "直接下级 of '\(job.title)' lists '\(jobs[s].title)', whose own 直接上级 is '\(theirs)' (\(jobs[s].file):\(jobs[s].fields[.reportsTo]?.line ?? jobs[s].line))"))
                }
            }
            let actual = Set(superior.indices.filter { superior[$0] == i })
            if consistent && Set(listed) == actual && !listed.isEmpty { directReports[i] = listed.map { ids[$0] } }
        }

        for (i, job) in jobs.enumerated() {
            var role = RoleFileWriter.Role(title: job.title, sections: job.sections)
            if let d = job.fields[.department] { role.department = departmentId(d.text) } else {
                plan.notes.append(ImportNote(.problem, file: job.file, line: job.line, column: job.column, "'\(job.title)' names no 所属部门: department not set"))
            }
            role.reportsTo = superior[i].map { ids[$0] } ?? superiorText[i]
            role.top = i == head
            role.reportsToIsId = superior[i] != nil
            role.dottedLineTo = dotted[i].map { ids[$0] }
            role.directReports = directReports[i]
            if let h = job.fields[.headcount] {
                if let n = Int(h.text.prefix { $0.isASCIIDigit }.isEmpty ? String(h.text.filter(\.isASCIIDigit).prefix(6)) : String(h.text.prefix { $0.isASCIIDigit })) {
                    role.headcount = n
                } else {
                    plan.notes.append(ImportNote(.unmapped, file: job.file, line: h.line, column: h.column, "headcount '\(h.text)' is not a number: not kept"))
                }
            }
            role.code = job.fields[.code]?.text
            role.grade = job.fields[.grade]?.text
            role.location = job.fields[.location]?.text
            role.hours = job.fields[.hours]?.text
            role.document = job.fields[.document]?.text
            role.version = job.fields[.version]?.text
            role.effective = job.fields[.effective].map { Self.date($0.text) ?? $0.text }
            let duties = RoleFileWriter.listed(job.sections.filter { $0.kind == .responsibilities }.flatMap(\.lines)).items.count
            if duties == 0 {
                plan.notes.append(ImportNote(.problem, file: job.file, line: job.line, column: job.column, "'\(job.title)' has no responsibilities in the source"))
            }
            let fields = ScalarField.allCases.filter { job.fields[$0] != nil }.map(\.rawValue)
            let sections = job.sections.filter { !$0.lines.isEmpty }.map { $0.kind == .other ? $0.heading : $0.kind.rawValue }
            plan.notes.append(ImportNote(.imported, file: job.file, line: job.line, column: job.column,
                                         "'\(job.title)' → roles/\(ids[i]).md: \(duties) responsibilit\(duties == 1 ? "y" : "ies"); fields \(fields.joined(separator: ", ")); sections \(sections.joined(separator: ", "))"))
            for section in job.sections where section.kind == .other && !section.lines.isEmpty {
                plan.notes.append(ImportNote(.unmapped, file: job.file, line: section.lines[0].line, column: section.lines[0].column,
                                             "label '\(section.heading)' has no mapping: kept as section '## \(section.heading)'"))
            }
            plan.roles.append(PlannedRole(id: ids[i], title: job.title, file: job.file, line: job.line, responsibilities: duties))
            plan.files.append(("roles/\(ids[i]).md", RoleFileWriter.roleFile(role)))
        }
        for procedure in procedures {
            let id = Self.unique(Self.id(for: procedure.title, prefix: options.idPrefix), &used)
            let file = ProcedureFile(procedure)
            let department = procedure.department.map { departmentId($0) }
            plan.notes.append(ImportNote(.imported, file: procedure.file, line: procedure.line, column: procedure.column,
                                         "warning: '\(procedure.title)' reads as rules or a procedure (管理制度, 须知, 细则), not a job description: "
                                         + "imported as procedures/\(id).md with \(file.steps) step\(file.steps == 1 ? "" : "s") in \(file.phases.count) phase\(file.phases.count == 1 ? "" : "s"); "
                                         + "no role is made from it: name its owner and roles in the front matter"))
            plan.procedures.append(PlannedProcedure(id: id, title: procedure.title, file: procedure.file, line: procedure.line, steps: file.steps))
            plan.files.append(("procedures/\(id).md", file.markdown(department: department)))
        }
        for d in departmentOrder {
            plan.departments.append((d.id, d.title))
            plan.files.append(("departments/\(d.id).md", RoleFileWriter.departmentFile(title: d.title, duties: d.duties)))
        }
    }

    /// `2008-04-30`, `2008/4/30`, `2008年4月30日` → `2008-04-30`; nil otherwise.
    static func date(_ text: String) -> String? {
        let numbers = text.split(whereSeparator: { !$0.isASCIIDigit }).compactMap { Int($0) }
        guard numbers.count == 3, (1900...2200).contains(numbers[0]), (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else { return nil }
        return String(format: "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2])
    }
}
