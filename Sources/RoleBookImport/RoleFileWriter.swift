import Foundation
import RoleBook

/// Writes imported job descriptions and departments as content files.
enum RoleFileWriter {
    /// A list item: its nesting level and text.
    struct Item: Equatable {
        var level: Int
        var text: String
        var line: Int
    }

    /// Lines of a section as list items, using part 1's ``Enumeration`` for the markers: each
    /// marker family seen first at a level opens that level, so `一、` groups with `①` items nest
    /// (`一、` and `第一条` always at the top).
    /// A line without a marker continues the previous item when that item has no sentence end
    /// (text wrapped by a converter), and starts a new top-level item otherwise.
    static func items(_ lines: [SourceLine]) -> [Item] {
        var items: [Item] = []
        var families: [EnumerationMarker.Family] = []
        // After a group line ending in a colon (`客诉处理:`), the enumerated items nest under it.
        var base = 0
        for line in lines {
            // `2、检查设备(1)收银机(2)空调`: the `(n)` runs are a new family, so they nest under item 2.
            let runs = Enumeration.nestedRuns(inLine: Substring(line.text))
            // Duties run together without markers (`负责接听电话; 输入业主资料; 登记…`): one item per clause.
            if runs.isEmpty, unbulleted(line.text) == nil, !endsWithColon(line.text) {
                let clauses = splitClauses(line.text)
                if clauses.count >= 3 {
                    families = []
                    base = 0
                    items += clauses.map { Item(level: 0, text: $0, line: line.line) }
                    continue
                }
            }
            if runs.isEmpty {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                if let bulleted = unbulleted(text) {
                    families = []
                    items.append(Item(level: 0, text: bulleted, line: line.line))
                } else if let last = items.last, !endsSentence(last.text), !text.isEmpty {
                    items[items.count - 1].text += text
                } else if !text.isEmpty {
                    families = []
                    base = text.hasSuffix(":") || text.hasSuffix("：") ? 1 : 0
                    items.append(Item(level: 0, text: base == 1 ? String(text.dropLast()) : text, line: line.line))
                }
                continue
            }
            for run in runs {
                var level: Int
                if let k = families.firstIndex(of: run.marker.family) {
                    families.removeSubrange((k + 1)...)
                    level = k
                } else if run.marker.family == .chineseNumeral || run.marker.family == .article {
                    // `一、` and `第一条` head the outline of Chinese office documents: never nested.
                    families = [run.marker.family]
                    base = 0
                    level = 0
                } else {
                    families.append(run.marker.family)
                    level = families.count - 1
                }
                // A level never jumps by more than one (Markdown would read it as code), capped at 3.
                level = min(level + base, (items.last?.level ?? -1) + 1, 3)
                let text = run.text.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { items.append(Item(level: level, text: text, line: line.line)) }
            }
        }
        return items
    }

    /// A section's lines as a lead-in paragraph and list items: a first line without a marker that
    /// introduces the list (`主要职责如下：` then `1、…`, or `主要职责如下：1、…2、…` on one line) stays
    /// prose, as in content files; a colon line that is one of several groups (`客诉处理:`) stays an item.
    static func listed(_ lines: [SourceLine]) -> (lead: String?, items: [Item]) {
        guard let first = lines.first else { return (nil, []) }
        let text = first.text.trimmingCharacters(in: .whitespaces)
        guard Enumeration.marker(atStartOf: Substring(text)) == nil, unbulleted(text) == nil else { return (nil, items(lines)) }
        let groups = lines.dropFirst().filter { Enumeration.marker(atStartOf: Substring($0.text)) == nil && endsWithColon($0.text.trimmingCharacters(in: .whitespaces)) }
        if let start = Enumeration.embeddedListStart(in: Substring(text)), Enumeration.marker(atStartOf: text[start...])?.ordinal == 1 {
            let lead = text[..<start].trimmingCharacters(in: .whitespaces)
            if endsWithColon(lead) || lead.hasSuffix("。"), groups.isEmpty {
                let offset = text.distance(from: text.startIndex, to: start)
                return (lead, items([first.piece(String(text[start...]), at: offset)] + lines.dropFirst()))
            }
        }
        if endsWithColon(text), groups.isEmpty, lines.count > 1, Enumeration.marker(atStartOf: Substring(lines[1].text))?.ordinal == 1 {
            return (text, items(Array(lines.dropFirst())))
        }
        return (nil, items(lines))
    }

    static func endsWithColon(_ s: String) -> Bool { s.hasSuffix(":") || s.hasSuffix("：") }

    /// A line cut after each `；`/`;` outside brackets, the separator kept with its clause.
    static func splitClauses(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            current.append(c)
            switch c {
            case "(", "（": depth += 1
            case ")", "）": depth = max(0, depth - 1)
            case ";" where depth == 0, "；" where depth == 0:
                out.append(current.trimmingCharacters(in: .whitespaces)); current = ""
            default: break
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out.filter { !$0.isEmpty }
    }

    /// The text after a bullet (`- `, `* `, `• `, `●`), or nil when the line has none.
    static func unbulleted(_ text: String) -> String? {
        guard let first = text.first else { return nil }
        if "•·●■◆▪◦".contains(first) { return text.dropFirst().trimmingCharacters(in: .whitespaces) }
        if "-*+".contains(first), text.dropFirst().first == " " { return text.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        return nil
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.last else { return true }
        return "。；;！!？?：:）)」』”".contains(last)
    }

    /// Markdown metacharacters that would change the text's meaning, escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for (i, c) in s.enumerated() {
            if "\\`*_[]<>|".contains(c) || (i == 0 && "#+-=".contains(c)) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A YAML double-quoted scalar.
    static func yaml(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out + "\""
    }

    struct Role {
        var title: String
        var department: String?
        var reportsTo: String?
        var top = false
        /// False when `reportsTo` is the source's text, kept for `check` to point at.
        var reportsToIsId = false
        var dottedLineTo: [String] = []
        var directReports: [String] = []
        var headcount: Int?
        var code: String?
        var grade: String?
        var location: String?
        var hours: String?
        var document: String?
        var version: String?
        var effective: String?
        var sections: [ImportedSection]
    }

    static func roleFile(_ r: Role) -> String {
        var out = "---\n"
        out += "title: \(yaml(r.title))\n"
        if let d = r.department { out += "department: \(d)\n" }
        if let s = r.reportsTo { out += "reports_to: \(r.reportsToIsId ? s : yaml(s))\n" }
        if r.top { out += "top: true\n" }
        if !r.dottedLineTo.isEmpty { out += "dotted_line_to: [\(r.dottedLineTo.joined(separator: ", "))]\n" }
        if !r.directReports.isEmpty { out += "direct_reports: [\(r.directReports.joined(separator: ", "))]\n" }
        if let h = r.headcount { out += "headcount: \(h)\n" }
        for (key, value) in [("code", r.code), ("grade", r.grade), ("location", r.location), ("hours", r.hours),
                             ("document", r.document), ("version", r.version), ("effective", r.effective)] {
            if let value, !value.isEmpty { out += "\(key): \(yaml(value))\n" }
        }
        out += "---\n"
        for section in r.sections.sorted(by: { $0.kind < $1.kind }) {
            out += body(section)
        }
        return out
    }

    static func body(_ section: ImportedSection) -> String {
        let lines = section.lines.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !lines.isEmpty else { return "" }
        var out = "\n## \(section.kind == .other ? section.heading : section.kind.heading)\n\n"
        if section.kind == .summary {
            out += lines.map { escape($0.text.trimmingCharacters(in: .whitespaces)) }.joined(separator: "\n\n") + "\n"
            return out
        }
        let (lead, items) = listed(lines)
        if let lead { out += escape(lead) + "\n\n" }
        for item in items {
            out += String(repeating: "  ", count: item.level) + "- " + escape(item.text) + "\n"
        }
        return out
    }

    static func departmentFile(title: String, duties: [SourceLine]) -> String {
        var out = "---\ntitle: \(yaml(title))\n---\n"
        if !duties.isEmpty {
            out += body(ImportedSection(heading: "部门职责", kind: .other, lines: duties, line: duties[0].line))
        }
        return out
    }
}
