import Yams
import RoleBookModel

/// A YAML value copied out of Yams with the location of every node.
package indirect enum YAMLValue: Hashable, Sendable {
    case scalar(String)
    case sequence([Located<YAMLValue>])
    case mapping([YAMLEntry])
    case null

    package var string: String? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}

package struct YAMLEntry: Hashable, Sendable {
    package var key: Located<String>
    package var value: Located<YAMLValue>
}

/// Where a file's front matter and body are, as byte offsets into the file's UTF-8.
struct SplitFile {
    /// The YAML between the `---` lines, or nil when the file has none.
    var yaml: Range<Int>?
    /// Line (1-based) of the first YAML line.
    var yamlFirstLine: Int
    var body: Range<Int>
    /// Lines before the body, added to cmark's body-relative lines.
    var bodyLineOffset: Int
    /// False when an opening `---` has no closing line: `yaml` is then the rest of the file.
    var isClosed = true
}

enum FrontMatter {
    /// Splits `---\n…\n---\n` off the top of `text` (BOM and CRLF already removed).
    ///
    /// Lines are LF-separated bytes (a line feed is always a Character of its own); a line is a
    /// fence when it is `---` (or `...` to close) once Unicode spaces are trimmed off its ends.
    static func split(utf8 text: UnsafeBufferPointer<UInt8>) -> SplitFile {
        let newline = UInt8(ascii: "\n")
        guard let firstEnd = text.firstIndex(of: newline), isFence(text[..<firstEnd], closing: false) else {
            return SplitFile(yaml: nil, yamlFirstLine: 1, body: 0..<text.count, bodyLineOffset: 0)
        }
        let rest = firstEnd + 1
        var lineNumber = 1
        var index = rest
        while index < text.count || index == rest {
            let end = text[index...].firstIndex(of: newline) ?? text.count
            lineNumber += 1
            if isFence(text[index..<end], closing: true) {
                let bodyStart = end < text.count ? end + 1 : end
                return SplitFile(yaml: rest..<index, yamlFirstLine: 2, body: bodyStart..<text.count, bodyLineOffset: lineNumber)
            }
            if end == text.count { break }
            index = end + 1
        }
        // An opening `---` without a closing one: the rest is not YAML to be read (RB002).
        return SplitFile(yaml: rest..<text.count, yamlFirstLine: 2, body: text.count..<text.count, bodyLineOffset: lineNumber, isClosed: false)
    }

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, closing: Bool) -> Bool {
        let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        func isRun(_ i: Int, of b: UInt8) -> Bool { line[i] == b && line[i + 1] == b && line[i + 2] == b }
        if line.count == 3 { return isRun(line.startIndex, of: dash) || (closing && isRun(line.startIndex, of: dot)) }
        // Trimming can only leave `---` when the bytes are there (nothing else is canonically
        // equivalent to them); only such lines pay for the Unicode-aware trim.
        guard line.count > 3, line.indices.dropLast(2).contains(where: { isRun($0, of: dash) || (closing && isRun($0, of: dot)) }) else {
            return false
        }
        let trimmed = String(decoding: line, as: UTF8.self).trimmingSpaces
        return trimmed == "---" || (closing && trimmed == "...")
    }

    /// Parses YAML into located values; throws a diagnostic for invalid YAML.
    ///
    /// Simple front matter is read by ``FrontMatterFastPath``; whatever it does not fully
    /// understand goes to Yams.
    static func parse(_ yaml: String, file: String, firstLine: Int) throws(FrontMatterError) -> YAMLValue {
        try FrontMatterHints.check(yaml, file: file, firstLine: firstLine)
        if let value = FrontMatterFastPath.parse(yaml, file: file, firstLine: firstLine) { return value }
        return try parseWithYams(yaml, file: file, firstLine: firstLine)
    }

    /// ``parse(_:file:firstLine:)`` without the fast path: Yams decides everything.
    ///
    /// Tags are never used (``FieldReader`` interprets scalars itself), so Yams composes with the
    /// basic resolver and an explicit encoding: its default resolver ran regular expressions over
    /// every scalar and its default encoding read the environment on every call.
    static func parseWithYams(_ yaml: String, file: String, firstLine: Int) throws(FrontMatterError) -> YAMLValue {
        let locator = YAMLLocator(yaml, file: file, firstLine: firstLine)
        try YAMLGuard.check(yaml, locator: locator)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw FrontMatterError(from: error, yaml: yaml, locator: locator)
        } catch {
            throw FrontMatterError(.invalidYAML(problem: "\(error)"), location: SourceLocation(file: file, line: firstLine))
        }
        guard let node else { return .null }
        return convert(node, locator).value
    }

    private static func convert(_ node: Node, _ locator: YAMLLocator) -> Located<YAMLValue> {
        let at = locator.location(node.mark)
        switch node {
        case .scalar(let scalar):
            // `key:` with nothing after it is YAML null, not the string "null" …
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return Located(.null, at: at)
            }
            return Located(.scalar(scalar.string), at: at)
        case .sequence(let sequence):
            return Located(.sequence(sequence.map { convert($0, locator) }), at: at)
        case .mapping(let mapping):
            let entries = mapping.map { pair -> YAMLEntry in
                let key = convert(pair.key, locator)
                return YAMLEntry(key: Located(key.value.string ?? "", at: key.location), value: convert(pair.value, locator))
            }
            return Located(.mapping(entries), at: at)
        case .alias:
            return Located(.null, at: at)
        }
    }

    /// Where the first repeated key of the mapping Yams rejected is. Yams only marks a key's first
    /// occurrence, so first occurrences are made unique with a marker, one error at a time, until
    /// the YAML composes; the repeat is then the first key of that mapping whose name was seen before.
    static func duplicateKeyMark(in yaml: String, key: String, first: Mark) -> YAMLMark? {
        var text = yaml
        var insertions: [(mark: YAMLMark, marker: String, key: String)] = []
        var next = (mark: YAMLMark(first), key: key)
        for n in 0..<16 {
            let marker = "rolebook-duplicate-\(n)-"
            guard let index = YAMLLocator(text, file: "", firstLine: 1).index(of: next.mark) else { return nil }
            text.unicodeScalars.insert(contentsOf: marker.unicodeScalars, at: index)
            insertions.append((next.mark, marker, next.key))
            do {
                guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8), let keys = keys(of: root, containing: insertions[0].marker) else { return nil }
                var seen: Set<String> = []
                for node in keys {
                    guard let string = node.string else { continue }
                    let name = insertions.first(where: { string.hasPrefix($0.marker) })?.key ?? string
                    guard seen.insert(name).inserted else {
                        guard var mark = node.mark.map(YAMLMark.init) else { return nil }
                        // Back to the original text: undo the markers, last inserted first.
                        for insertion in insertions.reversed() where insertion.mark.line == mark.line && insertion.mark.column < mark.column {
                            mark.column -= insertion.marker.unicodeScalars.count
                        }
                        return mark
                    }
                }
                return nil
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                next = (YAMLMark(context.mark), duplicates.first ?? "")
            } catch {
                return nil
            }
        }
        return nil
    }

    /// The keys of the mapping that has a key starting with `marker`.
    private static func keys(of node: Node, containing marker: String) -> [Node]? {
        switch node {
        case .mapping(let mapping):
            let own = mapping.map(\.key)
            if own.contains(where: { $0.string?.hasPrefix(marker) == true }) { return own }
            for pair in mapping {
                if let found = keys(of: pair.key, containing: marker) ?? keys(of: pair.value, containing: marker) { return found }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let found = keys(of: item, containing: marker) { return found }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }
}

/// A libyaml position: 1-based line, and column counting Unicode scalars.
struct YAMLMark: Hashable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}

/// Turns libyaml marks (1-based line, column counting Unicode scalars) into file locations whose
/// columns count UTF-8 bytes, like cmark's. libyaml also starts a new line after CR, NEL, LS and
/// PS, where the file's line numbers (LF only, as everywhere else) do not; both are tracked.
struct YAMLLocator {
    let file: String
    let firstLine: Int
    private let scalars: String.UnicodeScalarView
    /// Per libyaml line: its first scalar, and the file line (relative to the YAML) and byte column there.
    private let lines: [(start: String.UnicodeScalarView.Index, line: Int, column: Int)]

    init(_ yaml: String, file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
        let scalars = yaml.unicodeScalars
        self.scalars = scalars
        var line = 1, column = 1
        var lines = [(start: scalars.startIndex, line: line, column: column)]
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            i = scalars.index(after: i)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += UTF8.width(scalar)
            }
            // CR LF is one libyaml break, at the LF.
            if Self.isBreak(scalar), !(scalar == "\r" && i < scalars.endIndex && scalars[i] == "\n") {
                lines.append((i, line, column))
            }
        }
        self.lines = lines
    }

    private static func isBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}"
    }

    /// The scalar a mark points at (the end of its line when the mark is past it); nil when out of range.
    func index(of mark: YAMLMark) -> String.UnicodeScalarView.Index? {
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return nil }
        var i = lines[mark.line - 1].start
        for _ in 1..<mark.column {
            guard i < scalars.endIndex, !Self.isBreak(scalars[i]) else { break }
            i = scalars.index(after: i)
        }
        return i
    }

    func location(_ mark: Mark?) -> SourceLocation {
        location(mark.map(YAMLMark.init))
    }

    func location(_ mark: YAMLMark?) -> SourceLocation {
        guard let mark, mark.line >= 1 else { return SourceLocation(file: file, line: firstLine) }
        let start = lines[min(mark.line, lines.count) - 1]
        var column = start.column
        var i = start.start
        for _ in 1..<max(mark.column, 1) {
            // Past the end of the line (a mark at a line break or the end of input) counts on in bytes.
            guard i < scalars.endIndex, !Self.isBreak(scalars[i]) else { column += 1; continue }
            column += UTF8.width(scalars[i])
            i = scalars.index(after: i)
        }
        return SourceLocation(file: file, line: start.line + firstLine - 1, column: column)
    }

    /// A Character offset into the YAML (Yams' reader errors).
    func location(characterOffset offset: Int, in yaml: String) -> SourceLocation {
        guard let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
            return SourceLocation(file: file, line: firstLine)
        }
        let before = yaml[..<index].utf8
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return SourceLocation(file: file, line: line + firstLine - 1, column: before.distance(from: lineStart, to: before.endIndex) + 1)
    }
}

struct FrontMatterError: Error {
    var text: DiagnosticText
    var location: SourceLocation
    var notes: [Diagnostic.Note] = []

    init(_ text: DiagnosticText, location: SourceLocation, notes: [Diagnostic.Note] = []) {
        self.text = text
        self.location = location
        self.notes = notes
    }

    init(message: String, location: SourceLocation) {
        self.init(.invalidYAML(problem: message), location: location)
    }

    /// The problem in English, without the "front matter is not valid YAML" every one starts with.
    var message: String {
        if case .invalidYAML(let problem) = text { return problem }
        let english = text.rendered(in: .en)
        let prefix = "front matter is not valid YAML: "
        return english.hasPrefix(prefix) ? String(english.dropFirst(prefix.count)) : english
    }

    init(from error: YamlError, yaml: String, locator: YAMLLocator) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = context.map { "\($0.text); \(problem)" } ?? problem
            self.init(message: what, location: locator.location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = FrontMatter.duplicateKeyMark(in: yaml, key: duplicates.first ?? "", first: context.mark) ?? YAMLMark(context.mark)
            self.init(.duplicateKeys(duplicates), location: locator.location(mark))
        case .reader(let problem, let offset, _, _):
            self.init(message: problem, location: offset.map { locator.location(characterOffset: $0, in: yaml) }
                      ?? SourceLocation(file: locator.file, line: locator.firstLine))
        default:
            self.init(message: "\(error)", location: SourceLocation(file: locator.file, line: locator.firstLine))
        }
    }
}
