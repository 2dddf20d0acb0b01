import Foundation
import RoleBookModel

/// Turns one file's bytes into an ``Entity`` and its file-level diagnostics.
package struct FileParser {
    var path: String
    var displayPath: String
    var vocabulary: SectionVocabulary
    /// Off in tests only, to compare with Yams reading every front matter.
    package var frontMatterFastPath = true

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(path: String, displayPath: String, vocabulary: SectionVocabulary, frontMatterFastPath: Bool = true) {
        self.path = path; self.displayPath = displayPath; self.vocabulary = vocabulary; self.frontMatterFastPath = frontMatterFastPath
    }

    /// The folder names that imply a kind, built once (`EntityKind.folder` builds a string per call).
    static let folders = EntityKind.allCases.map { (name: $0.folder, kind: $0) }
    static let commonKeys = ["kind", "id", "title", "summary"]
    static let keys: [EntityKind: [String]] = [
        .role: commonKeys + ["department", "reports_to", "top", "direct_reports", "dotted_line_to", "headcount", "aliases", "grade", "code", "location", "hours",
                "doc_no", "document", "version", "effective", "approved_by"],
        .department: commonKeys + ["parent", "head", "positions", "short"],
        .procedure: commonKeys + ["owner", "roles", "department", "frequency", "version", "effective"],
    ]

    package func parse(_ data: Data) -> (Entity?, [Diagnostic]) {
        data.withUnsafeBytes { parse(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    package func parse(bytes data: UnsafeBufferPointer<UInt8>) -> (Entity?, [Diagnostic]) {
        let start = SourceLocation(file: displayPath)
        guard var text = String(validating: data, as: UTF8.self) else {
            // A file saved by a Chinese Windows editor is GBK or Big5: say so, and how to fix it.
            if let encoding = TextDecoding.legacyEncoding(of: Array(data)) {
                return (nil, [Diagnostic(.invalidUTF8, .legacyEncoding(encoding: encoding.displayName), at: firstNonASCIIByte(data), notes: [Diagnostic.Note(.saveAsUTF8)])])
            }
            return (nil, [Diagnostic(.invalidUTF8, .invalidUTF8File, at: firstInvalidByte(data))])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // A byte scan: Foundation's `contains` on String compares grapheme clusters and was 10% of parsing.
        if data.firstIndex(of: 13) != nil { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        // The same as `text.trimmingSpaces.isEmpty`, but stops at the first non-space instead of copying the file.
        if text.allSatisfy(\.isWhitespace) {
            return (nil, [Diagnostic(.emptyFile, .emptyFile, at: start)])
        }
        // The rest works on the bytes: the body goes to cmark and the front matter to the fast path
        // without copying either into a String of its own.
        // Hashed after normalising, so a file saved with a BOM or CRLF is the same entity, same hash.
        return text.withUTF8 { parse(text: $0, sourceHash: StableHash.bytes(UnsafeRawBufferPointer($0))) }
    }

    private func parse(text: UnsafeBufferPointer<UInt8>, sourceHash: UInt64) -> (Entity?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let start = SourceLocation(file: displayPath)
        let split = FrontMatter.split(utf8: text)
        guard let yamlRange = split.yaml else {
            return (nil, [Diagnostic(.missingFrontMatter, .noFrontMatter, at: start, notes: [Diagnostic.Note(.startWithFrontMatter)])])
        }
        // Read to the end of the file, the body would be parsed as YAML: its first `:` or `-`
        // would give a confusing RB003 far from the cause, or keys taken from the text.
        guard split.isClosed else {
            return (nil, [Diagnostic(.missingFrontMatter, .frontMatterNotClosed, at: start, notes: [Diagnostic.Note(.closeFrontMatter)])])
        }
        let yaml = UnsafeBufferPointer(rebasing: text[yamlRange])
        let value: YAMLValue
        // A tab or a full-width colon gets plain words at its own line, whichever path reads the YAML.
        if let hint = FrontMatterHints.problem(in: yaml, file: displayPath, firstLine: split.yamlFirstLine) {
            return (nil, [Diagnostic(.invalidYAML, hint.text, at: hint.location, notes: hint.notes)])
        }
        if frontMatterFastPath, let simple = FrontMatterFastPath.parse(yaml, file: displayPath, firstLine: split.yamlFirstLine) {
            value = simple
        } else {
            do {
                value = try FrontMatter.parseWithYams(String(decoding: yaml, as: UTF8.self), file: displayPath, firstLine: split.yamlFirstLine)
            } catch {
                return (nil, [Diagnostic(.invalidYAML, error.text, at: error.location, notes: error.notes)])
            }
        }
        let entries: [YAMLEntry]
        switch value {
        case .mapping(let m): entries = m
        case .null: entries = []
        default:
            return (nil, [Diagnostic(.invalidYAML, .frontMatterNotMapping, at: SourceLocation(file: displayPath, line: 2))])
        }
        var fields = FieldReader(entries: entries, file: displayPath)

        guard let kind = detectKind(&fields, diagnostics: &diagnostics) else { return (nil, diagnostics) }

        var flattened: (line: Int, column: Int)?
        let blocks = MarkdownParser.parse(utf8: UnsafeBufferPointer(rebasing: text[split.body]), lineOffset: split.bodyLineOffset, flattened: &flattened)
        if let flattened {
            diagnostics.append(Diagnostic(.nestingFlattened, .nestingFlattened(levels: MarkdownParser.maxNesting),
                                          at: SourceLocation(file: displayPath, line: flattened.line, column: flattened.column),
                                          notes: [Diagnostic.Note(.flattenedTextKept)]))
        }
        let document = DocumentBuilder(vocabulary: vocabulary, displayPath: displayPath, contentPath: path)
            .build(blocks, diagnostics: &diagnostics)

        // No length cap from the reader: IDRules reports a long id in the file-name terms that matter.
        let id = fields.string("id", maxLength: .max) ?? Located(String(String(path.slashComponents.last ?? "").dropLast(3)), at: start)
        if let problem = IDRules.idProblem(with: id.value) {
            let fix: DiagnosticText = id.value.utf8.count > IDRules.maxBytes
                ? .shortenID(maxBytes: IDRules.maxBytes) : .useIDCharacters(suggestion: IDRules.suggestion(for: id.value))
            diagnostics.append(Diagnostic(.invalidID, .invalidID(id: id.value.truncatedForMessage, problem: problem), at: id.location,
                                          notes: [Diagnostic.Note(fix)]))
        }
        let title = fields.string("title")
        if title == nil || title!.value.trimmingSpaces.isEmpty {
            diagnostics.append(Diagnostic(.missingTitle, .missingTitle(kind: kind, id: id.value), at: title?.location ?? start,
                                          notes: [Diagnostic.Note(.addTitle)]))
        }
        let header = EntityHeader(id: id.value, title: title?.value.trimmingSpaces ?? id.value,
                                  summary: fields.string("summary", maxLength: FieldReader.maxSummaryLength)?.value, path: path, location: start,
                                  titleLocation: title?.location ?? start, document: document, sourceHash: sourceHash)
        let entity: Entity
        switch kind {
        case .role:
            let headcount = fields.integer("headcount")
            entity = .role(Role(header: header, department: fields.string("department"), reportsTo: fields.string("reports_to"),
                                top: fields.bool("top") ?? false, directReports: fields.list("direct_reports"),
                                dottedLineTo: fields.list("dotted_line_to") ?? [], headcount: headcount?.value ?? 1,
                                headcountLocation: headcount?.location, aliases: (fields.list("aliases") ?? []).map(\.value),
                                grade: fields.string("grade")?.value, code: fields.string("code")?.value,
                                place: fields.string("location")?.value, hours: fields.string("hours")?.value,
                                documentCode: (fields.string("doc_no") ?? fields.string("document"))?.value, version: fields.string("version")?.value,
                                effective: fields.date("effective")?.value, approvedBy: fields.string("approved_by")?.value))
        case .department:
            entity = .department(Department(header: header, short: fields.string("short")?.value, parent: fields.string("parent"),
                                            head: fields.string("head"), positions: fields.counts("positions")))
        case .procedure:
            var frequency: Frequency?
            if let raw = fields.string("frequency") {
                frequency = Frequency(parsing: raw.value)
                if frequency == nil {
                    diagnostics.append(Diagnostic(.unknownFrequency, .unknownFrequency(raw.value), at: raw.location,
                                                  notes: [Diagnostic.Note(.useFrequency(Frequency.allCases.map(\.rawValue)))]))
                }
            }
            entity = .procedure(Procedure(header: header, owner: fields.string("owner"), roles: fields.list("roles") ?? [],
                                          department: fields.string("department"), frequency: frequency,
                                          version: fields.string("version")?.value, effective: fields.string("effective")?.value))
        }
        diagnostics += fields.diagnostics
        diagnostics += fields.unknownKeys(known: Self.keys[kind]!, kind: kind)
        return (entity, diagnostics)
    }

    private func detectKind(_ fields: inout FieldReader, diagnostics: inout [Diagnostic]) -> EntityKind? {
        if let declared = fields.string("kind") {
            if let kind = EntityKind(rawValue: declared.value.trimmingSpaces.lowercased()) { return kind }
            var notes: [Diagnostic.Note] = []
            if let guess = Suggestions.closest(to: declared.value, among: EntityKind.allCases.map(\.rawValue)) {
                notes.append(Diagnostic.Note(.didYouMean(guess)))
            }
            diagnostics.append(Diagnostic(.unknownKind, .unknownKind(declared.value), at: declared.location, notes: notes))
            return nil
        }
        for folder in path.slashComponents.dropLast().reversed() {
            if let kind = Self.folders.first(where: { $0.name == folder })?.kind { return kind }
        }
        diagnostics.append(Diagnostic(.noKind, .noKind,
                                      at: SourceLocation(file: displayPath),
                                      notes: [Diagnostic.Note(.addKind)]))
        return nil
    }

    /// Where the first character of a GBK or Big5 file that is not ASCII is: some of its byte
    /// pairs are valid UTF-8 by chance, so the first invalid byte can be further on.
    private func firstNonASCIIByte(_ data: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let end = data.firstIndex { $0 >= 0x80 } ?? data.endIndex
        let before = data[..<end]
        let line = 1 + before.count { $0 == UInt8(ascii: "\n") }
        let column = end - ((before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1) + 1
        return SourceLocation(file: displayPath, line: line, column: column)
    }

    private func firstInvalidByte(_ data: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1, column = 1, i = data.startIndex
        while i < data.endIndex {
            let b = data[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let end = i + max(length, 1)
            if length == 0 || end > data.endIndex || String(validating: data[i..<end], as: UTF8.self) == nil {
                return SourceLocation(file: displayPath, line: line, column: column)
            }
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += length }
            i = end
        }
        return SourceLocation(file: displayPath, line: line, column: column)
    }
}

/// Rules for ids: safe as a URL path segment and a file name.
enum IDRules {
    /// Longest id in UTF-8 bytes: ids become file names (`roles/ID.html`, checklist PDFs with a
    /// suffix), and Linux allows 255 bytes per name.
    static let maxBytes = 100

    static func problem(with id: String) -> String? { idProblem(with: id)?.english }

    /// What is wrong with `id`, as a typed phrase for ``DiagnosticText/invalidID(id:problem:)``.
    static func idProblem(with id: String) -> DiagnosticText.IDProblem? {
        if id.utf8.count > maxBytes { return .tooLong(bytes: id.utf8.count, max: maxBytes) }
        // The usual id (`cs-manager`, `r000123`) passes every rule below; say so from its bytes.
        if !id.isEmpty, id.utf8.allSatisfy(isPlainIDByte) { return nil }
        if id.isEmpty { return .empty }
        if id.contains("/") || id.contains("\\") { return .slash }
        if id.contains("..") { return .dotDot }
        if id.hasPrefix(".") { return .leadingDot }
        if let bad = id.unicodeScalars.first(where: { !isAllowed($0) }) {
            return bad.properties.isWhitespace ? .space : .character(String(bad))
        }
        return nil
    }

    /// ASCII letters, digits, `-` and `_`: each a Character of its own that every rule allows.
    private static func isPlainIDByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "_" || s == "." || (s.properties.isAlphabetic && !s.properties.isWhitespace) || ("0"..."9").contains(s)
            || s.properties.numericType != nil
    }

    static func suggestion(for id: String) -> String {
        let s = String(String.UnicodeScalarView(id.lowercased().unicodeScalars.map { isAllowed($0) && $0 != "." ? $0 : "-" }))
        let trimmed = s.split(separator: "-").joined(separator: "-")
        return trimmed.isEmpty ? "my-role" : trimmed
    }
}
