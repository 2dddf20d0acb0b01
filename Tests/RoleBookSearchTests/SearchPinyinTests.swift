import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSearch

/// Titles whose pinyin a single reading per character got wrong (issue 17).
enum PinyinFixture {
    static let files: [String: String] = SearchFixture.files.merging([
        "roles/accountant.md": "---\ntitle: 会计\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 记账。\n",
        "roles/coordinator.md": "---\ntitle: 协调员\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 联络。\n",
        "roles/green.md": "---\ntitle: 环境领班\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 保洁。\n",
        "roles/operator.md": "---\ntitle: 话务员（高级）\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 接线。\n",
        "roles/dispatcher.md": "---\ntitle: 调度主管\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 排班。\n",
        "roles/president.md": "---\ntitle: 银行行长\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 经营。\n",
    ]) { $1 }
}

extension SearchTests {
    @Suite("Search pinyin")
    struct Pinyin {
        @Test("word readings decide polyphonic characters; otherwise every reading is indexed")
        func polyphones() {
            let accountant = SearchTokenizer.pinyinTokens("会计")
            #expect(accountant.contains("kuai'ji") && accountant.contains("kj") && !accountant.contains("hui'ji"))
            #expect(SearchTokenizer.pinyinTokens("银行行长").contains("yin'hang'hang'zhang"))
            #expect(SearchTokenizer.pinyinTokens("協調員").contains("xie'tiao'yuan"))
            #expect(SearchTokenizer.pinyinTokens("调度主管").contains("diao'du'zhu'guan"))
            #expect(SearchTokenizer.pinyinTokens("差旅专员").contains("chai'lv'zhuan'yuan"))
            // 长乐: no word decides, so both characters keep all their readings.
            let both = Set(SearchTokenizer.pinyinTokens("长乐"))
            #expect(both.isSuperset(of: ["chang'le", "chang'yue", "zhang'le", "zhang'yue", "cl", "cy", "zl", "zy"]))
        }

        @Test("initials stay inside one part of a title")
        func parts() {
            let tokens = SearchTokenizer.pinyinTokens("话务员（高级）")
            #expect(tokens.contains("hwy") && tokens.contains("gj") && tokens.contains("gao'ji"))
            #expect(!tokens.contains("wygj") && !tokens.contains("hwygj") && !tokens.contains { $0.hasPrefix("yuan'gao") })
            #expect(SearchTokenizer.pinyinTokens("VIP客户经理").contains("vipkhjl"))
        }

        @Test("query words read as whole syllables; only an unfinished last syllable is a prefix")
        func forms() {
            #expect(SearchTokenizer.pinyinForms("jingli") == ["jing'li"])
            #expect(SearchTokenizer.pinyinForms("xian") == ["xian", "xi'an"])
            #expect(SearchTokenizer.pinyinForms("zhuany") == ["zhuan'y*", "zhu'an'y*"])
            #expect(SearchTokenizer.pinyinForms("kfzy").isEmpty && SearchTokenizer.pinyinForms("crm").isEmpty && SearchTokenizer.pinyinForms("a").isEmpty)
            let term = SearchTokenizer.queryTerms("jingli")[0]
            #expect(term.score("jing'li") == 1)
            #expect(term.score("jing'li'ban") == 0.8)
            #expect(term.score("jing'ling'ban") == nil)
            #expect(SearchTokenizer.queryTerms("zhuany")[0].score("zhuan'yuan") == 0.8)
            // A long word of letters is cut in linear time (no backtracking over dead ends).
            #expect(SearchTokenizer.pinyinForms(String(repeating: "a", count: 31) + "v").isEmpty)
        }

        static let cases: [(query: String, found: Set<String>)] = [
            ("kuaiji", ["会计"]),
            ("xietiao", ["协调员"]),
            ("diaodu", ["调度主管"]),
            ("hangzhang", ["银行行长"]),
            ("yinhang", ["银行行长"]),
            ("jingli", ["总经理", "客服经理"]),     // not 环境领班 (huan-jing-ling-ban)
            ("wygj", []),                           // not 话务员（高级）
            ("hwy", ["话务员（高级）"]),
            ("kfjl", ["客服经理"]),
        ]

        @Test("pinyin queries find what reads so (Swift reference)", arguments: cases)
        func reference(query: String, found: Set<String>) throws {
            let files = try SearchFixture.index(PinyinFixture.files)
            #expect(Set(try SearchFixture.search(files, query)) == found, "\(query)")
        }

        @Test("the JavaScript client reads pinyin like the reference", .enabled(if: SearchFixture.node != nil, "node is not installed"))
        func client() throws {
            let files = try SearchFixture.index(PinyinFixture.files)
            let words = ["jingli", "xian", "zhuany", "kefuzhuanyuan", "kfzy", "manager"]
            let out = try SearchFixture.runClient(files, input: ["queries": Self.cases.map(\.query), "strings": words])
            let results = try #require(out["results"] as? [String: [String]])
            for c in Self.cases { #expect(Set(results[c.query] ?? ["missing"]) == c.found, "\(c.query): \(results[c.query] ?? [])") }
            let terms = try #require(out["terms"] as? [String: [String]])
            for w in words { #expect(terms[w] == SearchTokenizer.queryTerms(w).map(\.description), "\(w)") }
        }
    }
}
