import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSearch

/// Roles whose text holds every bigram of a phrase but never the phrase itself (issue 17).
enum PhraseFixture {
    static let files: [String: String] = SearchFixture.files.merging([
        "roles/analyst.md": """
            ---
            title: 数据统计员
            department: hq
            reports_to: ceo
            ---
            ## 岗位职责

            1. 汇总经营数据。
            2. 向部门经理汇报。
            3. 协助财务部与服务经理对账。
            4. 登记客户投诉并跟进投诉处理。
            """,
        "roles/butler.md": """
            ---
            title: 楼栋管家
            department: cs
            reports_to: cs-manager
            ---
            ## 岗位职责

            1. 配合物业管理处巡查楼栋。
            """,
        "roles/steward.md": """
            ---
            title: 物业管家
            department: cs
            reports_to: cs-manager
            ---
            ## 岗位职责

            1. 负责業主客戶投訴處理與回訪。
            """,
        "roles/finance.md": """
            ---
            title: 财务经理
            department: hq
            reports_to: ceo
            ---
            ## 岗位职责

            1. 审核报表。
            """,
    ]) { $1 }
}

extension SearchTests {
    @Suite("Search phrases")
    struct Phrases {
        @Test("a query run of four or more characters is a phrase of its trigrams; three is one trigram")
        func queryPhrases() {
            #expect(SearchTokenizer.queryPhrases("总经理").isEmpty)
            #expect(SearchTokenizer.queryPhrases("经理").isEmpty)
            #expect(SearchTokenizer.queryPhrases("總經理助理 客服") == [["总经理", "", "理助理"]])
            #expect(SearchTokenizer.queryPhrases("哈哈哈哈") == [["哈哈哈", "哈哈哈"]])
            #expect(SearchTokenizer.queryPhrases("客户投诉 处理流程") == [["客户投", "户投诉"], ["处理流", "理流程"]])
            #expect(SearchTokenizer.queryPhrases("客户投诉处理") == [["客户投", "", "", "诉处理"]])
            #expect(SearchTokenizer.queryPhrases("客户投诉处理流程") == [["客户投", "", "", "诉处理", "", "理流程"]])
        }

        @Test("n-gram positions count CJK characters, with a gap between runs and between texts")
        func positions() {
            var scalars: [UInt32] = [], position: UInt32 = 0
            var bigrams: [(String, UInt32)] = [], trigrams: [(String, UInt32)] = []
            for text in ["汇总经营 部门经理", "总经理"] {
                SearchTokenizer.forEachKey(text, scalars: &scalars, position: &position,
                                           cjk: { key, at in
                                               if key >> 63 == 1 { bigrams.append((TokenKey.cjk(key).text, at)) }
                                               if TokenKey.isTrigram(key) { trigrams.append((TokenKey.cjk(key).text, at)) }
                                           },
                                           word: { _ in })
            }
            #expect(bigrams.map { "\($0.0)@\($0.1)" } == ["汇总@0", "总经@1", "经营@2", "部门@5", "门经@6", "经理@7", "总经@10", "经理@11"])
            #expect(trigrams.map { "\($0.0)@\($0.1)" } == ["汇总经@0", "总经营@1", "部门经@5", "门经理@6", "总经理@10"])
            #expect(position == 14)
        }

        @Test("trigram keys pack three scalars apart from bigrams and unigrams")
        func trigramKeys() {
            for token in ["总经理", "𠀀𠀁𠀂", "カタカ", "经理", "经", "kf", "总经理助"] {
                #expect(TokenKey(token).text == token)
            }
            guard case .cjk(let key) = TokenKey("总经理") else { Issue.record("总经理 is not packed"); return }
            #expect(TokenKey.isTrigram(key) && TokenKey.isNgram(key))
            guard case .cjk(let bigram) = TokenKey("经理") else { Issue.record("经理 is not packed"); return }
            #expect(!TokenKey.isTrigram(bigram) && TokenKey.isNgram(bigram))
            #expect(TokenKey("总经理助") == .word("总经理助"))
        }

        @Test("positional postings round-trip; word lists stay as they were")
        func encoding() {
            let postings = [SearchIndexBuilder.Posting(doc: 0, weight: 3, positions: [0, 7]),
                            SearchIndexBuilder.Posting(doc: 5, weight: 31, positions: [1_000_000]),
                            SearchIndexBuilder.Posting(doc: 6, weight: 1, positions: []),
                            SearchIndexBuilder.Posting(doc: 90_000, weight: 9, positions: [2, 3, 4, 40, 41])]
            let text = SearchIndexBuilder.encodePostings(postings, positional: true)
            #expect(SearchIndexBuilder.decodePostings(text, positional: true) == postings)
            // The scan used by updates skips positions: document 6 is seen, 7 is not.
            #expect(SearchIndexBuilder.postings(text, positional: true, holdAnyOf: [6]))
            #expect(!SearchIndexBuilder.postings(text, positional: true, holdAnyOf: [7, 1_000_000]))
            let plain = postings.map { SearchIndexBuilder.Posting(doc: $0.doc, weight: $0.weight) }
            #expect(SearchIndexBuilder.encodePostings(plain, positional: false) == SearchIndexBuilder.encodePostings(plain.map { UInt32($0.doc) << 5 | UInt32($0.weight) }))
            #expect(SearchIndexBuilder.isPositional("经理") && SearchIndexBuilder.isPositional("經理") && !SearchIndexBuilder.isPositional("经") && !SearchIndexBuilder.isPositional("kf"))
            #expect(SearchIndexBuilder.hasPositions("总经理") && !SearchIndexBuilder.hasPositions("经理") && SearchIndexBuilder.isPositional("总经理"))
            // A bigram's list keeps only the lead flag: no positions part, decoded as [0] or none.
            let lead = [SearchIndexBuilder.Posting(doc: 2, weight: 4, positions: [0]), SearchIndexBuilder.Posting(doc: 9, weight: 1, positions: [])]
            let bigram = SearchIndexBuilder.encodePostings(lead, positional: true, positions: false)
            #expect(!bigram.contains(SearchIndexBuilder.positionsSeparator))
            #expect(SearchIndexBuilder.decodePostings(bigram, positional: true) == lead)
        }

        static let cases: [(query: String, found: Set<String>)] = [
            ("总经理", ["总经理"]),                    // not 数据统计员 (汇总经营 + 部门经理)
            ("總經理", ["总经理"]),
            ("物业管家", ["物业管家"]),                 // not 楼栋管家 (物业管理 + 楼栋管家)
            ("财务经理", ["财务经理"]),                 // not 数据统计员 (财务部 + 服务经理): across a bigram boundary
            ("客户投诉处理", ["物业管家"]),              // traditional text, simplified query; not 客户投诉 + 投诉处理
            ("部门经理", ["数据统计员"]),
            ("经理 汇总", ["数据统计员"]),               // words separated by spaces stay AND
        ]

        @Test("only documents holding the phrase match (Swift reference)", arguments: cases)
        func reference(query: String, found: Set<String>) throws {
            let files = try SearchFixture.index(PhraseFixture.files)
            #expect(Set(try SearchFixture.search(files, query)) == found, "\(query)")
        }

        @Test("quoted words are a phrase: they must follow each other; unquoted words stay AND")
        func quotedWords() throws {
            #expect(SearchTokenizer.quoted("a \"b c\" “d e” 「f」 『g h") == ["b c", "d e", "f", "g h"])
            #expect(SearchTokenizer.quotedPairs("\"Sales  Manager\" x") == ["sales manager"])
            #expect(SearchTokenizer.quotedPairs("“cs-manager report” 「a 客服 b」") == ["manager report"])
            #expect(SearchTokenizer.quotedPairs("sales manager").isEmpty)
            #expect(SearchTokenizer.queryTerms("\"sales manager\"").map(\.description).last == "sales manager")
            let files = try SearchFixture.index(PhraseFixture.files.merging([
                "roles/sales.md": "---\ntitle: 销售经理\naliases: [Sales Manager]\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. 带领团队。\n",
                "roles/rep.md": "---\ntitle: 销售代表\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n1. Report sales to the manager.\n",
            ]) { $1 })
            #expect(Set(try SearchFixture.search(files, "sales manager")) == ["销售经理", "销售代表"])
            for q in ["\"sales manager\"", "“Sales Manager”", "「sales　manager」"] {
                #expect(try SearchFixture.search(files, q) == ["销售经理"], "\(q)")
            }
            #expect(try SearchFixture.search(files, "\"manager sales\"") == [])
            if SearchFixture.node != nil {
                let queries = ["sales manager", "\"sales manager\"", "“Sales Manager”", "\"manager sales\""]
                let out = try SearchFixture.runClient(files, input: ["queries": queries])
                let results = try #require(out["results"] as? [String: [String]])
                for q in queries { #expect(results[q] == (try SearchFixture.search(files, q)), "\(q)") }
            }
        }

        @Test("role and department section headings are found, in the lowest tier")
        func headings() throws {
            let files = try SearchFixture.index(PhraseFixture.files)
            #expect(try SearchFixture.search(files, "职责概述") == ["客服经理"])
            #expect(try SearchFixture.search(files, "任职资格") == ["总经理"])
            #expect(try SearchFixture.search(files, "部门职责").count == 4)
            // Headings are not snippet text.
            let manager = try (0..<SearchFixture.meta(files).docs).map { try SearchFixture.fragment(files, $0) }.first { $0.title == "客服经理" }
            #expect(manager?.text.contains("职责概述") == false)
        }

        @Test("titles starting with the query come first, roles before departments")
        func titleStart() throws {
            let files = try SearchFixture.index(PhraseFixture.files.merging([
                "roles/cs-agent.md": "---\ntitle: 客服员\ndepartment: cs\nreports_to: cs-manager\n---\n## 岗位职责\n\n1. 接待。\n",
                "departments/cs2.md": "---\ntitle: 客服部\nparent: hq\nhead: ceo\n---\n## 部门职责\n\n1. 客服。\n",
            ]) { $1 })
            let titles = try SearchFixture.search(files, "客服")
            #expect(titles.first == "客服员", "\(titles)")
            // Every title starting with 客服 (three roles, one department) before anything else, the department last.
            #expect(Set(titles.prefix(4)) == ["客服员", "客服经理", "客服助理", "客服部"] && titles[3] == "客服部", "\(titles)")
            let out = try SearchFixture.runClient(files, input: ["queries": ["客服", "客服经理", "经理"]])
            let results = try #require(out["results"] as? [String: [String]])
            for q in ["客服", "客服经理", "经理"] { #expect(results[q] == (try SearchFixture.search(files, q)), "\(q)") }
        }

        @Test("without results the client offers the nearest titles", .enabled(if: SearchFixture.node != nil, "node is not installed"))
        func nearest() throws {
            let files = try SearchFixture.index(PhraseFixture.files)
            let out = try SearchFixture.runClient(files, input: ["queries": ["客服总监", "物业管理员", "总经理"]])
            let results = try #require(out["results"] as? [String: [String]])
            let near = try #require(out["near"] as? [String: [String]])
            #expect(results["客服总监"] == [] && results["物业管理员"] == [])
            // Titles holding a term of the query come first: 客服… for 客服总监, 物业管家 for 物业管理员.
            #expect(near["客服总监"]?.count == 3 && near["客服总监"]?.allSatisfy { $0.hasPrefix("客服") || SearchTokenizer.normalize($0).hasSuffix("总监") } == true, "\(near["客服总监"] ?? [])")
            #expect(near["物业管理员"]?.first == "物业管家", "\(near["物业管理员"] ?? [])")
            #expect(near["总经理"] == [], "only a query without results gets suggestions")
        }

        @Test("the JavaScript client matches phrases like the reference", .enabled(if: SearchFixture.node != nil, "node is not installed"))
        func client() throws {
            let files = try SearchFixture.index(PhraseFixture.files)
            let out = try SearchFixture.runClient(files, input: ["queries": Self.cases.map(\.query) + ["哈哈哈"]])
            let results = try #require(out["results"] as? [String: [String]])
            for c in Self.cases { #expect(Set(results[c.query] ?? ["missing"]) == c.found, "\(c.query): \(results[c.query] ?? [])") }
            #expect(results["哈哈哈"] == [])
            let snippets = try #require(out["snippets"] as? [String: String])
            #expect(snippets["客户投诉处理"]?.contains("<mark>客戶投訴處理</mark>") == true, "\(snippets["客户投诉处理"] ?? "")")
        }
    }
}
