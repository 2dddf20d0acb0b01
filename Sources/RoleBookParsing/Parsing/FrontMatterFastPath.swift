import RoleBookModel

/// Reads the small YAML subset that front matter is written in, without Yams.
///
/// Composing every file's front matter with Yams was an eighth of `check`'s work, although
/// nearly all of it is `key: value` lines. This reader understands only:
///
/// * top-level `key: value` lines, keys of ASCII letters, digits, `_` and `-`, each key once;
/// * plain scalars (no `: ` or ` #` inside, no leading indicator), and single- or double-quoted
///   scalars without escapes, on one line;
/// * flow lists of such scalars on one line (`[a, "b"]`, `[]`);
/// * block lists of such scalars under an empty `key:`, indented or not;
/// * blank lines and whole-line comments;
/// * `key:` with nothing after it (null).
///
/// For anything else it returns nil and the caller asks Yams, so values, locations and every error
/// message stay exactly Yams'. It returns the same values ``FrontMatter/parseWithYams(_:file:firstLine:)``
/// would, locations included; `FrontMatterFastPathTests` compares the two on generated inputs.
enum FrontMatterFastPath {
    /// - Parameter yaml: valid UTF-8 (it comes from a `String`).
    static func parse(_ yaml: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int) -> YAMLValue? {
        var reader = Reader(bytes: yaml, file: file, firstLine: firstLine)
        return reader.document()
    }

    static func parse(_ yaml: String, file: String, firstLine: Int) -> YAMLValue? {
        var yaml = yaml
        return yaml.withUTF8 { parse($0, file: file, firstLine: firstLine) }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let firstLine: Int
        /// Start of the current line, and its 0-based number within the YAML.
        var lineStart = 0
        var line = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int) {
            self.bytes = bytes
            self.file = file
            self.firstLine = firstLine
        }

        // Bytes that matter to the reader.
        static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#")
        static let dash = UInt8(ascii: "-"), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
        static let backslash = UInt8(ascii: "\\"), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]"), comma = UInt8(ascii: ",")

        /// Longest key accepted: libyaml rejects implicit keys longer than 1024 characters.
        static let maxKeyLength = 1000

        mutating func document() -> YAMLValue? {
            guard Self.onlyPlainCharacters(bytes), bytes.isEmpty || bytes.last == Self.newline else { return nil }
            var entries: [YAMLEntry] = []
            while lineStart < bytes.count {
                let end = lineEnd(lineStart)
                let indent = spaces(from: lineStart, to: end)
                if indent == end || bytes[indent] == Self.hash {
                    nextLine(after: end)
                    continue
                }
                guard indent == lineStart, let entry = entry(end) else { return nil }
                // libyaml reports duplicate keys; leave them to Yams and its message.
                guard !entries.contains(where: { $0.key.value == entry.key.value }) else { return nil }
                entries.append(entry)
            }
            return entries.isEmpty ? .null : .mapping(entries)
        }

        /// One `key: value` line, with the block list under it; leaves the reader on the next line.
        private mutating func entry(_ end: Int) -> YAMLEntry? {
            var i = lineStart
            while i < end, Self.isKeyByte(bytes[i], first: i == lineStart) { i += 1 }
            guard i > lineStart, i < end, bytes[i] == Self.colon, i - lineStart <= Self.maxKeyLength else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), as: UTF8.self)
            // A plain `null` key is YAML null; FrontMatter turns that into an empty key. Yams decides.
            guard !Self.isNullWord(key) else { return nil }
            let keyLocated = Located(key, at: location(lineStart))
            i += 1
            let valueStart = spaces(from: i, to: end)
            if valueStart < end {
                guard valueStart > i, let value = scalarOrFlowList(from: valueStart, to: end) else { return nil }
                nextLine(after: end)
                return YAMLEntry(key: keyLocated, value: value)
            }
            // libyaml puts an empty value right after the colon.
            let empty = Located<YAMLValue>(.null, at: location(i))
            nextLine(after: end)
            guard let value = emptyValueOrBlockList(empty) else { return nil }
            return YAMLEntry(key: keyLocated, value: value)
        }

        /// After `key:` with nothing on its line: a block list of scalars, or else `empty`.
        private mutating func emptyValueOrBlockList(_ empty: Located<YAMLValue>) -> Located<YAMLValue>? {
            skipBlankAndCommentLines()
            guard lineStart < bytes.count else { return empty }
            let end = lineEnd(lineStart)
            let indent = spaces(from: lineStart, to: end) - lineStart
            guard bytes[lineStart + indent] == Self.dash else {
                // The next key, or something indented that is not ours.
                return indent == 0 ? empty : nil
            }
            let listLocation = location(lineStart + indent)
            var items: [Located<YAMLValue>] = []
            while lineStart < bytes.count {
                let end = lineEnd(lineStart)
                let dash = lineStart + indent
                guard spaces(from: lineStart, to: end) == dash, bytes[dash] == Self.dash else {
                    // Only the next top-level line may end the list.
                    guard bytes[lineStart] != Self.space else { return nil }
                    break
                }
                // `- value`; a bare `-` (a null item) and nested lists are left to Yams.
                guard dash + 1 < end, bytes[dash + 1] == Self.space else { return nil }
                let valueStart = spaces(from: dash + 1, to: end)
                guard valueStart < end, bytes[valueStart] != Self.openBracket,
                      let item = scalarOrFlowList(from: valueStart, to: end) else { return nil }
                items.append(item)
                nextLine(after: end)
                skipBlankAndCommentLines()
            }
            return Located(.sequence(items), at: listLocation)
        }

        /// A plain or quoted scalar, or a one-line flow list, filling the rest of the line.
        private func scalarOrFlowList(from start: Int, to end: Int) -> Located<YAMLValue>? {
            var last = end
            while last > start, bytes[last - 1] == Self.space { last -= 1 }
            let at = location(start)
            switch bytes[start] {
            case Self.doubleQuote, Self.singleQuote:
                guard let (value, after) = quoted(from: start, to: last), after == last else { return nil }
                return Located(.scalar(value), at: at)
            case Self.openBracket:
                guard let items = flowList(from: start, to: last) else { return nil }
                return Located(.sequence(items), at: at)
            default:
                guard !Self.isIndicator(bytes[start]) else { return nil }
                // A plain scalar ends at `: ` or ` #`: then it is not the whole value.
                var i = start
                while i < last {
                    let b = bytes[i]
                    if b == Self.colon, i + 1 == last || bytes[i + 1] == Self.space { return nil }
                    if b == Self.hash, bytes[i - 1] == Self.space { return nil }
                    i += 1
                }
                return plain(from: start, to: last)
            }
        }

        /// `[a, "b", 'c']` up to `last` (exclusive), which must be right after the `]`.
        private func flowList(from start: Int, to last: Int) -> [Located<YAMLValue>]? {
            var items: [Located<YAMLValue>] = []
            var i = spaces(from: start + 1, to: last)
            guard i < last else { return nil }
            if bytes[i] == Self.closeBracket { return i + 1 == last ? [] : nil }
            while true {
                guard i < last else { return nil }
                let b = bytes[i]
                if b == Self.doubleQuote || b == Self.singleQuote {
                    guard let (value, after) = quoted(from: i, to: last) else { return nil }
                    items.append(Located(.scalar(value), at: location(i)))
                    i = after
                } else {
                    guard !Self.isIndicator(b) else { return nil }
                    var j = i
                    while j < last, bytes[j] != Self.comma, bytes[j] != Self.closeBracket {
                        // Characters that could start a mapping, a comment or a nested collection.
                        switch bytes[j] {
                        case Self.colon, Self.hash, Self.openBracket, UInt8(ascii: "{"), UInt8(ascii: "}"), Self.doubleQuote, Self.singleQuote:
                            return nil
                        default: j += 1
                        }
                    }
                    var itemEnd = j
                    while itemEnd > i, bytes[itemEnd - 1] == Self.space { itemEnd -= 1 }
                    guard itemEnd > i else { return nil }
                    items.append(plain(from: i, to: itemEnd))
                    i = j
                }
                i = spaces(from: i, to: last)
                guard i < last else { return nil }
                if bytes[i] == Self.closeBracket { return i + 1 == last ? items : nil }
                guard bytes[i] == Self.comma else { return nil }
                i = spaces(from: i + 1, to: last)
                // `[a, ]`: leave the trailing comma to Yams.
                guard i < last, bytes[i] != Self.closeBracket else { return nil }
            }
        }

        /// A quoted scalar starting at `start`: its text and the index after the closing quote.
        /// Escapes (`\` in double quotes, `''` in single quotes) are left to Yams.
        private func quoted(from start: Int, to last: Int) -> (String, Int)? {
            let quote = bytes[start]
            var i = start + 1
            while i < last, bytes[i] != quote {
                if quote == Self.doubleQuote, bytes[i] == Self.backslash { return nil }
                i += 1
            }
            guard i < last else { return nil }
            if quote == Self.singleQuote, i + 1 < last, bytes[i + 1] == Self.singleQuote { return nil }
            return (text(start + 1, i), i + 1)
        }

        /// A plain scalar; `~`, `null`, `Null` and `NULL` are YAML null, as in ``FrontMatter``.
        private func plain(from start: Int, to end: Int) -> Located<YAMLValue> {
            let value = text(start, end)
            return Located(Self.isNullWord(value) || value == "~" ? .null : .scalar(value), at: location(start))
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// Columns count UTF-8 bytes, like ``YAMLLocator``'s.
        private func location(_ index: Int) -> SourceLocation {
            SourceLocation(file: file, line: firstLine + line, column: index - lineStart + 1)
        }

        private func lineEnd(_ start: Int) -> Int {
            var i = start
            while bytes[i] != Self.newline { i += 1 }   // the YAML ends with a newline
            return i
        }

        private func spaces(from start: Int, to end: Int) -> Int {
            var i = start
            while i < end, bytes[i] == Self.space { i += 1 }
            return i
        }

        private mutating func nextLine(after end: Int) {
            lineStart = end + 1
            line += 1
        }

        private mutating func skipBlankAndCommentLines() {
            while lineStart < bytes.count {
                let end = lineEnd(lineStart)
                let first = spaces(from: lineStart, to: end)
                guard first == end || bytes[first] == Self.hash else { return }
                nextLine(after: end)
            }
        }

        private static func isKeyByte(_ b: UInt8, first: Bool) -> Bool {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): !first
            default: false
            }
        }

        private static func isNullWord(_ s: String) -> Bool {
            s == "null" || s == "Null" || s == "NULL"
        }

        /// Characters that cannot start a plain scalar (or that change its meaning there).
        private static func isIndicator(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                 UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                 UInt8(ascii: "`"), UInt8(ascii: " "):
                true
            default: false
            }
        }

        /// Printable characters that libyaml reads as ordinary text: no tabs, carriage returns or
        /// other controls, no byte order mark, and none of the line breaks libyaml adds to LF
        /// (NEL, LS, PS), so that lines and byte columns are the file's.
        private static func onlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    guard b == newline || (b >= 0x20 && b < 0x7F) else { return false }
                    i += 1
                } else if b < 0xE0 {
                    // Two bytes: U+0080…U+07FF; C1 controls (NEL among them) end at U+009F.
                    guard b > 0xC2 || (b == 0xC2 && bytes[i + 1] >= 0xA0) else { return false }
                    i += 2
                } else if b < 0xF0 {
                    let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    guard scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF, scalar < 0xFFFE else { return false }
                    i += 3
                } else {
                    i += 4
                }
            }
            return true
        }
    }
}
