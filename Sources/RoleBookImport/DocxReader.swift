import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a Word `.docx` into lines: paragraphs in order (Word's automatic numbering written
/// out, since the number is not in the text), line breaks as new lines, and tables row by row,
/// cell by cell, so a form's label cell and value cell read as a label line and its value.
/// Horizontally merged cells (`gridSpan`) are one cell; a vertically merged cell (`vMerge`) is
/// read once, in its first row.
package enum DocxReader {
    package enum Failure: Error, CustomStringConvertible {
        case notZip, noDocument, badXML(String)

        package var description: String {
            switch self {
            case .notZip: "not a ZIP archive"
            case .noDocument: "no word/document.xml in the archive"
            case .badXML(let why): "word/document.xml is not well-formed XML (\(why))"
            }
        }
    }

    package static func lines(_ data: Data) throws -> [SourceLine] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw Failure.notZip }
        func entry(_ path: String) -> Data? {
            guard let e = archive[path] else { return nil }
            var out = Data()
            do { _ = try archive.extract(e, skipCRC32: false) { out.append($0) } } catch { return nil }
            return out
        }
        guard let document = entry("word/document.xml") else { throw Failure.noDocument }
        let numbering = entry("word/numbering.xml").map(NumberingDefinitions.parse) ?? NumberingDefinitions()
        let reader = DocumentXML(numbering: numbering)
        let parser = XMLParser(data: document)
        parser.delegate = reader
        guard parser.parse() else { throw Failure.badXML(parser.parserError.map { "\($0)" } ?? "unknown error") }
        return reader.lines.enumerated().map { SourceLine($0.element, line: $0.offset + 1) }
    }
}

/// Levels of Word's numbering definitions: format, text pattern and start value per level.
struct NumberingDefinitions {
    struct Level { var format = "decimal"; var text = "%1."; var start = 1 }
    /// abstractNumId → ilvl → level.
    var abstract: [String: [Int: Level]] = [:]
    /// numId → abstractNumId.
    var nums: [String: String] = [:]

    static func parse(_ data: Data) -> NumberingDefinitions {
        let reader = NumberingXML()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.definitions
    }

    func level(numId: String, ilvl: Int) -> Level {
        nums[numId].flatMap { abstract[$0]?[ilvl] } ?? Level(text: "%\(ilvl + 1).")
    }

    /// The marker for the current counters, e.g. `2、` or `（三）`.
    func marker(numId: String, ilvl: Int, counters: [Int]) -> String {
        let lvl = level(numId: numId, ilvl: ilvl)
        if lvl.format == "bullet" || lvl.format == "none" { return lvl.format == "bullet" ? "• " : "" }
        var text = lvl.text
        for k in 0...ilvl where k < counters.count {
            let format = level(numId: numId, ilvl: k).format
            text = text.replacingOccurrences(of: "%\(k + 1)", with: Self.format(counters[k], as: format))
        }
        return text
    }

    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) : "\(n)"
        case "lowerLetter": return (1...26).contains(n) ? String(Character(Unicode.Scalar(0x60 + UInt32(n))!)) : "\(n)"
        case "upperLetter": return (1...26).contains(n) ? String(Character(Unicode.Scalar(0x40 + UInt32(n))!)) : "\(n)"
        case "lowerRoman", "upperRoman":
            let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
            let r = (1...12).contains(n) ? romans[n - 1] : "\(n)"
            return format == "upperRoman" ? r.uppercased() : r
        default: return "\(n)"
        }
    }

    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 100 else { return "\(n)" }
        if n < 10 { return String(digits[n]) }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }
}

private final class NumberingXML: NSObject, XMLParserDelegate {
    var definitions = NumberingDefinitions()
    private var abstractId: String?
    private var ilvl: Int?
    private var numId: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let val = attributes["w:val"]
        switch name {
        case "w:abstractNum": abstractId = attributes["w:abstractNumId"]
        case "w:lvl": ilvl = attributes["w:ilvl"].flatMap(Int.init)
            if let a = abstractId, let l = ilvl { definitions.abstract[a, default: [:]][l] = .init() }
        case "w:numFmt": set { $0.format = val ?? "decimal" }
        case "w:lvlText": set { $0.text = val ?? "" }
        case "w:start": set { $0.start = val.flatMap(Int.init) ?? 1 }
        case "w:num": numId = attributes["w:numId"]
        case "w:abstractNumId": if let n = numId, let v = val { definitions.nums[n] = v }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:abstractNum": abstractId = nil
        case "w:lvl": ilvl = nil
        case "w:num": numId = nil
        default: break
        }
    }

    private func set(_ change: (inout NumberingDefinitions.Level) -> Void) {
        guard let a = abstractId, let l = ilvl else { return }
        change(&definitions.abstract[a, default: [:]][l, default: .init()])
    }
}

/// Walks `word/document.xml` once. Tables nest (a table in a cell), so the open cells are a stack.
private final class DocumentXML: NSObject, XMLParserDelegate {
    let numbering: NumberingDefinitions
    var lines: [String] = []
    private var paragraph = ""
    private var inText = false
    private var numId: String?
    private var ilvl = 0
    /// numId → counters per level.
    private var counters: [String: [Int]] = [:]
    /// Per open cell: its lines, and whether it continues a vertical merge (read in its first row only).
    private var cells: [(lines: [String], continued: Bool)] = []

    init(numbering: NumberingDefinitions) { self.numbering = numbering }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p": paragraph = ""; numId = nil; ilvl = 0
        case "w:t": inText = true
        case "w:tab": paragraph += " "
        case "w:br", "w:cr": paragraph += "\n"
        case "w:numId": numId = attributes["w:val"]
        case "w:ilvl": ilvl = attributes["w:val"].flatMap(Int.init) ?? 0
        case "w:tc": cells.append(([], false))
        case "w:vMerge":
            // `<w:vMerge/>` without val="restart" continues the cell above.
            if attributes["w:val"] != "restart", !cells.isEmpty { cells[cells.count - 1].continued = true }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { paragraph += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:p": endParagraph()
        case "w:tc":
            guard let cell = cells.popLast() else { return }
            if !cell.continued { emit(cell.lines) }
        default: break
        }
    }

    private func endParagraph() {
        var text = paragraph
        if let id = numId, id != "0" {
            var c = counters[id] ?? []
            while c.count <= ilvl { c.append(numbering.level(numId: id, ilvl: c.count).start - 1) }
            c[ilvl] += 1
            // Deeper levels restart under a new item.
            c = Array(c.prefix(ilvl + 1))
            counters[id] = c
            text = numbering.marker(numId: id, ilvl: ilvl, counters: c) + text
        }
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        emit(pieces)
    }

    private func emit(_ pieces: [String]) {
        let kept = pieces.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if cells.isEmpty { lines += kept } else { cells[cells.count - 1].lines += kept }
    }
}
