import Foundation
import RoleBookModel
import RoleBookSite

/// The postings codec: posting lists (and a bigram's positions) as strings of base-32 digits.
extension SearchIndexBuilder {
    /// Postings as `(doc, weight)` pairs, doc ascending: each pair is `v = gap << 5 | weight` with
    /// `gap = doc - previousDoc - 1` (first: `doc`), written big-endian in base 32 with
    /// continuation digits `WXYZa-z._` before a final digit `0-9A-V`.
    ///
    /// A CJK bigram's or trigram's list is *positional*: its postings are
    /// `v = gap << 6 | lead << 5 | weight`, `lead` set when the n-gram is at position 0 (the start
    /// of the title), which ranking needs without positions. A trigram's list has a second part,
    /// its positions: per posting in the same order, their number `n` and the positions, the
    /// first as it is, each further one as `position - previous - 1`, in the same digits. The
    /// shard file `i/<k>.js` holds the postings, the positions file `p/<k>.js` the positions, so
    /// that only a phrase query loads positions; in memory the two parts are one string joined by
    /// ``positionsSeparator``. In memory a bigram's positions are `[0]` when it leads, else none.
    static let finalDigits = Array(SearchFormat.shared.finalDigits.utf8)
    static let moreDigits = Array(SearchFormat.shared.moreDigits.utf8)
    /// Joins a trigram's postings and positions in memory; not a digit of either alphabet.
    static let positionsSeparator: Character = "|"

    /// One document's entry in a posting list.
    struct Posting: Hashable, Sendable {
        var doc: Int
        var weight: Int
        /// Positions of a trigram in the document (`[0]` for a leading bigram), ascending (empty in word and unigram lists).
        var positions: [UInt32] = []
    }

    /// Whether the posting list of `token` carries the lead flag: CJK bigrams' and trigrams' lists do.
    static func isPositional(_ token: String) -> Bool {
        if case .cjk(let key) = TokenKey(token) { return TokenKey.isNgram(key) }
        return false
    }

    /// Whether the posting list of `token` has a positions part: CJK trigrams' lists do.
    static func hasPositions(_ token: String) -> Bool {
        if case .cjk(let key) = TokenKey(token) { return TokenKey.isTrigram(key) }
        return false
    }

    @inline(__always)
    static func appendNumber(_ v: UInt64, to out: inout [UInt8]) {
        var shift = 0
        while v >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 { out.append(moreDigits[Int((v >> shift) & 31)]); shift -= 5 }
        out.append(finalDigits[Int(v & 31)])
    }

    /// Encodes a flat list as the builder collects it: `doc << 5 | weight` per posting, followed in a
    /// positional list by the count of positions and the positions. A positional list comes out
    /// as postings and, when `positions` (trigrams), positions joined by ``positionsSeparator``.
    static func encodePostings(_ list: [UInt32], positional: Bool = false, positions writePositions: Bool = true) -> String {
        var out: [UInt8] = [], positions: [UInt8] = []
        out.reserveCapacity(list.count * 2)
        var previous: Int64 = -1
        var i = 0
        while i < list.count {
            let packed = list[i]
            let doc = Int64(packed >> 5)
            i += 1
            guard positional else {
                appendNumber(UInt64(doc - previous - 1) << 5 | UInt64(packed & 31), to: &out)
                previous = doc
                continue
            }
            let n = Int(list[i])
            let lead: UInt64 = n > 0 && list[i + 1] == 0 ? 1 : 0
            appendNumber(UInt64(doc - previous - 1) << 6 | lead << 5 | UInt64(packed & 31), to: &out)
            previous = doc
            appendNumber(UInt64(n), to: &positions)
            var last: Int64 = -1
            for p in list[(i + 1)..<(i + 1 + n)] {
                appendNumber(UInt64(Int64(p) - last - 1), to: &positions)
                last = Int64(p)
            }
            i += 1 + n
        }
        if positional && writePositions { out.append(UInt8(ascii: "|")); out += positions }
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes postings (doc ascending); the lead flag is written when `positional`, positions
    /// when `positional` and `positions`.
    static func encodePostings(_ postings: [Posting], positional: Bool, positions writePositions: Bool = true) -> String {
        var flat: [UInt32] = []
        flat.reserveCapacity(postings.count * (positional ? 3 : 1))
        for p in postings {
            flat.append(UInt32(p.doc) << 5 | UInt32(p.weight))
            if positional { flat.append(UInt32(p.positions.count)); flat += p.positions }
        }
        return encodePostings(flat, positional: positional, positions: writePositions)
    }

    static func decodePostings(_ text: String, positional: Bool = false) -> [Posting] {
        var out: [Posting] = []
        forEachPosting(text, positional: positional) { doc, weight, lead in
            // Without a positions part (a bigram's list), the lead flag is all there is: position 0.
            out.append(Posting(doc: doc, weight: weight, positions: lead ? [0] : []))
            return true
        }
        guard positional, let bar = text.firstIndex(of: positionsSeparator) else { return out }
        for i in out.indices { out[i].positions = [] }
        // The positions part: per posting, the count then the positions.
        var index = 0, remaining = -1, last = -1
        forEachNumber(text[text.index(after: bar)...]) { v in
            guard index < out.count else { return }
            if remaining < 0 {
                remaining = v
                last = -1
            } else {
                last += 1 + v
                out[index].positions.append(UInt32(last))
                remaining -= 1
            }
            if remaining == 0 { index += 1; remaining = -1 }
        }
        return out
    }

    /// Digit values of the postings alphabet: 0–31 final, 32–63 continuation, 255 other.
    static let digitValues: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in finalDigits.enumerated() { table[Int(c)] = UInt8(i) }
        for (i, c) in moreDigits.enumerated() { table[Int(c)] = UInt8(32 + i) }
        return table
    }()

    /// Calls `body` with each number written in the postings digits, in order.
    static func forEachNumber(_ text: Substring, _ body: (Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var v = 0
            for b in bytes {
                let d = Int(digitValues[Int(b)])
                if d == 255 { continue }
                if d >= 32 { v = v << 5 | (d - 32); continue }
                body(v << 5 | d)
                v = 0
            }
        }
    }

    /// Calls `body` with each `(doc, weight, lead)` of encoded postings, in order, until it returns
    /// false; `lead` (positional lists only) tells that the n-gram starts the document's title.
    /// A positional list's positions, after ``positionsSeparator``, are not read.
    static func forEachPosting(_ text: String, positional: Bool = false, _ body: (_ doc: Int, _ weight: Int, _ lead: Bool) -> Bool) {
        var text = text
        let shift = positional ? 6 : 5
        text.withUTF8 { bytes in
            var v = 0, previous = -1
            for b in bytes {
                if b == UInt8(ascii: "|") { return }
                let d = Int(digitValues[Int(b)])
                if d == 255 { continue }
                if d >= 32 { v = v << 5 | (d - 32); continue }
                v = v << 5 | d
                defer { v = 0 }
                let doc = previous + 1 + (v >> shift)
                previous = doc
                guard body(doc, v & 31, positional && v & 32 != 0) else { return }
            }
        }
    }

    /// A shard's entry as its two files hold it: the postings, and a trigram's positions (nil for other tokens).
    static func split(_ entry: String) -> (postings: Substring, positions: Substring?) {
        guard let bar = entry.utf8.firstIndex(of: UInt8(ascii: "|")) else { return (entry[...], nil) }
        return (entry[..<bar], entry[entry.utf8.index(after: bar)...])
    }

    /// Whether an entry in memory has a positions part. Its bytes are searched, not its
    /// characters: `String.contains(Character)` breaks graphemes, which made this check alone a
    /// sixth of an edit's search step.
    static func hasPositionsPart(_ entry: String) -> Bool { entry.utf8.contains(UInt8(ascii: "|")) }
}
