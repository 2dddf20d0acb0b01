/// Splits a Markdown block list into sections and list items, and collects links.
struct DocumentBuilder {
    var vocabulary: SectionVocabulary
    /// The file as shown in diagnostics (`content/roles/a.md`).
    var displayPath: String
    /// The file relative to the content root (`roles/a.md`), to resolve relative links.
    var contentPath: String

    func build(_ blocks: [Block], diagnostics: inout [Diagnostic]) -> ContentDocument {
        var sections: [Section] = []
        var current = Section(kind: .intro, heading: "", anchor: "intro", location: at(1, 1), blocks: [], items: [])
        var usedAnchors: [String: Int] = [:]

        func close() {
            current.items = current.blocks.flatMap(items(in:))
            if current.kind != .intro || !current.blocks.isEmpty { sections.append(current) }
        }
        for block in blocks {
            if case .heading(2, let inlines) = block.kind {
                close()
                let heading = inlines.plainText.trimmingSpaces
                let kind = vocabulary.kind(of: heading)
                let base = kind == .other ? Slug.make(heading) : kind.rawValue
                let n = usedAnchors[base, default: 0] + 1
                usedAnchors[base] = n
                current = Section(kind: kind, heading: heading, anchor: n == 1 ? base : "\(base)-\(n)",
                                  location: at(block.line, block.column), blocks: [], items: [])
            } else {
                current.blocks.append(block)
            }
        }
        close()

        var links: [ContentLink] = []
        for block in blocks { collect(block, links: &links, diagnostics: &diagnostics) }
        return ContentDocument(sections: sections, links: links)
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }

    /// Items of a top-level list block; other blocks have none.
    private func items(in block: Block) -> [Item] {
        guard case .list(_, _, let listItems) = block.kind else { return [] }
        return listItems.map(item)
    }

    private func item(_ listItem: ListItem) -> Item {
        var inlines: [Inline] = []
        var children: [Item] = []
        for block in listItem.blocks {
            switch block.kind {
            case .paragraph(let i) where inlines.isEmpty: inlines = i
            case .list(_, _, let nested): children += nested.map(item)
            default: break
            }
        }
        let (time, rest) = TimeSpan.parsePrefix(of: inlines)
        return Item(inlines: rest, text: rest.plainText.trimmingSpaces, location: at(listItem.line, listItem.column),
                    children: children, time: time)
    }

    private func collect(_ block: Block, links: inout [ContentLink], diagnostics: inout [Diagnostic]) {
        let location = at(block.line, block.column)
        switch block.kind {
        case .paragraph(let i), .heading(_, let i): collect(i, at: location, links: &links, diagnostics: &diagnostics)
        case .list(_, _, let items): for item in items { for b in item.blocks { collect(b, links: &links, diagnostics: &diagnostics) } }
        case .blockQuote(let blocks): for b in blocks { collect(b, links: &links, diagnostics: &diagnostics) }
        case .table(let header, let rows):
            for cell in header + rows.flatMap({ $0 }) { collect(cell, at: location, links: &links, diagnostics: &diagnostics) }
        case .html:
            diagnostics.append(Diagnostic(.rawHTML, "raw HTML block is not rendered", at: location,
                                          notes: [Diagnostic.Note("write it as Markdown instead")]))
        case .code, .thematicBreak: break
        }
    }

    private func collect(_ inlines: [Inline], at location: SourceLocation, links: inout [ContentLink], diagnostics: inout [Diagnostic]) {
        for inline in inlines {
            switch inline {
            case .link(let destination, _, let children):
                links.append(ContentLink(destination: destination, target: LinkResolver.contentTarget(destination, from: contentPath), location: location))
                collect(children, at: location, links: &links, diagnostics: &diagnostics)
            case .emphasis(let c), .strong(let c): collect(c, at: location, links: &links, diagnostics: &diagnostics)
            case .html(let html):
                diagnostics.append(Diagnostic(.rawHTML, "raw HTML '\(html.prefix(40))' is not rendered", at: location))
            default: break
            }
        }
    }
}

/// Resolves relative links between content files.
public enum LinkResolver {
    /// The content-root-relative `.md` path a link points at, or nil for external links and anchors.
    public static func contentTarget(_ destination: String, from contentPath: String) -> String? {
        var path = Substring(destination)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        guard !path.isEmpty, path.hasSuffix(".md"), !path.contains(":") else { return nil }
        let decoded = String(path).removingPercentEncodingIfPossible
        var components: [Substring] = decoded.hasPrefix("/") ? [] : contentPath.split(separator: "/").dropLast()
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if components.popLast() == nil { return "../" + decoded }
            default: components.append(part)
            }
        }
        return components.joined(separator: "/")
    }

    /// The fragment of a link (`#kpis`), if any.
    public static func fragment(_ destination: String) -> String? {
        destination.firstIndex(of: "#").map { String(destination[destination.index(after: $0)...]) }
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var it = utf8.makeIterator()
        while let b = it.next() {
            if b == UInt8(ascii: "%"), let h = it.next(), let l = it.next(),
               let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(v)
            } else { bytes.append(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Heading anchors: letters and digits of any script kept, everything else folded to `-`.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
