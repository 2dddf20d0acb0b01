import Foundation
import Testing
import RoleBookModel
import RoleBookParsing

/// A strict reader for the HTML rolebook writes: every attribute double-quoted, `<` only in tags.
/// Anything else (an unquoted value, a stray `<`) is reported, which is how unescaped content shows.
package enum HTMLScan {
    package struct Tag {
        package var name: String
        package var attributes: [(String, String?)]
        /// Contents of `<script>` and `<style>`.
        package var rawText: String?

        package func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 ?? nil }
    }

    package static func tags(_ html: String) -> (tags: [Tag], problems: [String]) {
        let b = Array(html.utf8)
        var tags: [Tag] = [], problems: [String] = []
        var i = 0
        func isName(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x3A }
        func string(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            var j = i + 1
            if j < b.count && b[j] == UInt8(ascii: "!") {
                while j < b.count && b[j] != UInt8(ascii: ">") { j += 1 }
                i = j + 1
                continue
            }
            let closing = j < b.count && b[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < b.count && isName(b[j]) { j += 1 }
            guard j > nameStart else { problems.append("stray '<' at \(i)"); i += 1; continue }
            let name = string(nameStart..<j).lowercased()
            var attributes: [(String, String?)] = []
            while j < b.count && b[j] != UInt8(ascii: ">") {
                if b[j] == UInt8(ascii: " ") { j += 1; continue }
                let attrStart = j
                while j < b.count && isName(b[j]) { j += 1 }
                guard j > attrStart else { problems.append("bad attribute in <\(name)> at \(j)"); j += 1; continue }
                let attr = string(attrStart..<j)
                if j < b.count && b[j] == UInt8(ascii: "=") {
                    guard j + 1 < b.count, b[j + 1] == UInt8(ascii: "\"") else { problems.append("unquoted \(attr) in <\(name)>"); j += 1; continue }
                    let valueStart = j + 2
                    var k = valueStart
                    while k < b.count && b[k] != UInt8(ascii: "\"") { k += 1 }
                    attributes.append((attr, decode(string(valueStart..<k))))
                    j = k + 1
                } else {
                    attributes.append((attr, nil))
                }
            }
            i = j + 1
            guard !closing else { continue }
            var tag = Tag(name: name, attributes: attributes, rawText: nil)
            if name == "script" || name == "style" {
                let end = Array("</\(name)".utf8)
                var k = i
                while k + end.count <= b.count && Array(b[k..<(k + end.count)]) != end { k += 1 }
                tag.rawText = string(i..<min(k, b.count))
                i = k
            }
            tags.append(tag)
        }
        return (tags, problems)
    }

    /// Text with tags removed and entities decoded.
    package static func decode(_ html: String) -> String {
        var out = "", inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
        }
        return entities(out)
    }

    package static func entities(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The decoded text of every `<name>…</name>` (no nesting of the same element).
    package static func texts(of name: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(name)") {
            guard let gt = rest[open.upperBound...].firstIndex(of: ">"), let close = rest[gt...].range(of: "</\(name)>") else { break }
            // `<title` must not match `<titles`; attributes or `>` follow the name.
            let next = rest[open.upperBound]
            if next == ">" || next == " " { out.append(decode(String(rest[rest.index(after: gt)..<close.lowerBound]))) }
            rest = rest[close.upperBound...]
        }
        return out
    }

    package static func hrefs(_ html: String) -> [String] { attribute("href", in: html) }

    /// Decoded values of an attribute across all tags, in order.
    package static func attribute(_ name: String, in html: String) -> [String] {
        tags(html).tags.flatMap { $0.attributes.filter { $0.0 == name }.compactMap(\.1) }
    }
}
