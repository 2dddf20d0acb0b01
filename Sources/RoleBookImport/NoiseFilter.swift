import Foundation
import RoleBook

/// Removes what scraped and converted documents carry besides the text: pinyin in brackets
/// after characters (`網(wǎng)`), page numbers, site boilerplate; each removal is noted.
package struct NoiseFilter: Sendable {
    package init() {}

    /// Substrings that mark a line as a web site's own text rather than the document's.
    static let boilerplate: [String] = [
        "小编为你整理", "小编为您整理", "小编整理", "千文网", "还可以找到更多", "但愿对你工作学习有帮助", "希望对你有帮助",
        "希望对大家有帮助", "本文由", "本文来源", "文章来源", "原文地址", "本文地址", "转载请注明", "版权所有", "免费下载",
        "下载文档", "点击下载", "更多相关", "相关推荐", "推荐阅读", "猜你喜欢", "扫一扫", "http://", "https://", "www.",
    ]

    /// Watermarks that document sites insert inside the text (Baidu Wenku's, mis-decoded as Cyrillic).
    static let inlineMarks = ["Байду номын сангаас"]

    /// Cleans lines in place and returns what was removed.
    package func clean(_ input: [SourceLine], file: String) -> (lines: [SourceLine], notes: [ImportNote]) {
        var out: [SourceLine] = []
        var notes: [ImportNote] = []
        var lines: [SourceLine] = []
        var pinyinCount: [Int: Int] = [:]
        // Annotations inside the text go first, line by line, so that rejoined lines keep their positions.
        for var line in input {
            var (text, removed, gaps) = Self.removingPinyin(line.text)
            // Later cuts still point at the source's columns, across the removed annotations.
            line.origins = gaps.map { SourceLine.Origin(offset: $0.offset, line: line.line, column: line.column + $0.bytes) }
            for mark in Self.inlineMarks where text.contains(mark) {
                text = text.replacingOccurrences(of: mark, with: "")
                notes.append(ImportNote(.noise, file: file, line: line.line, "site watermark dropped: '\(mark)'"))
            }
            if removed > 0 { pinyinCount[line.line, default: 0] += removed }
            line.text = text
            lines.append(line)
        }
        if let rejoined = Self.rejoiningNumberedLines(lines) {
            notes.append(ImportNote(.noise, file: file, line: 1,
                                    "line numbers added by a converter (`1、` … `\(input.count)、`) dropped and the broken lines rejoined"))
            lines = rejoined
        }
        for var line in lines {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if let why = Self.noiseKind(of: trimmed) {
                notes.append(ImportNote(.noise, file: file, line: line.line, "\(why) dropped: \(Self.quote(trimmed))"))
                continue
            }
            let (kept, page) = Self.removingInlinePageNumbers(trimmed)
            if let page {
                let at = line.position(at: line.text.count - page.count)
                notes.append(ImportNote(.noise, file: file, line: at.line, column: at.column, "page number dropped: \(Self.quote(page))"))
            }
            let leading = line.text.prefix { $0.isWhitespace }.count
            line = line.piece(kept, at: leading)
            out.append(line)
        }
        // One note per file: scraped pages annotate hundreds of characters.
        if let first = pinyinCount.keys.min(), let last = pinyinCount.keys.max() {
            let total = pinyinCount.values.reduce(0, +)
            let lines = pinyinCount.count == 1 ? "line \(first)" : "\(pinyinCount.count) lines between \(first) and \(last)"
            notes.append(ImportNote(.noise, file: file, line: first, "pinyin in brackets dropped after \(total) character\(total == 1 ? "" : "s") on \(lines)"))
        }
        return (out, notes)
    }

    /// Some converters prefix every line with its number (`1、…`, `2、…`) and break lines in the
    /// middle of words. When nearly every line starts with its own number, the numbers go and the
    /// lines are joined back into one text (the items split again by their markers); the joined
    /// line records where each source line starts in it, so what is cut from it keeps its real line.
    static func rejoiningNumberedLines(_ lines: [SourceLine]) -> [SourceLine]? {
        let texts = lines.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard texts.count >= 5 else { return nil }
        func numberPrefix(_ line: SourceLine) -> Int? {
            for sep in ["、", ".", "．"] where line.text.hasPrefix("\(line.line)\(sep)") { return "\(line.line)\(sep)".count }
            return nil
        }
        let numbered = texts.filter { numberPrefix($0) != nil }.count
        guard numbered * 10 >= texts.count * 9 else { return nil }
        var joined = ""
        var origins: [SourceLine.Origin] = []
        var count = 0
        for line in texts {
            let prefix = numberPrefix(line) ?? 0
            origins.append(SourceLine.Origin(offset: count, line: line.line, column: line.column + line.text.prefix(prefix).utf8.count))
            origins += line.origins.filter { $0.offset >= prefix }.map { SourceLine.Origin(offset: count + $0.offset - prefix, line: $0.line, column: $0.column) }
            let rest = line.text.dropFirst(prefix)
            joined += rest
            count += rest.count
        }
        var out = SourceLine(joined, line: texts[0].line, column: origins[0].column)
        out.origins = origins
        return [out]
    }

    static func quote(_ s: String) -> String {
        let cut = s.count > 40 ? String(s.prefix(40)) + "…" : s
        return "'" + cut + "'"
    }

    /// Why a whole line is noise, or nil when it is text.
    static func noiseKind(of line: String) -> String? {
        if isPageNumber(line) { return "page number" }
        let folded = CJKFolding.shared.simplify(line).lowercased()
        if boilerplate.contains(where: { folded.contains($0) }) { return "site boilerplate" }
        return nil
    }

    /// `- 3 -`, `— 3 —`, `3`, `第 3 页 共 5 页`, `第3页`, `共5页`, `页数：共3页`, `Page 3 of 5`.
    static func isPageNumber(_ line: String) -> Bool {
        let s = CJKFolding.shared.simplify(line).filter { !$0.isWhitespace }
        if s.isEmpty { return false }
        let dashes: Set<Character> = ["-", "—", "–", "－"]
        let core = String(s.drop(while: { dashes.contains($0) }).reversed().drop(while: { dashes.contains($0) }).reversed())
        if !core.isEmpty, core.count <= 4, core.allSatisfy(\.isASCIIDigit), core.count < s.count { return true }
        return pageNumberRange(in: s) == s.startIndex..<s.endIndex
    }

    /// The range of a `第N页(共M页)` / `共M页` / `页数：共M页` / `page N of M` phrase.
    static func pageNumberRange(in s: String) -> Range<String.Index>? {
        let lower = s.lowercased()
        if let r = lower.range(of: #"(页数[:：]?\s*)?(第\s*\d+\s*页\s*[,，/]?\s*)?共\s*\d+\s*页|第\s*\d+\s*页|page\s*\d+(\s*of\s*\d+)?"#, options: .regularExpression) {
            // Same length in both: lowercasing ASCII and CJK keeps indices.
            let start = s.index(s.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
            let end = s.index(start, offsetBy: lower.distance(from: r.lowerBound, to: r.upperBound))
            return start..<end
        }
        return nil
    }

    /// A line that ends with a page phrase (`…工作。 第 3 页 共 5 页`) loses it.
    static func removingInlinePageNumbers(_ line: String) -> (String, String?) {
        let simplified = CJKFolding.shared.simplify(line)
        guard simplified.count == line.count, let r = pageNumberRange(in: simplified),
              r.upperBound == simplified.endIndex || simplified[r.upperBound...].allSatisfy(\.isWhitespace)
        else { return (line, nil) }
        let offset = simplified.distance(from: simplified.startIndex, to: r.lowerBound)
        let cut = line.index(line.startIndex, offsetBy: offset)
        let before = line[..<cut]
        // `第3页` inside a sentence is text; only a phrase that follows a space or a sentence end is a page number.
        guard let last = before.last, last.isWhitespace || "。；;".contains(last) else { return (line, nil) }
        return (before.trimmingCharacters(in: .whitespaces), String(line[cut...]).trimmingCharacters(in: .whitespaces))
    }

    static let toneVowels: Set<Character> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")

    /// `網(wǎng)` → `網`: a bracket right after a Han character holding only that character's
    /// pinyin (tone marks or not) is an annotation. Returns the text and how many were removed.
    /// Also returns, after each removal, the Character offset in the result and the UTF-8 bytes of
    /// the original consumed up to there, so positions in the result map back to the source.
    static func removingPinyin(_ text: String) -> (String, Int, [(offset: Int, bytes: Int)]) {
        guard text.contains("(") || text.contains("（") else { return (text, 0, []) }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var removed = 0
        var gaps: [(offset: Int, bytes: Int)] = []
        var count = 0, bytes = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            out.append(c)
            count += 1
            bytes += c.utf8.count
            i += 1
            guard i < chars.count, chars[i] == "(" || chars[i] == "（",
                  let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1,
                  let expected = CJKFolding.shared.pinyin(CJKFolding.shared.simplify(scalar))
            else { continue }
            var j = i + 1
            var word = ""
            while j < chars.count, j - i <= 8, chars[j].isLetter, chars[j].isASCII || toneVowels.contains(chars[j]) {
                word.append(chars[j])
                j += 1
            }
            guard j < chars.count, chars[j] == ")" || chars[j] == "）", !word.isEmpty else { continue }
            let plain = String(word.lowercased().map(toneless))
            // A toned syllable is an annotation even when the table reads the character differently (多音字).
            if plain == expected || word.contains(where: { toneVowels.contains($0) && $0 != "ü" }) {
                removed += 1
                bytes += chars[i...j].reduce(0) { $0 + $1.utf8.count }
                gaps.append((count, bytes))
                i = j + 1
            }
        }
        return (out, removed, gaps)
    }

    static func toneless(_ c: Character) -> Character {
        switch c {
        case "ā", "á", "ǎ", "à": "a"
        case "ē", "é", "ě", "è": "e"
        case "ī", "í", "ǐ", "ì": "i"
        case "ō", "ó", "ǒ", "ò": "o"
        case "ū", "ú", "ǔ", "ù": "u"
        case "ǖ", "ǘ", "ǚ", "ǜ", "ü": "v"
        default: c
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
