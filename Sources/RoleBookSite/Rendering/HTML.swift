import RoleBookModel

/// A small HTML tree. Text and attribute values are escaped in one place, ``HTML/render(prefix:suffix:)``.
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

    package func render() -> String { render(prefix: "", suffix: "") }

    /// `prefix`, the tree, then `suffix` (a page: its doctype line before, a newline after).
    package func render(prefix: String, suffix: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(contentsOf: prefix.utf8)
        write(into: &out)
        out.append(contentsOf: suffix.utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders into UTF-8 bytes, made a string once at the end: appending to a `String` piece by
    /// piece (its capacity, uniqueness and ASCII checks at every append) cost more than building
    /// the tree. Nesting is bounded by the Markdown parser's limit, so the recursion is too.
    private func write(into out: inout [UInt8]) {
        switch self {
        case .text(let s): Self.escapeText(s, into: &out)
        case .raw(let s): out.append(contentsOf: s.utf8)
        case .fragment(let children): for c in children { c.write(into: &out) }
        case .element(let name, let attributes, let children):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            for a in attributes {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: a.name.utf8)
                if let v = a.value {
                    out.append(UInt8(ascii: "="))
                    out.append(UInt8(ascii: "\""))
                    Self.escapeAttribute(v, into: &out)
                    out.append(UInt8(ascii: "\""))
                }
            }
            out.append(UInt8(ascii: ">"))
            guard !Self.isVoid(name) else { return }
            for c in children { c.write(into: &out) }
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ">"))
        }
    }

    static func escapeText(_ s: String, into out: inout [UInt8]) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { out.append(contentsOf: s.utf8); return }
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            default: out.append(b)
            }
        }
    }

    static func escapeAttribute(_ s: String, into out: inout [UInt8]) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { out.append(contentsOf: s.utf8); return }
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
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
