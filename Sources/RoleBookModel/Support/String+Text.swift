extension String {
    /// Zero-padded on the left to `n` characters (hex bytes in escapes and percent-encoding).
    package func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }

    /// Trims ASCII and ideographic spaces, tabs and newlines.
    package var trimmingSpaces: String {
        // Usually there is nothing to trim: decide that from the first and last scalars, without
        // the grapheme breaking and property lookups of `first` / `last` (a tenth of parsing).
        if hasNoEdgeWhitespace { return self }
        if let f = first, let l = last, !f.isWhitespace, !l.isWhitespace { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// True when neither the first nor the last Character is whitespace (false: do not know).
    ///
    /// `Character.isWhitespace` looks at a Character's first scalar, and the string's first scalar
    /// starts its first Character. The last scalar is only trusted when it never extends a preceding
    /// Character (ASCII graphics, Han, CJK and full-width punctuation): then the last Character
    /// starts with it, or with a Prepend scalar, and no Prepend scalar is whitespace.
    var hasNoEdgeWhitespace: Bool {
        utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let l = bytes.last else { return false }
            if !(l > 0x20 && l < 0x7F) {
                // The last scalar, when it is three bytes long (the ranges below all are).
                let n = bytes.count
                guard n >= 3, bytes[n - 3] & 0xF0 == 0xE0 else { return false }
                let last = (UInt32(bytes[n - 3] & 0x0F) << 12) | (UInt32(bytes[n - 2] & 0x3F) << 6) | UInt32(l & 0x3F)
                guard Self.neverExtends(last) else { return false }
            }
            let f = bytes[0]
            if f > 0x20 && f < 0x7F { return true }
            if f & 0xF0 == 0xE0, bytes.count >= 3,
               Self.neverExtends((UInt32(f & 0x0F) << 12) | (UInt32(bytes[1] & 0x3F) << 6) | UInt32(bytes[2] & 0x3F)) {
                return true
            }
            guard f >= 0x80, let first = unicodeScalars.first else { return false }
            return !first.properties.isWhitespace
        } ?? false
    }

    @inline(__always)
    private static func neverExtends(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3001...0x3002).contains(scalar) || (0xFF01...0xFF5E).contains(scalar)
    }
}

extension String {
    /// `split(separator: "/")`, on bytes when the text is ASCII without carriage returns (then every
    /// byte is a Character); the generic Character-by-Character split cost 10,000 instructions a path.
    package var slashComponents: [Substring] {
        let ranges = utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var out: [Range<Int>] = []
            var start = 0
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                if i > start { out.append(start..<i) }
                start = i + 1
            }
            if start < bytes.count { out.append(start..<bytes.count) }
            return out
        }
        guard let found = ranges, let parts = found else { return split(separator: "/") }
        let bytes = utf8
        return parts.map { self[bytes.index(startIndex, offsetBy: $0.lowerBound)..<bytes.index(startIndex, offsetBy: $0.upperBound)] }
    }
}

extension Substring {
    package var trimmingSpaces: String { String(self).trimmingSpaces }
}

extension String {
    /// The string as quoted in a one-line message: at most 60 characters, then `…`.
    package var truncatedForMessage: String {
        utf8.count <= 60 || count <= 60 ? self : String(prefix(60)) + "…"
    }
}

extension String {
    /// Text safe in a Markdown table cell or list item (GitHub's renderer): `|` cannot end the
    /// cell, `<`, `>`, `&` cannot become HTML, new lines become spaces, and Markdown punctuation
    /// is backslash-escaped — `#` too when `headings` (the diff report's list items could start one).
    package func markdownCellEscaped(headings: Bool = true) -> String {
        var out = ""
        for c in self {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            case "`", "*", "_", "[", "]", "\\": out += "\\" + String(c)
            case "#" where headings: out += "\\#"
            default: out.append(c)
            }
        }
        return out
    }
}
