// libyaml as Yams builds it (its CYaml module): the event parser, which Yams does not expose.
import CYaml
import RoleBookModel

/// Screens front matter with libyaml's event parser before Yams composes it.
///
/// Yams composes recursively and expands every alias into a copy, so ten levels of anchors in
/// 600 bytes ("billion laughs") ran for minutes and took gigabytes, and a few thousand nested
/// `[` overflowed the stack. Front matter needs neither: anchors and aliases are rejected, and
/// nesting is capped well above what any front matter key uses. libyaml's parser keeps its own
/// stacks, so this walk is iterative and linear in the input.
enum YAMLGuard {
    /// Deepest nesting of sequences and mappings accepted (front matter itself uses two or three).
    static let maxDepth = 32

    /// - Throws: ``FrontMatterError`` at the first anchor, alias, or node nested too deep.
    ///   Syntax errors are left to Yams, whose messages the rest of the code reports.
    static func check(_ yaml: String, locator: YAMLLocator) throws(FrontMatterError) {
        var text = yaml
        let problem: (DiagnosticText, YAMLMark)? = text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml's own nesting cap (far above ours, hit while scanning `[[[[…`):
                    // said the same way as ours. Other syntax errors are Yams' to report.
                    if let problem = parser.problem, String(cString: problem).contains("nesting") {
                        return (.yamlTooDeep(maxDepth: maxDepth), YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
                    }
                    return nil
                }
                defer { yaml_event_delete(&event) }
                // libyaml marks are 0-based; Yams' (and ``YAMLMark``) are 1-based.
                let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return (.yamlAlias, mark)
                case YAML_SCALAR_EVENT:
                    if event.data.scalar.anchor != nil { return (.yamlAnchor, mark) }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    if anchor != nil { return (.yamlAnchor, mark) }
                    depth += 1
                    if depth > maxDepth { return (.yamlTooDeep(maxDepth: maxDepth), mark) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
            }
        }
        if let (text, mark) = problem {
            throw FrontMatterError(text, location: locator.location(mark))
        }
    }
}
