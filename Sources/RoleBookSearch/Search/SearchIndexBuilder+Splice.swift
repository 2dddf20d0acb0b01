import Foundation
import RoleBookModel

/// Patching one encoded posting list in place: the postings of the edited documents are taken
/// out and their new ones put in, and every other posting is copied as it is encoded, bytes and
/// all. Gaps are relative, so only the posting right after a change is written again; past the
/// last change the rest of the list (and of its positions) is copied in one piece. Decoding a
/// whole list into postings and encoding it again, as a patch did before, cost most of a title
/// edit's search step: the lists an edit touches are the long ones (common words, characters).
extension SearchIndexBuilder {
    /// `text` (a list as ``encodePostings(_:positional:positions:)`` writes it, positions part
    /// included when it has one) without the postings of `edited` (ascending) and with `gains`
    /// (the edited documents' postings now, doc ascending) in their places: the bytes encoding
    /// the same postings afresh gives. Nil when no posting is left.
    static func splice(_ text: String, positional: Bool, edited: [Int], gains: [Posting]) -> String? {
        let gains = gains.isSorted { $0.doc < $1.doc } ? gains : gains.sorted { $0.doc < $1.doc }
        var text = text
        return text.withUTF8 { bytes -> String? in
            let shift = positional ? 6 : 5
            let mask = (1 << shift) - 1
            let bar = bytes.firstIndex(of: UInt8(ascii: "|"))
            let postingsEnd = bar ?? bytes.count
            let hasPositions = bar != nil
            var out: [UInt8] = [], positions: [UInt8] = []
            out.reserveCapacity(postingsEnd + 8 * gains.count + 8)
            if hasPositions { positions.reserveCapacity(bytes.count - postingsEnd + 16 * gains.count) }
            // The last document a change reaches: past it, once in step, the rest is copied whole.
            let lastChange = max(edited.last ?? -1, gains.last?.doc ?? -1)
            var i = 0, j = postingsEnd + 1
            var oldPrevious = -1, newPrevious = -1
            var g = 0, e = 0

            /// The next number from `at`, advancing it.
            func number(_ at: inout Int, _ end: Int) -> Int {
                var v = 0
                while at < end {
                    let d = Int(digitValues[Int(bytes[at])])
                    at += 1
                    if d == 255 { continue }
                    if d >= 32 { v = v << 5 | (d - 32); continue }
                    return v << 5 | d
                }
                return v
            }
            func emit(_ p: Posting) {
                let lead: Int = positional && !p.positions.isEmpty && p.positions[0] == 0 ? 1 : 0
                appendNumber(UInt64(p.doc - newPrevious - 1) << UInt64(shift) | UInt64(lead << 5 | p.weight), to: &out)
                newPrevious = p.doc
                guard hasPositions else { return }
                appendNumber(UInt64(p.positions.count), to: &positions)
                var last: Int64 = -1
                for q in p.positions {
                    appendNumber(UInt64(Int64(q) - last - 1), to: &positions)
                    last = Int64(q)
                }
            }

            while i < postingsEnd {
                let start = i
                let v = number(&i, postingsEnd)
                let doc = oldPrevious + 1 + (v >> shift)
                oldPrevious = doc
                let groupStart = j
                if hasPositions {
                    var n = number(&j, bytes.count)
                    while n > 0 { _ = number(&j, bytes.count); n -= 1 }
                }
                while g < gains.count && gains[g].doc < doc { emit(gains[g]); g += 1 }
                while e < edited.count && edited[e] < doc { e += 1 }
                if e < edited.count && edited[e] == doc {
                    // Taken out; its new posting, if any, goes in its place.
                    while g < gains.count && gains[g].doc == doc { emit(gains[g]); g += 1 }
                    continue
                }
                if newPrevious == oldPrevious - (v >> shift) - 1 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                } else {
                    appendNumber(UInt64(doc - newPrevious - 1) << UInt64(shift) | UInt64(v & mask), to: &out)
                }
                newPrevious = doc
                if hasPositions { positions.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[groupStart..<j])) }
                if doc >= lastChange {
                    // In step again and no change ahead: the rest as it is.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<postingsEnd]))
                    if hasPositions { positions.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[min(j, bytes.count)...])) }
                    i = postingsEnd
                    j = bytes.count
                }
            }
            while g < gains.count { emit(gains[g]); g += 1 }
            guard !out.isEmpty else { return nil }
            if hasPositions { out.append(UInt8(ascii: "|")); out += positions }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension Array {
    fileprivate func isSorted(by less: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !less(self[$0], self[$0 - 1]) }
    }
}
