/// A ``StableHash`` of any `Encodable` value: every stored property of a synthesized conformance
/// is fed in, so a value that gains a field is hashed with it without anyone listing it. Page
/// models are hashed this way to decide whether a page must be rendered again.
///
/// Only deterministic encodings hash deterministically: a `Dictionary` or `Set` encodes in a
/// per-process order, so models hold sorted arrays instead.
package enum StableHasher {
    package static func hash<T: Encodable>(_ value: T, seed: UInt64 = 0x6D6F_6465_6C) -> UInt64 {
        hash(value, sink: Sink(seed))
    }

    /// The hash `hash(_:seed:)` gives, made through the `Encoder` alone (no ``StableHashDirect``
    /// shortcut): what the shortcuts are tested against.
    package static func encoderHash<T: Encodable>(_ value: T, seed: UInt64 = 0x6D6F_6465_6C) -> UInt64 {
        let sink = Sink(seed)
        sink.direct = false
        return hash(value, sink: sink)
    }

    private static func hash<T: Encodable>(_ value: T, sink: Sink) -> UInt64 {
        // This encoder never throws; a conformance that throws leaves its error in the hash.
        do { try feed(value, sink: sink, depth: 0) } catch { sink.add(0xE77, depth: 0) }
        return sink.fingerprint.value
    }

    /// Feeds `value` at `depth`: what `value.encode(to:)` through ``HashingEncoder`` feeds, but
    /// strings, integers, arrays, optionals and ``StableHashDirect`` values without an `Encoder`
    /// (its existential containers, boxes and unspecialized generic calls cost several times the
    /// hashing itself).
    package static func feed<T: Encodable>(_ value: T, sink: Sink, depth: Int) throws {
        if sink.direct {
            // Comparing metadata is cheap; a failed `as?` to a protocol is a cached lookup.
            if T.self == String.self { return sink.add(same(value, as: String.self), depth: depth) }
            if T.self == Int.self { return sink.add(int: same(value, as: Int.self), depth: depth) }
            if T.self == Bool.self { return sink.add(bool: same(value, as: Bool.self), depth: depth) }
            if T.self == UInt64.self { return sink.add(same(value, as: UInt64.self), depth: depth) }
            if let direct = value as? any StableHashDirect { return try direct.stableHash(into: sink, depth: depth) }
        }
        try value.encode(to: HashingEncoder(sink: sink, depth: depth))
    }

    /// `value` as the type it is known to be (`T.self == U.self` was checked).
    @inline(__always)
    private static func same<T, U>(_ value: T, as type: U.Type) -> U {
        withUnsafePointer(to: value) { UnsafeRawPointer($0).assumingMemoryBound(to: U.self).pointee }
    }

    /// The running hash all containers of one value feed. Each entry carries the depth it was
    /// written at, so `[[a], [b]]` and `[[a, b]]` differ.
    package final class Sink {
        var fingerprint: Fingerprint
        /// False only for ``encoderHash(_:seed:)``.
        var direct = true
        /// The keys ``StableHasher/Fields`` feeds at depth 1, when a test asks for them.
        var recordedKeys: [String]?
        init(_ seed: UInt64) { fingerprint = Fingerprint(seed) }
        func add(_ value: UInt64, depth: Int) {
            fingerprint.add(UInt64(depth))
            fingerprint.add(value)
        }
        func add(_ string: String, depth: Int) { add(StableHash.string(string), depth: depth) }
        func add(int value: Int, depth: Int) { add(UInt64(bitPattern: Int64(value)), depth: depth) }
        func add(bool value: Bool, depth: Int) { add(value ? 1 : 2, depth: depth) }
    }

    // Markers for what opened where.
    static let keyedMarker: UInt64 = 0x4B45_59, unkeyedMarker: UInt64 = 0x4C49_5354, nilMarker: UInt64 = 0x4E49_4C

    struct HashingEncoder: Encoder {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            sink.add(StableHasher.keyedMarker, depth: depth)
            return KeyedEncodingContainer(Keyed<Key>(sink: sink, depth: depth + 1))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.add(StableHasher.unkeyedMarker, depth: depth)
            return Unkeyed(sink: sink, depth: depth + 1)
        }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink, depth: depth) }
    }

    /// Every primitive as 64 bits; strings by their hash.
    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() { sink.add(StableHasher.nilMarker, depth: depth) }
        mutating func encode(_ value: Bool) { sink.add(bool: value, depth: depth) }
        mutating func encode(_ value: String) { sink.add(value, depth: depth) }
        mutating func encode(_ value: Double) { sink.add(value.bitPattern, depth: depth) }
        mutating func encode(_ value: Float) { sink.add(UInt64(value.bitPattern), depth: depth) }
        mutating func encode(_ value: Int) { sink.add(int: value, depth: depth) }
        mutating func encode(_ value: Int8) { encode(Int(value)) }
        mutating func encode(_ value: Int16) { encode(Int(value)) }
        mutating func encode(_ value: Int32) { encode(Int(value)) }
        mutating func encode(_ value: Int64) { encode(Int(value)) }
        mutating func encode(_ value: UInt) { sink.add(UInt64(value), depth: depth) }
        mutating func encode(_ value: UInt8) { encode(UInt(value)) }
        mutating func encode(_ value: UInt16) { encode(UInt(value)) }
        mutating func encode(_ value: UInt32) { encode(UInt(value)) }
        mutating func encode(_ value: UInt64) { sink.add(value, depth: depth) }
        mutating func encode<T: Encodable>(_ value: T) throws { try StableHasher.feed(value, sink: sink, depth: depth) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0
        init(sink: Sink, depth: Int) { self.sink = sink; self.depth = depth }
        private var single: Single { Single(sink: sink, depth: depth) }

        mutating func encodeNil() { count += 1; var s = single; s.encodeNil() }
        mutating func encode(_ value: String) { count += 1; var s = single; s.encode(value) }
        mutating func encode(_ value: Bool) { count += 1; var s = single; s.encode(value) }
        mutating func encode(_ value: Int) { count += 1; var s = single; s.encode(value) }
        mutating func encode(_ value: UInt64) { count += 1; var s = single; s.encode(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { count += 1; var s = single; try s.encode(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return HashingEncoder(sink: sink, depth: depth).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return HashingEncoder(sink: sink, depth: depth).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { count += 1; return HashingEncoder(sink: sink, depth: depth) }
    }

    /// Keys are hashed with their values, so optionals left out (`encodeIfPresent`) cannot shift
    /// one field's value into another's place.
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private func single(_ key: Key) -> Single {
            sink.add(key.stringValue, depth: depth)
            return Single(sink: sink, depth: depth)
        }

        mutating func encodeNil(forKey key: Key) { var s = single(key); s.encodeNil() }
        mutating func encode(_ value: String, forKey key: Key) { var s = single(key); s.encode(value) }
        mutating func encode(_ value: Bool, forKey key: Key) { var s = single(key); s.encode(value) }
        mutating func encode(_ value: Int, forKey key: Key) { var s = single(key); s.encode(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) { var s = single(key); s.encode(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var s = single(key); try s.encode(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            sink.add(key.stringValue, depth: depth)
            return HashingEncoder(sink: sink, depth: depth).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.add(key.stringValue, depth: depth)
            return HashingEncoder(sink: sink, depth: depth).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { HashingEncoder(sink: sink, depth: depth) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            sink.add(key.stringValue, depth: depth)
            return HashingEncoder(sink: sink, depth: depth)
        }
    }
}
