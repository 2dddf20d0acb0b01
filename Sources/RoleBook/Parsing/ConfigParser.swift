import Foundation

/// Reads `rolebook.yml`.
struct ConfigParser {
    var displayPath: String

    func parse(_ data: Data, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(Diagnostic(.invalidConfig, "rolebook.yml is not valid UTF-8", at: SourceLocation(file: displayPath)))
            return config
        }
        let value: YAMLValue
        do {
            value = try FrontMatter.parse(text.replacingOccurrences(of: "\r\n", with: "\n"), file: displayPath, firstLine: 1)
        } catch {
            diagnostics.append(Diagnostic(.invalidConfig, "rolebook.yml is not valid YAML: \(error.message)", at: error.location))
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
                diagnostics.append(Diagnostic(.invalidConfig, "unsupported language '\(language.value)'", at: language.location,
                                              notes: [Diagnostic.Note("use zh-CN, zh-TW or en")]))
            }
        }
        config.exclude = (fields.list("exclude") ?? []).map(\.value)
        for entry in entries {
            switch entry.key.value {
            case "validation":
                guard case .mapping(let pairs) = entry.value.value else { continue }
                var v = FieldReader(entries: pairs, file: displayPath)
                if let n = v.integer("max_span") { config.maxSpan = n.value }
                if let n = v.integer("max_depth") { config.maxDepth = n.value }
                diagnostics += v.diagnostics
            case "sections":
                guard case .mapping(let pairs) = entry.value.value else { continue }
                var s = FieldReader(entries: pairs, file: displayPath)
                for pair in pairs {
                    guard let kind = SectionKind(rawValue: pair.key.value), kind != .other, kind != .intro else {
                        diagnostics.append(Diagnostic(.invalidConfig, "unknown section '\(pair.key.value)'", at: pair.key.location,
                                                      notes: [Diagnostic.Note("sections are: " + SectionKind.allCases.filter { $0 != .other && $0 != .intro }.map(\.rawValue).joined(separator: ", "))]))
                        continue
                    }
                    config.extraSections[kind] = (s.list(pair.key.value) ?? []).map(\.value)
                }
                diagnostics += s.diagnostics
            default: break
            }
        }
        diagnostics += fields.diagnostics.map { var d = $0; d.code = .invalidConfig; d.severity = .error; return d }
        return config
    }
}
