import Foundation
import RoleBookModel

/// Adding a new role to its superior's `direct_reports` list, touching nothing else.
extension Scaffold {
    /// The outcome of ``addingDirectReport(_:to:)``.
    package enum DirectReportsEdit: Equatable, Sendable {
        /// The file's new text: one line changed (a flow list) or one line inserted (a block list).
        case edited(String)
        /// The front matter has no `direct_reports` key: subordinates are found from `reports_to`.
        case noList
        /// The key is there but not as a list this edit understands (a scalar, a multi-line flow list).
        case unrecognised(line: Int)
    }

    /// `text` with `id` appended to its front matter's `direct_reports` list; every other byte
    /// is kept as it was (line endings, comments, the order of keys).
    package static func addingDirectReport(_ id: String, to text: String) -> DirectReportsEdit {
        // Lines with their terminators, so joining them gives the file back byte for byte.
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            // By bytes: "\r\n" is one Character, so a Character search for "\n" would miss it.
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        func content(_ line: Substring) -> Substring {
            var l = line
            while let last = l.last, last == "\n" || last == "\r" || last == "\r\n" { l.removeLast() }
            return l
        }
        let bom = "\u{FEFF}"
        guard let first = lines.first, content(first) == "---" || content(first) == bom + "---" else { return .noList }
        guard let close = lines.indices.dropFirst().first(where: { content(lines[$0]) == "---" || content(lines[$0]) == "..." }) else { return .noList }
        guard let keyLine = (1..<close).first(where: { content(lines[$0]).hasPrefix("direct_reports:") }) else { return .noList }
        let item = yamlScalar(id)
        let line = content(lines[keyLine])
        let ending = lines[keyLine].dropFirst(line.count)
        var rest = line.dropFirst("direct_reports:".count)
        var comment: Substring = ""
        if let hash = rest.range(of: " #") { comment = rest[hash.lowerBound...]; rest = rest[..<hash.lowerBound] }
        let value = rest.trimmingCharacters(in: .whitespaces)
        var edited = lines.map(String.init)
        if value.hasPrefix("["), value.hasSuffix("]") {
            // Flow list: insert before the closing bracket, keeping the spacing of the rest.
            guard let closing = rest.lastIndex(of: "]") else { return .unrecognised(line: keyLine + 1) }
            let inside = rest[rest.index(after: rest.firstIndex(of: "[")!)..<closing]
            let separator = inside.trimmingCharacters(in: .whitespaces).isEmpty ? "" : ", "
            let trimmedInside = inside.hasSuffix(" ") && !separator.isEmpty ? String(inside.dropLast()) : String(inside)
            let spaceBefore = inside.hasSuffix(" ") && !separator.isEmpty ? " " : ""
            let head = line[..<line.index(line.startIndex, offsetBy: "direct_reports:".count)]
            let before = rest[..<rest.index(after: rest.firstIndex(of: "[")!)]
            edited[keyLine] = head + before + trimmedInside + separator + item + spaceBefore + rest[closing...] + comment + ending
            return .edited(edited.joined())
        }
        guard value.isEmpty else { return .unrecognised(line: keyLine + 1) }
        // Block list: the items are the following lines that start with '-' after some indentation.
        var last: Int?
        var indent = "  "
        for i in (keyLine + 1)..<close {
            let l = content(lines[i])
            let trimmed = l.drop(while: { $0 == " " })
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                if last == nil { indent = String(l.prefix(l.count - trimmed.count)) }
                last = i
            } else if trimmed.isEmpty || trimmed.hasPrefix("#") {
                continue
            } else {
                break
            }
        }
        guard let last else { return .unrecognised(line: keyLine + 1) }
        let lastEnding = lines[last].dropFirst(content(lines[last]).count)
        let newline = lastEnding.isEmpty ? (ending.isEmpty ? "\n" : String(ending)) : String(lastEnding)
        if lastEnding.isEmpty { edited[last] += newline }
        edited.insert(indent + "- " + item + newline, at: last + 1)
        return .edited(edited.joined())
    }
}
