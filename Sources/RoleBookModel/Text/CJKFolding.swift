import Foundation

/// Character tables for folding Chinese text: traditional → simplified and Han → pinyin.
///
/// The tables come from Foundation's ICU transforms over the CJK Unified Ideographs block,
/// generated ahead of time into ``CJKTables`` (running ICU here cost every run ~0.5 s);
/// they are applied per character, which is far faster than transforming every string.
package struct CJKFolding: Sendable {
    /// Immutable and built on first use from the generated tables (about a millisecond).
    package static let shared = CJKFolding()

    private static let first: UInt32 = 0x4E00
    private static let last: UInt32 = 0x9FFF
    private let simplified: [Unicode.Scalar]
    /// Built on first use of pinyin: `check` never needs it, and splitting 21,000 syllables was a
    /// few percent of a check's instructions, all before the parallel work starts.
    private static let pinyinTable: [String] = {
        let syllables = CJKTables.pinyin.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let count = Int(last - first) + 1
        return syllables.count == count ? syllables : Array(repeating: "", count: count)
    }()

    private init() {
        var table = (Self.first...Self.last).map { Unicode.Scalar($0)! }
        var pairs = CJKTables.simplifiedPairs.unicodeScalars.makeIterator()
        while let traditional = pairs.next(), let simple = pairs.next() {
            table[Int(traditional.value - Self.first)] = simple
        }
        simplified = table
    }

    @inline(__always)
    package static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= first && scalar.value <= last
    }

    /// Traditional characters replaced by simplified ones; everything else unchanged.
    package func simplify(_ text: String) -> String {
        // Most text is simplified already: return it without building a copy.
        guard let first = text.unicodeScalars.firstIndex(where: { simplify($0) != $0 }) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars[..<first])
        for scalar in text.unicodeScalars[first...] { out.append(simplify(scalar)) }
        return String(out)
    }

    /// Simplified and lower-cased scalars, for matching names inside text without building strings.
    package func matchingScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            } else if Self.isHan(scalar) {
                out.append(simplified[Int(v - Self.first)])
            } else if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return out
    }

    @inline(__always)
    package func simplify(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Self.isHan(scalar) ? simplified[Int(scalar.value - Self.first)] : scalar
    }

    /// Toneless pinyin syllable of a Han character (`经` → `jing`), or nil.
    package func pinyin(_ scalar: Unicode.Scalar) -> String? {
        guard Self.isHan(scalar) else { return nil }
        let p = Self.pinyinTable[Int(scalar.value - Self.first)]
        return p.isEmpty ? nil : p
    }

    /// `pinyinSyllables(text).joined(separator: " ")`, made as one string: the A–Z order keys
    /// every role's title on every build, and an array of one string per syllable was most of that.
    package func pinyinKey(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        forEachPinyinWord(text) { word in
            if !out.isEmpty { out.append(" ") }
            out.append(word)
        }
        return out
    }

    /// Pinyin syllables of the Han characters in `text`, other letters kept as words.
    package func pinyinSyllables(_ text: String) -> [String] {
        var out: [String] = []
        forEachPinyinWord(text) { out.append($0) }
        return out
    }

    /// Each word of `text` in order: a Han character's toneless syllable (the table's are lower
    /// case), or a run of other letters and digits, lower-cased.
    private func forEachPinyinWord(_ text: String, _ body: (String) -> Void) {
        var word = ""
        for scalar in text.unicodeScalars {
            if let p = pinyin(simplify(scalar)) {
                if !word.isEmpty { body(word.lowercased()); word = "" }
                body(p)
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                body(word.lowercased()); word = ""
            }
        }
        if !word.isEmpty { body(word.lowercased()) }
    }
}
