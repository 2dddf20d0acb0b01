import RoleBookModel

/// The `@page` rule of printable pages: organisation and title in the top margin and
/// "第 X 页 / 共 Y 页" at the bottom. It holds content strings, so they are written as CSS
/// escapes: nothing in a title can end the string or the `<style>` element.
enum PrintPageRule {
    static func css(strings: UIStrings, topLeft: String, topRight: String) -> String {
        // "第 {p} 页 / 共 {t} 页" → literal pieces around the two counters.
        let template = strings[.pageOf]
        let (before, afterP) = split(template, at: "{p}")
        let (middle, after) = split(afterP, at: "{t}")
        let margin = "font-size: 8.5pt; color: #555;"
        return "@page { size: A4; margin: 16mm 14mm 18mm; "
            + "@top-left { content: \(quoted(topLeft)); \(margin) } "
            + "@top-right { content: \(quoted(topRight)); \(margin) } "
            + "@bottom-center { content: \(quoted(before)) counter(page) \(quoted(middle)) counter(pages) \(quoted(after)); \(margin) } }"
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
