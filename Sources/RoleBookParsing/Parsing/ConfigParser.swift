import Foundation
import RoleBookModel

/// Reads `rolebook.yml`.
struct ConfigParser {
    var displayPath: String

    func parse(_ data: Data, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        guard var text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(Diagnostic(.invalidConfig, .configNotUTF8, at: SourceLocation(file: displayPath)))
            return config
        }
        // As in content files: a BOM (Windows editors write one) is not YAML and would fail to parse.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let value: YAMLValue
        do {
            value = try FrontMatter.parse(text.replacingOccurrences(of: "\r\n", with: "\n"), file: displayPath, firstLine: 1)
        } catch {
            diagnostics.append(Diagnostic(.invalidConfig, Self.configText(error.text), at: error.location, notes: error.notes))
            return config
        }
        guard case .mapping(let entries) = value else { return config }
        var fields = FieldReader(entries: entries, file: displayPath)
        config.title = fields.string("title")?.value ?? config.title
        config.organization = fields.string("organization")?.value
        if let language = fields.string("language") {
            if ["zh-CN", "zh-TW", "zh-HK", "en"].contains(language.value) {
                config.language = language.value
            } else {
                diagnostics.append(Diagnostic(.invalidConfig, .unsupportedLanguage(language.value), at: language.location,
                                              notes: [Diagnostic.Note(.useLanguage)]))
            }
        }
        config.exclude = (fields.list("exclude") ?? []).map(\.value)
        // Value errors anywhere in rolebook.yml are config errors (RB011), not content ones (RB004).
        var valueErrors = fields.diagnostics
        for entry in entries {
            switch entry.key.value {
            case "validation":
                guard case .mapping(let pairs) = entry.value.value else {
                    if entry.value.value != .null { diagnostics.append(notAMap(entry)) }
                    continue
                }
                var v = FieldReader(entries: pairs, file: displayPath)
                if let n = v.integer("max_span", in: SiteConfig.maxSpanRange) { config.maxSpan = n.value }
                if let n = v.integer("max_depth", in: SiteConfig.maxDepthRange) { config.maxDepth = n.value }
                valueErrors += v.diagnostics
            case "sections":
                guard case .mapping(let pairs) = entry.value.value else {
                    if entry.value.value != .null { diagnostics.append(notAMap(entry)) }
                    continue
                }
                var s = FieldReader(entries: pairs, file: displayPath)
                for pair in pairs {
                    guard let kind = SectionKind(rawValue: pair.key.value), kind != .other, kind != .intro else {
                        diagnostics.append(Diagnostic(.invalidConfig, .unknownSection(pair.key.value), at: pair.key.location,
                                                      notes: [Diagnostic.Note(.sectionsAre(SectionKind.allCases.filter { $0 != .other && $0 != .intro }.map(\.rawValue)))]))
                        continue
                    }
                    config.extraSections[kind] = (s.list(pair.key.value) ?? []).map(\.value)
                }
                valueErrors += s.diagnostics
            default: break
            }
        }
        diagnostics += valueErrors.map { var d = $0; d.code = .invalidConfig; d.severity = .error; return d }
        return config
    }

    private func notAMap(_ entry: YAMLEntry) -> Diagnostic {
        Diagnostic(.invalidConfig, .notAMap(key: entry.key.value), at: entry.value.location)
    }

    /// A front matter error said of rolebook.yml: Yams' syntax errors name the file; the hints
    /// (a tab, a full-width colon) read the same in both.
    static func configText(_ text: DiagnosticText) -> DiagnosticText {
        if case .invalidYAML(let problem) = text { return .configNotYAML(problem: problem) }
        return text
    }
}
