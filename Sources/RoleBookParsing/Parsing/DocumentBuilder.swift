import RoleBookModel

/// Splits a Markdown block list into sections and list items, and collects links.
struct DocumentBuilder {
    var vocabulary: SectionVocabulary
    /// The file as shown in diagnostics (`content/roles/a.md`).
    var displayPath: String
    /// The file relative to the content root (`roles/a.md`), to resolve relative links.
    var contentPath: String

    func build(_ blocks: [Block], diagnostics: inout [Diagnostic]) -> ContentDocument {
        // Arrays are built at their final size: grown by appending, they kept up to half their
        // capacity unused in every document (several MB over 10,000 files).
        var sections: [Section] = []
        sections.reserveCapacity(1 + blocks.reduce(0) { n, block in
            if case .heading(2, _) = block.kind { n + 1 } else { n }
        })
        var current = Section(kind: .intro, heading: "", anchor: "intro", location: at(1, 1), blocks: [], items: [])
        var sectionStart = 0
        // A handful of sections per file: a list beats a dictionary.
        var usedAnchors: [(anchor: String, count: Int)] = []

        func close(before end: Int) {
            // Paragraphs of `1、` or `①` lines are lists too (HR documents number duties so).
            current.blocks = EnumerationLists.apply(Array(blocks[sectionStart..<end]))
            current.items = items(in: current.blocks)
            if current.kind != .intro || !current.blocks.isEmpty { sections.append(current) }
        }
        for (index, block) in blocks.enumerated() {
            guard case .heading(2, let inlines) = block.kind else { continue }
            close(before: index)
            sectionStart = index + 1
            let heading = inlines.plainText.trimmingSpaces
            let kind = vocabulary.kind(of: heading)
            let base = kind == .other ? Slug.make(heading) : kind.rawValue
            let n: Int
            if let i = usedAnchors.firstIndex(where: { $0.anchor == base }) {
                usedAnchors[i].count += 1
                n = usedAnchors[i].count
            } else {
                usedAnchors.append((base, 1))
                n = 1
            }
            current = Section(kind: kind, heading: heading, anchor: n == 1 ? base : "\(base)-\(n)",
                              location: at(block.line, block.column), blocks: [], items: [])
        }
        close(before: blocks.count)

        var links: [ContentLink] = []
        for block in blocks { collect(block, links: &links, diagnostics: &diagnostics) }
        return ContentDocument(sections: sections, links: links)
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }

    /// Items of the top-level list blocks; other blocks have none.
    private func items(in blocks: [Block]) -> [Item] { Self.items(in: blocks, file: displayPath) }

    /// A section's items from its blocks alone (and the file shown in locations): the parse cache
    /// stores the blocks and makes the items again, as here.
    static func items(in blocks: [Block], file: String) -> [Item] {
        var count = 0
        for block in blocks { if case .list(_, _, let listItems, _) = block.kind { count += listItems.count } }
        var out: [Item] = []
        out.reserveCapacity(count)
        for block in blocks { if case .list(_, _, let listItems, _) = block.kind { for listItem in listItems { out.append(item(listItem, file: file)) } } }
        return out
    }

    private static func item(_ listItem: ListItem, file: String) -> Item {
        var inlines: [Inline] = []
        for block in listItem.blocks {
            if case .paragraph(let i) = block.kind, inlines.isEmpty { inlines = i }
        }
        let children = items(in: listItem.blocks, file: file)
        let (time, rest) = TimeSpan.parsePrefix(of: inlines)
        return Item(inlines: rest, text: rest.plainText.trimmingSpaces, location: SourceLocation(file: file, line: listItem.line, column: listItem.column),
                    children: children, time: time)
    }

    private func collect(_ block: Block, links: inout [ContentLink], diagnostics: inout [Diagnostic]) {
        let location = at(block.line, block.column)
        switch block.kind {
        case .paragraph(let i), .heading(_, let i): collect(i, at: location, links: &links, diagnostics: &diagnostics)
        case .list(_, _, let items, _): for item in items { for b in item.blocks { collect(b, links: &links, diagnostics: &diagnostics) } }
        case .blockQuote(let blocks): for b in blocks { collect(b, links: &links, diagnostics: &diagnostics) }
        case .table(let header, let rows):
            for cell in header + rows.flatMap({ $0 }) { collect(cell, at: location, links: &links, diagnostics: &diagnostics) }
        case .html:
            diagnostics.append(Diagnostic(.rawHTML, .rawHTMLBlock, at: location, notes: [Diagnostic.Note(.writeMarkdownInstead)]))
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
                diagnostics.append(Diagnostic(.rawHTML, .rawHTMLInline(String(html.prefix(40))), at: location))
            default: break
            }
        }
    }
}

/// Resolves relative links between content files.
package enum LinkResolver {
    /// The content-root-relative `.md` path a link points at, or nil for external links and anchors.
    package static func contentTarget(_ destination: String, from contentPath: String) -> String? {
        if let decided = asciiContentTarget(destination, from: contentPath) { return decided.map(lowerCaseExtension) }
        return generalContentTarget(destination, from: contentPath)
    }

    /// `x.MD` names the content file `x.md` (content files are found by their lower-case extension).
    static func lowerCaseExtension(_ target: String) -> String {
        guard !target.hasSuffix(".md"), target.lowercased().hasSuffix(".md") else { return target }
        return String(target.dropLast(3)) + ".md"
    }

    /// ``contentTarget(_:from:)`` Character by Character: the rules the ASCII shortcut must agree with.
    static func generalContentTarget(_ destination: String, from contentPath: String) -> String? {
        var path = Substring(destination)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        // `.MD` and `.Md` name content files too (Windows editors save them so).
        guard !path.isEmpty, path.lowercased().hasSuffix(".md"), !path.contains(":") else { return nil }
        let decoded = String(path).removingPercentEncodingIfPossible
        var components: [Substring] = decoded.hasPrefix("/") ? [] : contentPath.split(separator: "/").dropLast()
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if components.popLast() == nil { return "../" + decoded }
            default: components.append(part)
            }
        }
        return lowerCaseExtension(components.joined(separator: "/"))
    }

    /// ``contentTarget(_:from:)`` on bytes, for ASCII text without percent escapes, where every byte
    /// is a Character (the Character-by-Character version cost 70,000 instructions a link); nil
    /// when the general version must decide.
    private static func asciiContentTarget(_ destination: String, from contentPath: String) -> String?? {
        let answer = destination.utf8.withContiguousStorageIfAvailable { d in
            contentPath.utf8.withContiguousStorageIfAvailable { from in asciiContentTarget(d, from: from) }
        }
        guard let outer = answer, let decided = outer else { return nil }
        return decided
    }

    private static func asciiContentTarget(_ d: UnsafeBufferPointer<UInt8>, from: UnsafeBufferPointer<UInt8>) -> String?? {
        guard isPlainASCII(d), isPlainASCII(from) else { return nil }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var end = d.firstIndex(of: UInt8(ascii: "#")) ?? d.count
        end = d[..<end].firstIndex(of: UInt8(ascii: "?")) ?? end
        guard end >= 3, d[end - 3] == dot, d[end - 2] | 0x20 == UInt8(ascii: "m"), d[end - 1] | 0x20 == UInt8(ascii: "d"),
              !d[..<end].contains(UInt8(ascii: ":")) else { return .some(nil) }
        // Percent escapes may decode to anything: left to the general rules.
        guard !d[..<end].contains(UInt8(ascii: "%")) else { return nil }
        // Components as (buffer, range): the linking file's folders, then the link's parts.
        var components: [(fromLink: Bool, range: Range<Int>)] = []
        if d[0] != slash {
            components = slashParts(from, 0..<from.count).map { (false, $0) }
            components.removeLast(components.isEmpty ? 0 : 1)
        }
        for part in slashParts(d, 0..<end) {
            if part.count == 1 && d[part.lowerBound] == dot { continue }
            if part.count == 2 && d[part.lowerBound] == dot && d[part.lowerBound + 1] == dot {
                if components.popLast() == nil {
                    return .some("../" + String(decoding: UnsafeBufferPointer(rebasing: d[..<end]), as: UTF8.self))
                }
                continue
            }
            components.append((true, part))
        }
        let length = components.reduce(max(components.count - 1, 0)) { $0 + $1.range.count }
        return .some(String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for (i, part) in components.enumerated() {
                if i > 0 { out[k] = slash; k += 1 }
                let source = part.fromLink ? d : from
                for j in part.range { out[k] = source[j]; k += 1 }
            }
            return k
        })
    }

    /// ASCII without carriage returns: each byte is one Character (CR LF is the one ASCII pair that is not).
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// The non-empty ranges between slashes, as `split(separator: "/")` gives them.
    private static func slashParts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == UInt8(ascii: "/") {
            if i > start { parts.append(start..<i) }
            start = i + 1
        }
        if start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    /// The fragment of a link (`#kpis`), if any.
    package static func fragment(_ destination: String) -> String? {
        // The first `#` byte, when it is a whole character (always, unless a combining mark
        // follows it): searching by characters cost ~11,000 instructions a link, a sixtieth of a
        // build after one edit at 10,000 roles. Otherwise the search by characters decides.
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        let next = destination.utf8.index(after: hash)
        if hash.samePosition(in: destination) != nil, next.samePosition(in: destination) != nil {
            return String(destination[next...])
        }
        return generalFragment(destination)
    }

    /// ``fragment(_:)`` by characters: what it answers, for the tests.
    package static func generalFragment(_ destination: String) -> String? {
        destination.firstIndex(of: "#").map { String(destination[destination.index(after: $0)...]) }
    }
}

extension String {
    package var removingPercentEncodingIfPossible: String {
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
package enum Slug {
    package static func make(_ text: String) -> String {
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
