import Foundation
import RoleBook

/// The import report: Markdown, printed and written to OUT_DIR/import-report.md.
package enum ImportReport {
    /// The first line: `ContentLoader` skips a file that starts with it.
    package static let marker = ContentLoader.notContentMarker

    package static func render(_ plan: ImportPlan, written: [String], kept: [String], checkSummary: String?) -> String {
        var out = marker + "\n# Import report\n\n"
        let problems = plan.problems.count
        out += "\(plan.sources.count) source file\(plan.sources.count == 1 ? "" : "s"), \(plan.roles.count) role\(plan.roles.count == 1 ? "" : "s"), "
        out += "\(plan.departments.count) department\(plan.departments.count == 1 ? "" : "s"); "
        out += "\(written.count) file\(written.count == 1 ? "" : "s") written, \(kept.count) kept; "
        out += "\(plan.notes.filter { $0.kind == .noise }.count) noise removal\(plan.notes.filter { $0.kind == .noise }.count == 1 ? "" : "s"), \(problems) problem\(problems == 1 ? "" : "s") to fix.\n"
        for source in plan.sources {
            let notes = plan.notes.filter { $0.file == source }
            out += "\n## \(source)\n\n"
            if notes.isEmpty { out += "Nothing found.\n"; continue }
            for kind in [ImportNote.Kind.imported, .problem, .unmapped, .noise] {
                let group = notes.filter { $0.kind == kind }
                guard !group.isEmpty else { continue }
                out += "\n### \(title(kind))\n\n"
                for note in group {
                    out += "- " + (note.line > 0 ? "line \(note.line)" + (note.column.map { ", column \($0)" } ?? "") + ": " : "") + note.message + "\n"
                }
            }
        }
        if !kept.isEmpty {
            out += "\n## Files kept\n\nAlready in the output folder and not overwritten (use --force):\n\n"
            out += kept.map { "- \($0)\n" }.joined()
        }
        if let checkSummary {
            out += "\n## rolebook check\n\n```\n" + checkSummary + (checkSummary.hasSuffix("\n") ? "" : "\n") + "```\n"
        }
        return out
    }

    static func title(_ kind: ImportNote.Kind) -> String {
        switch kind {
        case .imported: "Imported"
        case .problem: "Problems in the source"
        case .unmapped: "Not mapped"
        case .noise: "Noise removed"
        }
    }
}
