import Yams

/// A YAML value copied out of Yams with the location of every node.
public indirect enum YAMLValue: Hashable, Sendable {
    case scalar(String)
    case sequence([Located<YAMLValue>])
    case mapping([YAMLEntry])
    case null

    public var string: String? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}

public struct YAMLEntry: Hashable, Sendable {
    public var key: Located<String>
    public var value: Located<YAMLValue>
}

/// The result of splitting a file into front matter and body.
struct SplitFile {
    /// The YAML text between the `---` lines, or nil when the file has none.
    var yaml: String?
    /// Line (1-based) of the first YAML line.
    var yamlFirstLine: Int
    var body: String
    /// Lines before the body, added to cmark's body-relative lines.
    var bodyLineOffset: Int
}

enum FrontMatter {
    /// Splits `---\n…\n---\n` off the top of `text` (BOM and CRLF already removed).
    static func split(_ text: String) -> SplitFile {
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingSpaces == "---", lines.count == 2 else {
            return SplitFile(yaml: nil, yamlFirstLine: 1, body: text, bodyLineOffset: 0)
        }
        let rest = lines.removeLast()
        // Find the closing `---` (or `...`) line, scanning line by line without copying.
        var lineNumber = 1
        var index = rest.startIndex
        while index < rest.endIndex || index == rest.startIndex {
            let end = rest[index...].firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[index..<end]
            lineNumber += 1
            let trimmed = line.trimmingSpaces
            if trimmed == "---" || trimmed == "..." {
                let yaml = String(rest[rest.startIndex..<index])
                let bodyStart = end < rest.endIndex ? rest.index(after: end) : end
                return SplitFile(yaml: yaml, yamlFirstLine: 2, body: String(rest[bodyStart...]), bodyLineOffset: lineNumber)
            }
            if end == rest.endIndex { break }
            index = rest.index(after: end)
        }
        // An opening `---` without a closing one: everything is (broken) front matter.
        return SplitFile(yaml: String(rest), yamlFirstLine: 2, body: "", bodyLineOffset: lineNumber)
    }

    /// Parses YAML into located values; throws a diagnostic for invalid YAML.
    static func parse(_ yaml: String, file: String, firstLine: Int) throws(FrontMatterError) -> YAMLValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw FrontMatterError(from: error, file: file, firstLine: firstLine)
        } catch {
            throw FrontMatterError(message: "\(error)", location: SourceLocation(file: file, line: firstLine))
        }
        guard let node else { return .null }
        return convert(node, file: file, firstLine: firstLine).value
    }

    private static func location(_ mark: Mark?, file: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    private static func convert(_ node: Node, file: String, firstLine: Int) -> Located<YAMLValue> {
        let at = location(node.mark, file: file, firstLine: firstLine)
        switch node {
        case .scalar(let scalar):
            // `key:` with nothing after it is YAML null, not the string "null" …
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return Located(.null, at: at)
            }
            return Located(.scalar(scalar.string), at: at)
        case .sequence(let sequence):
            return Located(.sequence(sequence.map { convert($0, file: file, firstLine: firstLine) }), at: at)
        case .mapping(let mapping):
            let entries = mapping.map { pair -> YAMLEntry in
                let key = convert(pair.key, file: file, firstLine: firstLine)
                return YAMLEntry(key: Located(key.value.string ?? "", at: key.location),
                                 value: convert(pair.value, file: file, firstLine: firstLine))
            }
            return Located(.mapping(entries), at: at)
        case .alias:
            return Located(.null, at: at)
        }
    }
}

struct FrontMatterError: Error {
    var message: String
    var location: SourceLocation

    init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    init(from error: YamlError, file: String, firstLine: Int) {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = context.map { "\($0.text); \(problem)" } ?? problem
            self.init(message: what, location: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", location: at(context.mark))
        default:
            self.init(message: "\(error)", location: SourceLocation(file: file, line: firstLine))
        }
    }
}
