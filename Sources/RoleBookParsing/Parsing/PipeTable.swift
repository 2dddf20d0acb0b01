import RoleBookModel

/// Recognises a GitHub-style pipe table that cmark (which has no table extension) parsed as a paragraph.
///
/// Works on the paragraph's inline nodes, one row per soft-break-separated line, so
/// emphasis and links inside cells survive.
enum PipeTable {
    static func parse(_ inlines: [Inline], line: Int, column: Int) -> Block? {
        // A table has at least two lines: most paragraphs have no break and are not copied.
        guard inlines.contains(where: { switch $0 { case .softBreak, .lineBreak: true; default: false } }) else { return nil }
        // Split the paragraph into lines at soft/hard breaks.
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            if inline == .softBreak || inline == .lineBreak { lines.append([]) } else { lines[lines.count - 1].append(inline) }
        }
        guard lines.count >= 2, isDelimiterRow(lines[1].plainText) else { return nil }
        guard lines.allSatisfy({ $0.plainText.trimmingSpaces.hasPrefix("|") }) else { return nil }
        let header = cells(lines[0])
        let rows = lines.dropFirst(2).map { cells($0) }
        return Block(.table(header: header, rows: Array(rows)), line: line, column: column)
    }

    private static func isDelimiterRow(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        guard t.contains("-") else { return false }
        return t.allSatisfy { "|-: ".contains($0) }
    }

    /// Splits a row at `|` in text nodes; inline nodes between pipes stay in their cell.
    private static func cells(_ row: [Inline]) -> [[Inline]] {
        var cells: [[Inline]] = [[]]
        for inline in row {
            guard case .text(let s) = inline else { cells[cells.count - 1].append(inline); continue }
            let parts = s.split(separator: "|", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i > 0 { cells.append([]) }
                if !part.isEmpty { cells[cells.count - 1].append(.text(String(part))) }
            }
        }
        // Leading and trailing pipes produce empty edge cells.
        if let first = cells.first, first.plainText.trimmingSpaces.isEmpty { cells.removeFirst() }
        if let last = cells.last, last.plainText.trimmingSpaces.isEmpty { cells.removeLast() }
        return cells.map(trim)
    }

    private static func trim(_ cell: [Inline]) -> [Inline] {
        var cell = cell
        if case .text(let s)? = cell.first { cell[0] = .text(String(s.drop { $0 == " " })) }
        if case .text(let s)? = cell.last { cell[cell.count - 1] = .text(String(s.reversed().drop { $0 == " " }.reversed())) }
        return cell
    }
}
