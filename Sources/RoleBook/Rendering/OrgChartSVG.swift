/// Draws a department's org chart as inline SVG: every box a link, vacant roles and dotted lines dashed.
struct OrgChartSVG {
    var context: PageContext

    /// The chart of department `d`: its roles under their superiors, plus the heads of sub-departments.
    func render(department d: Int) -> HTML {
        let g = context.graph
        let inside = Set(g.departmentRoles[d])
        let childHeads = g.departmentChildren[d].compactMap { g.departmentHead[$0] }
        let members = inside.union(childHeads)
        let roots = g.departmentTopRoles(d)
        guard !roots.isEmpty else { return .empty }
        let layout = OrgChartLayout(roots: roots) { r in
            // Sub-department heads appear as leaves linking to their department.
            inside.contains(r) ? g.subordinates[r].filter { members.contains($0) } : []
        }
        let W = OrgChartLayout.boxWidth, H = OrgChartLayout.boxHeight
        var parts: [HTML] = []
        for edge in layout.edges {
            let d = "M" + edge.points.map { "\(fmt($0.0)) \(fmt($0.1))" }.joined(separator: " L")
            parts.append(.element("path", [.init("class", "oc-edge"), .init("d", d)], []))
        }
        // Dotted-line relations between boxes on this chart.
        for box in layout.boxes {
            for target in g.dotted[box.node] {
                guard let t = layout.box(for: target) else { continue }
                let x1 = box.x + W / 2, y1 = box.y, x2 = t.x + W / 2, y2 = t.y + H
                let c = "M\(fmt(x1)) \(fmt(y1)) C\(fmt(x1)) \(fmt(y1 - 30)) \(fmt(x2)) \(fmt(y2 + 30)) \(fmt(x2)) \(fmt(y2))"
                parts.append(.element("path", [.init("class", "oc-dotted"), .init("d", c)], [
                    el("title", .text("\(g.roles[box.node].title) ⇢ \(g.roles[target].title)"))]))
            }
        }
        for box in layout.boxes {
            let role = g.roles[box.node]
            let isSubHead = !inside.contains(box.node)
            let href = isSubHead ? g.roleDepartment[box.node].map { context.href(.department($0)) } ?? context.href(.role(box.node)) : context.href(.role(box.node))
            var cls = "oc-box"
            if role.isVacant { cls += " is-vacant" }
            if isSubHead { cls += " is-subdept" }
            let subtitle: String
            if isSubHead, let sd = g.roleDepartment[box.node] { subtitle = g.departments[sd].short ?? g.departments[sd].title }
            else if role.isVacant { subtitle = context.strings["vacant"] }
            else { subtitle = context.strings["headcount"] + " " + context.strings.format("people", role.headcount) }
            parts.append(.element("a", [.init("href", href), .init("class", cls)], [
                el("title", .text(role.title)),
                .element("rect", [.init("x", fmt(box.x)), .init("y", fmt(box.y)), .init("width", fmt(W)), .init("height", fmt(H)), .init("rx", "8")], []),
                .element("text", [.init("x", fmt(box.x + W / 2)), .init("y", fmt(box.y + 25)), .init("class", "oc-title")], [.text(Self.fit(role.title, width: W - 16, size: 14))]),
                .element("text", [.init("x", fmt(box.x + W / 2)), .init("y", fmt(box.y + 45)), .init("class", "oc-sub")], [.text(Self.fit(subtitle, width: W - 16, size: 12))]),
            ]))
        }
        let svg = HTML.element("svg", [
            .init("xmlns", "http://www.w3.org/2000/svg"), .init("class", "orgchart"),
            .init("width", fmt(layout.width)), .init("height", fmt(layout.height)),
            .init("viewBox", "0 0 \(fmt(layout.width)) \(fmt(layout.height))"), .init("role", "img"),
            .init("aria-label", context.strings["orgChart"] + ": " + g.departments[d].title),
        ], parts)
        return el("div", ["class": "orgchart-scroll"], svg)
    }

    private func fmt(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format1(v))
    }

    private func format1(_ v: Double) -> String {
        let t = (v * 10).rounded() / 10
        return t == t.rounded() ? String(Int(t)) : String(t)
    }

    /// Shortens text to fit a box, estimating CJK glyphs at one em and Latin at half.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        func glyph(_ c: Character) -> Double { c.unicodeScalars.first!.value > 0x2E80 ? size : size * 0.56 }
        if text.reduce(0.0, { $0 + glyph($1) }) <= width { return text }
        var used = 0.0
        var out = ""
        for c in text {
            let w = glyph(c)
            if used + w > width - size { return out + "…" }
            used += w
            out.append(c)
        }
        return out
    }
}
