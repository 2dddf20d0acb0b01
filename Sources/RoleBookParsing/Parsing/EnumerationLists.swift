import RoleBookModel

/// Turns paragraphs whose lines start with Chinese enumerators (`1、` `（一）` `①` …) into list blocks.
///
/// HR documents number their duties with these markers, which CommonMark does not know: without
/// this pass a `岗位职责` section written as `1、…` lines is one paragraph with no items. The pass
/// reads the paragraph's inline AST line by line (lines are the text between soft breaks), so
/// emphasis, links and code inside an item are kept as they were parsed.
///
/// Consecutive enumerated paragraphs form one stream, so items separated by blank lines, or a
/// `一、` heading line followed by its `①` items in the next paragraph, still make one nested list.
/// A Markdown list right after an item belongs to that item.
enum EnumerationLists {
    /// `blocks` with each enumerated paragraph (and any run of them) replaced by one list block.
    static func apply(_ blocks: [Block]) -> [Block] {
        // Most sections have no paragraph starting with a marker: leave them untouched.
        guard blocks.contains(where: startsWithMarker) else { return blocks }
        var out: [Block] = []
        var stream: Nesting?
        for block in blocks {
            if case .paragraph(let inlines) = block.kind {
                // A lead-in line (`主要职责如下：`) before `1、` lines stays a paragraph of its own.
                if let (leadIn, entries) = Self.leadIn(inlines, line: block.line, column: block.column) {
                    if let finished = stream { out.append(finished.close()) }
                    out.append(Block(.paragraph(leadIn), line: block.line, column: block.column))
                    var fresh = Nesting()
                    _ = fresh.add(entries)
                    stream = fresh
                    continue
                }
                let entries = Self.entries(inlines, line: block.line, column: block.column)
                if !entries.isEmpty {
                    if var continued = stream, continued.add(entries) {
                        stream = continued
                        continue
                    }
                    var fresh = Nesting()
                    if fresh.add(entries) {
                        if let finished = stream { out.append(finished.close()) }
                        stream = fresh
                        continue
                    }
                }
            } else if case .list = block.kind, stream != nil {
                stream!.attach(block)
                continue
            }
            // Any other block ends the stream.
            if let finished = stream { out.append(finished.close()) }
            stream = nil
            out.append(block)
        }
        if let finished = stream { out.append(finished.close()) }
        return out
    }

    /// Whether a line of the paragraph (the first, or one after a break) starts with a marker.
    private static func startsWithMarker(_ block: Block) -> Bool {
        guard case .paragraph(let inlines) = block.kind else { return false }
        var atLineStart = true
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak: atLineStart = true
            case .text(let text) where atLineStart:
                if Enumeration.marker(atStartOf: Substring(text)) != nil { return true }
                atLineStart = false
            default: atLineStart = false
            }
        }
        return false
    }

    /// A paragraph whose first lines have no marker and whose remaining lines are a list of at
    /// least two items starting at 1: the lead-in's inlines and the list's entries; nil otherwise.
    static func leadIn(_ inlines: [Inline], line firstLine: Int, column: Int) -> (leadIn: [Inline], entries: [Entry])? {
        let all = lines(of: inlines)
        guard all.count > 1, Enumeration.runs(inLine: Substring(LineText(all[0]).probe)).isEmpty,
              let k = all.indices.dropFirst().first(where: { !Enumeration.runs(inLine: Substring(LineText(all[$0]).probe)).isEmpty })
        else { return nil }
        let rest = Array(all[k...].joined(separator: [.softBreak]))
        // The list's lines are counted from line k of the paragraph; their column is the paragraph's.
        let entries = Self.entries(rest, line: firstLine + k, column: column)
        guard entries.count >= 2, entries[0].marker.ordinal == 1 else { return nil }
        var probe = Nesting()
        guard probe.add(entries) else { return nil }
        return (Array(all[..<k].joined(separator: [.softBreak])), entries)
    }

    // MARK: - Lines and runs

    /// One item as found in a paragraph: its marker, its inlines and where the marker is.
    struct Entry {
        var marker: EnumerationMarker
        var punctuation: MarkerPunctuation
        var inlines: [Inline]
        var line: Int
        var column: Int
    }

    /// The paragraph's items, or [] when its first line does not start with a marker. Lines without
    /// a marker continue the item before them (a duty wrapped over two lines).
    static func entries(_ inlines: [Inline], line firstLine: Int, column: Int) -> [Entry] {
        var entries: [Entry] = []
        for (index, line) in lines(of: inlines).enumerated() {
            let text = LineText(line)
            // `2、检查设备(1)收银机(2)空调`: the `(n)` runs follow item 2 and nest under it (``Nesting``).
            let runs = Enumeration.nestedRuns(inLine: Substring(text.probe))
            if runs.isEmpty {
                guard index > 0, !entries.isEmpty else { return [] }
                entries[entries.count - 1].inlines += [.softBreak] + line
                continue
            }
            for (k, run) in runs.enumerated() {
                let from = run.offset + run.marker.length
                // A run's text ends where the next run (of its family or nested in it) starts.
                let to = k + 1 < runs.count ? runs[k + 1].offset : text.count
                let markerText = text.probe.dropFirst(run.offset).prefix(run.marker.length)
                entries.append(Entry(marker: run.marker, punctuation: punctuation(of: markerText, family: run.marker.family),
                                     inlines: trimmed(text.slice(from, to)), line: firstLine + index,
                                     column: column + text.byteOffset(of: run.offset)))
            }
        }
        return entries
    }

    /// The paragraph's lines: inlines between soft and hard breaks.
    private static func lines(of inlines: [Inline]) -> [[Inline]] {
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak: lines.append([])
            default: lines[lines.count - 1].append(inline)
            }
        }
        return lines
    }

    /// A line as plain text for the recognizer: text nodes as they are, every other inline
    /// (emphasis, a link, code) as one placeholder Character that no marker contains, so a run can
    /// only split where the line's own text has a marker.
    struct LineText {
        static let placeholder: Character = "\u{FFFC}"
        var inlines: [Inline]
        var probe = ""
        /// Per inline: its first Character in `probe`, its Character count and its estimated bytes in the source.
        var spans: [(start: Int, count: Int, bytes: Int)] = []
        var count = 0

        init(_ inlines: [Inline]) {
            self.inlines = inlines
            for inline in inlines {
                if case .text(let s) = inline {
                    probe += s
                    spans.append((count, s.count, s.utf8.count))
                    count += s.count
                } else {
                    probe.append(Self.placeholder)
                    spans.append((count, 1, Self.sourceBytes(inline)))
                    count += 1
                }
            }
        }

        /// Bytes the source spends before Character `offset`: exact for text, estimated for other
        /// inlines from their usual delimiters (cmark gives no positions inside a paragraph).
        func byteOffset(of offset: Int) -> Int {
            var bytes = 0
            for (i, span) in spans.enumerated() {
                if span.start + span.count <= offset { bytes += span.bytes; continue }
                if case .text(let s) = inlines[i] { bytes += s.prefix(offset - span.start).utf8.count }
                break
            }
            return bytes
        }

        /// The inlines covering Characters `from..<to`, text nodes cut where the range cuts them.
        func slice(_ from: Int, _ to: Int) -> [Inline] {
            var out: [Inline] = []
            for (i, span) in spans.enumerated() {
                let lower = max(from, span.start), upper = min(to, span.start + span.count)
                guard lower < upper else { continue }
                if case .text(let s) = inlines[i] {
                    out.append(.text(String(s.dropFirst(lower - span.start).prefix(upper - lower))))
                } else {
                    out.append(inlines[i])
                }
            }
            return out
        }

        private static func sourceBytes(_ inline: Inline) -> Int {
            let text = [inline].plainText.utf8.count
            switch inline {
            case .emphasis, .code: return text + 2
            case .strong: return text + 4
            case .link(let destination, _, _): return text + 4 + destination.utf8.count
            case .image(let source, _, _): return text + 5 + source.utf8.count
            case .html(let html): return html.utf8.count
            default: return text
            }
        }
    }

    /// Spaces trimmed from both ends of an item's inlines.
    private static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var out = inlines
        if case .text(let s)? = out.first {
            let t = String(s.drop(while: \.isWhitespace))
            if t.isEmpty { out.removeFirst() } else { out[0] = .text(t) }
        }
        if case .text(let s)? = out.last {
            var t = Substring(s)
            while let c = t.last, c.isWhitespace { t = t.dropLast() }
            if t.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(String(t)) }
        }
        return out
    }

    /// The punctuation a marker was written with, so the list shows it the same way.
    static func punctuation(of marker: Substring, family: EnumerationMarker.Family) -> MarkerPunctuation {
        let m = marker.filter { !Enumeration.isSpace($0) }
        switch m.first {
        case "(": return .parens
        case "（": return .fullWidthParens
        default: break
        }
        switch m.last {
        case "、": return .ideographicComma
        case ".": return .fullStop
        case "．": return .fullWidthFullStop
        case ")": return .closingParen
        case "）": return .fullWidthClosingParen
        default:
            // One-character forms: ⑴ is a parenthesised number, ⒈ one with a full stop.
            switch family {
            case .parenArabic: return .parens
            case .arabic: return .fullStop
            default: return .bare
            }
        }
    }

    // MARK: - Nesting

    /// The open lists of a stream, outermost first; each level's last item holds the next level.
    struct Nesting {
        struct Level {
            var family: EnumerationMarker.Family
            var punctuation: MarkerPunctuation
            var start: Int
            var last: Int
            var items: [ListItem]
            var line: Int
            var column: Int
        }
        var levels: [Level] = []

        /// Adds a paragraph's entries; false (and unchanged) when they do not continue the lists:
        /// a marker of an open family must have the next ordinal, and a new family starts at 1 (or
        /// anywhere when it starts the stream).
        mutating func add(_ entries: [Entry]) -> Bool {
            var copy = self
            for entry in entries where !copy.add(entry) { return false }
            self = copy
            return true
        }

        private mutating func add(_ entry: Entry) -> Bool {
            let item = ListItem(blocks: entry.inlines.isEmpty ? [] : [Block(.paragraph(entry.inlines), line: entry.line, column: entry.column)],
                                line: entry.line, column: entry.column)
            if let j = levels.lastIndex(where: { $0.family == entry.marker.family }) {
                guard entry.marker.ordinal == levels[j].last + 1 else { return false }
                while levels.count > j + 1 { closeInnermost() }
                levels[j].items.append(item)
                levels[j].last = entry.marker.ordinal
                return true
            }
            guard levels.isEmpty || entry.marker.ordinal == 1 else { return false }
            levels.append(Level(family: entry.marker.family, punctuation: entry.punctuation, start: entry.marker.ordinal,
                                last: entry.marker.ordinal, items: [item], line: entry.line, column: entry.column))
            return true
        }

        /// A Markdown list after an item: the item's sub-list.
        mutating func attach(_ list: Block) {
            let k = levels.count - 1
            levels[k].items[levels[k].items.count - 1].blocks.append(list)
        }

        private mutating func closeInnermost() {
            let level = levels.removeLast()
            let block = Self.block(level)
            let k = levels.count - 1
            levels[k].items[levels[k].items.count - 1].blocks.append(block)
        }

        /// The outermost list, with every open level closed into its parent.
        func close() -> Block {
            var copy = self
            while copy.levels.count > 1 { copy.closeInnermost() }
            return Self.block(copy.levels[0])
        }

        private static func block(_ level: Level) -> Block {
            Block(.list(ordered: true, start: level.start, items: level.items, style: .enumerated(level.family, level.punctuation)),
                  line: level.line, column: level.column)
        }
    }
}
