import RoleBookModel

/// What `check --format github` adds for GitHub Actions: a Markdown table of every diagnostic for
/// the job summary (`$GITHUB_STEP_SUMMARY`), and how many annotations GitHub drops.
///
/// GitHub shows at most 10 error and 10 warning annotations per step and accepts at most 1 MiB of
/// summary per step, so the table is where a long list of problems stays readable.
package enum GitHubStepSummary {
    /// Annotations GitHub shows per step and severity.
    package static let annotationLimit = 10
    /// A step's summary must stay under this many bytes.
    package static let byteLimit = 1 << 20

    /// Errors and warnings beyond GitHub's per-step annotation limit.
    package static func hidden(_ diagnostics: [Diagnostic]) -> (errors: Int, warnings: Int) {
        (max(0, diagnostics.errorCount - annotationLimit), max(0, diagnostics.warningCount - annotationLimit))
    }

    /// The line printed after the annotations when some are not shown; nil when all are.
    package static func hiddenNotice(_ diagnostics: [Diagnostic], summaryWritten: Bool) -> String? {
        let h = hidden(diagnostics)
        guard h.errors + h.warnings > 0 else { return nil }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if h.errors > 0 { parts.append(plural(h.errors, "error")) }
        if h.warnings > 0 { parts.append(plural(h.warnings, "warning")) }
        let whereToLook = summaryWritten ? "every diagnostic is in the job summary" : "set GITHUB_STEP_SUMMARY or use --format sarif to see them all"
        return "GitHub shows at most \(annotationLimit) error and \(annotationLimit) warning annotations per step: "
            + parts.joined(separator: " and ") + " not shown as annotations; " + whereToLook
    }

    /// A heading with the counts, then one table row per diagnostic (notes in the message cell),
    /// cut before `byteLimit` with a line saying how many rows were left out.
    package static func markdown(_ diagnostics: [Diagnostic], fileCount: Int, byteLimit: Int = byteLimit, language: DiagnosticLanguage = .en) -> String {
        var out = "### rolebook check\n\n" + DiagnosticFormatter.summary(diagnostics, fileCount: fileCount, language: language) + "\n\n"
        guard !diagnostics.isEmpty else { return out }
        out += "| | code | location | message |\n| --- | --- | --- | --- |\n"
        // Room for the closing line, whatever the count.
        let reserve = 120
        for (i, d) in diagnostics.enumerated() {
            let icon = d.severity == .error ? "❌" : d.severity == .warning ? "⚠️" : "ℹ️"
            var message = cell(d.message(in: language))
            for note in d.notes {
                message += "<br>note: " + cell(note.text.rendered(in: language)) + (note.location.map { " (`" + code($0.description) + "`)" } ?? "")
            }
            let row = "| \(icon) | \(d.code.rawValue) | `\(code(d.location.description))` | \(message) |\n"
            if out.utf8.count + row.utf8.count + reserve > byteLimit {
                out += "\n\(diagnostics.count - i) more not listed: the summary is limited to 1 MiB\n"
                return out
            }
            out += row
        }
        return out
    }

    /// Text safe in a table cell: `|`, `<`, `>`, `&` and new lines cannot end the cell or become markup.
    static func cell(_ text: String) -> String { text.markdownCellEscaped(headings: false) }

    /// Text inside a code span in a table: a backtick would end it, `|` the cell.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
