import RoleBookModel

extension TimeSpan {
    /// Reads a leading `08:30`, `8:30`, `18:00-19:30`, `20:00—22:00` or `8:30～9:00` off the text.
    ///
    /// - Returns: the span and the remaining text, or nil and the input unchanged.
    static func parsePrefix(of text: String) -> (TimeSpan, String)? {
        // A clock starts with one or two ASCII digits and `:` or `：`: checked on the bytes first, so
        // items that only start with a number ("2 个工作日内") skip the Character-by-Character parse
        // (a tenth of re-deriving the items of a cached parse).
        guard Self.startsLikeClock(text.utf8) else { return nil }
        var s = Substring(text)
        guard let start = clock(&s) else { return nil }
        var span = TimeSpan(start: start)
        var rest = s
        rest = rest.drop { $0 == " " }
        if let sep = rest.first, "-–—~～至到".contains(sep) {
            var afterSep = rest.dropFirst()
            afterSep = afterSep.drop { $0 == " " || "-–—".contains($0) }
            if let end = clock(&afterSep) {
                span.end = end < start ? end + 24 * 60 : end   // overnight: 18:00-02:00
                s = afterSep
            }
        }
        let remainder = s.drop { $0 == " " || $0 == "　" || $0 == "," || $0 == "，" || $0 == "、" || $0 == ":" || $0 == "：" }
        return (span, String(remainder))
    }

    /// Whether `utf8` starts with one or two ASCII digits then `:` or `：` (EF BC 9A): true whenever
    /// ``clock(_:)`` can succeed (an ASCII Character that is a number is one digit byte).
    private static func startsLikeClock(_ utf8: String.UTF8View) -> Bool {
        var i = utf8.startIndex
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard i != utf8.endIndex, isDigit(utf8[i]) else { return false }
        i = utf8.index(after: i)
        if i != utf8.endIndex, isDigit(utf8[i]) { i = utf8.index(after: i) }
        guard i != utf8.endIndex else { return false }
        if utf8[i] == 0x3A { return true }
        return utf8[i...].starts(with: [0xEF, 0xBC, 0x9A])
    }

    /// `H:MM` or `HH:MM` (ASCII or full-width colon) at the start of `s`; consumes it.
    private static func clock(_ s: inout Substring) -> Int? {
        let hourDigits = s.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(hourDigits.count), let hour = Int(hourDigits), hour <= 24 else { return nil }
        var rest = s.dropFirst(hourDigits.count)
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        rest = rest.dropFirst()
        let minuteDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard minuteDigits.count == 2, let minute = Int(minuteDigits), minute < 60 else { return nil }
        s = rest.dropFirst(2)
        return hour * 60 + minute
    }

    /// The same on inline nodes: the time is taken off the first text node.
    static func parsePrefix(of inlines: [Inline]) -> (TimeSpan?, [Inline]) {
        guard case .text(let first)? = inlines.first, mayStartWithTime(first),
              let (span, rest) = parsePrefix(of: first.trimmingSpaces) else { return (nil, inlines) }
        var out = inlines
        if rest.isEmpty { out.removeFirst() } else { out[0] = .text(rest) }
        return (span, out)
    }

    /// False when the text cannot start with a time: its first scalar is neither whitespace nor an
    /// ASCII digit. Then trimming keeps that scalar first, and `clock` needs an ASCII digit there.
    /// Most items are plain text: this spares them the Character-by-Character parse.
    private static func mayStartWithTime(_ text: String) -> Bool {
        guard let scalar = text.unicodeScalars.first else { return true }
        switch scalar.value {
        case 0x30...0x39: return true
        case 0x21...0x7E: return false
        case 0x4E00...0x9FFF: return false
        default: return scalar.properties.isWhitespace || scalar.value < 0x80
        }
    }
}
