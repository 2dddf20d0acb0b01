import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing

/// Byte-level shortcuts in parsing must answer exactly as the Character-level code they skip.
@Suite("Parsing fast paths")
struct ParsingFastPathTests {
    /// Strings at the edges of the shortcuts: Unicode spaces, combining marks, Prepend scalars,
    /// CR LF, CJK punctuation, astral scalars.
    static let tricky = [
        "", " ", "a", "中", "。", "a。", "中文", " 中文", "中文 ", "\u{3000}中文\u{3000}", "中文\n", "\n中文", "a\u{301}", " \u{301}", "中 \u{301}",
        "\u{0600} ", "\u{0600}a", "x\u{0600} ", "\u{A0}x", "x\u{A0}", "\u{2003}x\u{2028}", "\r\n", "x\r\n", "\r\nx", "\t08:30", "😀", "😀 ",
        "a\u{200D}", "１２", "ＡＢ", "x\u{FEFF}", "\u{FEFF}x", "\u{85}x", "x\u{85}", "e\u{301}\u{3000}", "中\u{3000}\u{301}", "-", "—", "（一）",
        "a\u{20E3}", "中\u{FE0F}", "\u{1100}\u{1161}", "x\u{1161}", "。\u{301}", "Ｚ\u{301}", "Ｚ ", " \u{20E3}", "中 \u{FE0F}", "\u{3000}\u{20E3}",
    ]

    /// `trimmingSpaces` as it was: Character by Character.
    static func referenceTrim(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c.isWhitespace { sub.removeFirst() }
        while let c = sub.last, c.isWhitespace { sub.removeLast() }
        return String(sub)
    }

    @Test("trimmingSpaces trims exactly as the Character-level version")
    func trimming() {
        for a in Self.tricky {
            for b in Self.tricky {
                let s = a + b
                #expect(s.trimmingSpaces == Self.referenceTrim(s), "\(s.debugDescription)")
                #expect(s.trimmingSpaces.unicodeScalars.elementsEqual(Self.referenceTrim(s).unicodeScalars), "\(s.debugDescription)")
                if s.hasNoEdgeWhitespace {
                    #expect(!(s.first?.isWhitespace ?? true) && !(s.last?.isWhitespace ?? true), "\(s.debugDescription)")
                }
            }
        }
    }

    @Test("the shortcut answers for ordinary text")
    func shortcutTaken() {
        #expect("负责大堂环境卫生。".hasNoEdgeWhitespace)
        #expect("Duties and responsibilities".hasNoEdgeWhitespace)
        #expect("r000123".hasNoEdgeWhitespace)
        #expect(!" x".hasNoEdgeWhitespace)
        #expect(!"x\n".hasNoEdgeWhitespace)
    }

    @Test("slashComponents splits as split(separator:) does")
    func slashComponents() {
        let paths = ["", "/", "a", "a/b", "/a/b/", "a//b", "roles/中文.md", "a/\u{301}b", "a\r\n/b", "../x.md", "x/./y", "é/e\u{301}"]
        for p in paths {
            #expect(p.slashComponents == p.split(separator: "/"), "\(p.debugDescription)")
            #expect(p.slashComponents.map { Array($0.unicodeScalars) } == p.split(separator: "/").map { Array($0.unicodeScalars) })
        }
    }

    @Test("link targets on the ASCII path match the general rules")
    func linkTargets() {
        let destinations = [
            "a.md", "./a.md", "../a.md", "../../../a.md", "/abs/a.md", "a.md#kpis", "a.md?x=1#y", "a.md#x?y", "a.MD", ".md", "md", "",
            "https://x/a.md", "mailto:a.md", "a%2Fb.md", "%E5%AE%A2%E6%9C%8D.md", "%ZZ.md", "a%.md", "x/%2E%2E/a.md", "a%0D%0A.md",
            "sub//a.md", "中文.md", "a#b.md", "a?b.md", "a.md/", "#top", "?q", "a b.md", "a\r\n.md", "%C3%A9.md", "e%CC%81.md",
        ]
        for from in ["roles/ceo.md", "ceo.md", "a/b/c/ceo.md", "角色/ceo.md", "/roles/x.md"] {
            for d in destinations {
                #expect(LinkResolver.contentTarget(d, from: from) == LinkResolver.generalContentTarget(d, from: from), "\(d) from \(from)")
            }
        }
    }

    @Test("a link's fragment found by bytes is the one found by characters")
    func linkFragments() {
        for d in ["a.md#kpis", "a.md", "#", "a#", "#top", "a.md#岗位职责", "中文.md#a#b", "a.md#\u{301}x", "a#\u{301}b#c", "e\u{301}#x",
                  "a.md#%E5%B2%97", "\u{600}#x", "#\u{200D}", "a\r\n#x", "👍🏽#👍🏽"] {
            #expect(LinkResolver.fragment(d) == LinkResolver.generalFragment(d), "\(d)")
        }
    }

    @Test("ids: the plain-ASCII shortcut agrees with the full rules", arguments: [
        ("r000123", nil), ("cs-manager", nil), ("A_b-9", nil), ("a.b", nil), ("客服经理", nil), ("", "is empty"), ("a/b", "contains a slash"),
        ("a..b", "contains '..'"), (".a", "starts with '.'"), ("a b", "contains a space"), ("a\u{3000}b", "contains a space"),
        ("a!b", "contains '!'"), ("-x", nil), ("_", nil), ("x\\y", "contains a slash"),
    ] as [(String, String?)])
    func ids(id: String, problem: String?) {
        #expect(IDRules.problem(with: id) == problem)
    }

    @Test("mention folding equals CJKFolding.matchingScalars for every BMP scalar and some beyond")
    func folding() {
        var scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init(_:))
        scalars += [0x10400, 0x1D400, 0x1F600, 0x20000, 0x2F800, 0xE0041].compactMap(Unicode.Scalar.init(_:))
        var buffer: [Unicode.Scalar] = []
        // In chunks, so scalars are also folded next to each other.
        for chunkStart in stride(from: 0, to: scalars.count, by: 64) {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[chunkStart..<min(chunkStart + 64, scalars.count)])
            let string = String(text)
            let count = MentionFinder.fold(string, into: &buffer)
            #expect(Array(buffer[..<count]) == CJKFolding.shared.matchingScalars(string), "chunk at U+\(String(scalars[chunkStart].value, radix: 16))")
        }
    }

    @Test("a trie answers longest names and the first-scalar filter never hides one")
    func trie() {
        var trie = Trie()
        let names = ["客服经理", "客服", "经理", "pa", "😀笑", "ǅx"]
        for (i, name) in names.enumerated() { trie.insert(Array(name.unicodeScalars), role: i) }
        let text = Array("协助客服经理和pa与😀笑ǅx".unicodeScalars)
        var found: [(Int, [Int])] = []
        var start = 0
        while start < text.count {
            if let match = trie.longestMatch(in: text, from: start) {
                #expect(trie.startsName(text[start]))
                found.append(match)
                start += match.0
            } else {
                start += 1
            }
        }
        #expect(found.map { $0.1 } == [[0], [3], [4], [5]])
        #expect(!trie.startsName("协"))
        #expect(trie.longestMatch(in: Array("客".unicodeScalars), from: 0) == nil)
    }

    @Test("times after leading Unicode spaces are still found; other first characters skip the parse", arguments: [
        ("08:30 开门", 510), ("\u{3000}08:30 开门", 510), (" \t8:30开门", 510), ("\u{A0}18:00-19:00 交班", 1080), ("\u{2003}9:00", 540),
    ] as [(String, Int)])
    func timesAfterSpaces(text: String, start: Int) {
        let (span, _) = TimeSpan.parsePrefix(of: [.text(text)])
        #expect(span?.start == start)
    }

    @Test("text that cannot start with a time keeps its inlines", arguments: ["开门 08:30", "x08:30", "０８:30", "\u{301}08:30", "(08:30)", ""])
    func noTimes(text: String) {
        let (span, rest) = TimeSpan.parsePrefix(of: [.text(text)])
        #expect(span == nil)
        #expect(rest == [.text(text)])
        #expect(TimeSpan.parsePrefix(of: text.trimmingSpaces) == nil)
    }

    @Test("the byte check before a time parse lets every time through", arguments: [
        "8:30", "08:30", "8：30", "18：00-19：00 交班", "24:00", "8:30x", "2 个工作日内", "123:45", "1\u{301}:30", "8:\u{301}30",
        "8", "8:", "08", "8.30", "８:30", "8：", "0:00～1:00",
    ])
    func byteCheckKeepsTimes(text: String) {
        let parsed = TimeSpan.parsePrefix(of: text)
        // What parsePrefix gives with the check is what the Character parse alone gives: a time exactly when it reads one.
        #expect((parsed != nil) == ["8:30", "08:30", "8：30", "18：00-19：00 交班", "24:00", "8:30x", "0:00～1:00"].contains(text), "\(text)")
    }
}
