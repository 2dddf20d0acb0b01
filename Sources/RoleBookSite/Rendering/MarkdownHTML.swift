import RoleBookModel
import RoleBookParsing

/// Renders the Markdown AST to HTML safely: raw HTML dropped, only safe link schemes,
/// links to `.md` content rewritten to the generated pages, every string escaped.
struct MarkdownHTML {
    var context: PageContext
    /// Ids of sub-headings by source line, unique on the page (``HeadingIDs``); others get a plain slug.
    var headingIDs: [Int: String] = [:]
    /// The document's content links, resolved by the page model; without them links are resolved
    /// against the site map (pages that have no model yet).
    var links: ResolvedLinks? = nil

    func render(_ blocks: [Block]) -> HTML { .fragment(blocks.map(render)) }

    func render(_ block: Block) -> HTML {
        switch block.kind {
        case .paragraph(let inlines): return el("p", children: render(inlines))
        case .heading(let level, let inlines):
            // `##` opens sections (rendered by the page); deeper headings shift down one level under the page's h2.
            let tag = "h\(min(6, max(3, level + 1)))"
            return .element(tag, [HTML.Attribute("id", headingIDs[block.line] ?? Slug.make(inlines.plainText))], render(inlines))
        case .list(let ordered, let start, let items, let style):
            var attributes: [HTML.Attribute] = []
            if ordered && start != 1 { attributes.append(HTML.Attribute("start", String(start))) }
            if let classes = Self.classes(for: style) { attributes.append(HTML.Attribute("class", classes)) }
            return .element(ordered ? "ol" : "ul", attributes, items.map(render))
        case .blockQuote(let blocks): return el("blockquote", children: blocks.map(render))
        case .code(_, let literal): return el("pre", el("code", .text(literal)))
        case .html: return .empty
        case .thematicBreak: return el("hr")
        case .table(let header, let rows):
            return el("div", ["class": "table-scroll"], el("table", [:],
                el("thead", el("tr", children: header.map { el("th", children: render($0)) })),
                el("tbody", children: rows.map { row in el("tr", children: row.map { el("td", children: render($0)) }) })))
        }
    }

    /// The classes that make site.css show a list's markers as the document wrote them
    /// (`enum enum-cn enum-p-dun` for `一、`); nil for Markdown lists.
    static func classes(for style: ListStyle) -> String? {
        guard case .enumerated(let family, let punctuation) = style else { return nil }
        let numerals: String
        switch family {
        case .chineseNumeral, .parenChineseNumeral: numerals = "cn"
        case .arabic, .parenArabic: numerals = "ar"
        case .circled: numerals = "circled"
        case .latinLower: numerals = "lower"
        case .latinUpper: numerals = "upper"
        case .article: numerals = "article"
        }
        let marks: String
        switch punctuation {
        case .ideographicComma: marks = "dun"
        case .fullStop: marks = "dot"
        case .fullWidthFullStop: marks = "fdot"
        case .closingParen: marks = "close"
        case .fullWidthClosingParen: marks = "fclose"
        case .parens: marks = "paren"
        case .fullWidthParens: marks = "fparen"
        case .bare: marks = family == .article ? "article" : "bare"
        }
        return "enum enum-\(numerals) enum-p-\(marks)"
    }

    /// Tight list items hold one paragraph: render its inlines without a `<p>`.
    func render(_ item: ListItem) -> HTML {
        var children: [HTML] = []
        for (i, block) in item.blocks.enumerated() {
            if i == 0, case .paragraph(let inlines) = block.kind { children += render(inlines) } else { children.append(render(block)) }
        }
        return el("li", children: children)
    }

    func render(_ inlines: [Inline]) -> [HTML] { inlines.map(render) }

    func render(_ inline: Inline) -> HTML {
        switch inline {
        case .text(let s): return .text(s)
        case .code(let s): return el("code", .text(s))
        case .emphasis(let c): return el("em", children: render(c))
        case .strong(let c): return el("strong", children: render(c))
        case .softBreak: return .text(" ")
        case .lineBreak: return el("br")
        case .html: return .empty
        case .image(_, _, let alt):
            // No external requests: images are shown by their alt text.
            return el("span", ["class": "image-alt"], children: render(alt))
        case .link(let destination, let title, let children):
            guard let href = rewrite(destination) else { return .fragment(render(children)) }
            var attributes = [HTML.Attribute("href", href)]
            if !title.isEmpty { attributes.append(HTML.Attribute("title", title)) }
            if href.hasPrefix("http") { attributes.append(HTML.Attribute("rel", "noopener")) }
            return .element("a", attributes, render(children))
        }
    }

    /// The href to emit, or nil to drop the link (unsafe scheme, or a content file that is not a page).
    func rewrite(_ destination: String) -> String? {
        let d = destination.trimmingSpaces
        if d.isEmpty { return nil }
        if let colon = d.firstIndex(of: ":"), !d[..<colon].contains("/") {
            let scheme = d[..<colon].lowercased()
            return ["http", "https", "mailto", "tel"].contains(scheme) ? d : nil
        }
        if d.hasPrefix("#") { return d }
        if let contentPath = context.contentPath, let target = LinkResolver.contentTarget(d, from: contentPath) {
            let href = links.map { $0.href(d) ?? nil } ?? ResolvedLinks.resolve(d, target: target, in: context.site)
            return href.map { context.root + $0 }
        }
        // Only plain relative paths stay (assets next to the site): `//host`, `/\host` and `\\host`
        // lead to other hosts (browsers read `\` as `/`), `/path` leaves the site, and control
        // characters are stripped by browsers before they read the URL.
        if d.hasPrefix("/") || d.contains("\\") || d.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        return d
    }
}
