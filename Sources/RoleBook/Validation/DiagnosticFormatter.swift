import Foundation

/// Prints diagnostics as compiler-style text, JSON, GitHub workflow commands or SARIF.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif
}

public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// How `.sarif` is written (paths relative to which folder, the repository's URL).
    public var sarif = SARIFFormatter(currentDirectory: "")

    public init(format: DiagnosticFormat) { self.format = format }

    /// The whole report, ending with a newline; `fileCount` feeds the summary line.
    public func report(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        switch format {
        case .text: text(diagnostics, fileCount: fileCount)
        case .json: json(diagnostics, fileCount: fileCount)
        case .github: github(diagnostics, fileCount: fileCount)
        case .sarif: sarif.report(diagnostics)
        }
    }

    /// `path:line:col: error[RB101]: message` then indented notes.
    public static func line(_ d: Diagnostic) -> String {
        var out = "\(d.location): \(d.severity.rawValue)[\(d.code.rawValue)]: \(d.message)\n"
        for note in d.notes {
            out += note.location.map { "    \($0): note: \(note.message)\n" } ?? "    note: \(note.message)\n"
        }
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let e = diagnostics.errorCount, w = diagnostics.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "checked \(plural(fileCount, "file")): \(plural(e, "error")), \(plural(w, "warning"))"
    }

    private func text(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        diagnostics.map(Self.line).joined() + Self.summary(diagnostics, fileCount: fileCount) + "\n"
    }

    private func github(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var out = ""
        for d in diagnostics {
            let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var message = d.message
            for note in d.notes { message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message }
            out += "::\(level) file=\(escapeProperty(d.location.file)),line=\(d.location.line),col=\(d.location.column),title=\(d.code.rawValue)::\(escapeData(message))\n"
        }
        return out + Self.summary(diagnostics, fileCount: fileCount) + "\n"
    }

    private struct JSONReport: Encodable {
        struct Note: Encodable { var message: String; var file: String?; var line: Int?; var column: Int? }
        struct Item: Encodable {
            var severity: String, code: String, message: String, file: String, line: Int, column: Int, notes: [Note]
        }
        var diagnostics: [Item]
        var files: Int, errors: Int, warnings: Int
    }

    private func json(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let report = JSONReport(
            diagnostics: diagnostics.map { d in
                .init(severity: d.severity.rawValue, code: d.code.rawValue, message: d.message, file: d.location.file,
                      line: d.location.line, column: d.location.column,
                      notes: d.notes.map { .init(message: $0.message, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column) })
            },
            files: fileCount, errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
