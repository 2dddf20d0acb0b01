import CCMark
import RoleBookModel

/// Parses CommonMark with cmark and copies the tree into ``Block`` values.
///
/// The only file that imports cmark: every node is copied during one `cmark_iter` walk
/// and the whole cmark tree is freed before returning.
package enum MarkdownParser {
    /// Deepest nesting of containers kept (lists, items, quotes, emphasis, links); deeper ones are
    /// flattened into the container at this depth. Every later walk over ``Block`` and ``Inline``
    /// (renderers, search text, mentions, hashing, even freeing the values) recurses, so this cap
    /// is what keeps a file of 10,000 nested `>` or `*` from overflowing the stack. Thirty levels
    /// of nested lists still fit.
    package static let maxNesting = 64

    /// Parses `text`; `lineOffset` is added to every line so positions refer to the whole file.
    package static func parse(_ text: String, lineOffset: Int = 0) -> [Block] {
        var source = text
        var flattened: (line: Int, column: Int)?
        return source.withUTF8 { parse(utf8: $0, lineOffset: lineOffset, flattened: &flattened) }
    }

    /// The same on UTF-8 bytes, so a file's body is parsed where it lies in the file.
    /// - Parameter flattened: set to the position of the first container nested deeper than
    ///   ``maxNesting`` (its content is kept, its structure flattened).
    static func parse(utf8 buffer: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0, flattened: inout (line: Int, column: Int)?) -> [Block] {
        // An empty document has no blocks.
        guard !buffer.isEmpty, let base = buffer.baseAddress else { return [] }
        let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        // CMARK_OPT_DEFAULT: raw HTML and unsafe links are never rendered by us anyway;
        // we keep their text to report them (RB212).
        guard let root = cmark_parse_document(raw, buffer.count, CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(root) }
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        return walk(iter, lineOffset: lineOffset, flattened: &flattened)
    }

    /// A container under construction; children are appended as the walk leaves them.
    private struct Frame {
        var type: cmark_node_type
        var line: Int
        var column: Int
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [ListItem] = []
        var level = 0
        var ordered = false
        var start = 1
        var url = ""
        var title = ""
    }

    /// Containers that may be flattened: their content can move into the enclosing container.
    /// Paragraphs and headings cannot (they make the blocks), nor an item right under its list.
    private static func isFlattenable(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE: true
        default: false
        }
    }

    private static func walk(_ iter: OpaquePointer, lineOffset: Int, flattened: inout (line: Int, column: Int)?) -> [Block] {
        var stack: [Frame] = []
        var result: [Block] = []
        // Containers entered but not pushed (too deep); their EXIT events are skipped likewise.
        var skipped = 0
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            // 0 means unknown (inline nodes): inherit the enclosing block's position
            // (read in place: `stack.last?.line` copied the whole frame).
            let fileLine = line > 0 ? line + lineOffset : (stack.isEmpty ? lineOffset + 1 : stack[stack.count - 1].line)
            let fileColumn = column > 0 ? column : (stack.isEmpty ? 1 : stack[stack.count - 1].column)

            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT:
                    appendInline(.text(literal(node)), to: &stack)
                case CMARK_NODE_CODE:
                    appendInline(.code(literal(node)), to: &stack)
                case CMARK_NODE_HTML_INLINE:
                    appendInline(.html(literal(node)), to: &stack)
                case CMARK_NODE_SOFTBREAK:
                    appendInline(.softBreak, to: &stack)
                case CMARK_NODE_LINEBREAK:
                    appendInline(.lineBreak, to: &stack)
                case CMARK_NODE_CODE_BLOCK:
                    let info = string(cmark_node_get_fence_info(node))
                    stack[stack.count - 1].blocks.append(Block(.code(info: info, literal: literal(node)), line: fileLine, column: fileColumn))
                case CMARK_NODE_HTML_BLOCK:
                    stack[stack.count - 1].blocks.append(Block(.html(literal(node)), line: fileLine, column: fileColumn))
                case CMARK_NODE_THEMATIC_BREAK:
                    stack[stack.count - 1].blocks.append(Block(.thematicBreak, line: fileLine, column: fileColumn))
                default:
                    if stack.count >= maxNesting, isFlattenable(type),
                       !(type == CMARK_NODE_ITEM && stack[stack.count - 1].type == CMARK_NODE_LIST) {
                        skipped += 1
                        if flattened == nil { flattened = (fileLine, fileColumn) }
                        continue
                    }
                    // Filled in place on the stack: building it aside copied (and retained) every field.
                    stack.append(Frame(type: type, line: fileLine, column: fileColumn))
                    let top = stack.count - 1
                    switch type {
                    case CMARK_NODE_HEADING:
                        stack[top].level = Int(cmark_node_get_heading_level(node))
                    case CMARK_NODE_LIST:
                        stack[top].ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                        stack[top].start = Int(cmark_node_get_list_start(node))
                    case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                        stack[top].url = string(cmark_node_get_url(node))
                        stack[top].title = string(cmark_node_get_title(node))
                    default: break
                    }
                }
                continue
            }

            // EXIT of a container: assemble it and hand it to its parent.
            // While any skipped container is open the stack is at its cap, so every flattenable
            // container opened since was skipped too: this EXIT is the innermost skipped one's.
            if skipped > 0, isFlattenable(type) {
                skipped -= 1
                continue
            }
            guard let frame = stack.popLast() else { continue }
            switch frame.type {
            case CMARK_NODE_DOCUMENT:
                result = frame.blocks
            case CMARK_NODE_PARAGRAPH:
                let block = PipeTable.parse(frame.inlines, line: frame.line, column: frame.column)
                    ?? Block(.paragraph(frame.inlines), line: frame.line, column: frame.column)
                stack[stack.count - 1].blocks.append(block)
            case CMARK_NODE_HEADING:
                stack[stack.count - 1].blocks.append(Block(.heading(level: frame.level, frame.inlines), line: frame.line, column: frame.column))
            case CMARK_NODE_BLOCK_QUOTE:
                stack[stack.count - 1].blocks.append(Block(.blockQuote(frame.blocks), line: frame.line, column: frame.column))
            case CMARK_NODE_LIST:
                // Items were appended one by one: keep them without the spare capacity (MBs over 10,000 files).
                let items = frame.items.capacity > frame.items.count ? Array(unsafeUninitializedCapacity: frame.items.count) { buffer, count in
                    count = buffer.initialize(fromContentsOf: frame.items)
                } : frame.items
                stack[stack.count - 1].blocks.append(Block(.list(ordered: frame.ordered, start: frame.start, items: items), line: frame.line, column: frame.column))
            case CMARK_NODE_ITEM:
                stack[stack.count - 1].items.append(ListItem(blocks: frame.blocks, line: frame.line, column: frame.column))
            case CMARK_NODE_EMPH:
                appendInline(.emphasis(frame.inlines), to: &stack)
            case CMARK_NODE_STRONG:
                appendInline(.strong(frame.inlines), to: &stack)
            case CMARK_NODE_LINK:
                appendInline(.link(destination: frame.url, title: frame.title, children: frame.inlines), to: &stack)
            case CMARK_NODE_IMAGE:
                appendInline(.image(source: frame.url, title: frame.title, alt: frame.inlines), to: &stack)
            default:
                // Custom blocks/inlines are not produced by the parser; keep their content.
                if !stack.isEmpty {
                    stack[stack.count - 1].blocks += frame.blocks
                    stack[stack.count - 1].inlines += frame.inlines
                }
            }
        }
        return result
    }

    /// Appends to the innermost frame, merging adjacent text (cmark splits text at `[`, `!` …).
    private static func appendInline(_ inline: Inline, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        if case .text(let new) = inline, case .text(let old)? = stack[top].inlines.last {
            stack[top].inlines[stack[top].inlines.count - 1] = .text(old + new)
        } else {
            stack[top].inlines.append(inline)
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
