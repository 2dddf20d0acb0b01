/// One problem found in the content, printed compiler-style.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Comparable, Sendable, Codable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A related location printed under the diagnostic.
    public struct Note: Hashable, Sendable {
        package var text: DiagnosticText
        public var location: SourceLocation?

        package init(_ text: DiagnosticText, at location: SourceLocation? = nil) {
            self.text = text
            self.location = location
        }

        /// A note whose text is not one of ``DiagnosticText``'s (tools built on the library, tests).
        package init(_ message: String, at location: SourceLocation? = nil) {
            self.init(.verbatim(message), at: location)
        }

        /// The note in English.
        public var message: String { text.rendered(in: .en) }

        /// Notes are equal when they say the same at the same place, however the text was made.
        public static func == (a: Note, b: Note) -> Bool { a.location == b.location && a.message == b.message }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(message)
            hasher.combine(location)
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    /// What it says, in any language (``DiagnosticText/rendered(in:)``).
    package var text: DiagnosticText
    public var location: SourceLocation
    public var notes: [Note]

    package init(_ code: DiagnosticCode, _ text: DiagnosticText, at location: SourceLocation, notes: [Note] = []) {
        self.severity = code.severity
        self.code = code
        self.text = text
        self.location = location
        self.notes = notes
    }

    /// A diagnostic whose text is not one of ``DiagnosticText``'s (tools built on the library, tests).
    package init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.init(code, .verbatim(message), at: location, notes: notes)
    }

    /// The message in English (JSON field names, tests and tools that do not choose a language).
    public var message: String { text.rendered(in: .en) }

    /// The message in `language`.
    public func message(in language: DiagnosticLanguage) -> String { text.rendered(in: language) }

    /// Diagnostics are equal when they say the same (in English) at the same place, whether the
    /// text is typed or ``DiagnosticText/verbatim(_:)``.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.code == b.code && a.location == b.location && a.notes == b.notes && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(location)
        hasher.combine(message)
        hasher.combine(notes)
    }
}

extension Diagnostic: Comparable {
    /// File, line, column, then code and message: a deterministic order whatever the thread count.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
