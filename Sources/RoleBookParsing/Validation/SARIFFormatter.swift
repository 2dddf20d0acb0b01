import Foundation
import RoleBookModel

/// Diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning uploads
/// (`github/codeql-action/upload-sarif`) and shows at each file and line.
///
/// GitHub reads `tool.driver` (name, version, informationUri, `rules[]` with descriptions, help
/// and default level) and, per result, `ruleId`, `level`, `message.text`, the first location's
/// `artifactLocation.uri` (relative to the repository) and `region`, `relatedLocations` and
/// `partialFingerprints`, which tell one alert from another across commits.
package struct SARIFFormatter: Sendable {
    /// Paths of diagnostics are made relative to this folder (the repository root in CI).
    package var currentDirectory: String
    /// Where the tool lives (a repository URL); rule help links point at its `docs/diagnostics.md`.
    package var informationURI: String?
    package var docs: DiagnosticDocs
    /// The text of the files diagnostics point into, by path as shown: rolebook counts columns in
    /// UTF-8 bytes, SARIF in UTF-16 code units, so columns on lines with Chinese text are converted.
    /// A file missing here keeps its byte columns.
    package var sources: [String: String]

    package init(currentDirectory: String, informationURI: String? = nil, docs: DiagnosticDocs = .shared, sources: [String: String] = [:]) {
        self.currentDirectory = currentDirectory
        self.informationURI = informationURI
        self.docs = docs
        self.sources = sources
    }

    /// The log as pretty-printed JSON with sorted keys, ending with a newline.
    package func report(_ diagnostics: [Diagnostic], language: DiagnosticLanguage = .en) -> String {
        JSONWriter(pretty: true).text(encoding: log(diagnostics, language: language)) + "\n"
    }

    /// The log as values: one run, every code as a rule (so the rules list never depends on what was found).
    /// Results are in `language`; rule help is docs/diagnostics.md's, and fingerprints hash the
    /// English message so that switching `--lang` does not make every alert look new.
    package func log(_ diagnostics: [Diagnostic], language: DiagnosticLanguage = .en) -> SARIFLog {
        let codes = DiagnosticCode.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let driver = SARIFLog.Driver(name: "rolebook", version: RoleBookVersion.current, semanticVersion: RoleBookVersion.current,
                                     informationUri: informationURI, rules: codes.map(rule))
        var seen: [String: Int] = [:]
        let results = diagnostics.map { d -> SARIFLog.Result in
            var message = d.message(in: language)
            var related: [SARIFLog.Location] = []
            for note in d.notes {
                if let at = note.location {
                    related.append(location(at, id: related.count, message: note.text.rendered(in: language)))
                } else {
                    // A note without a place (a suggested fix) belongs to the message itself.
                    message += "\nnote: " + note.text.rendered(in: language)
                }
            }
            // The same code and message in the same file twice get distinct fingerprints by occurrence.
            let key = [d.code.rawValue, relativePath(d.location.file), d.message].joined(separator: "\u{1F}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let hash = StableHash.combine(StableHash.string(key), UInt64(occurrence))
            return SARIFLog.Result(
                ruleId: d.code.rawValue, ruleIndex: ruleIndex[d.code] ?? 0, level: Self.level(d.severity),
                message: .init(text: message), locations: [location(d.location, id: nil, message: nil)],
                relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: ["rolebook/v1": String(hash, radix: 16)])
        }
        return SARIFLog(runs: [.init(tool: .init(driver: driver), results: results, columnKind: "utf16CodeUnits")])
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// `unknownReference` → `UnknownReference`.
    static func ruleName(_ code: DiagnosticCode) -> String {
        let name = String(describing: code)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    private func rule(_ code: DiagnosticCode) -> SARIFLog.Rule {
        let entry = docs.entries[code]
        let meaning = entry?.meaning ?? code.summary
        let page = informationURI.map { $0 + "/blob/HEAD/docs/diagnostics.md" }
        let anchor = entry.map { "#" + $0.section } ?? ""
        var text = code.rawValue + ": " + meaning.markdownAsPlainText
        var markdown = "**\(code.rawValue)** (\(Self.level(code.severity))): " + absoluteLinks(meaning)
        if let fix = entry?.fix, !fix.isEmpty {
            text += "\nFix: " + fix.markdownAsPlainText
            markdown += "\n\n**Fix:** " + absoluteLinks(fix)
        }
        if let page {
            text += "\nSee " + page + anchor
            markdown += "\n\nSee [docs/diagnostics.md](\(page + anchor))."
        }
        return SARIFLog.Rule(
            id: code.rawValue, name: Self.ruleName(code),
            shortDescription: .init(text: code.summary), fullDescription: .init(text: meaning.markdownAsPlainText),
            help: .init(text: text, markdown: markdown), helpUri: page.map { $0 + anchor },
            defaultConfiguration: .init(level: Self.level(code.severity)),
            properties: .init(tags: [code.severity == .error ? "correctness" : "maintainability", "rolebook"]))
    }

    /// Links between docs pages (`content-format.md#limits`) made absolute when the repository is known, else text.
    private func absoluteLinks(_ markdown: String) -> String {
        guard let base = informationURI else { return markdown.replacingOccurrences(of: "](", with: "](#").removingLinks }
        return markdown.replacingOccurrences(of: "](", with: "](" + base + "/blob/HEAD/docs/")
    }

    private func location(_ at: SourceLocation, id: Int?, message: String?) -> SARIFLog.Location {
        .init(id: id, physicalLocation: .init(
            artifactLocation: .init(uri: Self.uri(relativePath(at.file))),
            region: .init(startLine: max(at.line, 1), startColumn: utf16Column(at))),
              message: message.map { .init(text: $0) })
    }

    /// The UTF-16 column of a byte column, when the file's text is known.
    func utf16Column(_ at: SourceLocation) -> Int {
        let column = max(at.column, 1)
        guard let text = sources[at.file] else { return column }
        var line = 1
        var start = text.utf8.startIndex
        // Find the line by bytes, without splitting a large file into lines.
        while line < at.line, let newline = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            start = text.utf8.index(after: newline)
            line += 1
        }
        guard line == at.line else { return column }
        let end = text.utf8.index(start, offsetBy: column - 1, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
        let prefix = String(decoding: text.utf8[start..<end], as: UTF8.self)
        return prefix.utf16.count + 1
    }

    /// A diagnostic's path relative to ``currentDirectory`` when it lies inside it.
    func relativePath(_ path: String) -> String {
        var base = currentDirectory
        if !base.hasSuffix("/") { base += "/" }
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }

    /// A relative path as a URI reference: segments percent-encoded (spaces, `#`, `%`, non-ASCII).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

private extension String {
    /// `[text](#target)` → `text`: relative links would point nowhere on GitHub.
    var removingLinks: String {
        var out = ""
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "["), let mid = rest[open...].range(of: "](#"), let close = rest[mid.upperBound...].firstIndex(of: ")") {
            out += rest[..<open]
            out += rest[rest.index(after: open)..<mid.lowerBound]
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// The subset of SARIF 2.1.0 rolebook writes (OASIS SARIF v2.1.0, as read by GitHub code scanning).
package struct SARIFLog: Encodable, Sendable {
    package var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    package var version = "2.1.0"
    package var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    package struct Run: Encodable, Sendable {
        package var tool: Tool
        package var results: [Result]
        /// How `startColumn` counts: UTF-16 code units, SARIF's default.
        package var columnKind: String
    }

    package struct Tool: Encodable, Sendable { package var driver: Driver }

    package struct Driver: Encodable, Sendable {
        package var name: String
        package var version: String
        package var semanticVersion: String
        package var informationUri: String?
        package var rules: [Rule]
    }

    package struct Text: Encodable, Sendable { package var text: String }

    package struct Help: Encodable, Sendable {
        package var text: String
        package var markdown: String
    }

    package struct Rule: Encodable, Sendable {
        package var id: String
        package var name: String
        package var shortDescription: Text
        package var fullDescription: Text
        package var help: Help
        package var helpUri: String?
        package var defaultConfiguration: Configuration
        package var properties: Properties
    }

    package struct Configuration: Encodable, Sendable { package var level: String }
    package struct Properties: Encodable, Sendable { package var tags: [String] }

    package struct Result: Encodable, Sendable {
        package var ruleId: String
        package var ruleIndex: Int
        package var level: String
        package var message: Text
        package var locations: [Location]
        package var relatedLocations: [Location]?
        package var partialFingerprints: [String: String]
    }

    package struct Location: Encodable, Sendable {
        package var id: Int?
        package var physicalLocation: PhysicalLocation
        package var message: Text?
    }

    package struct PhysicalLocation: Encodable, Sendable {
        package var artifactLocation: ArtifactLocation
        package var region: Region
    }

    package struct ArtifactLocation: Encodable, Sendable { package var uri: String }

    package struct Region: Encodable, Sendable {
        package var startLine: Int
        package var startColumn: Int
    }
}
