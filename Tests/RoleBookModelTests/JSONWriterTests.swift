import Foundation
import Testing
@testable import RoleBookModel

/// The one JSON writer: byte for byte what `JSONEncoder` with sorted keys writes (the format of
/// every committed JSON golden), plus the escapes the project adds.
@Suite("JSON writer")
struct JSONWriterTests {
    struct Inner: Codable, Hashable {
        var text: String
        var number: Int?
        var flags: [Bool]
    }

    struct Record: Codable, Hashable {
        var title: String
        var zeta: Double
        var alpha: [Inner]
        var empty: [String]
        var nothing: String?
        var table: [String: Int]
        var emptyTable: [String: Int]
        var negative: Int
        var unsigned: UInt8
    }

    static let hostile = ["plain", "quote \" backslash \\ slash / </script>", "tab\tnew\nline\r\u{08}\u{0C}\u{01}\u{1F}", "客服經理 😀 é",
                          "del \u{7F} c1 \u{85} bidi \u{202E}", ""]

    static var records: [Record] {
        hostile.enumerated().map { i, s in
            Record(title: s, zeta: [0.73, 1.0, 0.5, 12.25, 0, 100][i], alpha: [Inner(text: s, number: i == 2 ? nil : -i, flags: [true, false]), Inner(text: "", number: 7, flags: [])],
                   empty: [], nothing: i == 1 ? s : nil, table: ["b": 2, "a": 1, "B": 0, "é": 3, s: 4], emptyTable: [:], negative: -1_000_000, unsigned: 255)
        }
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test("writes what JSONEncoder writes with sorted keys, compact and pretty, hostile strings and all", arguments: [false, true])
    func sameAsJSONEncoder(pretty: Bool) throws {
        for record in Self.records {
            let expected = String(decoding: try Self.encoder(pretty: pretty).encode(record), as: UTF8.self)
            #expect(JSONWriter(pretty: pretty).text(encoding: record) == expected)
        }
        let whole = String(decoding: try Self.encoder(pretty: pretty).encode(Self.records), as: UTF8.self)
        #expect(JSONWriter(pretty: pretty).text(encoding: Self.records) == whole)
    }

    @Test("keys sorted by UTF-8 bytes; nil optionals left out; integral doubles without a fraction")
    func layout() {
        let value: JSONValue = ["b": .int(2), "a": .bool(true), "B": .null, "é": .double(1), "z": .double(0.25), "": .array([])]
        #expect(JSONWriter().text(value) == #"{"":[],"B":null,"a":true,"b":2,"z":0.25,"é":1}"#)
        #expect(JSONWriter(pretty: true).text(["a": .array([]), "b": .object([:]), "c": ["x"]]) == "{\n  \"a\" : [\n\n  ],\n  \"b\" : {\n\n  },\n  \"c\" : [\n    \"x\"\n  ]\n}")
        #expect(JSONWriter().text(encoding: Inner(text: "t", number: nil, flags: [])) == #"{"flags":[],"text":"t"}"#)
    }

    @Test("U+2028 and U+2029 are escaped for old JavaScript; extra escapes keep the value", arguments: [false, true])
    func escapes(pretty: Bool) throws {
        let text = "a\u{2028}b\u{2029}c </script><!-- & 😀 \u{202E}"
        let plain = JSONWriter(pretty: pretty).text(["k": .string(text)])
        #expect(plain.contains(#"a\u2028b\u2029c </script><!-- & 😀 "#))
        var safe = JSONWriter.scriptSafe
        safe.pretty = pretty
        let script = safe.text(["k": .string(text)])
        #expect(!script.contains("<") && !script.contains(">") && !script.contains("&"))
        #expect(script.contains(#"\u003c/script\u003e\u003c!-- \u0026"#))
        let all = JSONWriter(pretty: pretty, alsoEscaping: { !$0.isASCII }).text(["k": .string(text)])
        #expect(all.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(all.contains(#"\ud83d\ude00"#), "a scalar above U+FFFF is a surrogate pair")
        for written in [plain, script, all] {
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: String])
            #expect(parsed == ["k": text], "\(written)")
        }
    }

    @Test("a value nested 5,000 deep is written whole")
    func deep() {
        var value = JSONValue.string("x")
        for i in 0..<5_000 { value = i % 2 == 0 ? .array([value]) : .object(["k": value]) }
        let text = JSONWriter().text(value)
        #expect(text == String(repeating: #"{"k":["#, count: 2_500) + #""x""# + String(repeating: "]}", count: 2_500))
    }

    @Test("the streaming object writer of graph.json escapes as the value writer does")
    func streaming() {
        for s in Self.hostile + ["a\u{2028}b"] {
            var w = JSONObjectWriter()
            w.string("k", s)
            w.strings("l", [s, s])
            #expect(w.finish() == JSONWriter().text(["k": .string(s), "l": .array([.string(s), .string(s)])]))
        }
    }
}
