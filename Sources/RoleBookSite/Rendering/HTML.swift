import RoleBookModel

/// A small HTML tree. Text and attribute values are escaped in one place, ``HTML/render(into:)``.
package indirect enum HTML: Sendable {
    case element(String, [Attribute], [HTML])
    case text(String)
    /// Trusted markup produced by rolebook itself (SVG paths, assets); never content.
    case raw(String)
    case fragment([HTML])

    package struct Attribute: Sendable {
        package var name: String
        /// nil renders a boolean attribute (`hidden`).
        package var value: String?

        package init(_ name: String, _ value: String?) {
            self.name = name
            self.value = value
        }
    }

    package static let empty = HTML.fragment([])

    /// Elements without a closing tag (a switch, not a `Set`: asked for every element of every page).
    static func isVoid(_ name: String) -> Bool {
        switch name {
        case "area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr": true
        default: false
        }
    }

    package func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    package func render(into out: inout String) {
        switch self {
        case .text(let s): Self.escapeText(s, into: &out)
        case .raw(let s): out += s
        case .fragment(let children): for c in children { c.render(into: &out) }
        case .element(let name, let attributes, let children):
            // Pieces appended one by one: `"<" + name` would build a temporary string per element.
            out += "<"
            out += name
            for a in attributes {
                out += " "
                out += a.name
                if let v = a.value {
                    out += "=\""
                    Self.escapeAttribute(v, into: &out)
                    out += "\""
                }
            }
            out += ">"
            guard !Self.isVoid(name) else { return }
            for c in children { c.render(into: &out) }
            out += "</"
            out += name
            out += ">"
        }
    }

    static func escapeText(_ s: String, into out: inout String) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { out += s; return }
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
    }

    static func escapeAttribute(_ s: String, into out: inout String) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { out += s; return }
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
    }
}

/// Builders: `el("a", ["href": url], .text(title))`; attributes keep the order written.
package func el(_ name: String, _ attributes: KeyValuePairs<String, String?>, _ children: HTML...) -> HTML {
    .element(name, attributes.map { HTML.Attribute($0.key, $0.value) }, children)
}

package func el(_ name: String, _ attributes: KeyValuePairs<String, String?>, children: [HTML]) -> HTML {
    .element(name, attributes.map { HTML.Attribute($0.key, $0.value) }, children)
}

/// Attribute-less forms, so `el("h1", .text(title))` reads naturally.
package func el(_ name: String, _ children: HTML...) -> HTML {
    .element(name, [], children)
}

package func el(_ name: String, children: [HTML]) -> HTML {
    .element(name, [], children)
}

extension HTML: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
}
