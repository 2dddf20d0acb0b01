import RoleBookModel
/// Plain words for the two YAML mistakes hand-written front matter makes most, at the character
/// that causes them, before Yams reads the text.
///
/// Yams says "found character that cannot start any token" for a tab, and for `title：…` (a
/// full-width colon, typed with a Chinese input method) "could not find expected ':'" one line
/// later, at the closing `---`, or nothing at all when the line folds into the value above it.
enum FrontMatterHints {
    /// - Throws: ``FrontMatterError`` at the first tab in a line's indentation, or the first
    ///   full-width colon right after a key.
    static func check(_ yaml: String, file: String, firstLine: Int) throws(FrontMatterError) {
        var text = yaml
        let found: FrontMatterError? = text.withUTF8 { bytes in problem(in: bytes, file: file, firstLine: firstLine) }
        if let found { throw found }
    }

    /// ``check(_:file:firstLine:)`` over the front matter's bytes, returning the error.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int) -> FrontMatterError? {
        // Most front matter has neither a tab nor U+FF1A (EF BC 9A): one pass over the bytes.
        guard bytes.contains(where: { $0 == 0x09 || $0 == 0xEF }) else { return nil }
        var line = firstLine
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let text = bytes[lineStart..<lineEnd]
            if let column = tabInIndentation(text) {
                return FrontMatterError(.tabIndent, location: SourceLocation(file: file, line: line, column: column))
            }
            if let (key, column) = fullWidthColonAfterKey(text) {
                return FrontMatterError(.fullWidthColon(key: key), location: SourceLocation(file: file, line: line, column: column),
                                       notes: [Diagnostic.Note(.useHalfWidthColon(key: key))])
            }
            line += 1
            lineStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
        }
        return nil
    }

    /// The 1-based column of a tab among the spaces and `- ` markers that start `line`.
    static func tabInIndentation(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        for (offset, byte) in line.enumerated() {
            switch byte {
            case 0x09: return offset + 1
            case UInt8(ascii: " "), UInt8(ascii: "-"): continue
            default: return nil
            }
        }
        return nil
    }

    /// `key：` (optionally after `- ` and spaces) where the key is a plain name: the key and the
    /// 1-based byte column of the colon. A value that contains `：` (`summary: 负责：…`) has a `:`
    /// before it and is not matched.
    static func fullWidthColonAfterKey(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> (String, Int)? {
        var i = line.startIndex
        while i < line.endIndex, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "-") { i = line.index(after: i) }
        let keyStart = i
        while i < line.endIndex, isKeyByte(line[i]) { i = line.index(after: i) }
        guard i > keyStart else { return nil }
        let keyEnd = i
        while i < line.endIndex, line[i] == UInt8(ascii: " ") { i = line.index(after: i) }
        let colon: [UInt8] = [0xEF, 0xBC, 0x9A]
        guard line[i...].starts(with: colon) else { return nil }
        return (String(decoding: line[keyStart..<keyEnd], as: UTF8.self), line.distance(from: line.startIndex, to: i) + 1)
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
