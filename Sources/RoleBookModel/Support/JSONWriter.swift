import Foundation

/// The one JSON writer: every JSON file and message rolebook writes goes through it.
///
/// Deterministic by construction: object keys sorted by their UTF-8 bytes (what `JSONEncoder`'s
/// `.sortedKeys` does on Linux), strings escaped as `JSONEncoder` escapes them with
/// `.withoutEscapingSlashes` (`"`, `\`, and C0 controls as `\n`, `\t`, … or `\u00XX`) plus
/// U+2028 and U+2029, which end a line in pre-2019 JavaScript. A writer can escape more
/// scalars (`<` `>` `&` in a `<script>` element; unprintable ones in terminal output), always
/// as `\uXXXX` (a surrogate pair above U+FFFF), so the JSON value stays the same.
package struct JSONWriter: Sendable {
    /// Scalars escaped besides the standard ones; nil: none.
    package var alsoEscaping: (@Sendable (Unicode.Scalar) -> Bool)?
    /// Two-space indented lines with `"key" : value`, as `JSONEncoder`'s `.prettyPrinted` writes.
    package var pretty: Bool

    package init(pretty: Bool = false, alsoEscaping: (@Sendable (Unicode.Scalar) -> Bool)? = nil) {
        self.pretty = pretty
        self.alsoEscaping = alsoEscaping
    }

    /// `<`, `>` and `&` escaped: the text can sit inside `<script>` (no `</script>` or `<!--` can appear in it).
    package static let scriptSafe = JSONWriter(alsoEscaping: { $0 == "<" || $0 == ">" || $0 == "&" })

    /// The text of `value`.
    package func text(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of an `Encodable` value: what `JSONEncoder` with sorted keys writes for it.
    package func text<T: Encodable>(encoding value: T) -> String {
        // Encoding our own records cannot fail (no non-conforming floats, no invalid containers).
        text((try? JSONValue(encoding: value)) ?? .null)
    }

    /// Appends the text of `value` to UTF-8 bytes.
    ///
    /// A loop over an explicit stack, not recursion, so the depth of the value is not bounded
    /// by the call stack.
    package func write(_ value: JSONValue, to out: inout [UInt8]) {
        enum Step {
            case value(JSONValue, depth: Int)
            case bytes(String)
        }
        var steps: [Step] = [.value(value, depth: 0)]
        func newline(_ depth: Int) -> String { "\n" + String(repeating: "  ", count: depth) }
        while let step = steps.popLast() {
            switch step {
            case .bytes(let text):
                out.append(contentsOf: text.utf8)
            case .value(.null, _):
                out.append(contentsOf: "null".utf8)
            case .value(.bool(let b), _):
                out.append(contentsOf: (b ? "true" : "false").utf8)
            case .value(.int(let n), _):
                out.append(contentsOf: String(n).utf8)
            case .value(.double(let d), _):
                out.append(contentsOf: Self.number(d).utf8)
            case .value(.string(let s), _):
                appendString(s, to: &out)
            case .value(.array(let items), let depth):
                // Steps are pushed in reverse: the last pushed runs first.
                let inner = pretty ? newline(depth + 1) : ""
                steps.append(.bytes(pretty ? (items.isEmpty ? "\n" : "") + newline(depth) + "]" : "]"))
                for (i, item) in items.enumerated().reversed() {
                    steps.append(.value(item, depth: depth + 1))
                    steps.append(.bytes(i == 0 ? inner : "," + inner))
                }
                out.append(0x5B)
            case .value(.object(let members), let depth):
                let inner = pretty ? newline(depth + 1) : ""
                let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                steps.append(.bytes(pretty ? (keys.isEmpty ? "\n" : "") + newline(depth) + "}" : "}"))
                for (i, key) in keys.enumerated().reversed() {
                    steps.append(.value(members[key]!, depth: depth + 1))
                    var head: [UInt8] = []
                    appendString(key, to: &head)
                    steps.append(.bytes((i == 0 ? inner : "," + inner) + String(decoding: head, as: UTF8.self) + (pretty ? " : " : ":")))
                }
                out.append(0x7B)
            }
        }
    }

    /// A number as `JSONEncoder` writes it: integral values without a fraction (`1`, not `1.0`).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// Appends `s` as a JSON string literal to UTF-8 bytes.
    package func appendString(_ s: String, to out: inout [UInt8]) {
        if let alsoEscaping {
            out.append(0x22)
            for scalar in s.unicodeScalars {
                if scalar.value >= 0x20, scalar != "\"", scalar != "\\", scalar != "\u{2028}", scalar != "\u{2029}", !alsoEscaping(scalar) {
                    out.append(contentsOf: String(scalar).utf8)
                } else {
                    Self.appendEscaped(scalar, to: &out)
                }
            }
            out.append(0x22)
            return
        }
        Self.appendString(s, to: &out)
    }

    /// Appends `s` as a JSON string literal with the standard escapes only.
    package static func appendString(_ s: String, to out: inout [UInt8]) {
        var copy = s
        // Most strings need no escaping: checked on the bytes first, since escaping scalar by
        // scalar was a visible share of writing graph.json.
        let clean = copy.withUTF8 { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { return false }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
                i += 1
            }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
            return true
        }
        guard !clean else { return }
        out.append(0x22)
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x20, scalar != "\"", scalar != "\\", scalar != "\u{2028}", scalar != "\u{2029}" {
                out.append(contentsOf: String(scalar).utf8)
            } else {
                appendEscaped(scalar, to: &out)
            }
        }
        out.append(0x22)
    }

    /// An object of string members, keys in UTF-8 order as ``text(_:)`` writes them, without
    /// building ``JSONValue``s: the search index writes hundreds of thousands of such members.
    package static func stringObject(_ entries: [(String, String)]) -> String {
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(entries.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
        for (i, entry) in entries.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }).enumerated() {
            if i > 0 { out.append(0x2C) }
            appendString(entry.0, to: &out)
            out.append(0x3A)
            appendString(entry.1, to: &out)
        }
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string literal with the standard escapes.
    package static func string(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One scalar escaped: the short forms `JSONEncoder` uses, else `\uXXXX` (lowercase hex).
    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar {
        case "\"": out += [0x5C, 0x22]
        case "\\": out += [0x5C, 0x5C]
        case "\n": out += [0x5C, 0x6E]
        case "\r": out += [0x5C, 0x72]
        case "\t": out += [0x5C, 0x74]
        case "\u{08}": out += [0x5C, 0x62]
        case "\u{0C}": out += [0x5C, 0x66]
        default:
            func unit(_ u: UInt32) {
                let hex = String(u, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
            if scalar.value > 0xFFFF {
                let v = scalar.value - 0x10000
                unit(0xD800 + (v >> 10))
                unit(0xDC00 + (v & 0x3FF))
            } else {
                unit(scalar.value)
            }
        }
    }
}

/// A JSON value for ``JSONWriter``; objects are unordered (the writer sorts their keys).
package enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value `JSONEncoder` would write for `value` (nil optionals left out, as synthesized
    /// `Encodable` conformances do with `encodeIfPresent`).
    package init<T: Encodable>(encoding value: T) throws {
        let root = JSONValueEncoding.Node()
        try value.encode(to: JSONValueEncoding(node: root, codingPath: []))
        self = root.value
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements) { _, last in last }) }
}

/// An `Encoder` that builds a ``JSONValue``. Containers are handed out before they are
/// filled, so they write into shared nodes that become the value at the end.
struct JSONValueEncoding: Encoder {
    final class Node {
        var scalar: JSONValue = .null
        var items: [Node]?
        var members: [String: Node]?

        /// As deep as the `Encodable` value's own nesting, which `encode(to:)` already recursed through.
        var value: JSONValue {
            if let items { return .array(items.map(\.value)) }
            if let members { return .object(members.mapValues(\.value)) }
            return scalar
        }

        func object() -> Node { if members == nil { members = [:]; items = nil }; return self }
        func array() -> Node { if items == nil { items = []; members = nil }; return self }
    }

    let node: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(node: node.object(), codingPath: codingPath))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(node: node.array(), codingPath: codingPath) }
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }

    /// Encodes `value` into `node`: scalars directly, anything else through its `encode(to:)`.
    static func encode<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as String: node.scalar = .string(v)
        case let v as Bool: node.scalar = .bool(v)
        case let v as Int: node.scalar = .int(v)
        case let v as Double: node.scalar = .double(v)
        case let v as URL: node.scalar = .string(v.absoluteString)
        default: try value.encode(to: JSONValueEncoding(node: node, codingPath: codingPath))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        private func child(_ key: Key) -> Node {
            let child = Node()
            node.members![key.stringValue] = child
            return child
        }
        mutating func encodeNil(forKey key: Key) throws { _ = child(key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONValueEncoding.encode(value, into: child(key), codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(node: child(key).object(), codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(node: child(key).array(), codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { JSONValueEncoding(node: child(Key(stringValue: "super")!), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { JSONValueEncoding(node: child(key), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.items!.count }

        private func next() -> Node {
            let child = Node()
            node.items!.append(child)
            return child
        }
        mutating func encodeNil() throws { _ = next() }
        mutating func encode<T: Encodable>(_ value: T) throws { try JSONValueEncoding.encode(value, into: next(), codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(node: next().object(), codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(node: next().array(), codingPath: codingPath) }
        mutating func superEncoder() -> any Encoder { JSONValueEncoding(node: next(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.scalar = .null }
        mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
        mutating func encode(_ value: String) throws { node.scalar = .string(value) }
        mutating func encode(_ value: Double) throws { node.scalar = .double(value) }
        mutating func encode(_ value: Float) throws { node.scalar = .double(Double(value)) }
        mutating func encode(_ value: Int) throws { node.scalar = .int(value) }
        mutating func encode(_ value: Int8) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: Int16) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: Int32) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: Int64) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: UInt) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: UInt8) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: UInt16) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: UInt32) throws { node.scalar = .int(Int(value)) }
        mutating func encode(_ value: UInt64) throws { node.scalar = .int(Int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try JSONValueEncoding.encode(value, into: node, codingPath: codingPath) }
    }
}
