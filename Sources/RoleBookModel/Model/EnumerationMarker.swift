/// An enumerator of Chinese office documents at the start of a line: `1、` `（一）` `①` `第三条` …
///
/// Job descriptions pasted from Word or a web page number their duties this way instead of with
/// Markdown's `1. `; ``Enumeration`` finds these markers so their lines can become list items.
public struct EnumerationMarker: Hashable, Sendable {
    /// Families nest: a marker of a different family than the current item's starts a nested list.
    public enum Family: Hashable, Sendable {
        case chineseNumeral          // 一、 二、
        case parenChineseNumeral     // （一） (一)
        case arabic                  // 1、 1. 1． 1）(not "1.5", not "2024.")
        case parenArabic             // （1） (1)
        case circled                 // ① … ⑳
        case latinLower, latinUpper  // a) a、 a. A)
        case article                 // 第一条 第十二条
    }
    public let family: Family
    public let ordinal: Int          // 1-based value (一 = 1, ⑳ = 20, 第十二条 = 12, c = 3)
    public package(set) var length: Int           // number of Characters the marker occupies, including following spaces
}

package enum Enumeration {
    /// Largest ordinal read as a marker: `2024.` is a year, not the 2024th item.
    static let maxOrdinal = 999

    /// The marker at the very start of `text`, if it is one (leading spaces allowed).
    ///
    /// ``EnumerationMarker/length`` counts the leading spaces too, so `text.dropFirst(length)` is
    /// the item's text.
    package static func marker(atStartOf text: Substring) -> EnumerationMarker? {
        let leading = text.prefix(while: isSpace).count
        guard var marker = bareMarker(text.dropFirst(leading)) else { return nil }
        marker.length += leading
        return marker
    }

    /// Splits one line into enumerated runs, for `①…；②…；③…` and `1、…；2、…` on one line.
    /// Returns [] when the line does not start with a marker; a split inside the line happens
    /// only at the next marker of the same family with the next ordinal (so "第1条" or "3.5%"
    /// inside text never splits). Each run: the marker, the text after it (trimmed, trailing
    /// ；; punctuation kept as written) and its character offset in the line.
    ///
    /// The offset is that of the marker's first Character (after any leading spaces), and the
    /// marker's length is counted from there.
    package static func runs(inLine text: Substring) -> [(marker: EnumerationMarker, text: Substring, offset: Int)] {
        let leading = text.prefix(while: isSpace).count
        var start = text.index(text.startIndex, offsetBy: leading)
        guard var marker = bareMarker(text[start...]) else { return [] }
        var offset = leading
        var out: [(marker: EnumerationMarker, text: Substring, offset: Int)] = []
        while true {
            let textStart = text.index(start, offsetBy: marker.length)
            // Look for the next marker of the same family with the next ordinal.
            var next: (index: String.Index, offset: Int, marker: EnumerationMarker)?
            var i = textStart, k = offset + marker.length
            var previous: Character? = marker.length > 0 ? text[text.index(before: textStart)] : nil
            while i < text.endIndex {
                let c = text[i]
                if canFollow(previous, family: marker.family), let m = bareMarker(text[i...]),
                   m.family == marker.family, m.ordinal == marker.ordinal + 1 {
                    next = (i, k, m)
                    break
                }
                previous = c
                i = text.index(after: i)
                k += 1
            }
            let end = next?.index ?? text.endIndex
            out.append((marker, trimmed(text[textStart..<end]), offset))
            guard let found = next else { return out }
            start = found.index
            offset = found.offset
            marker = found.marker
        }
    }

    /// One item of ``nestedRuns(inLine:)``: a run and how deep it sits below the line's first family.
    package struct NestedRun: Sendable {
        package var marker: EnumerationMarker
        /// The item's own text: up to the next marker of its family or of a list nested in it.
        package var text: Substring
        /// Character offset of the marker in the line.
        package var offset: Int
        /// 0 for the line's first family, 1 for a list nested inside one of its items, …
        package var depth: Int
    }

    /// Deepest nesting read inside one line; deeper markers stay text.
    static let maxInlineDepth = 3

    /// Splits one line into items like ``runs(inLine:)``, and also splits the items' text where a
    /// list of another family starts inside it: `2、检查设备(1)收银机(2)空调` is item 2 with two
    /// nested items. A nested list needs its 1 and its 2 (a lone `(1)` in text is not a list) and a
    /// family not already open above it. Returns [] when the line does not start with a marker.
    package static func nestedRuns(inLine text: Substring) -> [NestedRun] {
        var out: [NestedRun] = []
        // Pending runs to emit, last first; an explicit stack keeps the depth bounded.
        var stack: [(run: NestedRun, open: [EnumerationMarker.Family])] = runs(inLine: text).reversed().map {
            (NestedRun(marker: $0.marker, text: $0.text, offset: $0.offset, depth: 0), [$0.marker.family])
        }
        while let (run, open) = stack.popLast() {
            guard run.depth + 1 < maxInlineDepth, let start = embeddedListStart(in: run.text, excluding: open) else {
                out.append(run)
                continue
            }
            var head = run
            head.text = trimmed(run.text[..<start])
            out.append(head)
            let inner = runs(inLine: run.text[start...])
            for r in inner.reversed() {
                let offset = text.distance(from: text.startIndex, to: run.text.startIndex) + run.text.distance(from: run.text.startIndex, to: start) + r.offset
                stack.append((NestedRun(marker: r.marker, text: r.text, offset: offset, depth: run.depth + 1), open + [r.marker.family]))
            }
        }
        return out
    }

    /// Where a list of a family not in `open` starts inside `text`: a marker with ordinal 1 at a
    /// place a marker may start, followed in the same text by its ordinal 2; nil when there is none.
    package static func embeddedListStart(in text: Substring, excluding open: [EnumerationMarker.Family] = []) -> String.Index? {
        var previous: Character?
        var i = text.startIndex
        // Each candidate is checked by a scan of the rest: a bounded number keeps long lines linear.
        var candidates = 0
        while i < text.endIndex, candidates < 16 {
            if let m = bareMarker(text[i...]), m.ordinal == 1, !open.contains(m.family), canFollow(previous, family: m.family) {
                candidates += 1
                if runs(inLine: text[i...]).count >= 2 { return i }
            }
            previous = text[i]
            i = text.index(after: i)
        }
        return nil
    }

    // MARK: - One marker

    /// The marker at the very start of `s` (no leading spaces), its length including the spaces after it.
    static func bareMarker(_ s: Substring) -> EnumerationMarker? {
        guard let first = s.first else { return nil }
        let found: (family: EnumerationMarker.Family, ordinal: Int, count: Int)?
        if first == "(" || first == "（" {
            found = parenthesised(s)
        } else if first == "第" {
            found = article(s)
        } else if let value = circledValue(first) {
            found = (.circled, value, 1)
        } else if let value = parenthesisedDigitValue(first) {
            // ⑴ ⑵ … (one character each, from converted Word documents)
            found = (.parenArabic, value, 1)
        } else if let value = fullStopDigitValue(first) {
            // ⒈ ⒉ …
            found = (.arabic, value, 1)
        } else if digitValue(first) != nil {
            found = arabic(s)
        } else if cjkDigit(first) != nil || first == "十" || first == "百" {
            found = chineseNumeral(s)
        } else if first.isASCII, first.isLetter {
            found = latin(s)
        } else {
            found = nil
        }
        guard let found, found.ordinal >= 1, found.ordinal <= maxOrdinal else { return nil }
        let spaces = s.dropFirst(found.count).prefix(while: isSpace).count
        return EnumerationMarker(family: found.family, ordinal: found.ordinal, length: found.count + spaces)
    }

    /// `1、` `1.` `1．` `1）` `1)`; a dot followed by a digit is a decimal or a date (`1.5倍`, `2024.1.1`).
    private static func arabic(_ s: Substring) -> (EnumerationMarker.Family, Int, Int)? {
        // Bounded: every position of a line is tried, and a long number must not make that quadratic.
        let digits = s.prefix(4).prefix { digitValue($0) != nil }
        guard digits.count <= 3, let separator = s.dropFirst(digits.count).first, isArabicSeparator(separator) else { return nil }
        if isDot(separator), let after = s.dropFirst(digits.count + 1).first, digitValue(after) != nil || after == "%" {
            // …except a clock time right after the marker: `1.18:00到岗` is item 1 at 18:00.
            let hour = s.dropFirst(digits.count + 1).prefix(3).prefix { digitValue($0) != nil }
            let colon = s.dropFirst(digits.count + 1 + hour.count).prefix(2)
            guard hour.count <= 2, colon.count == 2, colon.first == ":" || colon.first == "：", digitValue(colon.last!) != nil else { return nil }
        }
        return (.arabic, decimal(digits), digits.count + 1)
    }

    /// `（1）` `(1)` `（一）` `(一)`, full-width and half-width brackets mixed as typed.
    private static func parenthesised(_ s: Substring) -> (EnumerationMarker.Family, Int, Int)? {
        let inner = s.dropFirst()
        guard let close = inner.prefix(5).firstIndex(where: { $0 == ")" || $0 == "）" }) else { return nil }
        let number = inner[..<close]
        guard !number.isEmpty else { return nil }
        let count = number.count + 2
        if number.allSatisfy({ digitValue($0) != nil }) {
            return number.count <= 3 ? (.parenArabic, decimal(number), count) : nil
        }
        return chineseValue(number).map { (.parenChineseNumeral, $0, count) }
    }

    /// `一、` (also `一.` `一．`, as some templates write it).
    private static func chineseNumeral(_ s: Substring) -> (EnumerationMarker.Family, Int, Int)? {
        let number = s.prefix(5).prefix { cjkDigit($0) != nil || $0 == "十" || $0 == "百" }
        guard number.count <= 4, let separator = s.dropFirst(number.count).first,
              separator == "、" || isDot(separator), let value = chineseValue(number) else { return nil }
        return (.chineseNumeral, value, number.count + 1)
    }

    /// `第一条` `第十二条` `第1条`.
    private static func article(_ s: Substring) -> (EnumerationMarker.Family, Int, Int)? {
        let number = s.dropFirst().prefix(4)
        guard let end = number.firstIndex(of: "条") else { return nil }
        let digits = number[..<end]
        guard !digits.isEmpty else { return nil }
        let value = digits.allSatisfy({ digitValue($0) != nil }) ? decimal(digits) : chineseValue(digits)
        return value.map { (.article, $0, digits.count + 2) }
    }

    /// `a)` `a、` `a.` `a）` `A)`: one letter, then the separator. `e.g.` and `a.m.` are words, not markers.
    private static func latin(_ s: Substring) -> (EnumerationMarker.Family, Int, Int)? {
        guard let letter = s.first, let separator = s.dropFirst().first,
              separator == ")" || separator == "）" || separator == "、" || isDot(separator) else { return nil }
        if isDot(separator), let after = s.dropFirst(2).first, after.isASCII, after.isLetter || after.isNumber { return nil }
        guard let ascii = letter.asciiValue else { return nil }
        if letter.isLowercase { return (.latinLower, Int(ascii) - 96, 2) }
        return (.latinUpper, Int(ascii) - 64, 2)
    }

    // MARK: - Splitting a line

    /// Whether a marker may start right after `previous` inside a line: never inside a number or a
    /// word (`12、` holds no `2、`, `abc)` no `c)`), nor inside brackets (`(2)` holds no `2)`), nor
    /// after `、` (`一、二、三级` counts levels).
    /// Articles split only after a sentence ends, since text cites them (`按第二条执行`).
    private static func canFollow(_ previous: Character?, family: EnumerationMarker.Family) -> Bool {
        guard let previous else { return true }
        if previous == "、" || previous == "(" || previous == "（" || isDot(previous) || digitValue(previous) != nil { return false }
        switch family {
        case .latinLower, .latinUpper: return !(previous.isASCII && previous.isLetter)
        case .chineseNumeral, .parenChineseNumeral: return cjkDigit(previous) == nil && previous != "十" && previous != "第"
        case .article: return isSpace(previous) || "。；;！!？?".contains(previous)
        case .arabic, .parenArabic, .circled: return true
        }
    }

    // MARK: - Characters

    package static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" }
    private static func isDot(_ c: Character) -> Bool { c == "." || c == "．" }
    private static func isArabicSeparator(_ c: Character) -> Bool { c == "、" || c == ")" || c == "）" || isDot(c) }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s.drop(while: \.isWhitespace)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }

    /// ASCII and full-width digits.
    static func digitValue(_ c: Character) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    private static func decimal(_ digits: Substring) -> Int {
        digits.reduce(0) { $0 * 10 + (digitValue($1) ?? 0) }
    }

    private static func singleScalar(_ c: Character) -> UInt32? {
        c.unicodeScalars.count == 1 ? c.unicodeScalars.first!.value : nil
    }

    /// ① … ⑳
    private static func circledValue(_ c: Character) -> Int? {
        guard let v = singleScalar(c), (0x2460...0x2473).contains(v) else { return nil }
        return Int(v - 0x2460) + 1
    }

    /// ⑴ … ⒇
    private static func parenthesisedDigitValue(_ c: Character) -> Int? {
        guard let v = singleScalar(c), (0x2474...0x2487).contains(v) else { return nil }
        return Int(v - 0x2474) + 1
    }

    /// ⒈ … ⒛
    private static func fullStopDigitValue(_ c: Character) -> Int? {
        guard let v = singleScalar(c), (0x2488...0x249B).contains(v) else { return nil }
        return Int(v - 0x2488) + 1
    }

    private static func cjkDigit(_ c: Character) -> Int? {
        switch c {
        case "〇", "零": 0
        case "一": 1
        case "二": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// 一 … 九百九十九, as written in documents (`十二`, `一十二`, `二十`, `一百零五`); nil for
    /// anything else (`十十`, `二二`), so a run of numerals in text is not read as a number.
    static func chineseValue(_ s: Substring) -> Int? {
        var total = 0
        var pending: Int?        // a digit waiting for its unit
        var lastUnit = 1000      // units must decrease: 百 before 十
        var sawZero = false
        for c in s {
            if let d = cjkDigit(c) {
                if d == 0 { guard !sawZero, pending == nil, lastUnit < 1000 else { return nil }; sawZero = true; continue }
                guard pending == nil else { return nil }
                pending = d
            } else if c == "十" || c == "百" {
                let unit = c == "十" ? 10 : 100
                guard unit < lastUnit else { return nil }
                total += (pending ?? (unit == 10 && total == 0 ? 1 : 0)) * unit
                if pending == nil && !(unit == 10 && total == 10) { return nil }
                pending = nil
                lastUnit = unit
            } else {
                return nil
            }
        }
        total += pending ?? 0
        return total > 0 ? total : nil
    }
}
