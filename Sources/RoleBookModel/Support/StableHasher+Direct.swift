/// A value that feeds ``StableHasher`` itself, without an `Encoder`: for the few small types
/// every page model holds many of (links, entities), and for arrays and optionals.
///
/// It must feed exactly what its `encode(to:)` feeds through the encoder, so hash values do not
/// depend on which path made them; `PageModelTests` checks each conformance against
/// ``StableHasher/encoderHash(_:seed:)``, and that a synthesized one lists every stored property.
package protocol StableHashDirect: Encodable {
    /// Feeds the value at `depth`, as `encode(to:)` through an encoder at that depth would.
    func stableHash(into sink: StableHasher.Sink, depth: Int) throws
}

/// A ``StableHashDirect`` value encoded as one keyed container (a struct's synthesized
/// conformance): it lists its fields, in declaration order, under their coding keys.
package protocol StableHashFields: StableHashDirect {
    func stableHashFields(_ fields: StableHasher.Fields) throws
}

extension StableHashFields {
    package func stableHash(into sink: StableHasher.Sink, depth: Int) throws {
        // What `container(keyedBy:)` feeds: its marker here, its entries one level down.
        sink.add(StableHasher.keyedMarker, depth: depth)
        try stableHashFields(StableHasher.Fields(sink: sink, depth: depth + 1))
    }
}

extension StableHasher {
    /// A coding key with its hash worked out once (a conformance keeps its keys in `static let`s).
    package struct Key: Sendable {
        let name: String
        let hash: UInt64
        package init(_ name: String) { self.name = name; hash = StableHash.string(name) }
    }

    /// The entries of one keyed container: each key, then its value, at the container's depth
    /// (what ``StableHasher/Keyed`` feeds).
    package struct Fields {
        let sink: Sink
        let depth: Int

        private func key(_ key: Key) {
            record(key)
            sink.add(key.hash, depth: depth)
        }

        /// Notes a top-level key for ``StableHasher/fieldKeys(of:)``, also of an optional left out.
        private func record(_ key: Key) {
            if depth == 1, sink.recordedKeys != nil { sink.recordedKeys?.append(key.name) }
        }

        package func add(_ key: Key, _ value: String) { self.key(key); sink.add(value, depth: depth) }
        package func add(_ key: Key, _ value: Int) { self.key(key); sink.add(int: value, depth: depth) }
        package func add(_ key: Key, _ value: Bool) { self.key(key); sink.add(bool: value, depth: depth) }
        package func add(_ key: Key, _ value: UInt64) { self.key(key); sink.add(value, depth: depth) }
        /// A value of a known direct type: called without a cast.
        package func add<T: StableHashDirect>(_ key: Key, _ value: T) throws {
            self.key(key)
            try value.stableHash(into: sink, depth: depth)
        }
        package func add<T: Encodable>(_ key: Key, _ value: T) throws {
            self.key(key)
            try StableHasher.feed(value, sink: sink, depth: depth)
        }
        /// A field a synthesized conformance writes with `encodeIfPresent`: nothing at all when nil.
        package func addIfPresent(_ key: Key, _ value: String?) {
            if let value { add(key, value) } else { record(key) }
        }
        package func addIfPresent<T: StableHashDirect>(_ key: Key, _ value: T?) throws {
            if let value { try add(key, value) } else { record(key) }
        }
    }

    /// The keys a ``StableHashFields`` value lists at its top level, optionals left out (nil)
    /// included: for tests, to compare with its stored properties.
    package static func fieldKeys(of value: some StableHashFields) throws -> [String] {
        let sink = Sink(0)
        sink.recordedKeys = []
        try value.stableHash(into: sink, depth: 0)
        return sink.recordedKeys ?? []
    }
}

extension StableHashDirect {
    /// Feeds each element of `array`, whose elements are of this type: one cast per array
    /// (finding this type) instead of one per element.
    static func stableHashElements<E>(_ array: [E], into sink: StableHasher.Sink, depth: Int) throws {
        try array.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let elements = UnsafeRawPointer(base).assumingMemoryBound(to: Self.self)
            for i in 0..<buffer.count { try elements[i].stableHash(into: sink, depth: depth) }
        }
    }
}

// `Array.encode(to:)`: an unkeyed container, each element one level down.
extension Array: StableHashDirect where Element: Encodable {
    package func stableHash(into sink: StableHasher.Sink, depth: Int) throws {
        sink.add(StableHasher.unkeyedMarker, depth: depth)
        if let direct = Element.self as? any StableHashDirect.Type {
            try direct.stableHashElements(self, into: sink, depth: depth + 1)
        } else {
            for element in self { try StableHasher.feed(element, sink: sink, depth: depth + 1) }
        }
    }
}

// `Optional.encode(to:)`: a single value container, nil or the wrapped value at the same depth.
extension Optional: StableHashDirect where Wrapped: Encodable {
    package func stableHash(into sink: StableHasher.Sink, depth: Int) throws {
        switch self {
        case .none: sink.add(StableHasher.nilMarker, depth: depth)
        case .some(let wrapped): try StableHasher.feed(wrapped, sink: sink, depth: depth)
        }
    }
}

// Entities hash as their header's identity (`EntityHeader.encode(to:)`: path, then source hash).
extension EntityHeader: StableHashFields {
    private static let keys = (path: StableHasher.Key("path"), sourceHash: StableHasher.Key("sourceHash"))
    package func stableHashFields(_ fields: StableHasher.Fields) {
        fields.add(Self.keys.path, path)
        fields.add(Self.keys.sourceHash, sourceHash)
    }
}

extension Role: StableHashDirect {
    package func stableHash(into sink: StableHasher.Sink, depth: Int) throws { try header.stableHash(into: sink, depth: depth) }
}

extension Department: StableHashDirect {
    package func stableHash(into sink: StableHasher.Sink, depth: Int) throws { try header.stableHash(into: sink, depth: depth) }
}

extension Procedure: StableHashDirect {
    package func stableHash(into sink: StableHasher.Sink, depth: Int) throws { try header.stableHash(into: sink, depth: depth) }
}
