import RoleBookModel

/// Reads typed front matter fields, recording type errors as diagnostics instead of failing.
struct FieldReader {
    /// The first entry of each key, in order. Front matter has a handful of keys: a linear search
    /// beats hashing them into a dictionary per file.
    private var fields: [YAMLEntry] = []
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(entries: [YAMLEntry], file: String) {
        self.file = file
        fields.reserveCapacity(entries.count)
        for entry in entries where !fields.contains(where: { $0.key.value == entry.key.value }) {
            fields.append(entry)
        }
    }

    private subscript(_ key: String) -> YAMLEntry? {
        fields.first { $0.key.value == key }
    }

    private mutating func invalid(_ key: String, _ expected: DiagnosticText.ExpectedValue, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.invalidValue, .invalidValue(key: key, expected: expected), at: location))
    }

    /// Longest value of a one-line field (titles, names, references), in characters. Real
    /// titles run to a few dozen; a cap keeps every later step (search pinyin, suggestions,
    /// file names) bounded however long a pasted value is.
    static let maxLength = 200
    /// Longest `summary`, a paragraph rather than a name.
    static let maxSummaryLength = 4_000
    /// Largest whole number accepted for a count (`headcount`, `positions`): no department
    /// has more, and totals over ten thousand roles stay far from overflowing.
    static let maxCount = 100_000
    /// Longest list (`aliases`, `direct_reports`, `roles`, …).
    static let maxListLength = 1_000

    /// A scalar as text (numbers and dates included); nil when absent or null. A value longer
    /// than `maxLength` characters is reported (RB004) and cut to that length.
    mutating func string(_ key: String, maxLength: Int = FieldReader.maxLength) -> Located<String>? {
        guard let entry = self[key] else { return nil }
        switch entry.value.value {
        case .scalar(let s): return Located(bounded(s, key: key, maxLength: maxLength, at: entry.value.location), at: entry.value.location)
        case .null: return nil
        default:
            invalid(key, .singleValue, at: entry.value.location)
            return nil
        }
    }

    /// `value`, or its first `maxLength` characters with an error when it is longer.
    private mutating func bounded(_ value: String, key: String, maxLength: Int, at location: SourceLocation) -> String {
        // Counting bytes first keeps the common case free of a Character walk.
        guard value.utf8.count > maxLength, value.count > maxLength else { return value }
        diagnostics.append(Diagnostic(.invalidValue, .valueTooLong(key: key, count: value.count, max: maxLength), at: location))
        return String(value.prefix(maxLength))
    }

    /// A whole number in `range` (`0...maxCount` unless told); nil, with an error, otherwise.
    mutating func integer(_ key: String, in range: ClosedRange<Int> = 0...FieldReader.maxCount) -> Located<Int>? {
        guard let s = string(key) else { return nil }
        guard let n = Int(s.value.trimmingSpaces), range.contains(n) else {
            invalid(key, .wholeNumber(from: range.lowerBound, to: range.upperBound), at: s.location)
            return nil
        }
        return Located(n, at: s.location)
    }

    /// A calendar date written `YYYY-MM-DD` (`2026-01-01`), as YAML and ISO 8601 write it; nil, with an
    /// error, for anything else (`2026.1.1`, `2026年1月1日`, `2026-02-30`), so a printed 生效日期 is a real day.
    mutating func date(_ key: String) -> Located<String>? {
        guard let s = string(key) else { return nil }
        let text = s.value.trimmingSpaces
        guard Self.isDate(text) else {
            invalid(key, .date, at: s.location)
            return nil
        }
        return Located(text, at: s.location)
    }

    /// Whether `text` is `YYYY-MM-DD` naming a day that exists (leap years counted).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let s = string(key) else { return nil }
        switch s.value.lowercased() {
        case "true", "yes", "on", "是": return true
        case "false", "no", "off", "否": return false
        default:
            invalid(key, .boolean, at: s.location)
            return nil
        }
    }

    /// A list of scalars; a single scalar counts as a one-element list.
    mutating func list(_ key: String) -> [Located<String>]? {
        guard let entry = self[key] else { return nil }
        switch entry.value.value {
        case .scalar(let s):
            if let items = Self.commaSeparated(s) {
                // `aliases: a, b` is one string to YAML: say how to write the list, and read it as meant.
                diagnostics.append(Diagnostic(.invalidValue, .commaSeparatedList(key: key), at: entry.value.location,
                                              notes: [Diagnostic.Note(.writeListInBrackets(key: key, suggestion: "[" + items.joined(separator: ", ") + "]"))]))
                return items.map { Located(bounded($0, key: key, maxLength: Self.maxLength, at: entry.value.location), at: entry.value.location) }
            }
            return [Located(bounded(s, key: key, maxLength: Self.maxLength, at: entry.value.location), at: entry.value.location)]
        case .null: return []
        case .sequence(let items):
            if items.count > Self.maxListLength {
                invalid(key, .listOfAtMost(Self.maxListLength), at: entry.value.location)
            }
            var out: [Located<String>] = []
            for item in items.prefix(Self.maxListLength) {
                if case .scalar(let s) = item.value {
                    out.append(Located(bounded(s, key: key, maxLength: Self.maxLength, at: item.location), at: item.location))
                } else if case .null = item.value {
                    diagnostics.append(Diagnostic(.invalidValue, .emptyListItem(key: key), at: item.location, notes: [Diagnostic.Note(.removeEmptyItem)]))
                } else {
                    invalid(key, .listOfNames, at: item.location)
                }
            }
            return out
        case .mapping:
            invalid(key, .list, at: entry.value.location)
            return nil
        }
    }

    /// The names of a list written as one value, `a, b` (or with `，` or `、`, as Chinese input
    /// methods type them); nil for a value with no separator, or with an empty part.
    static func commaSeparated(_ value: String) -> [String]? {
        guard value.contains(where: { $0 == "," || $0 == "，" || $0 == "、" }) else { return nil }
        let parts = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map { String($0).trimmingSpaces }
        return parts.count > 1 && !parts.contains(where: { $0.isEmpty }) ? parts : nil
    }

    /// A map of names to whole numbers (`positions`).
    mutating func counts(_ key: String) -> [(role: Located<String>, count: Int)] {
        guard let entry = self[key] else { return [] }
        switch entry.value.value {
        case .mapping(let pairs):
            var out: [(role: Located<String>, count: Int)] = []
            for pair in pairs.prefix(Self.maxListLength) {
                guard case .scalar(let s) = pair.value.value, let n = Int(s), (0...Self.maxCount).contains(n) else {
                    invalid("\(key).\(pair.key.value)", .wholeNumber(from: 0, to: Self.maxCount), at: pair.value.location)
                    continue
                }
                out.append((Located(bounded(pair.key.value, key: key, maxLength: Self.maxLength, at: pair.key.location), at: pair.key.location), n))
            }
            return out
        case .null: return []
        default:
            invalid(key, .headcountMap, at: entry.value.location)
            return []
        }
    }

    func unknownKeys(known: [String], kind: EntityKind) -> [Diagnostic] {
        fields.filter { !known.contains($0.key.value) }.map { entry in
            let key = entry.key.value
            var notes: [Diagnostic.Note] = []
            if let guess = Suggestions.closest(to: key, among: known) { notes.append(Diagnostic.Note(.didYouMean(guess))) }
            return Diagnostic(.unknownKey, .unknownKey(key: key, kind: kind), at: entry.key.location, notes: notes)
        }
    }
}
