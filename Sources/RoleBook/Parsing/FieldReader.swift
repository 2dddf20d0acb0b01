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

    private mutating func invalid(_ key: String, _ expected: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.invalidValue, "'\(key)' must be \(expected)", at: location))
    }

    /// A scalar as text (numbers and dates included); nil when absent or null.
    mutating func string(_ key: String) -> Located<String>? {
        guard let entry = self[key] else { return nil }
        switch entry.value.value {
        case .scalar(let s): return Located(s, at: entry.value.location)
        case .null: return nil
        default:
            invalid(key, "a single value", at: entry.value.location)
            return nil
        }
    }

    mutating func integer(_ key: String) -> Located<Int>? {
        guard let s = string(key) else { return nil }
        guard let n = Int(s.value.trimmingSpaces), n >= 0 else {
            invalid(key, "a whole number ≥ 0", at: s.location)
            return nil
        }
        return Located(n, at: s.location)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let s = string(key) else { return nil }
        switch s.value.lowercased() {
        case "true", "yes", "on", "是": return true
        case "false", "no", "off", "否": return false
        default:
            invalid(key, "true or false", at: s.location)
            return nil
        }
    }

    /// A list of scalars; a single scalar counts as a one-element list.
    mutating func list(_ key: String) -> [Located<String>]? {
        guard let entry = self[key] else { return nil }
        switch entry.value.value {
        case .scalar(let s): return [Located(s, at: entry.value.location)]
        case .null: return []
        case .sequence(let items):
            var out: [Located<String>] = []
            for item in items {
                if case .scalar(let s) = item.value { out.append(Located(s, at: item.location)) } else { invalid(key, "a list of names", at: item.location) }
            }
            return out
        case .mapping:
            invalid(key, "a list", at: entry.value.location)
            return nil
        }
    }

    /// A map of names to whole numbers (`positions`).
    mutating func counts(_ key: String) -> [(role: Located<String>, count: Int)] {
        guard let entry = self[key] else { return [] }
        switch entry.value.value {
        case .mapping(let pairs):
            var out: [(role: Located<String>, count: Int)] = []
            for pair in pairs {
                guard case .scalar(let s) = pair.value.value, let n = Int(s), n >= 0 else {
                    invalid("\(key).\(pair.key.value)", "a whole number ≥ 0", at: pair.value.location)
                    continue
                }
                out.append((pair.key, n))
            }
            return out
        case .null: return []
        default:
            invalid(key, "a map of role to headcount", at: entry.value.location)
            return []
        }
    }

    func unknownKeys(known: [String], kind: EntityKind) -> [Diagnostic] {
        fields.filter { !known.contains($0.key.value) }.map { entry in
            let key = entry.key.value
            var notes: [Diagnostic.Note] = []
            if let guess = Suggestions.closest(to: key, among: known) { notes.append(Diagnostic.Note("did you mean '\(guess)'?")) }
            return Diagnostic(.unknownKey, "unknown key '\(key)' for a \(kind.rawValue)", at: entry.key.location, notes: notes)
        }
    }
}
