import RoleBookModel

/// What docs/diagnostics.md says about each code: its meaning and typical fix, read from the
/// tables of the page (embedded at build time through `Assets/diagnostics.md`, a link to the
/// docs page), so SARIF help and the documentation cannot drift apart.
package struct DiagnosticDocs: Sendable {
    package struct Entry: Hashable, Sendable {
        /// The "meaning" column, Markdown.
        package var meaning: String
        /// The "typical fix" or "threshold / fix" column, Markdown.
        package var fix: String
        /// `errors` or `warnings`: the anchor of the table on the page.
        package var section: String
    }

    package var entries: [DiagnosticCode: Entry]

    /// The page as embedded in the binary.
    package static let shared = DiagnosticDocs(markdown: EmbeddedAssets.diagnosticsMD)

    /// Reads every `| RBnnn | meaning | fix |` row; the heading above a table names its section.
    package init(markdown: String) {
        var entries: [DiagnosticCode: Entry] = [:]
        var section = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                section = line.dropFirst(3).trimmingSpaces.lowercased()
                continue
            }
            guard line.hasPrefix("|") else { continue }
            let cells = Self.cells(String(line))
            guard cells.count >= 3, let code = DiagnosticCode(rawValue: cells[0]) else { continue }
            entries[code] = Entry(meaning: cells[1], fix: cells[2], section: section)
        }
        self.entries = entries
    }

    /// The cells of a pipe-table row; `|` inside backticks or escaped as `\|` stays in its cell.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = "", inCode = false, escaped = false
        for c in row.dropFirst() {
            if escaped { current.append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true; current.append(c)
            case "`": inCode.toggle(); current.append(c)
            case "|" where !inCode: cells.append(current.trimmingSpaces); current = ""
            default: current.append(c)
            }
        }
        return cells
    }
}

extension String {
    /// Markdown reduced to text for plain-text fields: backticks, `**` and link targets dropped.
    var markdownAsPlainText: String {
        var out = ""
        var i = startIndex
        while i < endIndex {
            let c = self[i]
            if c == "`" || c == "*" { i = index(after: i); continue }
            if c == "\\", index(after: i) < endIndex { out.append(self[index(after: i)]); i = index(i, offsetBy: 2); continue }
            // `[text](target)` → `text`
            if c == "]", index(after: i) < endIndex, self[index(after: i)] == "(", let close = self[i...].firstIndex(of: ")") {
                i = index(after: close)
                continue
            }
            if c != "[" { out.append(c) }
            i = index(after: i)
        }
        return out
    }
}
