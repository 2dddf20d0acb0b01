import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing


/// The YAML fast path must give exactly Yams' values and locations, or step aside.
@Suite("Front matter fast path")
struct FrontMatterFastPathTests {
    static func fast(_ yaml: String) -> YAMLValue? {
        FrontMatterFastPath.parse(yaml, file: "f.md", firstLine: 2)
    }

    /// A parse's value, or its error as `file:line:column: message`.
    enum Outcome: Equatable {
        case success(YAMLValue)
        case failure(String)
    }

    /// Yams' answer.
    static func yams(_ yaml: String) -> Outcome {
        do {
            return .success(try FrontMatter.parseWithYams(yaml, file: "f.md", firstLine: 2))
        } catch {
            return .failure("\(error.location): \(error.message)")
        }
    }

    static func parse(_ yaml: String) -> Outcome {
        do {
            return .success(try FrontMatter.parse(yaml, file: "f.md", firstLine: 2))
        } catch {
            return .failure("\(error.location): \(error.message)")
        }
    }

    @Test("front matter as content files write it takes the fast path and matches Yams", arguments: [
        "title: 客户服务经理\ndepartment: cs\nreports_to: r000123\nheadcount: 1\ncode: SYN-000123\n",
        "title: 开店流程\nowner: r1\nroles: [r1, r2]\nfrequency: weekly\nversion: \"1.1\"\neffective: 2026-05-15\n",
        "aliases: [\"服务助理（会议）\", \"服务助理(会议)\", 上市大厅服务助理]\n",
        "aliases: [ 店长 ,  值班经理 ]   \ntitle:   店员   \n",
        "aliases: []\nroles: [ ]\n",
        "aliases:\n  - 店长\n  - '值班 经理'\n  - \"x\"\ntitle: t\n",
        "aliases:\n- 店长\n- 值班经理\n",
        "aliases:\n\n    - a\n    # between\n    - b\n\ntitle: t\n",
        "# a comment\ntitle: t\n\n  # indented comment\nsummary: s\n",
        "title:\nsummary: s\n",
        "summary:\n",
        "summary:   \n\n# trailing comment\n",
        "grade: ~\ncode: null\nhours: Null\nlocation: NULL\nx: nulls\n",
        "code: \"null\"\ngrade: '~'\n",
        "hours: 9:00-18:00\nlocation: a#b, C# [x] {y}\nsummary: 它说：“好”\n",
        "title: a  b   c\nsummary: 'it\"s'\nx: \"it's\"\n",
        "top: yes\nheadcount: 0\n",
        "title: 😀 é e\u{301} \u{3000}全角\u{3000}\n",
        "",
        "\n\n",
        "# only a comment\n",
    ])
    func fastPath(yaml: String) throws {
        let fast = try #require(Self.fast(yaml), "expected the fast path to answer")
        #expect(Self.yams(yaml) == .success(fast))
        #expect(Self.parse(yaml) == .success(fast))
    }

    @Test("anything else is left to Yams, errors included", arguments: [
        "title: a: b\n", "title: a # comment\n", "title: a:\n", "title:\ta\n", "title: a\r\n", "title: 'it''s'\n",
        "title: \"tab\\tbed\"\n", "title: \"unclosed\n", "title: 'unclosed\n", "title: \"a\" b\n", "title: [a, b\n",
        "title: [a, b,]\n", "title: [a, [b]]\n", "title: [a: b]\n", "title: [a#b]\n", "title: {a: 1}\n", "title: |\n  text\n",
        "title: >\n  text\n", "title: &anchor x\n", "title: *alias\n", "title: !tag x\n", "title: %x\n", "title: @x\n", "title: `x\n",
        "title: -5\n", "title: - x\n", "title: ?x\n", "title: :x\n", "title: ,x\n", "title: ]x\n", "title:x\n", "title : x\n",
        "  title: x\n", "title: first\n  continued\n", "名称: x\n", "null: x\n", "Null: x\n", "title: a\ntitle: b\n",
        "positions:\n  a: 1\n", "aliases:\n  - a\n  -\n", "aliases:\n  - a\n - b\n", "aliases:\n  - [a]\n", "aliases:\n  - a: b\n",
        "aliases:\n  - a\n    more\n", "aliases:\n- a\n  - b\n", "just a scalar\n", "- a\n- b\n", "title: x", "title: \u{FEFF}x\n",
        "title: a\u{2028}b\n", "title: a\u{85}b\n", "title: a\u{7}b\n", "title: a\u{7F}\n", "title: \u{FFFE}\n",
        String(repeating: "k", count: 1001) + ": x\n", "%YAML 1.1\n---\ntitle: x\n", "title: x\n...\n", "? title\n: x\n",
    ])
    func fallback(yaml: String) {
        #expect(Self.fast(yaml) == nil)
        #expect(Self.parse(yaml) == Self.yams(yaml))
    }

    @Test("locations: byte columns after CJK text, empty values where libyaml puts them")
    func locations() throws {
        let yaml = "名称x: 1\ntitle: 店员\naliases: [店长, \"值班\"]\nsummary:\n\nlist:\n  - 甲\n  - 乙\nlast:\n"
        // `名称x` is not a key the fast path reads: compare a document it does read.
        #expect(Self.fast(yaml) == nil)
        let simple = String(yaml.drop { $0 != "\n" }.dropFirst())
        let value = try #require(Self.fast(simple))
        guard case .mapping(let entries) = value else { Issue.record("not a mapping"); return }
        let at = { (line: Int, column: Int) in RoleBookModel.SourceLocation(file: "f.md", line: line, column: column) }
        #expect(entries.map(\.key.location) == [at(2, 1), at(3, 1), at(4, 1), at(6, 1), at(9, 1)])
        #expect(entries[0].value.location == at(2, 8))
        guard case .sequence(let aliases) = entries[1].value.value else { Issue.record("not a list"); return }
        #expect(entries[1].value.location == at(3, 10))
        #expect(aliases.map(\.location) == [at(3, 11), at(3, 19)])
        // An empty value sits right after its colon.
        #expect(entries[2].value == Located(.null, at: at(4, 9)))
        #expect(entries[4].value == Located(.null, at: at(9, 6)))
        guard case .sequence(let list) = entries[3].value.value else { Issue.record("not a list"); return }
        #expect(entries[3].value.location == at(7, 3))
        #expect(list.map(\.location) == [at(7, 5), at(8, 5)])
        #expect(Self.yams(simple) == .success(value))
    }

    /// Random documents from pieces the fast path reads and pieces it must refuse.
    static func randomDocument(_ rng: inout SeededRandom) -> String {
        let keys = ["title", "aliases", "reports_to", "a-b", "x_1", "k", "Title", "true", "null", "名称", "-k", "k k", "title"]
        let scalars = ["店长", "值班经理", "a", "a b", "a  b", "x: y", "a:b", "08:30", "a #b", "a#b", "C#", "-5", "- x", "?x", ":x",
                       "~", "null", "NULL", "Null", "nulls", "'q'", "\"q\"", "\"a\\tb\"", "'it''s'", "\"\"", "''", "\"a, b]\"",
                       "&a x", "*a", "!t x", "%x", "@x", "`x", "a\tb", "\u{3000}x", "x\u{3000}", "\u{A0}x", "a\u{2028}b", "a\u{85}",
                       "\u{FEFF}x", "é", "e\u{301}", "😀", "a ]", "a ,b", "a, b", "x'y", "x\"y", "{a}", "a}", "a:", "a :b", "|", ">",
                       "\"open", "'open", "[x]"]
        var flowItems = ["店长", "a b", "\"x, y\"", "'z'", "~", "null", "a:b", "a#b", "[b]", "", "a ", " a", "'it''s'", "\"a\\\"\"", "{x}"]
        flowItems += ["-x", "?", "😀", "a'b"]
        // Mostly pieces the fast path reads, so that both paths get plenty of documents.
        let goodKeys = ["title", "aliases", "reports_to", "a-b", "x_1", "k", "Title", "true"]
        let goodScalars = ["店长", "值班经理", "a", "a b", "a  b", "a:b", "08:30", "a#b", "C#", "~", "null", "NULL", "nulls", "'q'",
                           "\"q\"", "\"\"", "''", "\"a, b]\"", "\u{3000}x", "x\u{3000}", "\u{A0}x", "é", "e\u{301}", "😀", "a ]",
                           "a ,b", "a, b", "x'y", "x\"y", "a}", "a :b"]
        let goodFlowItems = ["店长", "a b", "\"x, y\"", "'z'", "~", "null", "😀", "值班"]
        func pick(_ list: [String]) -> String {
            let good = list == keys ? goodKeys : list == scalars ? goodScalars : list == flowItems ? goodFlowItems : list
            let from = rng.next() % 100 < 85 ? good : list
            return from[Int(rng.next() % UInt64(from.count))]
        }
        func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        func spaces() -> String { String(repeating: " ", count: Int(rng.next() % 3)) }
        var lines: [String] = []
        for _ in 0..<(1 + rng.next() % 5) {
            if chance(8) { lines.append(spaces() + "# comment " + pick(scalars)) }
            if chance(8) { lines.append(spaces()) }
            let key = pick(keys)
            switch rng.next() % 10 {
            case 0, 1, 2, 3:
                lines.append(key + ":" + (chance(95) ? " " : "") + spaces() + pick(scalars) + spaces())
            case 4, 5:
                let items = (0..<rng.next() % 4).map { _ in spaces() + pick(flowItems) + spaces() }
                let separator = chance(90) ? "," : ""
                let trailing = chance(5) ? "," : ""
                lines.append(key + ": [" + items.joined(separator: separator) + trailing + (chance(95) ? "]" : "") + spaces())
            case 6, 7:
                lines.append(key + ":" + spaces())
                let indent = pick(["", "  ", "    "])
                for _ in 0..<rng.next() % 4 {
                    if chance(10) { lines.append(spaces() + (chance(50) ? "# c" : "")) }
                    let itemIndent = chance(93) ? indent : pick(["", " ", "   "])
                    lines.append(itemIndent + (chance(95) ? "- " : "-") + (chance(95) ? pick(scalars) : ""))
                }
            case 8:
                lines.append(key + ":" + spaces())
            default:
                lines.append(pick(["  " + key + ": x", key + " : x", "  continued", "positions:\n  a: 1", "- item", key]))
            }
        }
        return lines.joined(separator: "\n") + (chance(97) ? "\n" : "")
    }

    @Test("on generated front matter the fast path agrees with Yams whenever it answers")
    func generated() {
        var rng = SeededRandom(seed: 20_261_123)
        var answered = 0, declined = 0
        for _ in 0..<6000 {
            let yaml = Self.randomDocument(&rng)
            if let fast = Self.fast(yaml) {
                answered += 1
                #expect(Self.yams(yaml) == .success(fast), "\(yaml.debugDescription)")
            } else {
                declined += 1
            }
        }
        // Both sides are exercised.
        #expect(answered > 1000)
        #expect(declined > 1000)
    }

    /// `FrontMatter.split` as it was before it worked on bytes: Character lines, Unicode trimming.
    static func referenceSplit(_ text: String) -> (yaml: String?, body: String, bodyLineOffset: Int) {
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingSpaces == "---", lines.count == 2 else { return (nil, text, 0) }
        let rest = lines.removeLast()
        var lineNumber = 1
        var index = rest.startIndex
        while index < rest.endIndex || index == rest.startIndex {
            let end = rest[index...].firstIndex(of: "\n") ?? rest.endIndex
            lineNumber += 1
            let trimmed = rest[index..<end].trimmingSpaces
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = end < rest.endIndex ? rest.index(after: end) : end
                return (String(rest[rest.startIndex..<index]), String(rest[bodyStart...]), lineNumber)
            }
            if end == rest.endIndex { break }
            index = rest.index(after: end)
        }
        return (String(rest), "", lineNumber)
    }

    @Test("the byte-level split finds the same front matter as the Character-level one")
    func split() {
        let fences = ["---", "...", " --- ", "---\u{3000}", "\u{3000}...", "--- x", "----", "-- -", "..", "\u{2028}---", "---\u{301}",
                      "\u{0600}---", "---\u{85}", "\t---\t", "\r---", "x---", "…", "— —"]
        let others = ["title: x", "", "body", "中文", "  "]
        var rng = SeededRandom(seed: 7)
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<(rng.next() % 6) {
                lines.append(rng.next() % 2 == 0 ? fences[Int(rng.next() % UInt64(fences.count))] : others[Int(rng.next() % UInt64(others.count))])
            }
            let text = lines.joined(separator: "\n") + (rng.next() % 4 == 0 ? "" : "\n")
            var copy = text
            let (split, yaml, body) = copy.withUTF8 { bytes in
                let split = FrontMatter.split(utf8: bytes)
                return (split, split.yaml.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) },
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[split.body]), as: UTF8.self))
            }
            let reference = Self.referenceSplit(text)
            #expect(yaml == reference.yaml, "\(text.debugDescription)")
            #expect(body == reference.body, "\(text.debugDescription)")
            #expect(split.bodyLineOffset == reference.bodyLineOffset, "\(text.debugDescription)")
        }
    }

    @Test("whole files through the fast path and through Yams give the same entity and diagnostics")
    func wholeFiles() {
        var rng = SeededRandom(seed: 99)
        let fast = FileParser(path: "roles/a.md", displayPath: "content/roles/a.md", vocabulary: SectionVocabulary())
        var yamsOnly = fast
        yamsOnly.frontMatterFastPath = false
        for _ in 0..<1500 {
            let yaml = Self.randomDocument(&rng)
            let text = "---\n" + yaml + (yaml.hasSuffix("\n") ? "" : "\n") + "---\n## 岗位职责\n\n1. 负责\n"
            let (entity, diagnostics) = fast.parse(Data(text.utf8))
            let expected = yamsOnly.parse(Data(text.utf8))
            #expect(entity == expected.0, "\(text.debugDescription)")
            #expect(diagnostics == expected.1, "\(text.debugDescription)")
        }
    }
}
