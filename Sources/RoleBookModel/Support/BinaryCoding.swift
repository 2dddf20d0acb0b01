/// The build cache's small binary files (`.rolebook-cache/*.parts`, `*.shape`): a header, then
/// unsigned LEB128 numbers, little-endian 64-bit words and length-prefixed UTF-8 strings.
package struct BinaryWriter: Sendable {
    package private(set) var bytes: [UInt8]

    package init(header: [UInt8]) { bytes = header }

    package mutating func number(_ value: Int) {
        var v = UInt64(value)
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    package mutating func word(_ value: UInt64) {
        for b in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(b)))) }
    }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    package mutating func string(_ s: String) { number(s.utf8.count); bytes += s.utf8 }

    package mutating func strings(_ list: [String]) { number(list.count); for s in list { string(s) } }

    /// Any integer, negative ones too, zigzag-encoded (small magnitudes take one byte).
    package mutating func signed(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value) << 1) ^ UInt64(bitPattern: Int64(value) >> 63)
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    /// Bytes as they are (a part encoded earlier, or by another writer).
    package mutating func raw(_ part: some Collection<UInt8>) { bytes.append(contentsOf: part) }
}

/// Reads what ``BinaryWriter`` wrote; every read is bounds-checked and answers nil past the end
/// or on a number too large, so a damaged cache file is only ever a cache miss.
package struct BinaryReader: Sendable {
    private let bytes: [UInt8]
    private var i: Int
    /// Where reading stops: the end of `bytes`, or of the part being read.
    private let end: Int

    /// Nil when `bytes` does not start with `header`.
    package init?(_ bytes: [UInt8], header: [UInt8]) {
        guard bytes.starts(with: header) else { return nil }
        self.bytes = bytes
        i = header.count
        end = bytes.count
    }

    /// Reads only `part` of `bytes` (one record of a file read whole, without copying it out);
    /// `part` is clamped to `bytes`.
    package init(_ bytes: [UInt8], part: Range<Int>) {
        self.bytes = bytes
        let clamped = part.clamped(to: 0..<bytes.count)
        i = clamped.lowerBound
        end = clamped.upperBound
    }

    /// Where the next read starts, in `bytes`.
    package var offset: Int { i }

    package var isAtEnd: Bool { i == end }

    /// How many bytes are left: a count read from the file is never trusted beyond it.
    package var remaining: Int { end - i }

    package mutating func number() -> Int? {
        var v: UInt64 = 0, shift: UInt64 = 0
        while i < end, shift < 63 {
            let b = bytes[i]; i += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v <= UInt64(Int32.max) ? Int(v) : nil }
            shift += 7
        }
        return nil
    }

    /// What ``BinaryWriter/signed(_:)`` wrote.
    package mutating func signed() -> Int? {
        var v: UInt64 = 0, shift: UInt64 = 0
        while i < end, shift < 64 {
            let b = bytes[i]; i += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))) }
            shift += 7
        }
        return nil
    }

    package mutating func byte() -> UInt8? {
        guard i < end else { return nil }
        defer { i += 1 }
        return bytes[i]
    }

    package mutating func word() -> UInt64? {
        guard remaining >= 8 else { return nil }
        var v: UInt64 = 0
        for b in 0..<8 { v |= UInt64(bytes[i + b]) << (8 * UInt64(b)) }
        i += 8
        return v
    }

    package mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { i += count }
        return bytes[i..<(i + count)]
    }

    /// A reader of the next `count` bytes alone (sharing these bytes), which this one steps over.
    package mutating func part(_ count: Int) -> BinaryReader? {
        guard count >= 0, count <= remaining else { return nil }
        defer { i += count }
        return BinaryReader(bytes, part: i..<(i + count))
    }

    package mutating func string() -> String? {
        guard let n = number(), let utf8 = bytes(n) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    package mutating func strings() -> [String]? {
        guard let n = number(), n <= remaining else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { guard let s = string() else { return nil }; out.append(s) }
        return out
    }
}
