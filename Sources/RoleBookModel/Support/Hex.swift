/// Lower-case hexadecimal numbers written into and read from byte buffers: the cache's lists
/// (site manifest, spare list, search documents) have tens of thousands of lines, and a `String`
/// per number (`String(v, radix: 16)`) cost more than the rest of writing them.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends `v` in hex, without leading zeros (`0` for zero), as `String(v, radix: 16)` writes it.
    @inline(__always)
    package static func append(_ v: UInt64, to out: inout [UInt8]) {
        guard v != 0 else { out.append(0x30); return }
        var shift = (63 - v.leadingZeroBitCount) / 4 * 4
        while shift >= 0 {
            out.append(digits[Int((v >> UInt64(shift)) & 15)])
            shift -= 4
        }
    }

    /// Appends a signed `v` as `String(v, radix: 16)` writes it (a minus sign, then the magnitude).
    @inline(__always)
    package static func append(_ v: Int64, to out: inout [UInt8]) {
        if v < 0 { out.append(0x2D) }
        append(v.magnitude, to: &out)
    }

    /// Reads the hex number at `i` up to `stop`, and the `stop` too (`i` moves past it); nil
    /// when it has no digit, more than 16, another byte, or no `stop` before the end.
    ///
    /// On a buffer, not generic: a generic `package` function is called across modules
    /// unspecialized (even marked `@inlinable`), and reading the 1.4 MB site manifest that way
    /// cost 855 M instructions, 11,000 a number.
    package static func number(in bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, until stop: UInt8) -> UInt64? {
        var v: UInt64 = 0, digits = 0
        while i < bytes.count, bytes[i] != stop {
            guard let d = value(bytes[i]), digits < 16 else { return nil }
            v = v << 4 | UInt64(d)
            digits += 1
            i += 1
        }
        guard digits > 0, i < bytes.count else { return nil }
        i += 1
        return v
    }

    /// The value of one hex digit (either case), or nil.
    @inline(__always)
    package static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}
