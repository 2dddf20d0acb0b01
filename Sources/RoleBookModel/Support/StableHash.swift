/// 64-bit hashes that are the same in every run and on every machine (unlike `Hasher`, which is
/// seeded per process), for the build cache: content hashes of output files, of source files and
/// fingerprints of what a page was rendered from.
package enum StableHash {
    /// Hash of raw bytes, 8 bytes per step: fast enough to hash a 200 MB site in a fraction of
    /// the time writing it takes.
    package static func bytes(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
        return finish(h ^ tail)
    }

    package static func string(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    /// Mixes a value into a running hash (order matters: `[a, b]` and `[b, a]` differ).
    @inline(__always)
    package static func combine(_ h: UInt64, _ value: UInt64) -> UInt64 {
        var x = (h ^ value) &* 0x9FB2_1C65_1E98_DF25
        x ^= x >> 28
        return x &+ 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    static func finish(_ value: UInt64) -> UInt64 {
        var h = value &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 32)
    }
}
