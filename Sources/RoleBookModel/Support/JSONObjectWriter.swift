import Foundation

/// Writes one JSON object's members as UTF-8 bytes; callers add them in sorted key order
/// (UTF-8 bytes, as `JSONEncoder`'s `.sortedKeys`), and nil values are left out as
/// `encodeIfPresent` does. Strings are escaped as ``JSONWriter`` escapes them:
/// the streaming form of the one writer, for graph.json, where building ``JSONValue``s cost too much.
package struct JSONObjectWriter {
    package private(set) var bytes: [UInt8] = [0x7B]
    private var first = true

    package init() {}
    private init(bytes: [UInt8], first: Bool) { self.bytes = bytes; self.first = first }

    private mutating func key(_ k: StaticString) {
        if !first { bytes.append(0x2C) }
        first = false
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }
    package mutating func string(_ k: StaticString, _ v: String?) {
        guard let v else { return }
        key(k); JSONWriter.appendString(v, to: &bytes)
    }
    package mutating func int(_ k: StaticString, _ v: Int?) {
        guard let v else { return }
        key(k); bytes.append(contentsOf: String(v).utf8)
    }
    package mutating func bool(_ k: StaticString, _ v: Bool) { key(k); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
    package mutating func strings(_ k: StaticString, _ v: [String]) {
        key(k)
        bytes.append(0x5B)
        for (i, item) in v.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            JSONWriter.appendString(item, to: &bytes)
        }
        bytes.append(0x5D)
    }
    package mutating func objects<T>(_ k: StaticString, _ v: [T]?, _ write: (T, inout JSONObjectWriter) -> Void) {
        guard let v else { return }
        key(k)
        bytes.append(0x5B)
        for (i, item) in v.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            // Nested objects write into this buffer: no intermediate strings.
            var w = JSONObjectWriter(bytes: [], first: true)
            swap(&w.bytes, &bytes)
            w.bytes.append(0x7B)
            write(item, &w)
            w.bytes.append(0x7D)
            swap(&w.bytes, &bytes)
        }
        bytes.append(0x5D)
    }
    package consuming func finish() -> String { String(decoding: finishBytes(), as: UTF8.self) }

    package consuming func finishBytes() -> [UInt8] {
        bytes.append(0x7D)
        return bytes
    }
}
