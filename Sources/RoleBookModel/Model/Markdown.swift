/// An immutable Markdown tree copied out of cmark, so no `cmark_node*` outlives the parser.
public enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, children: [Inline])
    case image(source: String, title: String, alt: [Inline])
    case softBreak
    case lineBreak
    /// Raw inline HTML: never rendered as markup (cmark's safe mode drops it too).
    case html(String)
}

public struct Block: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        /// `style` says which markers to show: Markdown's own, or the enumerators a document wrote.
        case list(ordered: Bool, start: Int, items: [ListItem], style: ListStyle = .markdown)
        case blockQuote([Block])
        case code(info: String, literal: String)
        case html(String)
        case thematicBreak
        /// A pipe table found inside a paragraph (cmark itself has no tables).
        case table(header: [[Inline]], rows: [[[Inline]]])
    }

    public let kind: Kind
    /// Line in the content file (front matter included), 1-based.
    public let line: Int
    public let column: Int

    package init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// How a list shows its markers.
public enum ListStyle: Hashable, Sendable {
    /// A Markdown list (`1. ` `- `): the site's numbers and bullets.
    case markdown
    /// Items found by their Chinese enumerators (`1、` `（一）` `①` …): shown with the same markers,
    /// so a page numbers its duties as the document did.
    case enumerated(EnumerationMarker.Family, MarkerPunctuation)
}

/// The punctuation around an enumerator's number, as written.
public enum MarkerPunctuation: String, Hashable, Sendable, CaseIterable {
    case ideographicComma      // 1、 一、 a、
    case fullStop              // 1. a.
    case fullWidthFullStop     // 1． 一．
    case closingParen          // 1) a)
    case fullWidthClosingParen // 1） a）
    case parens                // (1) (一) ⑴
    case fullWidthParens       // （1） （一）
    case bare                  // ① 第一条
}

public struct ListItem: Hashable, Sendable {
    public package(set) var blocks: [Block]
    public let line: Int
    public let column: Int

    package init(blocks: [Block], line: Int, column: Int) {
        self.blocks = blocks
        self.line = line
        self.column = column
    }
}

extension Array where Element == Inline {
    /// The visible text, links and emphasis flattened, breaks as spaces.
    package var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c): c.appendPlainText(to: &out)
            case .link(_, _, let c): c.appendPlainText(to: &out)
            case .image(_, _, let alt): alt.appendPlainText(to: &out)
            case .softBreak, .lineBreak: out += " "
            case .html: break
            }
        }
    }
}

extension Block {
    /// Plain text of a block and its descendants, for search and summaries.
    public var plainText: String {
        switch kind {
        case .paragraph(let i), .heading(_, let i): i.plainText
        case .list(_, _, let items, _): items.map { $0.blocks.map(\.plainText).joined(separator: " ") }.joined(separator: " ")
        case .blockQuote(let b): b.map(\.plainText).joined(separator: " ")
        case .code(_, let s): s
        case .html: ""
        case .thematicBreak: ""
        case .table(let h, let rows): (h + rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
        }
    }
}
