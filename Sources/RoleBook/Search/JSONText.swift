import Foundation

/// Minimal JSON text for the index files: strings escaped as `JSONEncoder` does
/// (`withoutEscapingSlashes`), objects with sorted keys, plus U+2028/U+2029 escaped for old JavaScript.
enum JSONText {
    static func string(_ s: String) -> String {
        // Most strings need no escaping: checked first, since building the escaped copy byte by
        // byte was a visible share of index building.
        var copy = s
        let clean = copy.withUTF8 { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { return false }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
                i += 1
            }
            return true
        }
        if clean { return "\"" + copy + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        var bytes = s.utf8.makeIterator()
        var pending: [UInt8] = []   // a lead 0xE2 (0xE2 0x80) held back to spot U+2028/U+2029
        while let b = bytes.next() {
            if !pending.isEmpty {
                pending.append(b)
                if pending.count == 2 && b == 0x80 { continue }
                if pending.count == 3 && (b == 0xA8 || b == 0xA9) {
                    out += Array("\\u202".utf8) + [b == 0xA8 ? 0x38 : 0x39]
                    pending = []
                    continue
                }
                out += pending
                pending = []
                continue
            }
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            case 0xE2: pending = [b]
            default: out.append(b)
            }
        }
        out += pending
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ",") + "]"
    }

    /// Appends `s` as a JSON string (escaped as ``string(_:)`` does) to UTF-8 bytes.
    static func append(_ s: String, to out: inout [UInt8]) {
        var copy = s
        let clean = copy.withUTF8 { bytes -> Bool in
            for (i, b) in bytes.enumerated() {
                if b == 0x22 || b == 0x5C || b < 0x20 { return false }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
            return true
        }
        if !clean { out.append(contentsOf: string(s).utf8) }
    }

    /// Keys sorted by UTF-8 bytes, like `JSONEncoder`'s `.sortedKeys` on Linux.
    static func object(entries: [(String, String)]) -> String {
        let sorted = entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var out = "{"
        out.reserveCapacity(entries.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
        for (i, entry) in sorted.enumerated() {
            if i > 0 { out += "," }
            out += string(entry.0)
            out += ":"
            out += string(entry.1)
        }
        return out + "}"
    }

    /// Keys sorted by UTF-8 bytes, like `JSONEncoder`'s `.sortedKeys` on Linux.
    static func object(_ dictionary: [String: String]) -> String {
        let keys = dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return "{" + keys.map { string($0) + ":" + string(dictionary[$0]!) }.joined(separator: ",") + "}"
    }
}
