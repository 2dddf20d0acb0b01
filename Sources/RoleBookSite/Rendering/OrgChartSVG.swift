import RoleBookModel

/// Draws a department's org chart (``OrgChartModel``) as inline SVG: every box a link, vacant
/// roles dashed, and below it a key and the department's dotted-line relations. Wide charts also
/// get an indented outline, which phones show instead of a drawing they would have to scroll sideways.
struct OrgChartSVG {
    var context: PageContext

    /// Charts at least this wide (px) do not fit a phone even scaled down.
    static let outlineWidth = 560.0
    /// Wide charts shrink to fit the page down to this scale, then scroll.
    static let minimumScale = 0.75

    /// The chart drawn from its model alone; empty when it has no boxes.
    func render(_ chart: OrgChartModel) -> HTML {
        let s = context.strings
        guard !chart.roots.isEmpty else { return .empty }
        let layout = OrgChartLayout(roots: chart.roots) { chart.nodes[$0].children }
        let W = OrgChartLayout.boxWidth, H = OrgChartLayout.boxHeight
        var parts: [HTML] = []
        for edge in layout.edges {
            let d = "M" + edge.points.map { "\(fmt($0.0)) \(fmt($0.1))" }.joined(separator: " L")
            parts.append(.element("path", [.init("class", "oc-edge"), .init("d", d)], []))
        }

        // One dotted line to a box above in the same branch (a skip-level superior) would run
        // along the solid lines, so it is only listed below.
        for line in chart.dottedLines {
            guard let a = layout.box(for: line.from), let b = layout.box(for: line.to), !isAncestor(line.to, of: line.from, in: layout) else { continue }
            parts.append(.element("path", [.init("class", "oc-dotted"), .init("d", dottedPath(a, b))], [el("title", .text(line.title))]))
        }

        var hasVacant = false, hasSubHead = false
        for box in layout.boxes {
            let node = chart.nodes[box.node]
            hasVacant = hasVacant || node.role.vacant
            hasSubHead = hasSubHead || node.outside
            var cls = "oc-box"
            if node.role.vacant { cls += " is-vacant" }
            if node.outside { cls += " is-subdept" }
            if let extra = node.highlight { cls += " " + extra }
            let (lines, small) = Self.titleLines(node.role.title, width: W - 16)
            var texts: [HTML] = []
            let titleClass = small ? "oc-title is-small" : "oc-title"
            let baselines: [Double] = lines.count == 1 ? [25] : [20, 35]
            for (line, y) in zip(lines, baselines) {
                texts.append(.element("text", [.init("x", fmt(box.x + W / 2)), .init("y", fmt(box.y + y)), .init("class", titleClass)], [.text(line)]))
            }
            texts.append(.element("text", [.init("x", fmt(box.x + W / 2)), .init("y", fmt(box.y + (lines.count == 1 ? 45 : 50))), .init("class", "oc-sub")],
                                  [.text(Self.fit(subtitle(node), width: W - 16, size: 12))]))
            parts.append(.element("a", [.init("href", href(node, in: chart)), .init("class", cls)], [
                el("title", .text(node.role.title)),
                .element("rect", [.init("x", fmt(box.x)), .init("y", fmt(box.y)), .init("width", fmt(W)), .init("height", fmt(H)), .init("rx", "8")], []),
                .fragment(texts),
            ]))
        }
        let svg = HTML.element("svg", [
            .init("xmlns", "http://www.w3.org/2000/svg"), .init("class", "orgchart"),
            .init("width", fmt(layout.width)), .init("height", fmt(layout.height)),
            .init("viewBox", "0 0 \(fmt(layout.width)) \(fmt(layout.height))"),
            // Scales down to the page's width, but not below a readable size (then it scrolls).
            .init("style", "min-width:\(fmt((layout.width * Self.minimumScale).rounded()))px"),
            .init("role", "img"), .init("aria-label", s[.orgChart] + ": " + chart.title),
        ], parts)

        let hasDotted = !chart.dottedTable.isEmpty
        var key: [HTML] = [el("li", el("span", ["class": "oc-key oc-key-line", "aria-hidden": "true"]), .text(s[.legendReports]))]
        if hasDotted { key.append(el("li", el("span", ["class": "oc-key oc-key-dotted", "aria-hidden": "true"]), .text(s[.dottedLine]))) }
        if hasVacant { key.append(el("li", el("span", ["class": "oc-key oc-key-vacant", "aria-hidden": "true"]), .text(s[.vacant]))) }
        if hasSubHead { key.append(el("li", el("span", ["class": "oc-key oc-key-subdept", "aria-hidden": "true"]), .text(s[.legendSubdept]))) }
        var notes: [HTML] = [el("ul", ["class": "oc-legend"], children: key)]
        if hasDotted { notes.append(dottedTable(chart.dottedTable)) }

        let wide = layout.width >= Self.outlineWidth
        return el("div", ["class": wide ? "orgchart-figure is-wide" : "orgchart-figure"],
                  el("div", ["class": "orgchart-scroll"], svg),
                  wide ? outline(layout, chart) : .empty,
                  el("div", ["class": "orgchart-notes"], children: notes))
    }

    /// The dotted lines as a small table, one row per dotted-line superior with the roles that
    /// report to them that way: read at a glance, however many.
    private func dottedTable(_ rows: [OrgChartModel.DottedRow]) -> HTML {
        let s = context.strings
        return el("table", ["class": "oc-dotted-table"],
            el("caption", .text(s[.dottedLine])),
            el("thead", el("tr", el("th", ["scope": "col"], .text(s[.dottedSuperior])), el("th", ["scope": "col"], .text(s[.dottedReports])))),
            el("tbody", children: rows.map { row in
                el("tr", [:],
                    el("th", ["scope": "row"], context.link(row.superior)),
                    el("td", children: row.reports.enumerated().map { i, r in
                        // The separator sits outside the name so a line can break after it, never inside a title.
                        .fragment([i > 0 ? .text(s[.nameSeparator]) : .empty, el("span", ["class": "oc-pair"], context.link(r))])
                    }))
            }))
    }

    private func href(_ node: OrgChartModel.Node, in chart: OrgChartModel) -> String {
        if let boxLink = chart.boxLink { return boxLink }
        return context.href((node.subDepartment ?? node.role).url)
    }

    private func subtitle(_ node: OrgChartModel.Node) -> String {
        let s = context.strings
        if let sub = node.subDepartment { return sub.title }
        if node.role.vacant { return s[.vacant] }
        return s[.headcount] + " " + s.format(.people, node.headcount)
    }

    /// The same tree as an indented list (shown on narrow screens instead of a wide drawing).
    /// Flat items with a level class, walked iteratively: no nesting depth to worry about.
    private func outline(_ layout: OrgChartLayout, _ chart: OrgChartModel) -> HTML {
        var items: [HTML] = []
        var stack = layout.roots.reversed().map { ($0, 0) }
        while let (n, level) = stack.popLast() {
            let node = chart.nodes[n]
            // A sub-department head by name only (no vacancy badge), then the department it heads.
            let label: HTML = node.outside
                ? .fragment([el("a", ["href": context.href(node.role.url)], .text(node.role.title)), el("span", ["class": "muted"], .text(" · " + subtitle(node)))])
                : .fragment([context.link(node.role), node.role.vacant ? .empty : el("span", ["class": "muted"], .text(" · " + subtitle(node)))])
            items.append(el("li", ["class": "oc-level-\(min(level, 6))"], label))
            stack += (layout.children[n] ?? []).reversed().map { ($0, level + 1) }
        }
        return el("ul", ["class": "orgchart-outline"], children: items)
    }

    /// Whether `ancestor` is above `node` on the chart's solid lines.
    private func isAncestor(_ ancestor: Int, of node: Int, in layout: OrgChartLayout) -> Bool {
        var current = node, steps = 0
        while let p = layout.parent(of: current), steps <= layout.boxes.count {
            if p == ancestor { return true }
            current = p
            steps += 1
        }
        return false
    }

    /// A curve between the facing sides of two boxes: top/bottom when one is above the other, else left/right.
    private func dottedPath(_ a: OrgChartLayout.Box, _ b: OrgChartLayout.Box) -> String {
        let W = OrgChartLayout.boxWidth, H = OrgChartLayout.boxHeight
        let x1, y1, x2, y2, c1x, c1y, c2x, c2y: Double
        if b.y + H <= a.y || a.y + H <= b.y {
            let up = b.y < a.y
            x1 = a.x + W / 2; y1 = up ? a.y : a.y + H
            x2 = b.x + W / 2; y2 = up ? b.y + H : b.y
            let bend = min(40, abs(y2 - y1) / 2)
            c1x = x1; c1y = up ? y1 - bend : y1 + bend
            c2x = x2; c2y = up ? y2 + bend : y2 - bend
        } else {
            let right = b.x > a.x
            x1 = right ? a.x + W : a.x; y1 = a.y + H / 2
            x2 = right ? b.x : b.x + W; y2 = b.y + H / 2
            let bend = min(40, abs(x2 - x1) / 2)
            c1x = right ? x1 + bend : x1 - bend; c1y = y1
            c2x = right ? x2 - bend : x2 + bend; c2y = y2
        }
        return "M\(fmt(x1)) \(fmt(y1)) C\(fmt(c1x)) \(fmt(c1y)) \(fmt(c2x)) \(fmt(c2y)) \(fmt(x2)) \(fmt(y2))"
    }

    private func fmt(_ v: Double) -> String {
        let t = (v * 10).rounded() / 10
        return t == t.rounded() ? String(Int(t)) : String(t)
    }

    /// Estimated advance of a character: CJK and full-width forms one em, Latin about half.
    static func glyph(_ c: Character, size: Double) -> Double { c.unicodeScalars.first!.value > 0x2E80 ? size : size * 0.56 }

    static func textWidth(_ text: String, size: Double) -> Double { text.reduce(0.0) { $0 + glyph($1, size: size) } }

    /// Shortens text to fit a box, ending it with "…".
    static func fit(_ text: String, width: Double, size: Double) -> String {
        if textWidth(text, size: size) <= width { return text }
        var used = 0.0
        var out = ""
        for c in text {
            let w = glyph(c, size: size)
            if used + w > width - size { return out + "…" }
            used += w
            out.append(c)
        }
        return out
    }

    /// The title on one line at full size, one line slightly smaller, or two smaller lines
    /// (broken after punctuation or a space when one is near), so long titles stay whole.
    static func titleLines(_ title: String, width: Double) -> (lines: [String], small: Bool) {
        let full = 14.0, small = 12.5
        if textWidth(title, size: full) <= width { return ([title], false) }
        if textWidth(title, size: small) <= width { return ([title], true) }
        let chars = Array(title)
        var used = 0.0, fits = 0
        while fits < chars.count, used + glyph(chars[fits], size: small) <= width {
            used += glyph(chars[fits], size: small)
            fits += 1
        }
        // Prefer a break in the last 40% of the first line: after 、，/ · and spaces, before an opening bracket.
        var cut = fits
        for i in stride(from: fits, to: max(1, fits * 3 / 5), by: -1) {
            let before = chars[i - 1], after = i < chars.count ? chars[i] : " "
            if "、，,/·・ ".contains(before) || "（(《".contains(after) { cut = i; break }
        }
        let first = String(chars[..<cut]).trimmingSpaces
        let rest = String(chars[cut...]).trimmingSpaces
        return ([first, fit(rest, width: width, size: small)], true)
    }
}
