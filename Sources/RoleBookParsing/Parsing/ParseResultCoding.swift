import Foundation
import RoleBookModel

/// One file's parse result (its ``Entity`` and diagnostics) in the parse cache's binary form
/// (``ParseCache/store(in:loader:identity:)``): tags as bytes, integers zigzag LEB128, strings
/// as length and UTF-8, a location's file as an index into the part's own table of file names
/// (every location of a file names the same one), each name relative to the display root
/// (``StoredFileName``). Diagnostics are rare and their text has a hundred cases, so each is
/// stored as its synthesized `Codable` JSON.
///
/// Nesting is bounded both ways (``maxDepth``): a part the encoder would nest deeper is not
/// stored (the file is parsed next time), and a damaged part cannot recurse without end.
struct ParseResultEncoder {
    private(set) var out = BinaryWriter(header: [])
    private var files: [String: Int] = [:]
    private let names: StoredFileName
    /// Set when something could not be stored: the part is then dropped.
    private(set) var failed = false
    private var depth = 0

    static let maxDepth = 256
    /// A section's kind is stored as its place here.
    static let sectionKinds = SectionKind.allCases

    private init(names: StoredFileName) { self.names = names }

    /// The part for `entity` and `diagnostics`, parsed under `displayRoot`, or nil when it cannot be stored.
    static func encode(_ entity: Entity?, _ diagnostics: [Diagnostic], displayRoot: String) -> [UInt8]? {
        let names = StoredFileName(displayRoot: displayRoot)
        var e = ParseResultEncoder(names: names)
        e.entity(entity)
        e.out.number(diagnostics.count)
        // The project's one JSON writer (sorted keys: the same diagnostics, the same bytes).
        let json = JSONWriter()
        for d in diagnostics {
            guard let value = try? JSONValue(encoding: StoredDiagnostic(d, names: names)) else { return nil }
            var data: [UInt8] = []
            json.write(value, to: &data)
            e.out.number(data.count)
            e.out.raw(data)
        }
        return e.failed ? nil : e.out.bytes
    }

    private mutating func entity(_ entity: Entity?) {
        switch entity {
        case nil: out.byte(0)
        case .role(let r):
            out.byte(1)
            header(r.header)
            optional(r.department) { $0.located($1) }
            optional(r.reportsTo) { $0.located($1) }
            out.byte(r.top ? 1 : 0)
            optional(r.directReports) { $0.list($1) { $0.located($1) } }
            list(r.dottedLineTo) { $0.located($1) }
            out.signed(r.headcount)
            optional(r.headcountLocation) { $0.location($1) }
            out.strings(r.aliases)
            for s in [r.grade, r.code, r.place, r.hours, r.documentCode, r.version, r.effective, r.approvedBy] { optional(s) { $0.out.string($1) } }
        case .department(let d):
            out.byte(2)
            header(d.header)
            optional(d.short) { $0.out.string($1) }
            optional(d.parent) { $0.located($1) }
            optional(d.head) { $0.located($1) }
            list(d.positions) { $0.located($1.role); $0.out.signed($1.count) }
        case .procedure(let p):
            out.byte(3)
            header(p.header)
            optional(p.owner) { $0.located($1) }
            list(p.roles) { $0.located($1) }
            optional(p.department) { $0.located($1) }
            optional(p.frequency) { $0.out.string($1.rawValue) }
            optional(p.version) { $0.out.string($1) }
            optional(p.effective) { $0.out.string($1) }
        }
    }

    private mutating func header(_ h: EntityHeader) {
        out.string(h.id)
        out.string(h.title)
        optional(h.summary) { $0.out.string($1) }
        out.string(h.path)
        location(h.location)
        location(h.titleLocation)
        out.word(h.sourceHash)
        list(h.document.sections) { $0.section($1) }
        list(h.document.links) { e, link in
            e.out.string(link.destination)
            e.optional(link.target) { $0.out.string($1) }
            e.location(link.location)
        }
    }

    private mutating func section(_ s: Section) {
        // The kind as its place in `allCases` (reading it back by name cost 700 instructions a section).
        out.byte(UInt8(Self.sectionKinds.firstIndex(of: s.kind)!))
        out.string(s.heading)
        out.string(s.anchor)
        location(s.location)
        out.number(s.blocks.count)
        out.number(s.items.count)
        out.number(Section.nestedCount(s.items))
        // The content goes after its length, so a load can step over it and decode it only when
        // read (``DeferredSectionContent``). It is encoded with a copy of this encoder: file names
        // it adds to the table stay out of the table of the rest of the part, which the load reads
        // without it.
        var content = self
        content.out = BinaryWriter(header: [])
        content.list(s.blocks) { $0.block($1) }
        // Items are made from the blocks again when read, unless they are not what that makes.
        if s.items == DocumentBuilder.items(in: s.blocks, file: s.location.file) {
            content.out.byte(0)
        } else {
            content.out.byte(1)
            content.list(s.items) { $0.item($1) }
        }
        failed = failed || content.failed
        out.number(content.out.bytes.count)
        out.raw(content.out.bytes)
    }

    private mutating func item(_ item: Item) {
        nested { e in
            e.inlines(item.inlines)
            e.out.string(item.text)
            e.location(item.location)
            e.list(item.children) { $0.item($1) }
            e.optional(item.time) { e, t in e.out.signed(t.start); e.optional(t.end) { $0.out.signed($1) } }
        }
    }

    private mutating func block(_ b: Block) {
        nested { e in
            e.out.signed(b.line)
            e.out.signed(b.column)
            switch b.kind {
            case .paragraph(let i): e.out.byte(0); e.inlines(i)
            case .heading(let level, let i): e.out.byte(1); e.out.signed(level); e.inlines(i)
            case .list(let ordered, let start, let items, let style):
                e.out.byte(2)
                e.out.byte(ordered ? 1 : 0)
                e.out.signed(start)
                e.list(items) { e, item in
                    e.out.signed(item.line)
                    e.out.signed(item.column)
                    e.list(item.blocks) { $0.block($1) }
                }
                switch style {
                case .markdown: e.out.byte(0)
                case .enumerated(let family, let punctuation):
                    e.out.byte(1)
                    e.out.byte(Self.familyTag(family))
                    e.out.string(punctuation.rawValue)
                }
            case .blockQuote(let blocks): e.out.byte(3); e.list(blocks) { $0.block($1) }
            case .code(let info, let literal): e.out.byte(4); e.out.string(info); e.out.string(literal)
            case .html(let s): e.out.byte(5); e.out.string(s)
            case .thematicBreak: e.out.byte(6)
            case .table(let header, let rows):
                e.out.byte(7)
                e.list(header) { $0.inlines($1) }
                e.list(rows) { e, row in e.list(row) { $0.inlines($1) } }
            }
        }
    }

    private mutating func inlines(_ list: [Inline]) {
        nested { e in
            e.list(list) { e, inline in
                switch inline {
                case .text(let s): e.out.byte(0); e.out.string(s)
                case .code(let s): e.out.byte(1); e.out.string(s)
                case .emphasis(let c): e.out.byte(2); e.inlines(c)
                case .strong(let c): e.out.byte(3); e.inlines(c)
                case .link(let destination, let title, let c): e.out.byte(4); e.out.string(destination); e.out.string(title); e.inlines(c)
                case .image(let source, let title, let alt): e.out.byte(5); e.out.string(source); e.out.string(title); e.inlines(alt)
                case .softBreak: e.out.byte(6)
                case .lineBreak: e.out.byte(7)
                case .html(let s): e.out.byte(8); e.out.string(s)
                }
            }
        }
    }

    static func familyTag(_ f: EnumerationMarker.Family) -> UInt8 {
        switch f {
        case .chineseNumeral: 0
        case .parenChineseNumeral: 1
        case .arabic: 2
        case .parenArabic: 3
        case .circled: 4
        case .latinLower: 5
        case .latinUpper: 6
        case .article: 7
        }
    }

    private mutating func location(_ l: SourceLocation) {
        if let k = files[l.file] {
            out.number(k + 1)
        } else {
            files[l.file] = files.count
            out.number(0)
            out.string(names.stored(l.file))
        }
        out.signed(l.line)
        out.signed(l.column)
    }

    private mutating func located(_ l: Located<String>) {
        out.string(l.value)
        location(l.location)
    }

    private mutating func list<T>(_ values: [T], _ each: (inout Self, T) -> Void) {
        out.number(values.count)
        for v in values { each(&self, v) }
    }

    private mutating func optional<T>(_ value: T?, _ write: (inout Self, T) -> Void) {
        guard let value else { out.byte(0); return }
        out.byte(1)
        write(&self, value)
    }

    private mutating func nested(_ body: (inout Self) -> Void) {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { failed = true; return }
        body(&self)
    }
}

/// Reads what ``ParseResultEncoder`` wrote; nil for anything not as written (a damaged part is a
/// cache miss: the file is parsed again).
struct ParseResultDecoder {
    private var r: BinaryReader
    private var files: [String] = []
    private let names: StoredFileName
    private var depth = 0

    init(_ reader: BinaryReader, names: StoredFileName) { r = reader; self.names = names }

    /// The entity and diagnostics of one part, which must be read to its end, with every
    /// location under `displayRoot` (whatever root the part was made under).
    static func decode(_ reader: BinaryReader, displayRoot: String) -> (entity: Entity?, diagnostics: [Diagnostic])? {
        var d = ParseResultDecoder(reader, names: StoredFileName(displayRoot: displayRoot))
        guard let entity = d.entity(), let count = d.r.number(), count <= d.r.remaining else { return nil }
        var diagnostics: [Diagnostic] = []
        if count > 0 {
            let json = JSONDecoder()
            for _ in 0..<count {
                guard let n = d.r.number(), let bytes = d.r.bytes(n),
                      let stored = try? json.decode(StoredDiagnostic.self, from: Data(bytes)),
                      let diagnostic = stored.diagnostic(names: d.names) else { return nil }
                diagnostics.append(diagnostic)
            }
        }
        guard d.r.isAtEnd else { return nil }
        return (entity.value, diagnostics)
    }

    /// Wrapped so that "no entity" (a file with only diagnostics) differs from a failed read.
    private struct Some<T> { var value: T }

    private mutating func entity() -> Some<Entity?>? {
        guard let tag = r.byte() else { return nil }
        switch tag {
        case 0: return Some(value: nil)
        case 1:
            guard let header = header(), let department = optional({ $0.located() }), let reportsTo = optional({ $0.located() }),
                  let top = bool(), let directReports = optional({ $0.list { $0.located() } }), let dotted = list({ $0.located() }),
                  let headcount = r.signed(), let headcountLocation = optional({ $0.location() }), let aliases = r.strings() else { return nil }
            var texts: [String?] = []
            for _ in 0..<8 {
                guard let s = optional({ $0.r.string() }) else { return nil }
                texts.append(s)
            }
            return Some(value: .role(Role(header: header, department: department, reportsTo: reportsTo, top: top, directReports: directReports,
                                          dottedLineTo: dotted, headcount: headcount, headcountLocation: headcountLocation, aliases: aliases,
                                          grade: texts[0], code: texts[1], place: texts[2], hours: texts[3], documentCode: texts[4],
                                          version: texts[5], effective: texts[6], approvedBy: texts[7])))
        case 2:
            guard let header = header(), let short = optional({ $0.r.string() }), let parent = optional({ $0.located() }),
                  let head = optional({ $0.located() }),
                  let positions = list({ d -> (role: Located<String>, count: Int)? in
                      guard let role = d.located(), let count = d.r.signed() else { return nil }
                      return (role, count)
                  }) else { return nil }
            return Some(value: .department(Department(header: header, short: short, parent: parent, head: head, positions: positions)))
        case 3:
            guard let header = header(), let owner = optional({ $0.located() }), let roles = list({ $0.located() }),
                  let department = optional({ $0.located() }),
                  let frequencyName = optional({ $0.r.string() }), let version = optional({ $0.r.string() }),
                  let effective = optional({ $0.r.string() }) else { return nil }
            var frequency: Frequency?
            if let name = frequencyName {
                guard let f = Frequency(rawValue: name) else { return nil }
                frequency = f
            }
            return Some(value: .procedure(Procedure(header: header, owner: owner, roles: roles, department: department,
                                                    frequency: frequency, version: version, effective: effective)))
        default: return nil
        }
    }

    private mutating func header() -> EntityHeader? {
        guard let id = r.string(), let title = r.string(), let summary = optional({ $0.r.string() }), let path = r.string(),
              let start = location(), let titleLocation = location(), let sourceHash = r.word(),
              let sections = list({ $0.section() }),
              let links = list({ d -> ContentLink? in
                  guard let destination = d.r.string(), let target = d.optional({ $0.r.string() }), let at = d.location() else { return nil }
                  return ContentLink(destination: destination, target: target, location: at)
              }) else { return nil }
        return EntityHeader(id: id, title: title, summary: summary, path: path, location: start, titleLocation: titleLocation,
                            document: ContentDocument(sections: sections, links: links), sourceHash: sourceHash)
    }

    private mutating func section() -> Section? {
        guard let kindIndex = r.byte(), Int(kindIndex) < ParseResultEncoder.sectionKinds.count, let heading = r.string(), let anchor = r.string(),
              let at = location(), let blockCount = r.number(), let itemCount = r.number(),
              let nestedItemCount = r.number(), let length = r.number(),
              let content = r.part(length) else { return nil }
        // A copy of this decoder at the content's start, as its encoder was: decoded on first read.
        var decoder = self
        decoder.r = content
        let deferred = DeferredSectionContent(blockCount: blockCount, itemCount: itemCount, nestedItemCount: nestedItemCount) { [decoder] in
            var d = decoder
            return d.sectionContent(file: at.file, blockCount: blockCount, itemCount: itemCount, nestedItemCount: nestedItemCount) ?? ([], [])
        }
        return Section(kind: ParseResultEncoder.sectionKinds[Int(kindIndex)], heading: heading, anchor: anchor, location: at, deferred: deferred)
    }

    /// A section's blocks and items, nil when they are not as written or not as many as its
    /// header says. The part they are in hashed as written by this rolebook, so that is a fault
    /// of the encoder: the section then reads as empty rather than stopping the build.
    private mutating func sectionContent(file: String, blockCount: Int, itemCount: Int, nestedItemCount: Int) -> (blocks: [Block], items: [Item])? {
        guard let blocks = list({ $0.block() }), blocks.count == blockCount, let stored = r.byte() else { return nil }
        let items: [Item]
        switch stored {
        case 0: items = DocumentBuilder.items(in: blocks, file: file)
        case 1:
            guard let list = list({ $0.item() }) else { return nil }
            items = list
        default: return nil
        }
        guard items.count == itemCount, Section.nestedCount(items) == nestedItemCount, r.isAtEnd else { return nil }
        return (blocks, items)
    }

    private mutating func item() -> Item? {
        nested { d -> Item? in
            guard let inlines = d.inlines(), let text = d.r.string(), let at = d.location(), let children = d.list({ $0.item() }),
                  let time = d.optional({ d -> TimeSpan? in
                      guard let start = d.r.signed(), let end = d.optional({ $0.r.signed() }) else { return nil }
                      return TimeSpan(start: start, end: end)
                  }) else { return nil }
            return Item(inlines: inlines, text: text, location: at, children: children, time: time)
        }
    }

    private mutating func block() -> Block? {
        nested { d -> Block? in
            guard let line = d.r.signed(), let column = d.r.signed(), let tag = d.r.byte() else { return nil }
            let kind: Block.Kind
            switch tag {
            case 0:
                guard let i = d.inlines() else { return nil }
                kind = .paragraph(i)
            case 1:
                guard let level = d.r.signed(), let i = d.inlines() else { return nil }
                kind = .heading(level: level, i)
            case 2:
                guard let ordered = d.bool(), let start = d.r.signed(),
                      let items = d.list({ d -> ListItem? in
                          guard let line = d.r.signed(), let column = d.r.signed(), let blocks = d.list({ $0.block() }) else { return nil }
                          return ListItem(blocks: blocks, line: line, column: column)
                      }),
                      let styleTag = d.r.byte() else { return nil }
                let style: ListStyle
                switch styleTag {
                case 0: style = .markdown
                case 1:
                    guard let familyTag = d.r.byte(), let family = Self.family(familyTag),
                          let name = d.r.string(), let punctuation = MarkerPunctuation(rawValue: name) else { return nil }
                    style = .enumerated(family, punctuation)
                default: return nil
                }
                kind = .list(ordered: ordered, start: start, items: items, style: style)
            case 3:
                guard let blocks = d.list({ $0.block() }) else { return nil }
                kind = .blockQuote(blocks)
            case 4:
                guard let info = d.r.string(), let literal = d.r.string() else { return nil }
                kind = .code(info: info, literal: literal)
            case 5:
                guard let s = d.r.string() else { return nil }
                kind = .html(s)
            case 6: kind = .thematicBreak
            case 7:
                guard let header = d.list({ $0.inlines() }), let rows = d.list({ $0.list { $0.inlines() } }) else { return nil }
                kind = .table(header: header, rows: rows)
            default: return nil
            }
            return Block(kind, line: line, column: column)
        }
    }

    private mutating func inlines() -> [Inline]? {
        nested { d -> [Inline]? in
            d.list { d -> Inline? in
                guard let tag = d.r.byte() else { return nil }
                switch tag {
                case 0: return d.r.string().map(Inline.text)
                case 1: return d.r.string().map(Inline.code)
                case 2: return d.inlines().map(Inline.emphasis)
                case 3: return d.inlines().map(Inline.strong)
                case 4:
                    guard let destination = d.r.string(), let title = d.r.string(), let c = d.inlines() else { return nil }
                    return .link(destination: destination, title: title, children: c)
                case 5:
                    guard let source = d.r.string(), let title = d.r.string(), let alt = d.inlines() else { return nil }
                    return .image(source: source, title: title, alt: alt)
                case 6: return .softBreak
                case 7: return .lineBreak
                case 8: return d.r.string().map(Inline.html)
                default: return nil
                }
            }
        }
    }

    static func family(_ tag: UInt8) -> EnumerationMarker.Family? {
        switch tag {
        case 0: .chineseNumeral
        case 1: .parenChineseNumeral
        case 2: .arabic
        case 3: .parenArabic
        case 4: .circled
        case 5: .latinLower
        case 6: .latinUpper
        case 7: .article
        default: nil
        }
    }

    private mutating func location() -> SourceLocation? {
        guard let k = r.number() else { return nil }
        let file: String
        if k == 0 {
            guard let s = r.string(), let shown = names.shown(s) else { return nil }
            files.append(shown)
            file = shown
        } else {
            guard k <= files.count else { return nil }
            file = files[k - 1]
        }
        guard let line = r.signed(), let column = r.signed() else { return nil }
        return SourceLocation(file: file, line: line, column: column)
    }

    private mutating func located() -> Located<String>? {
        guard let value = r.string(), let at = location() else { return nil }
        return Located(value, at: at)
    }

    private mutating func bool() -> Bool? {
        switch r.byte() {
        case 0: false
        case 1: true
        default: nil
        }
    }

    /// A list whose count cannot exceed the bytes left (each element takes at least one).
    private mutating func list<T>(_ each: (inout Self) -> T?) -> [T]? {
        guard let n = r.number(), n <= r.remaining else { return nil }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let v = each(&self) else { return nil }
            out.append(v)
        }
        return out
    }

    /// Some(nil) when absent, nil when not as written.
    private mutating func optional<T>(_ read: (inout Self) -> T?) -> T?? {
        switch r.byte() {
        case 0: return .some(nil)
        case 1: return read(&self).map { .some($0) }
        default: return nil
        }
    }

    private mutating func nested<T>(_ body: (inout Self) -> T?) -> T? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= ParseResultEncoder.maxDepth else { return nil }
        return body(&self)
    }
}

/// A ``Diagnostic`` as stored: every field, the text as its typed case (so it renders in every language).
private struct StoredDiagnostic: Codable {
    struct Note: Codable {
        var text: DiagnosticText
        var location: SourceLocation?
    }

    var severity: Diagnostic.Severity
    var code: DiagnosticCode
    var text: DiagnosticText
    var location: SourceLocation
    var notes: [Note]

    /// Locations' files as ``StoredFileName/stored(_:)`` writes them.
    init(_ d: Diagnostic, names: StoredFileName) {
        func stored(_ l: SourceLocation) -> SourceLocation { SourceLocation(file: names.stored(l.file), line: l.line, column: l.column) }
        severity = d.severity; code = d.code; text = d.text; location = stored(d.location)
        notes = d.notes.map { Note(text: $0.text, location: $0.location.map(stored)) }
    }

    /// nil when a file name is damaged.
    func diagnostic(names: StoredFileName) -> Diagnostic? {
        func shown(_ l: SourceLocation) -> SourceLocation? {
            names.shown(l.file).map { SourceLocation(file: $0, line: l.line, column: l.column) }
        }
        guard let at = shown(location) else { return nil }
        var back: [Diagnostic.Note] = []
        for note in notes {
            guard let location = note.location else { back.append(Diagnostic.Note(note.text, at: nil)); continue }
            guard let noteAt = shown(location) else { return nil }
            back.append(Diagnostic.Note(note.text, at: noteAt))
        }
        var d = Diagnostic(code, text, at: at, notes: back)
        d.severity = severity
        return d
    }
}

/// A location's file as the parse cache stores it: relative to the display root when under it
/// (`r` and the rest), else as it is (`a` and the name). Every location starts with the display
/// root, the content folder as the command line named it (`tree`, `./tree`, `/abs/tree`), so a
/// cache keyed by it was thrown away whole when a build named the folder another way: every
/// file parsed again and the cache file rewritten. Relative, a part serves any root.
struct StoredFileName: Sendable {
    /// What ``ContentLoader/displayPath(_:)`` puts before a root-relative path.
    let prefix: String

    init(displayRoot: String) {
        prefix = displayRoot == "." || displayRoot.isEmpty ? "" : displayRoot + "/"
    }

    func stored(_ file: String) -> String {
        // Bytes, not `hasPrefix` (which compares canonically equivalent text as equal).
        let utf8 = file.utf8
        if utf8.starts(with: prefix.utf8) {
            let rest = String(Substring(utf8.dropFirst(prefix.utf8.count)))
            // Under the root "." every name matches: only one a displayed path could be.
            if !rest.isEmpty && !rest.hasPrefix("/") && !rest.hasPrefix("../") { return "r" + rest }
        }
        return "a" + file
    }

    /// The name ``stored(_:)`` wrote, under this root; nil when it is not one it writes.
    func shown(_ stored: String) -> String? {
        switch stored.utf8.first {
        case UInt8(ascii: "r")?: prefix + String(stored.dropFirst())
        case UInt8(ascii: "a")?: String(stored.dropFirst())
        default: nil
        }
    }
}
