import RoleBookModel

/// The one `@page` rule of printable pages (job descriptions, department pages, checklist
/// sheets): "第 X 页 / 共 Y 页" at the bottom and, on documents, organisation and title in the
/// top margin. It can hold content strings, so every string is written as CSS escapes: nothing
/// in a title can end the string or the `<style>` element.
enum PrintPageRule {
    /// How a kind of printed page is set: paper, margins, and the type of its margin boxes.
    struct Sheet {
        var landscape = false
        var margin: String
        var type: String

        /// Job descriptions and department pages: wider margins, grey headers.
        static let document = Sheet(margin: "16mm 14mm 18mm", type: "font-size: 8.5pt; color: #555;")
        /// Checklist sheets: narrower margins, black page numbers, landscape for the week grid.
        static func checklist(landscape: Bool) -> Sheet { Sheet(landscape: landscape, margin: "14mm 12mm 16mm", type: "font-size: 9pt; color: #000;") }
    }

    /// - Parameters:
    ///   - topLeft, topRight: the top margin boxes' text (none when nil).
    static func css(strings: UIStrings, sheet: Sheet = .document, topLeft: String? = nil, topRight: String? = nil) -> String {
        // "第 {p} 页 / 共 {t} 页" → literal pieces around the two counters.
        let template = strings[.pageOf]
        let (before, afterP) = split(template, at: "{p}")
        let (middle, after) = split(afterP, at: "{t}")
        let type = sheet.type
        var rule = "@page { size: A4\(sheet.landscape ? " landscape" : ""); margin: \(sheet.margin); "
        if let topLeft { rule += "@top-left { content: \(quoted(topLeft)); \(type) } " }
        if let topRight { rule += "@top-right { content: \(quoted(topRight)); \(type) } " }
        return rule + "@bottom-center { content: \(quoted(before)) counter(page) \(quoted(middle)) counter(pages) \(quoted(after)); \(type) } }"
    }

    private static func split(_ s: String, at marker: String) -> (String, String) {
        guard let r = s.range(of: marker) else { return (s, "") }
        return (String(s[..<r.lowerBound]), String(s[r.upperBound...]))
    }

    /// A CSS string literal: ASCII other than letters, digits and spaces as `\hex `, and
    /// control characters dropped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 { continue }
            let plain = u.isASCII ? (u.properties.isAlphabetic || (u.value >= 0x30 && u.value <= 0x39) || u == " ") : true
            if plain { out.unicodeScalars.append(u) } else { out += "\\" + String(u.value, radix: 16) + " " }
        }
        return out + "\""
    }
}
