/// An open-addressing hash map from packed CJK token keys (see ``TokenKey``) to a value.
///
/// The index builder looks up every CJK unigram and bigram of every document, millions of
/// lookups for a large site; `Dictionary` hashes each with SipHash, which was most of the
/// index's build time. A multiplicative hash over linear probing is enough for these keys,
/// which are not attacker-chosen in a way that matters (a slow build, not a security issue).
package struct PackedKeyTable<Value> {
    /// 0 marks an empty slot: no key is 0, since every packed key holds a scalar ≥ U+3040.
    private(set) var keys: [UInt64]
    private(set) var values: [Value]
    package private(set) var count = 0
    private var mask: Int
    private let empty: Value

    package init(capacity: Int = 64, empty: Value) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: empty, count: size)
        mask = size - 1
        self.empty = empty
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    /// The slot of `key`, inserted with the empty value when absent.
    @inline(__always)
    package mutating func slot(_ key: UInt64) -> Int {
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return i }
            if k == 0 {
                if (count + 1) * 2 > keys.count {
                    grow()
                    return slot(key)
                }
                keys[i] = key
                count += 1
                return i
            }
            i = (i + 1) & mask
        }
    }

    /// The value in `slot`, as returned by ``slot(_:)``.
    @inline(__always)
    package subscript(slot slot: Int) -> Value {
        get { values[slot] }
        _modify { yield &values[slot] }
    }

    /// The value of `key`, if present.
    func value(_ key: UInt64) -> Value? {
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: empty, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for i in oldKeys.indices where oldKeys[i] != 0 {
            let s = slot(oldKeys[i])
            values[s] = oldValues[i]
        }
    }

    /// Empties the table, keeping its storage (tables are reused from record to record).
    package mutating func removeAll() {
        guard count > 0 else { return }
        for i in keys.indices where keys[i] != 0 {
            keys[i] = 0
            values[i] = empty
        }
        count = 0
    }

    /// Every (key, value) pair, in slot order (callers sort when order matters).
    package func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i], values[i]) }
    }
}
