import Foundation
import RoleBookModel

/// Prints diagnostics as compiler-style text, JSON, GitHub workflow commands or SARIF.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif
}

public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// How `.sarif` is written (paths relative to which folder, the repository's URL).
    package var sarif = SARIFFormatter(currentDirectory: "")
    /// The language of messages, notes and the summary line in every format (SARIF rule help
    /// stays docs/diagnostics.md's); codes, severities and locations read the same in all.
    public var language: DiagnosticLanguage
    /// ANSI colours in `.text` (severity, code and location), for a terminal.
    public var colored: Bool

    public init(format: DiagnosticFormat, language: DiagnosticLanguage = .en, colored: Bool = false) {
        self.format = format
        self.language = language
        self.colored = colored
    }

    /// The whole report, ending with a newline; `fileCount` feeds the summary line.
    public func report(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        switch format {
        case .text: text(diagnostics, fileCount: fileCount)
        case .json: json(diagnostics, fileCount: fileCount)
        case .github: github(diagnostics, fileCount: fileCount)
        case .sarif: sarif.report(diagnostics, language: language)
        }
    }

    /// `path:line:col: error[RB101]: message` then indented notes, with control characters escaped.
    public static func line(_ d: Diagnostic) -> String { line(d, language: .en) }

    /// ``line(_:)`` in `language`, coloured for a terminal when `colored` (after escaping, so
    /// content can never carry an escape sequence of its own).
    public static func line(_ d: Diagnostic, language: DiagnosticLanguage, colored: Bool = false) -> String {
        let paint = TerminalStyle(enabled: colored)
        let severity = paint.severity(d.severity, "\(d.severity.rawValue)[\(d.code.rawValue)]")
        var out = "\(paint.bold(escaped(d.location) + ":")) \(severity): \(paint.bold(escaped(d.message(in: language))))\n"
        for note in d.notes {
            let text = escaped(note.text.rendered(in: language))
            out += note.location.map { "    \(paint.bold(escaped($0) + ":")) \(paint.severity(.note, "note")): \(text)\n" }
                ?? "    \(paint.severity(.note, "note")): \(text)\n"
        }
        return out
    }

    private static func escaped(_ location: SourceLocation) -> String {
        "\(escaped(location.file)):\(location.line):\(location.column)"
    }

    /// `text` with every character a terminal or a log viewer would act on, instead of showing,
    /// written out as `\u{1B}` (`\n`, `\r`, `\t` for those three).
    ///
    /// Content reaches messages through file names, ids and quoted values. Raw, an ESC starts a
    /// terminal command (a new window title, cleared lines), CR rewrites the line and LF or
    /// U+2028 starts a fake diagnostic; bidirectional overrides reorder what is shown.
    package static func escaped(_ text: String) -> String {
        // Messages are mostly ASCII and CJK: only strings with a byte that can start such a
        // character (C0, DEL; C2 for C1, D8 for U+061C, E2 for U+2028… and the overrides) are scanned.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }),
              text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isUnsafe(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional marks,
    /// embeddings, overrides and isolates (the "Trojan Source" set).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    public static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        summary(diagnostics, fileCount: fileCount, language: .en)
    }

    /// "checked 12 files: 1 error, 0 warnings" in `language`.
    public static func summary(_ diagnostics: [Diagnostic], fileCount: Int, language: DiagnosticLanguage) -> String {
        let e = diagnostics.errorCount, w = diagnostics.warningCount
        switch language {
        case .en:
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            return "checked \(plural(fileCount, "file")): \(plural(e, "error")), \(plural(w, "warning"))"
        case .zhCN: return "检查了 \(fileCount) 个文件：\(e) 个错误，\(w) 个警告"
        case .zhTW: return "檢查了 \(fileCount) 個檔案：\(e) 個錯誤，\(w) 個警告"
        }
    }

    private func text(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        diagnostics.map { Self.line($0, language: language, colored: colored) }.joined()
            + Self.summary(diagnostics, fileCount: fileCount, language: language) + "\n"
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
            // Content is escaped first, so the only line breaks left are those between the notes.
            var message = Self.escaped(d.message(in: language))
            for note in d.notes { message += "\n" + (note.location.map { "\(Self.escaped($0)): " } ?? "") + "note: " + Self.escaped(note.text.rendered(in: language)) }
            out += "::\(level) file=\(escapeProperty(Self.escaped(d.location.file))),line=\(d.location.line),col=\(d.location.column),title=\(d.code.rawValue)::\(escapeData(message))\n"
        }
        return out + Self.summary(diagnostics, fileCount: fileCount, language: language) + "\n"
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
                .init(severity: d.severity.rawValue, code: d.code.rawValue, message: d.message(in: language), file: d.location.file,
                      line: d.location.line, column: d.location.column,
                      notes: d.notes.map { .init(message: $0.text.rendered(in: language), file: $0.location?.file, line: $0.location?.line, column: $0.location?.column) })
            },
            files: fileCount, errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
        // Characters of ``isUnsafe(_:)`` that JSON leaves raw (DEL, C1, separators, bidirectional
        // controls) are written as `\uXXXX`: the same JSON value, safe to print.
        return JSONWriter(pretty: true, alsoEscaping: { DiagnosticFormatter.isUnsafe($0) }).text(encoding: report) + "\n"
    }
}
