import Foundation
import RoleBook

/// Reads the lines of one source document into job descriptions and departments.
///
/// The layouts are those of the seeds and of common templates: `label：value` lines, a label
/// alone on a line with its value on the next (form templates and tables read row by row),
/// several job descriptions in one file separated by headings (`第一篇:`, `X岗位职责`,
/// `1.0X岗位职责`, `岗位说明书-X`) or by a new `岗位名称`, sections introduced by a heading or
/// a label line. The reader is one pass over the lines with a small explicit state.
package struct LayoutReader: Sendable {
    package var file: String

    package init(file: String) {
        self.file = file
    }

    package struct Result: Sendable {
        package var jobs: [ImportedJob] = []
        package var departments: [ImportedDepartment] = []
        package var procedures: [ImportedProcedure] = []
        package var notes: [ImportNote] = []
    }

    /// Reading state: the open job description, its open section, a label waiting for its value.
    private struct State {
        var job: ImportedJob?
        var section: Int?
        var pending: (label: String, meaning: FieldMeaning, line: Int, column: Int)?
        var department: Int?
        var outside: [SourceLine] = []
        /// An open 管理制度/须知: its lines are steps, not fields, until a part or a job heading.
        var procedure: ImportedProcedure?
        /// The open job description was headed `X岗位职责`: its text is duties, not a summary.
        var headedByDuties = false
    }

    package func read(_ input: [SourceLine]) -> Result {
        var result = Result()
        var state = State()
        let lines = Self.splitEmbedded(Self.droppingRepeatedLines(input, file: file, notes: &result.notes))
        for (index, raw) in lines.enumerated() {
            var text = raw.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            // The trimmed text, placed where it is in the source (a piece of a rejoined line knows its own line).
            var line = raw.piece(text, at: raw.text.prefix { $0.isWhitespace }.count)
            // A title alone on a line before a list that starts at 1 (`出品督导` / `1、…`) heads a new JD.
            if index + 1 < lines.count, Self.isBareTitle(text), let m = Enumeration.marker(atStartOf: Substring(lines[index + 1].text)), m.ordinal == 1,
               state.pending == nil {
                text += "岗位职责"
                line.text = text
            }
            if let pending = state.pending {
                state.pending = nil
                if Self.labelLine(text) == nil && Self.heading(text) == nil && Self.part(text) == nil {
                    apply(pending.meaning, label: pending.label, value: text, at: line, state: &state, result: &result)
                    continue
                }
                if case .scalar = pending.meaning {
                    result.notes.append(ImportNote(.unmapped, file: file, line: pending.line, column: pending.column, "label '\(pending.label)' has no value"))
                }
            }
            if state.procedure != nil, Self.part(text) == nil {
                // Inside rules, only a job heading or a 岗位名称 ends them; labels are the rules' words.
                let endsRules: Bool
                if case .job? = Self.heading(text) { endsRules = true } else if case .scalar(.title)? = Self.labelLine(text)?.meaning { endsRules = true } else { endsRules = false }
                if !endsRules {
                    if Self.rulesHeading(text) == nil || !state.procedure!.lines.isEmpty { state.procedure!.lines.append(line) }
                    continue
                }
            }
            if let rest = Self.part(text) {
                // `第二篇:…` closes everything; what follows the colon may itself be a heading.
                close(&state, &result)
                state.department = nil
                if !rest.isEmpty { handle(line.suffix(rest), state: &state, result: &result) }
                continue
            }
            handle(line, state: &state, result: &result)
        }
        if let pending = state.pending, case .scalar = pending.meaning {
            result.notes.append(ImportNote(.unmapped, file: file, line: pending.line, column: pending.column, "label '\(pending.label)' has no value"))
        }
        close(&state, &result)
        return result
    }

    private func handle(_ line: SourceLine, state: inout State, result: inout Result) {
        let text = line.text
        // `市场服务部须知`, `客户中心前台管理制度为配合…`: rules, not a job description. Inside an open job
        // description only a line of its own counts (a duty may say `遵守公司管理制度`).
        if let (title, rest) = Self.rulesHeading(text), state.job == nil || rest.isEmpty {
            close(&state, &result)
            var procedure = ImportedProcedure(title: title, file: file, line: line.line, column: line.column)
            if let d = state.department { procedure.department = result.departments[d].title }
            if !rest.isEmpty { procedure.lines.append(line.suffix(rest)) }
            state.procedure = procedure
            return
        }
        if let heading = Self.heading(text) {
            switch heading {
            case .job(let title, let rest):
                // The same heading twice in a row (a title line, then the same as a heading) opens one JD.
                if let job = state.job, job.sections.isEmpty, Self.fold(job.title) == Self.fold(title) {
                    if !rest.isEmpty { openSection(.responsibilities, heading: "岗位职责", first: line.suffix(rest), state: &state) }
                    return
                }
                close(&state, &result)
                var job = ImportedJob(file: file, line: line.line, column: line.column)
                job.fields[.title] = SourceValue(text: title, line: line.line, column: line.column)
                if let d = state.department { job.fields[.department] = SourceValue(text: result.departments[d].title, line: result.departments[d].line) }
                state.job = job
                state.headedByDuties = CJKFolding.shared.simplify(text).contains("职责")
                if !rest.isEmpty { openSection(.responsibilities, heading: "岗位职责", first: line.suffix(rest), state: &state) }
            case .department(let title):
                close(&state, &result)
                state.department = department(title, line: line.line, result: &result)
            }
            return
        }
        if let (label, meaning, value) = Self.labelLine(text) {
            if value.isEmpty {
                if case .section(let kind) = meaning {
                    openSection(kind, heading: kind == .other ? label : kind.heading, first: nil, line: line.line, state: &state, result: &result)
                } else {
                    state.pending = (label, meaning, line.line, line.column)
                }
            } else {
                apply(meaning, label: label, value: value, at: line, state: &state, result: &result)
            }
            return
        }
        append(line, state: &state, result: &result)
    }

    /// A body line: into the open section, a new section of the open JD, or the department's duties.
    private func append(_ raw: SourceLine, state: inout State, result: inout Result) {
        var line = raw
        // Decimal section numbers (`13.2.1`) are the source's outline, not part of the text.
        if Self.decimalNumbering(line.text) > 0 { line = line.suffix(Self.strippingNumbering(line.text)) }
        if state.job != nil {
            if state.section == nil {
                // Under `X岗位职责`, a line of duties run together (`监督…;训练…;协调…;`) is duties too.
                let enumerated = Enumeration.marker(atStartOf: Substring(line.text)) != nil || RoleFileWriter.unbulleted(line.text) != nil
                    || state.headedByDuties && RoleFileWriter.splitClauses(line.text).count >= 2
                openSection(enumerated ? .responsibilities : .summary, heading: enumerated ? "岗位职责" : "职责概述", first: nil, line: line.line,
                            state: &state, result: &result)
            }
            // Enumerated lines under a summary heading (`概述:` then `1、…`) are duties, not prose.
            if state.job!.sections[state.section!].kind == .summary, Enumeration.marker(atStartOf: Substring(line.text)) != nil {
                openSection(.responsibilities, heading: "岗位职责", first: nil, state: &state)
            }
            state.job!.sections[state.section!].lines.append(line)
        } else if let d = state.department {
            result.departments[d].duties.append(line)
        } else {
            state.outside.append(line)
        }
    }

    private func openSection(_ kind: SectionKindName, heading: String, first: SourceLine?, line: Int? = nil, state: inout State, result: inout Result) {
        if state.job == nil {
            // A section with no JD open: department duties when a department is open, else unplaced text.
            if state.department != nil { if let first { append(first, state: &state, result: &result) }; return }
            state.job = ImportedJob(file: file, line: line ?? first?.line ?? 0)
        }
        openSection(kind, heading: heading, first: first, state: &state)
        _ = line
    }

    private func openSection(_ kind: SectionKindName, heading: String, first: SourceLine?, state: inout State) {
        guard state.job != nil else { return }
        if let i = state.job!.sections.firstIndex(where: { $0.kind == kind && $0.heading == heading }) {
            state.section = i
        } else {
            state.job!.sections.append(ImportedSection(heading: heading, kind: kind, lines: [], line: first?.line ?? 0))
            state.section = state.job!.sections.count - 1
        }
        if let first { state.job!.sections[state.section!].lines.append(first) }
    }

    private func apply(_ meaning: FieldMeaning, label: String, value: String, at source: SourceLine, state: inout State, result: inout Result) {
        let line = source.line
        // The value where it is in the source (after its label on a `label：value` line).
        let placed = source.suffix(value)
        switch meaning {
        case .scalar(let field) where value.count > 100:
            // Run-on text after a label is not a field value: kept as a section under the label.
            apply(.section(.other), label: label, value: value, at: source, state: &state, result: &result)
            result.notes.append(ImportNote(.unmapped, file: file, line: line, column: source.column, "value of '\(label)' too long for \(field.rawValue) (\(value.count) characters): kept as section '## \(label)'"))
        case .scalar(let field):
            var value = value
            // `营运部总监职位代码` (a label with no value glued to the end of the previous value).
            for length in stride(from: min(8, value.count - 2), through: 4, by: -1) where length > 0 {
                if FieldNames.meaning(of: value.suffix(length)) != nil {
                    result.notes.append(ImportNote(.unmapped, file: file, line: line, "label '\(value.suffix(length))' has no value"))
                    value = String(value.dropLast(length))
                    break
                }
            }
            if field == .title {
                if let job = state.job, job.fields[.title] != nil {
                    let sameAsHeading = job.sections.allSatisfy { $0.lines.isEmpty } && Self.fold(job.title) == Self.fold(value)
                    let fromHeading = job.fields[.title]!.line == job.line && !job.sections.contains { !$0.lines.isEmpty }
                    if !sameAsHeading && !fromHeading { close(&state, &result) }
                }
            }
            if state.job == nil {
                state.job = ImportedJob(file: file, line: line, column: source.column)
                if let d = state.department { state.job!.fields[.department] = SourceValue(text: result.departments[d].title, line: result.departments[d].line) }
            }
            state.job!.fields[field] = SourceValue(text: value, line: placed.line, column: placed.column)
            // A field line ends the running section: what follows belongs to a new label or section.
            state.section = nil
        case .section(let kind):
            openSection(kind, heading: kind == .other ? label : kind.heading, first: placed, line: line, state: &state, result: &result)
        case .sectionItem(let kind):
            let heading = kind == .other ? label : kind.heading
            let keep = state.section
            openSection(kind, heading: heading, first: SourceLine("\(label)：\(value)", line: source.line, column: source.column), line: line, state: &state, result: &result)
            if kind != .relations, keep != nil { state.section = keep } else { state.section = nil }
        }
    }

    private func department(_ title: String, line: Int, result: inout Result) -> Int {
        if let i = result.departments.firstIndex(where: { Self.fold($0.title) == Self.fold(title) }) { return i }
        result.departments.append(ImportedDepartment(title: title, file: file, line: line))
        return result.departments.count - 1
    }

    private func close(_ state: inout State, _ result: inout Result) {
        if let procedure = state.procedure, !procedure.lines.isEmpty { result.procedures.append(procedure) }
        state.procedure = nil
        if var job = state.job {
            Self.reassemble(&job, notes: &result.notes)
            Self.movingDutiesOutOfRelations(&job, notes: &result.notes)
            if job.fields[.title] != nil {
                result.jobs.append(job)
            } else {
                let lines = job.sections.flatMap(\.lines)
                result.notes.append(ImportNote(.unmapped, file: file, line: job.line, column: job.column,
                                               "fields without a 岗位名称 or a job heading not imported (\(job.fields.count) field\(job.fields.count == 1 ? "" : "s"), \(lines.count) line\(lines.count == 1 ? "" : "s"))"))
            }
        }
        if let first = state.outside.first {
            let last = state.outside.last!
            let range = first.line == last.line ? "line \(first.line)" : "lines \(first.line)–\(last.line)"
            result.notes.append(ImportNote(.unmapped, file: file, line: first.line, column: first.column,
                                           "\(range): text outside any job description not imported (\(state.outside.count) line\(state.outside.count == 1 ? "" : "s")): \(NoiseFilter.quote(first.text))"))
        }
        state.job = nil
        state.headedByDuties = false
        state.section = nil
        state.outside = []
    }

    // MARK: - Numbering out of order

    /// Scraped pages sometimes shuffle blocks of a form: `3.…` to `7.…` of the duties land under
    /// 工作权限, whose own items stop at 3, while 工作职责 reads 1, 2, 8. A run of numbered lines that
    /// breaks its section's numbering (neither 1 nor the next number) and fits exactly one gap of
    /// another section of the same job description (that section has the number before the run, and
    /// its next number, if any, comes after the run's last) is moved into that gap, and reported.
    static func reassemble(_ job: inout ImportedJob, notes: inout [ImportNote]) {
        typealias Mark = (family: EnumerationMarker.Family, ordinal: Int)
        func mark(_ line: SourceLine) -> Mark? {
            Enumeration.marker(atStartOf: Substring(line.text)).map { ($0.family, $0.ordinal) }
        }
        // Each move takes lines out of one section for good: at most one move per line.
        var moves = 0
        search: while moves < 100 {
            for s in job.sections.indices where job.sections[s].kind != .summary {
                let lines = job.sections[s].lines
                var last: [EnumerationMarker.Family: Int] = [:]
                var j = 0
                while j < lines.count {
                    guard let m = mark(lines[j]) else { j += 1; continue }
                    defer { last[m.family] = m.ordinal }
                    guard m.ordinal != 1, m.ordinal != (last[m.family] ?? 0) + 1 else { j += 1; continue }
                    var k = j + 1
                    while k < lines.count, let n = mark(lines[k]), n.family == m.family, n.ordinal == m.ordinal + (k - j) { k += 1 }
                    let count = k - j
                    // Gaps that fit: after the item numbered m-1 (and its unnumbered continuation lines).
                    var fits: [(section: Int, at: Int)] = []
                    for t in job.sections.indices where t != s && job.sections[t].kind != .summary {
                        let target = job.sections[t].lines
                        for e in target.indices {
                            guard let p = mark(target[e]), p.family == m.family, p.ordinal == m.ordinal - 1 else { continue }
                            var at = e + 1
                            while at < target.count, mark(target[at]) == nil { at += 1 }
                            let next = target[at...].lazy.compactMap(mark).first { $0.family == m.family }
                            if next == nil || next!.ordinal == 1 || next!.ordinal >= m.ordinal + count { fits.append((t, at)) }
                        }
                    }
                    guard fits.count == 1, let fit = fits.first else { j = k; continue }
                    let block = Array(lines[j..<k])
                    job.sections[s].lines.removeSubrange(j..<k)
                    job.sections[fit.section].lines.insert(contentsOf: block, at: fit.at)
                    let from = job.sections[s].kind == .other ? job.sections[s].heading : job.sections[s].kind.heading
                    let to = job.sections[fit.section].kind == .other ? job.sections[fit.section].heading : job.sections[fit.section].kind.heading
                    notes.append(ImportNote(.imported, file: job.file, line: block[0].line, column: block[0].column,
                                            "items \(m.ordinal)–\(m.ordinal + count - 1) break the numbering of '\(from)' and fill the gap in '\(to)' of '\(job.title)': moved there (the page had the blocks out of order)"))
                    moves += 1
                    continue search
                }
            }
            break
        }
    }

    /// A form's 沟通渠道/工作关系 table names partners and means (`与各部门之间协调`, `会议、电话、邮件`);
    /// sentences ending in `；` under a short group title (`核心客户管理` / `在不断满足…；` / `增建…；`)
    /// are rows of the duties table that a scraped page put after it. They move to 岗位职责, reported.
    static func movingDutiesOutOfRelations(_ job: inout ImportedJob, notes: inout [ImportNote]) {
        guard let r = job.sections.firstIndex(where: { $0.kind == .relations }) else { return }
        func isDuty(_ l: SourceLine) -> Bool {
            let t = l.text.trimmingCharacters(in: .whitespaces)
            return t.count >= 15 && (t.hasSuffix("；") || t.hasSuffix(";")) && labelLine(t) == nil
        }
        func isGroupTitle(_ l: SourceLine) -> Bool {
            let t = l.text.trimmingCharacters(in: .whitespaces)
            return (2...12).contains(t.count) && !t.contains(where: { "，。；,;：:、".contains($0) }) && labelLine(t) == nil
        }
        let lines = job.sections[r].lines
        guard let g = lines.indices.first(where: { isGroupTitle(lines[$0]) && $0 + 1 < lines.count && isDuty(lines[$0 + 1]) }) else { return }
        var end = g + 1
        while end < lines.count, isDuty(lines[end]) { end += 1 }
        let moved = Array(lines[g..<end])
        job.sections[r].lines.removeSubrange(g..<end)
        if let d = job.sections.firstIndex(where: { $0.kind == .responsibilities }) {
            job.sections[d].lines += moved
        } else {
            job.sections.append(ImportedSection(heading: SectionKindName.responsibilities.heading, kind: .responsibilities, lines: moved, line: moved[0].line))
        }
        notes.append(ImportNote(.imported, file: job.file, line: moved[0].line, column: moved[0].column,
                                "'\(moved[0].text)' and \(moved.count - 1) duty line\(moved.count == 2 ? "" : "s") under '\(job.sections[r].kind.heading)' of '\(job.title)' read as duties, not relations: moved to 岗位职责"))
    }

    // MARK: - Line shapes

    static func fold(_ s: String) -> String {
        String(CJKFolding.shared.simplify(s).lowercased().filter { !$0.isWhitespace }.map { c -> Character in
            switch c {
            case "（": "("
            case "）": ")"
            default: c
            }
        })
    }

    /// `第二篇:营运部岗位职责` → `营运部岗位职责`; `第三篇` → ``; nil when not a part separator.
    static func part(_ text: String) -> String? {
        let s = CJKFolding.shared.simplify(text)
        guard s.hasPrefix("第") else { return nil }
        let digits = s.dropFirst().prefix { "0123456789一二三四五六七八九十".contains($0) }
        guard !digits.isEmpty else { return nil }
        let afterDigits = s.dropFirst(1 + digits.count)
        guard afterDigits.hasPrefix("篇") || afterDigits.hasPrefix("部分") else { return nil }
        let rest = text.dropFirst(1 + digits.count + (afterDigits.hasPrefix("篇") ? 1 : 2))
        return String(rest.drop { ":：、.． ".contains($0) }).trimmingCharacters(in: .whitespaces)
    }

    enum Heading: Equatable {
        case job(title: String, rest: String)
        case department(String)
    }

    /// Length of a leading decimal outline number (`1.0`, `13.2.1`; not `1.` alone), or 0.
    static func decimalNumbering(_ text: some StringProtocol) -> Int {
        let prefix = text.prefix { $0.isASCIIDigit || $0 == "." }
        guard let dot = prefix.firstIndex(of: "."), prefix.first?.isASCIIDigit == true,
              prefix.index(after: dot) < prefix.endIndex, prefix[prefix.index(after: dot)].isASCIIDigit else { return 0 }
        return prefix.count
    }

    /// Leading `1.0`, `1.2.3`, or an enumeration marker (`1、`, `一.`, `（一）`).
    static func strippingNumbering(_ text: String) -> String {
        var s = Substring(text)
        let decimal = decimalNumbering(s)
        if decimal > 0, decimal < s.count {
            s = s.dropFirst(decimal)
        } else if let m = Enumeration.marker(atStartOf: s) {
            s = s.dropFirst(m.length)
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Endings of a job heading, longest first (folded to simplified script before matching).
    static let jobSuffixes = ["岗位职责描述", "岗位职责说明", "岗位职责", "岗位说明书", "职位说明书", "工作职责", "职责描述", "职责"]
    static let titleEndings = ["经理", "主管", "主任", "专员", "助理", "总监", "督导", "员", "师", "长", "管家", "前台", "厨", "负责人", "文员", "人员", "总",
                               "监", "秘书", "顾问", "司机", "工", "保安", "保洁", "客服", "代表"]
    static let departmentEndings = ["部", "部门", "中心", "处", "科", "室", "组"]
    static let headingNoise = ["(推荐)", "(合集)", "(精选)", "(范文)", "(通用)", "(最新)"]

    /// A heading that opens a job description or names a department.
    static func heading(_ raw: String) -> Heading? {
        // `13.2.1 (2、3楼)客服员工作职责` is a group inside the open job description, not a new one.
        if raw.prefix(while: { $0.isASCIIDigit || $0 == "." }).filter({ $0 == "." }).count >= 2 { return nil }
        let text = strippingNumbering(raw)
        var s = CJKFolding.shared.simplify(text)
        // `…岗位职责(共5篇)` titles a collection, not a job description.
        if s.range(of: #"[(（]共\s*\d+\s*篇[)）]"#, options: .regularExpression) != nil { return nil }
        // `岗位说明书-客户服务经理`, `岗位说明书(客服经理)`
        for lead in ["岗位说明书", "职位说明书"] where s.hasPrefix(lead) && "-—–:：(（".contains(s.dropFirst(lead.count).first ?? "x") {
            let title = String(text.dropFirst(lead.count)).trimmingCharacters(in: CharacterSet(charactersIn: "-—–:：()（） "))
            return plausibleTitle(title) ? .job(title: title, rest: "") : nil
        }
        for noise in headingNoise {
            if let r = fold(s).range(of: noise), r.upperBound == fold(s).endIndex { s = String(s.dropLast(noise.count)); break }
        }
        var rest = ""
        var body = s
        if let colon = s.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            rest = String(text[text.index(after: text.index(text.startIndex, offsetBy: s.distance(from: s.startIndex, to: colon)))...])
                .trimmingCharacters(in: .whitespaces)
            body = String(s[..<colon])
        }
        body = body.trimmingCharacters(in: .whitespaces)
        guard let suffix = jobSuffixes.first(where: { body.hasSuffix($0) }) else {
            // `物业服务中心前台客服岗位职责负责物业服务中心的电话接听…`: a heading run into its first duty.
            if let r = s.range(of: "岗位职责"), s.distance(from: s.startIndex, to: r.lowerBound) <= 16 {
                let title = String(text.prefix(s.distance(from: s.startIndex, to: r.lowerBound)))
                var after = String(text.dropFirst(title.count + 4)).trimmingCharacters(in: CharacterSet(charactersIn: ":： "))
                // The heading printed twice (`X岗位职责X岗位职责负责…`) is read once.
                if after.hasPrefix(title + "岗位职责") { after = String(after.dropFirst(title.count + 4)) }
                if isBareTitle(title), !after.isEmpty { return .job(title: title, rest: after) }
            }
            return nil
        }
        let simplifiedTitle = String(body.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        // Keep the source's script: cut the same number of characters from the original text.
        let original = String(text.prefix(simplifiedTitle.count)).trimmingCharacters(in: .whitespaces)
        guard !original.isEmpty else { return nil }
        if suffix == "职责" || suffix == "职责描述" || suffix == "工作职责" {
            guard titleEndings.contains(where: { simplifiedTitle.hasSuffix($0) }) || departmentEndings.contains(where: { simplifiedTitle.hasSuffix($0) }) else { return nil }
        }
        for lead in ["各岗位", "相关岗位", "主要岗位", "各", "相关", "主要"] where simplifiedTitle.hasSuffix(lead) {
            let dept = String(original.dropLast(lead.count))
            return plausibleTitle(dept) ? .department(dept) : nil
        }
        guard plausibleTitle(original) else { return nil }
        if departmentEndings.contains(where: { simplifiedTitle.hasSuffix($0) }) && !titleEndings.contains(where: { simplifiedTitle.hasSuffix($0) }) {
            return .department(original)
        }
        return .job(title: original, rest: rest)
    }

    /// Endings of the title of rules or a procedure: a document of these is not a job description.
    static let rulesSuffixes = ["管理制度", "须知", "细则", "守则", "管理办法", "管理规定", "工作规范", "操作规程"]

    /// `市场服务部须知` → (`市场服务部须知`, ``); `客户中心前台管理制度为配合…` → the title and the text
    /// after it; nil when the line does not start with such a title (within its first 40 characters,
    /// without sentence punctuation before it).
    static func rulesHeading(_ raw: String) -> (title: String, rest: String)? {
        let text = strippingNumbering(raw)
        let s = CJKFolding.shared.simplify(text)
        guard s.count == text.count else { return nil }
        let head = String(s.prefix(40))
        var end: Int?
        for suffix in rulesSuffixes {
            guard let r = head.range(of: suffix) else { continue }
            let e = head.distance(from: head.startIndex, to: r.upperBound)
            if end == nil || e < end! { end = e }
        }
        guard var e = end else { return nil }
        // `工作规范细则`: suffixes in a row are one title.
        while let next = rulesSuffixes.first(where: { s.dropFirst(e).hasPrefix($0) }) { e += next.count }
        let title = String(text.prefix(e)).trimmingCharacters(in: .whitespaces)
        // `职责细则` is a section label of a job description.
        guard title.count > 2, plausibleTitle(title), !title.contains(where: { ":：、".contains($0) }), FieldNames.meaning(of: title) == nil else { return nil }
        let rest = String(text.dropFirst(e)).trimmingCharacters(in: CharacterSet(charactersIn: " :："))
        // `…管理制度，认真执行` is a sentence about rules, not their title.
        if let first = rest.first, "，,。；;、".contains(first) { return nil }
        return (title, rest)
    }

    /// A short line that reads as a job title: no marker, no punctuation, a title's ending.
    static func isBareTitle(_ text: String) -> Bool {
        let s = CJKFolding.shared.simplify(text)
        return (2...12).contains(s.count) && plausibleTitle(s) && !s.contains(where: { ":：、".contains($0) })
            && Enumeration.marker(atStartOf: Substring(s)) == nil && FieldNames.meaning(of: s) == nil
            && titleEndings.contains(where: { s.hasSuffix($0) })
    }

    static func plausibleTitle(_ title: String) -> Bool {
        (2...24).contains(title.count) && !title.contains(where: { "，。；;,！？!?“”\"".contains($0) })
    }

    /// `label：value`, `label:value`, `label,value` (known scalar labels only) or a label alone.
    static func labelLine(_ line: String) -> (label: String, meaning: FieldMeaning, value: String)? {
        // A bulleted label (`-直接行政主管:…`) is a label.
        let raw = line.first == "-" || line.first == "•" ? String(line.dropFirst()).trimmingCharacters(in: .whitespaces) : line
        let text = strippingNumbering(raw)
        // `15.2 具体工作职责 主要负责…`: a section heading with its first line after a space.
        if let space = text.firstIndex(of: " "), case .section(let kind)? = FieldNames.meaning(of: text[..<space]),
           raw.first?.isASCIIDigit == true || text.distance(from: text.startIndex, to: space) >= 4 {
            return (String(text[..<space]), .section(kind), text[space...].trimmingCharacters(in: .whitespaces))
        }
        if let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            // An enumerated line (`1、工作时间:每天…`) is an item, not a field.
            if Enumeration.marker(atStartOf: Substring(raw)) != nil, FieldNames.meaning(of: label) == nil { return nil }
            if let meaning = FieldNames.meaning(of: label) { return (label, meaning, value) }
            // An unknown short label with a value is kept as a section of its own; without a value
            // (`客诉处理:`) it is a line of the running section (a group of duties).
            if (2...8).contains(label.count), label.allSatisfy({ CJKFolding.shared.pinyin($0.unicodeScalars.first!) != nil }),
               Enumeration.marker(atStartOf: Substring(raw)) == nil, !value.isEmpty, value.count < 200, raw == text {
                return (label, .section(.other), value)
            }
            return nil
        }
        if let comma = text.firstIndex(where: { $0 == "," || $0 == "，" }),
           case .scalar(let field)? = FieldNames.meaning(of: text[..<comma]), field == .title {
            let value = text[text.index(after: comma)...].trimmingCharacters(in: CharacterSet(charactersIn: " 。."))
            return (String(text[..<comma]), .scalar(.title), value)
        }
        // `职位` / `岗位` alone are too common as words to be labels without a colon.
        if let meaning = FieldNames.meaning(of: text), !FieldNames.inlineOnly.contains(FieldNames.normalize(text)) { return (text, meaning, "") }
        return nil
    }

    /// Identical neighbouring lines (a heading repeated by the converter) are read once.
    static func droppingRepeatedLines(_ lines: [SourceLine], file: String, notes: inout [ImportNote]) -> [SourceLine] {
        var out: [SourceLine] = []
        for line in lines {
            let t = line.text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            if let last = out.last, last.text.trimmingCharacters(in: .whitespaces) == t {
                notes.append(ImportNote(.noise, file: file, line: line.line, column: line.column, "repeated line dropped: \(NoiseFilter.quote(t))"))
                continue
            }
            out.append(line)
        }
        return out
    }

    /// Splits a line where a label or heading starts after a space (`直接下级:无 9.2具体工作职责`,
    /// `汇报职级:项目负责人 岗位职责:`), so each reads as a line of its own.
    static func splitEmbedded(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        for line in lines {
            // Each piece with the Character offset where it starts in the line.
            var pieces: [(text: String, offset: Int)] = []
            var current = ""
            var start = 0
            let chars = Array(line.text)
            var i = 0
            // After the title of rules (`…管理制度`) only a part separator splits: their `工作时间:` is a rule's text.
            var rules = false
            while i < chars.count {
                // A piece that is only an outline number (`4.1 `) stays with its heading.
                if i > 0, !current.allSatisfy({ $0.isWhitespace || $0.isASCIIDigit || $0 == "." }), let length = embeddedLabelLength(chars, at: i, after: chars[i - 1]),
                   !rules || chars[i] == "第" {
                    pieces.append((current, start))
                    current = String(chars[i..<(i + length)])
                    start = i
                    i += length
                    rules = false
                    continue
                }
                current.append(chars[i])
                i += 1
                if !rules, i - start <= 48, case let tail = CJKFolding.shared.simplify(String(current.suffix(4))), rulesSuffixes.contains(where: { tail.hasSuffix($0) }) {
                    let body = part(current) ?? current
                    rules = !body.isEmpty && rulesHeading(body)?.rest == ""
                }
            }
            pieces.append((current, start))
            for piece in pieces {
                let t = piece.text.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { out.append(line.piece(t, at: piece.offset + piece.text.prefix { $0.isWhitespace }.count)) }
            }
        }
        return out
    }

    /// At `i`: optional `N.N` numbering, then a known label followed by a colon or a space or
    /// the end, or a job heading; returns how many characters to move into the new piece (0 = none).
    ///
    /// After a space any label may start; glued to the text before it (`…所在部门:客户服务部直接上级:总经理`,
    /// `物业管理员(巡楼)4.2具体工作职责`) only a decimal-numbered label or a label of four or more
    /// characters followed by a colon, so `部门:` inside `所属部门:` never splits. `第N篇` always starts a piece.
    static func embeddedLabelLength(_ chars: [Character], at i: Int, after previous: Character) -> Int? {
        if previous.isASCIIDigit || previous == "." { return nil }
        if chars[i] == "第", let end = chars[(i + 1)...].prefix(4).firstIndex(of: "篇"),
           end > i + 1, chars[(i + 1)..<end].allSatisfy({ "0123456789一二三四五六七八九十".contains($0) }) {
            return 1
        }
        let spaced = previous.isWhitespace
        // `…交办的其它事务。物业服务中心管理员岗位职责严格执行…`: a job heading after a sentence end.
        if spaced || "。；;".contains(previous) {
            for k in 2...16 where i + k + 4 <= chars.count && String(chars[(i + k)..<(i + k + 4)]) == "岗位职责" {
                if isBareTitle(String(chars[i..<(i + k)])) { return 1 }
                break
            }
        }
        // `… 二.客服前台职责`: a job heading after a space.
        if spaced, let m = Enumeration.marker(atStartOf: Substring(chars[i...].prefix(6))), m.family == .chineseNumeral {
            let end = chars[i...].firstIndex(where: \.isWhitespace) ?? chars.count
            if end == chars.count || end - i <= 26, case .job? = heading(String(chars[i..<end])) { return 1 }
        }
        var j = i
        while j < chars.count, chars[j].isASCIIDigit || chars[j] == "." { j += 1 }
        let numbered = j > i
        if numbered, !chars[i..<j].contains(".") || chars[j - 1] == "." && !spaced { return nil }
        while j < chars.count, chars[j] == " " { j += 1 }
        for length in stride(from: 8, through: 2, by: -1) where j + length <= chars.count {
            let label = String(chars[j..<(j + length)])
            guard !label.contains(where: { $0 == ":" || $0 == "：" }), let meaning = FieldNames.meaning(of: label) else { continue }
            let after = j + length < chars.count ? chars[j + length] : " "
            let colon = after == ":" || after == "："
            let ends = after == " " || j + length == chars.count || numbered
            // `运营总监 岗位职责:` is a heading: a title, a space, the label and nothing after the colon.
            let nothingAfter = chars[(j + length + (colon ? 1 : 0))...].allSatisfy(\.isWhitespace)
            // A numbered label (`副主管 2.2具体工作职责`, a wrapped value before it) is never part of a title.
            if spaced, !numbered, colon || j + length == chars.count, nothingAfter, case .section(.responsibilities) = meaning,
               !chars[..<i].contains(where: { $0 == ":" || $0 == "：" }) { return nil }
            if spaced, colon || (ends && (numbered || meaningIsSection(meaning))) { return 1 }
            if !spaced, numbered, colon || ends { return 1 }
            // Glued, a label needs a value after its colon: `1.部门经理岗位职责:` is one heading.
            if !spaced, colon, length >= 4, !chars[(j + length + 1)...].allSatisfy(\.isWhitespace) { return 1 }
        }
        return nil
    }

    static func meaningIsSection(_ m: FieldMeaning) -> Bool {
        if case .section = m { return true }
        return false
    }
}
