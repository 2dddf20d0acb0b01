import Foundation
import RoleBook

/// Rules that are not a job description (`…管理制度`, `…须知`, `…细则`) as a procedure file: the text
/// before the first list is its introduction, each short `一、` item (`一、日常工作`) opens a phase,
/// and the items under it are steps, nested as the markers nest — also when a scraped page runs
/// the whole document into one line (`…特制定此制度。一、日常工作1、…2、…二、仪容仪表1、…`).
struct ProcedureFile {
    struct Phase {
        /// nil for steps before the first `一、` heading.
        var heading: String?
        var lines: [SourceLine]
    }

    var title: String
    var intro: [String] = []
    var phases: [Phase] = []

    /// Steps (nested ones too) written.
    var steps: Int { phases.reduce(0) { $0 + RoleFileWriter.items($1.lines).count } }

    init(_ procedure: ImportedProcedure) {
        title = procedure.title
        var current = Phase(heading: nil, lines: [])
        func startPhase(_ heading: String) {
            if current.heading != nil || !current.lines.isEmpty { phases.append(current) }
            current = Phase(heading: heading, lines: [])
        }
        for line in procedure.lines {
            var text = Substring(line.text.trimmingCharacters(in: .whitespaces))
            if Enumeration.marker(atStartOf: text) == nil {
                guard let start = Enumeration.embeddedListStart(in: text) else {
                    // Prose: the introduction before any step, else a line of the running phase.
                    if phases.isEmpty && current.heading == nil && current.lines.isEmpty { intro.append(String(text)) } else { current.lines.append(line) }
                    continue
                }
                let lead = text[..<start].trimmingCharacters(in: .whitespaces)
                if !lead.isEmpty {
                    if phases.isEmpty && current.heading == nil && current.lines.isEmpty { intro.append(lead) } else { current.lines.append(SourceLine(lead, line: line.line)) }
                }
                text = text[start...]
            }
            let runs = Enumeration.nestedRuns(inLine: text)
            for (k, run) in runs.enumerated() {
                let heading = run.text.trimmingCharacters(in: CharacterSet(charactersIn: " :："))
                if run.depth == 0, run.marker.family == .chineseNumeral || run.marker.family == .parenChineseNumeral,
                   (1...16).contains(heading.count), !heading.contains(where: { "，。；,;、".contains($0) }) {
                    startPhase(heading)
                    continue
                }
                // The run with its marker, so the step writer nests it by its family.
                let from = text.index(text.startIndex, offsetBy: run.offset)
                let to = k + 1 < runs.count ? text.index(text.startIndex, offsetBy: runs[k + 1].offset) : text.endIndex
                current.lines.append(SourceLine(String(text[from..<to]), line: line.line))
            }
        }
        if current.heading != nil || !current.lines.isEmpty { phases.append(current) }
    }

    func markdown(department: String?) -> String {
        var out = "---\ntitle: \(RoleFileWriter.yaml(title))\n"
        if let department { out += "department: \(department)\n" }
        out += "---\n"
        if !intro.isEmpty { out += "\n" + intro.map(RoleFileWriter.escape).joined(separator: "\n\n") + "\n" }
        for phase in phases {
            if let heading = phase.heading { out += "\n## \(RoleFileWriter.escape(heading))\n" }
            let items = RoleFileWriter.items(phase.lines)
            guard !items.isEmpty else { continue }
            out += "\n" + items.map { String(repeating: "  ", count: $0.level) + "- " + RoleFileWriter.escape($0.text) + "\n" }.joined()
        }
        return out
    }
}
