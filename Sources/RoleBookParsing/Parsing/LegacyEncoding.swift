import RoleBookModel
/// Tells a file saved as GBK (GB 2312, GB 18030) or Big5 from one that is merely broken UTF-8,
/// so RB001 can say which encoding it is and how to save it as UTF-8.
///
/// Both are double-byte encodings over ASCII: a lead byte 0x81–0xFE, then a trail byte. They share
/// most of that space, so the guess is statistical: in GBK text nearly every character is from GB
/// 2312 (both bytes 0xA1–0xFE), while in Big5 text about half the trail bytes are 0x40–0x7E.
enum LegacyEncoding {
    /// "GBK", "Big5", or nil when `bytes` is not plausibly either (too few double-byte pairs, or a
    /// byte sequence neither allows).
    static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var pairs = 0, lowTrail = 0, gbOnly = false, big5Only = false
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            // 0x80 and 0xFF start nothing in either encoding.
            guard (0x81...0xFE).contains(lead), i + 1 < bytes.count else { return nil }
            let trail = bytes[i + 1]
            let gbk = (0x40...0xFE).contains(trail) && trail != 0x7F
            let big5 = (0xA1...0xF9).contains(lead) && ((0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail))
            guard gbk || big5 else { return nil }
            if !big5 { gbOnly = true }
            if !gbk { big5Only = true }
            if trail < 0x80 { lowTrail += 1 }
            pairs += 1
            i += 2
        }
        guard pairs >= 2, !(gbOnly && big5Only) else { return nil }
        if gbOnly { return "GBK" }
        if big5Only { return "Big5" }
        // More than one pair in ten with a trail byte below 0x80 is Big5's signature.
        return lowTrail * 10 > pairs ? "Big5" : "GBK"
    }
}
