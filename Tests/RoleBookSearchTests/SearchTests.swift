import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
import RoleBookDevSupport

/// Content, index helpers and a Swift reference evaluator for the search tests.
enum SearchFixture {
    static let files: [String: String] = [
        "rolebook.yml": "title: 示例\nlanguage: zh-CN\n",
        "departments/hq.md": """
            ---
            title: 集团总部
            head: ceo
            ---
            ## 部门职责

            1. 统筹集团经营。
            """,
        "departments/cs.md": """
            ---
            title: 客户服务部
            parent: hq
            head: cs-manager
            summary: 负责售前售后咨询、投诉处理与客户回访。
            ---
            ## 部门职责

            1. 受理顾客咨询与投诉，2 个工作日内答复。
            """,
        "departments/ops.md": """
            ---
            title: 營運部
            parent: hq
            head: ops-director
            ---
            ## 部門職責

            1. 制定營運標準並監督實施。
            """,
        "departments/training.md": """
            ---
            title: 培训中心
            parent: hq
            head: coach
            ---
            ## 部门职责

            1. 组织全员技能提升。
            """,
        "roles/ceo.md": """
            ---
            title: 总经理
            department: hq
            top: true
            aliases: [General Manager]
            ---
            ## 岗位职责

            1. 全面负责公司经营管理。

            ## 任职资格

            - 有大型企业培训经历。
            """,
        "roles/cs-manager.md": """
            ---
            title: 客服经理
            department: cs
            reports_to: ceo
            code: KF-01
            grade: M3
            aliases: [Customer Service Manager]
            ---
            ## 职责概述

            统筹客户服务部的日常运作。

            ## 岗位职责

            1. 制定客户服务计划并组织实施。
            2. 处理重大客户投诉，10 分钟内到场。
               1. 记录投诉内容。
            3. 培训[前台接待](front-desk.md)的服务礼仪。
            """,
        "roles/cs-assistant.md": """
            ---
            title: 客服助理
            department: cs
            reports_to: cs-manager
            headcount: 0
            ---
            ## 岗位职责

            1. 整理客户档案。
            """,
        "roles/front-desk.md": """
            ---
            title: 前台接待
            department: cs
            reports_to: cs-manager
            aliases: [Front Desk Receptionist]
            ---
            ## 岗位职责

            1. 接听电话，三声之内接起。
            2. 协助客服经理处理顾客投诉。
            3. Greet visitors and register them at reception.
            """,
        "roles/ops-director.md": """
            ---
            title: 營運總監
            department: ops
            reports_to: ceo
            ---
            ## 崗位職責

            1. 策劃推進公司的業務運營戰略。
            """,
        "roles/trainer.md": """
            ---
            title: 培训专员
            department: hq
            reports_to: ceo
            ---
            ## 岗位职责

            1. 编写课程。
            """,
        "roles/coach.md": """
            ---
            title: 教练
            department: training
            reports_to: ceo
            ---
            ## 岗位职责

            1. 带教新员工。
            """,
        "procedures/opening.md": """
            ---
            title: 前台开店检查
            owner: cs-manager
            roles: [front-desk]
            frequency: daily
            ---
            ## 开店前

            1. 08:30 到岗签到，检查仪容仪表。
            """,
    ]

    /// Writes `files` to a temporary content folder and returns its checked graph.
    static func graph(_ files: [String: String] = files) throws -> RoleGraph {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-search-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try Checker(loader: ContentLoader(root: root, displayRoot: "content")).run().graph
    }

    static func index(_ files: [String: String] = files) throws -> [String: String] {
        SearchIndexBuilder(graph: try graph(files)).build()
    }

    /// The JSON argument of a `search/…js` file.
    static func payload(_ script: String) -> Data {
        let start = script.firstIndex(where: { $0 == "{" })!
        let end = script.lastIndex(of: "}")!
        return Data(script[start...end].utf8)
    }

    static func meta(_ files: [String: String]) throws -> SearchIndexBuilder.Meta {
        try JSONDecoder().decode(SearchIndexBuilder.Meta.self, from: payload(try #require(files["search/meta.js"])))
    }

    static func shard(_ files: [String: String], _ k: Int) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: payload(try #require(files["search/i/\(k).js"])))
    }

    /// The positions file of shard `k` (its bigrams' positions), or nothing when it has no bigram.
    static func positions(_ files: [String: String], _ k: Int) throws -> [String: String] {
        guard let text = files["search/p/\(k).js"] else { return [:] }
        return try JSONDecoder().decode([String: String].self, from: payload(text))
    }

    /// The `rbSearch.frag(doc, …)` line of `doc` in its bundle file.
    static func fragment(_ files: [String: String], _ doc: Int) throws -> SearchIndexBuilder.Fragment {
        let bundle = try #require(files["search/f/\(doc / SearchIndexBuilder.fragmentBundle).js"])
        let line = try #require(bundle.split(separator: "\n").first { $0.hasPrefix("rbSearch.frag(\(doc),") })
        return try JSONDecoder().decode(SearchIndexBuilder.Fragment.self, from: payload(String(line)))
    }

    /// What the client computes for a query, in Swift: titles, best first.
    static func search(_ files: [String: String], _ query: String) throws -> [String] {
        let meta = try meta(files)
        /// Positions of a trigram in a document, as the index stores them (a bigram: `[0]` when it
        /// starts the title, from its lead flag).
        func positions(_ ngram: String, _ doc: Int) throws -> Set<UInt32> {
            let k = SearchIndexBuilder.shard(of: ngram, separators: meta.separators)
            guard let postings = try shard(files, k)[ngram] else { return [] }
            var joined = postings
            if SearchIndexBuilder.hasPositions(ngram) {
                let positions = try #require(try Self.positions(files, k)[ngram], "\(ngram) has no positions")
                joined += String(SearchIndexBuilder.positionsSeparator) + positions
            }
            return Set(SearchIndexBuilder.decodePostings(joined, positional: true).first { $0.doc == doc }?.positions ?? [])
        }
        func holds(_ phrase: [String], _ doc: Int) throws -> Bool {
            // Offsets the cover skips ("") match anywhere.
            let lists = try phrase.map { $0.isEmpty ? nil : try positions($0, doc) }
            return lists[0]!.contains { p in lists.indices.allSatisfy { lists[$0]?.contains(p + UInt32($0)) ?? true } }
        }
        var maps: [[Int: Double]] = []
        for term in SearchTokenizer.queryTerms(query) {
            var scores: [Int: Double] = [:]
            // Every shard: the reference does not depend on routing (the `sharding` test checks that).
            for k in meta.separators.indices {
                for (token, postings) in try shard(files, k) {
                    guard let factor = term.score(token) else { continue }
                    for p in SearchIndexBuilder.decodePostings(postings, positional: SearchIndexBuilder.isPositional(token)) {
                        scores[p.doc] = max(scores[p.doc] ?? 0, Double(p.weight) * factor)
                    }
                }
            }
            maps.append(scores)
        }
        guard let first = maps.first else { return [] }
        var hits: [(doc: Int, score: Double)] = []
        for (doc, s) in first {
            var total = s
            var all = true
            for m in maps.dropFirst() { if let x = m[doc] { total += x } else { all = false } }
            if all, try SearchTokenizer.queryPhrases(query).allSatisfy({ try holds($0, doc) }) {
                // A title starting with a one-run CJK query (its first bigram or trigram at position 0) comes first, departments after roles.
                let pieces = SearchTokenizer.pieces(SearchTokenizer.normalize(query))
                if pieces.count == 1, case .cjk(let run) = pieces[0], run.count >= 2,
                   try positions(String(String.UnicodeScalarView(run.prefix(3))), doc).contains(0) {
                    total += meta.groups.contains { !$0.i.isEmpty && $0.s == doc } ? 92 : 100
                }
                hits.append((doc, total))
            }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        return try hits.map { try fragment(files, $0.doc).title }
    }

    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `assets/search.js` under node against an index written to disk; `input` goes to stdin as JSON.
    static func runClient(_ files: [String: String], input: [String: [String]]) throws -> [String: Any] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-search-js-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var all = files
        all["assets/search.js"] = SearchClientAssets.script
        all["harness.js"] = harness
        for (path, text) in all {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let json = JSONWriter().text(.object(input.mapValues { .array($0.map(JSONValue.string)) }))
        let out = try ChildProcess(URL(fileURLWithPath: node!), [dir.appendingPathComponent("harness.js").path, dir.path], input: Data(json.utf8)).run(seconds: 120)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "node printed \(out.stdout)\(out.stderr)")
    }

    /// Loads the index like the page does, but reading script files with `vm` instead of `<script>` tags.
    static let harness = #"""
        const fs = require('fs'), vm = require('vm'), path = require('path');
        const dir = process.argv[2];
        const read = p => fs.readFileSync(path.join(dir, p), 'utf8');
        // A fresh client per query, so that `loads` lists everything one query transfers.
        function fresh() {
          const context = vm.createContext({ console });
          const run = p => vm.runInContext(read(p), context, { filename: p });
          run('search/meta.js');
          run('assets/search.js');
          const rb = context.rbSearch, loads = [];
          rb.loadScript = p => { loads.push(p); try { run(p); return Promise.resolve(true); } catch (e) { return Promise.resolve(false); } };
          return { rb, loads };
        }
        const input = JSON.parse(fs.readFileSync(0, 'utf8'));
        (async () => {
          const out = { results: {}, snippets: {}, loads: {}, normalize: {}, terms: {}, near: {} };
          for (const q of input.queries || []) {
            const { rb, loads } = fresh();
            const r = await rb.search(q);
            const titles = [];
            for (const h of r.hits) titles.push((await rb.fragment(h.d)).title);
            out.results[q] = titles;
            out.near[q] = [];
            for (const d of r.near || []) out.near[q].push((await rb.fragment(d)).title);
            out.loads[q] = loads.filter(p => !p.startsWith('search/f/'));
            if (r.hits.length) {
              const f = await rb.fragment(r.hits[0].d);
              out.snippets[q] = rb.snippet(f, rb.needles(q)).map(s => s[1] ? '<mark>' + s[0] + '</mark>' : s[0]).join('');
            }
          }
          const { rb } = fresh();
          await rb.search('经');   // loads fold.js so normalize() folds traditional characters
          for (const s of input.strings || []) {
            out.normalize[s] = rb.normalize(s);
            out.terms[s] = rb.terms(s).map(t => (t.p ? t.t + '*' : t.t) + t.y.map(f => '|' + f).join(''));
          }
          process.stdout.write(JSON.stringify(out));
        })();
        """#

    /// The fixture plus `count` generated roles in 客户服务部: enough for several shards.
    static func withGenerated(_ count: Int) -> [String: String] {
        var files = files
        for i in 0..<count {
            files["roles/gen-\(i).md"] = """
                ---
                title: 第\(i)号岗位专员
                department: cs
                reports_to: cs-manager
                code: GEN-\(i)
                ---
                ## 岗位职责

                1. 负责第\(i)类事务的登记、核对与归档，编号 X\(i * 7919)。
                2. Handle case type \(i) and report weekly figures \(i * 31).
                """
        }
        return files
    }
}

/// All search suites, nested so that `--filter SearchTests` selects them.
@Suite(.offPool) struct SearchTests {}

extension SearchTests {
    @Suite("Search tokenizer")
    struct Tokenizer {
        @Test("normalization folds traditional, full-width and case")
        func normalize() {
            #expect(SearchTokenizer.normalize("客服經理") == "客服经理")
            #expect(SearchTokenizer.normalize("營運總監") == "营运总监")
            #expect(SearchTokenizer.normalize("ＫＦ－０１") == "kf-01")
            #expect(SearchTokenizer.normalize("Front Desk") == "front desk")
        }

        @Test("CJK runs give unigrams, bigrams and trigrams")
        func bigrams() {
            #expect(SearchTokenizer.tokens("客服经理") == ["客", "客服", "服", "客服经", "服经", "经", "服经理", "经理", "理"])
            #expect(SearchTokenizer.tokens("崗位職責") == SearchTokenizer.tokens("岗位职责"))
            #expect(SearchTokenizer.tokens("10 分钟内") == ["10", "分", "分钟", "钟", "分钟内", "钟内", "内"])
        }

        @Test("Latin words, codes and ids")
        func words() {
            // Words separated by spaces only also give their pairs, which quoted phrases look up.
            #expect(SearchTokenizer.tokens("Front Desk Receptionist") == ["front", "desk", "front desk", "receptionist", "desk receptionist"])
            #expect(SearchTokenizer.tokens("front, desk 客 receptionist") == ["front", "desk", "客", "receptionist"])
            #expect(SearchTokenizer.tokens("KF-01") == ["kf", "01", "kf01"])
            #expect(SearchTokenizer.tokens("ＫＦ－０１") == ["kf", "01", "kf01"])
            #expect(SearchTokenizer.tokens("cs-manager") == ["cs", "manager", "csmanager"])
            #expect(SearchTokenizer.tokens("08:30 签到") == ["08", "30", "0830", "签", "签到", "到"])
            #expect(SearchTokenizer.tokens("end. Next") == ["end", "next"])
        }

        @Test("pinyin: full syllables and initials from every syllable boundary")
        func pinyin() {
            let tokens = SearchTokenizer.pinyinTokens("客服经理")
            for t in ["ke'fu'jing'li", "fu'jing'li", "jing'li", "li", "kfjl", "fjl", "jl"] { #expect(tokens.contains(t), "\(t) missing from \(tokens)") }
            #expect(!tokens.contains("l"))
            #expect(SearchTokenizer.pinyinTokens("客服經理") == tokens)
            #expect(SearchTokenizer.pinyinTokens("VIP客户经理").contains("vipkhjl"))
            #expect(SearchTokenizer.pinyinTokens("Front Desk").isEmpty)
        }

        @Test("query terms: trigrams AND-ed, words by prefix")
        func queryTerms() {
            #expect(SearchTokenizer.queryTerms("客服經理").map(\.description) == ["客服经", "服经理"])
            #expect(SearchTokenizer.queryTerms("经理").map(\.description) == ["经理"])
            #expect(SearchTokenizer.queryTerms("总经理").map(\.description) == ["总经理"])
            #expect(SearchTokenizer.queryTerms("客户投诉处理").map(\.description) == ["客户投", "诉处理"])
            #expect(SearchTokenizer.queryTerms("经").map(\.description) == ["经"])
            #expect(SearchTokenizer.queryTerms("KF-01").map(\.description) == ["kf01*"])
            #expect(SearchTokenizer.queryTerms("kefu jingli").map(\.description) == ["kefu*|ke'fu", "jingli*|jing'li"])
            #expect(SearchTokenizer.queryTerms("a 经理 a").map(\.description) == ["a", "经理"])
        }

        @Test("postings round-trip through the base-32 encoding")
        func postings() {
            let list: [UInt32] = [0 << 5 | 3, 1 << 5 | 31, 2 << 5 | 1, 40 << 5 | 9, 100_000 << 5 | 17]
            let text = SearchIndexBuilder.encodePostings(list)
            #expect(SearchIndexBuilder.decodePostings(text).map { [$0.doc, $0.weight] } == list.map { [Int($0 >> 5), Int($0 & 31)] })
            #expect(text.utf8.allSatisfy { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        }
    }

    @Suite("Search index")
    struct Index {
        @Test("building twice gives byte-identical files")
        func deterministic() throws {
            let a = try SearchFixture.index()
            let b = try SearchFixture.index()
            #expect(a.keys.sorted() == b.keys.sorted())
            for (path, text) in a { #expect(b[path] == text, "\(path) differs") }
            let graph = try SearchFixture.graph()
            #expect(SearchIndexBuilder(graph: graph).build() == SearchIndexBuilder(graph: graph).build())
        }

        @Test("the shards do not depend on how many threads build the posting lists")
        func partitionCount() throws {
            let layout = SearchIndexBuilder(graph: try SearchFixture.graph()).layout()
            func text(_ s: SearchIndexBuilder.Shards) -> String {
                s.separators.joined(separator: "|") + s.shards.map { $0.map { $0.0 + "=" + $0.1 }.joined(separator: ",") }.joined(separator: ";")
            }
            let one = text(SearchIndexBuilder.shards(layout.records, partitions: 1))
            #expect(!one.isEmpty)
            for n in [2, 3, 5, 8] { #expect(text(SearchIndexBuilder.shards(layout.records, partitions: n)) == one, "\(n) partitions") }
        }

        /// The benchmarks' synthetic content tree of `roles` roles, loaded.
        static func synthetic(roles: Int) throws -> RoleGraph {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-search-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try SyntheticContent(roles: roles).write(to: root)
            return try Checker(loader: ContentLoader(root: root, displayRoot: "content")).run().graph
        }

        /// The previous index as an update reads it, from the files of a build.
        static func previous(_ layout: SearchIndexBuilder.Layout, _ files: [String: String]) -> PreviousSearchIndex {
            PreviousSearchIndex(documents: layout.records.map { (SearchIndexBuilder.fingerprint(record: $0), $0.url) },
                                shardCount: files.keys.filter { $0.hasPrefix("search/i/") }.count,
                                read: { files[$0] }, isPresent: { files[$0] != nil })
        }

        /// Edits of records, each applied on top of the previous ones.
        static let edits: [(String, @Sendable (inout [SearchRecord]) -> Void)] = [
            ("new title", { $0[1].title = "客户体验总监" }),
            ("a line added", { $0[2].responsibilities.append("登记失物招领并通知顾客 lost-and-found") }),
            ("a line removed", { $0[2].responsibilities.removeFirst() }),
            ("an alias", { $0[0].aliases.append("Chief Executive 總經理") }),
            ("a token only one document had, gone", { $0[2].responsibilities = $0[2].responsibilities.map { $0.replacingOccurrences(of: "失物", with: "遗失") } }),
            ("two documents at once", { $0[0].title += "办公室"; $0[$0.count - 1].other.append("每周五盘点 weekly-check") }),
            ("snippet text only", { $0[3].display.append("附注：以上职责每年复核。") }),
            ("everything of one document", { r in r[1].title = "甲乙丙"; r[1].responsibilities = ["丁戊己庚"]; r[1].other = []; r[1].facts = ["ZZ-99"] }),
        ]

        @Test("an update after edits gives the files a full build gives")
        func updateEqualsBuild() throws {
            let builder = SearchIndexBuilder(graph: try SearchFixture.graph())
            var layout = builder.layout()
            var files = builder.build(layout)
            for (name, edit) in Self.edits {
                var records = layout.records
                edit(&records)
                var next = layout
                next.records = records
                let update = try #require(builder.update(next, from: Self.previous(layout, files)), "\(name): no update")
                let full = builder.build(next)
                var updated = update.files
                for path in update.unchanged { updated[path] = files[path] }
                #expect(updated.keys.sorted() == full.keys.sorted(), "\(name)")
                for (path, text) in full where updated[path] != text { Issue.record("\(name): \(path) differs from a full build") }
                if name == "new title" {
                    #expect(records.count > SearchIndexBuilder.fragmentBundle)
                    #expect(update.unchanged.contains { $0.hasPrefix("search/f/") }, "untouched fragment bundles are kept")
                }
                layout = next
                files = full
            }
        }

        @Test("an update of an index of hundreds of shards equals a full build")
        func largeUpdate() throws {
            let builder = SearchIndexBuilder(graph: try Self.synthetic(roles: 2_000))
            let layout = builder.layout()
            let files = builder.build(layout)
            #expect(files.keys.filter { $0.hasPrefix("search/i/") }.count > 100)
            var next = layout
            // Tokens appear, disappear and change weight in shards across the whole token range.
            next.records[700].title = "全新岗位名称甲"
            next.records[1200].responsibilities.append("负责 zebra-crossing 巡查与报修")
            next.records[1500].responsibilities.removeLast()
            next.records[1900].aliases = ["Night Auditor"]
            let update = try #require(builder.update(next, from: Self.previous(layout, files)))
            let full = builder.build(next)
            var updated = update.files
            for path in update.unchanged { updated[path] = files[path] }
            #expect(updated.keys.sorted() == full.keys.sorted())
            let differing = full.filter { updated[$0.key] != $0.value }.keys.sorted()
            #expect(differing.isEmpty, "\(differing.prefix(10))")
            // Fragment bundles of untouched documents are kept. Postings and positions are filed by
            // token, and a long synthetic role holds tokens of most shards (and an edit shifts the
            // positions after it), so four edits rewrite many of those — but not all.
            let written = Dictionary(grouping: update.files.keys) { $0.split(separator: "/").prefix(2).joined(separator: "/") }.mapValues(\.count)
            let kept = Dictionary(grouping: update.unchanged) { $0.split(separator: "/").prefix(2).joined(separator: "/") }.mapValues(\.count)
            #expect(kept["search/f", default: 0] > 10 * written["search/f", default: 0], "fragments: written \(written), kept \(kept)")
            #expect(kept["search/i", default: 0] > 0 && kept["search/p", default: 0] > 0, "written \(written), kept \(kept)")
        }

        @Test("an update that remakes the previous records from their short fields reads few shards and equals a full build")
        func localUpdate() throws {
            let builder = SearchIndexBuilder(graph: try Self.synthetic(roles: 2_000))
            var layout = builder.layout()
            var (files, shape) = builder.shapedBuild(layout)
            let shardCount = files.keys.filter { $0.hasPrefix("search/i/") }.count
            #expect(shardCount > 100)
            // Short-field edits are patched from the shards they reach: few, unless the edit adds
            // CJK text to the title or an alias, which moves every later trigram position (nil:
            // not counted). A body edit is patched so too when the previous bodies are known (the
            // build's parse cache); without them, or with ones the index was not built from,
            // every shard is read.
            enum Bodies { case none, previous, wrong }
            let edits: [(String, Bool?, Bodies, @Sendable (inout [SearchRecord]) -> Void)] = [
                ("Latin letters appended to a title", true, .none, { $0[700].title += "z" }),
                ("a fact", true, .none, { $0[1200].facts.append("G9") }),
                ("two titles far apart", true, .none, { $0[5].title += "x"; $0[1900].title += " Lead" }),
                ("CJK text in a title and an alias", nil, .none, { $0[300].title = "全新岗位名称乙"; $0[300].aliases.append("Night Auditor 夜审") }),
                ("a body line", false, .none, { $0[1500].responsibilities.append("负责 zebra-crossing 巡查与报修") }),
                ("a body line, previous body known", true, .previous, { $0[1600].responsibilities.append("负责 zebra-crossing 巡查与报修") }),
                ("a body line and a title, previous body known", true, .previous, {
                    $0[1700].title += "z"; $0[1700].other.append("quarterly audit of the wine cellar"); $0[1700].display.insert("quarterly audit of the wine cellar", at: 0)
                }),
                ("a body line, previous body not the one indexed", false, .wrong, { $0[1800].responsibilities.append("负责 zebra-crossing 巡查与报修") }),
            ]
            for (name, local, bodies, edit) in edits {
                var next = layout
                edit(&next.records)
                let reads = ReadLog()
                let known = files
                var previous = Self.previous(layout, files)
                previous.shape = shape.withFields(of: layout)
                previous.read = { reads.add($0); return known[$0] }
                for (d, record) in layout.records.enumerated() {
                    switch bodies {
                    case .none: break
                    case .previous: previous.bodies[record.url] = RecordBody(record)
                    case .wrong: previous.bodies[record.url] = RecordBody(layout.records[(d + 1) % layout.records.count])
                    }
                }
                let update = try #require(builder.update(next, from: previous), "\(name): no update")
                let full = builder.shapedBuild(next)
                var updated = update.files
                for path in update.unchanged { updated[path] = files[path] }
                #expect(updated.keys.sorted() == full.files.keys.sorted(), "\(name)")
                let differing = full.files.filter { updated[$0.key] != $0.value }.keys.sorted()
                #expect(differing.isEmpty, "\(name): \(differing.prefix(10))")
                #expect(update.shape == full.shape, "\(name): shape")
                let shardsRead = reads.paths.filter { $0.hasPrefix("search/i/") }.count
                if local == true {
                    #expect(shardsRead * 3 < shardCount, "\(name): read \(shardsRead) of \(shardCount) shards")
                } else if local == false {
                    #expect(shardsRead == shardCount, "\(name): read \(shardsRead) of \(shardCount) shards")
                }
                layout = next
                (files, shape) = full
            }
        }

        @Test("a record's body made from its file's parse alone is the record's own")
        func recordBodies() throws {
            let graph = try Self.synthetic(roles: 300)
            let builder = SearchIndexBuilder(graph: graph)
            let records = builder.layout().records
            let parses = graph.roles.map { (kind: EntityKind.role, header: $0.header) } + graph.departments.map { (kind: EntityKind.department, header: $0.header) }
                + graph.procedures.map { (kind: EntityKind.procedure, header: $0.header) }
            let bodies = builder.previousBodies(parses)
            #expect(bodies.count == records.count)
            for record in records {
                let body = try #require(bodies[record.url], "\(record.url)")
                #expect(body.applied(to: record) == record, "\(record.url)")
                #expect(body == RecordBody(record), "\(record.url)")
            }
        }

        /// The paths an update read.
        final class ReadLog: @unchecked Sendable {
            private let lock = NSLock()
            private var list: [String] = []
            func add(_ path: String) { lock.withLock { list.append(path) } }
            var paths: Set<String> { lock.withLock { Set(list) } }
        }

        @Test("the shape of an index reads back as stored; anything else does not")
        func shapeCache() throws {
            let builder = SearchIndexBuilder(graph: try SearchFixture.graph())
            let layout = builder.layout()
            let shape = builder.shapedBuild(layout).shape.withFields(of: layout)
            let bytes = SearchShapeCache.encode(shape, renderer: 42)
            #expect(SearchShapeCache.decode(bytes, renderer: 42) == shape)
            #expect(SearchShapeCache.decode(bytes, renderer: 43) == nil)
            #expect(SearchShapeCache.decode(Array(bytes.dropLast()), renderer: 42) == nil)
            #expect(SearchShapeCache.decode(bytes + [0], renderer: 42) == nil)
        }

        @Test("no update when documents are added or reordered, or a previous file is not as written")
        func updateRefused() throws {
            let builder = SearchIndexBuilder(graph: try SearchFixture.graph())
            let layout = builder.layout()
            let files = builder.build(layout)
            var more = layout
            more.records.append(layout.records[0])
            #expect(builder.update(more, from: Self.previous(layout, files)) == nil)
            var swapped = layout
            swapped.records.swapAt(0, 1)
            #expect(builder.update(swapped, from: Self.previous(layout, files)) == nil)
            var edited = layout
            edited.records[0].title += "新"
            var broken = Self.previous(layout, files)
            broken.read = { _ in nil }
            #expect(builder.update(edited, from: broken) == nil)
            #expect(builder.update(edited, from: Self.previous(layout, files)) != nil)
        }

        @Test("shard files parse back to their entries; anything else does not parse")
        func shardParsing() throws {
            let entries = [("客服经", "0A|12"), ("kefu", "W1_3"), ("客服", "0B"), ("经", "7")]
            let (text, positions) = SearchIndexBuilder.shardFiles(4, entries)
            #expect(text == #"rbSearch.shard(4,{"kefu":"W1_3","客服":"0B","客服经":"0A","经":"7"});"# + "\n")
            #expect(positions == #"rbSearch.pos(4,{"客服经":"12"});"# + "\n")
            let parsed = try #require(SearchIndexBuilder.parseShard(text, 4))
            let joined = try #require(SearchIndexBuilder.join(parsed, positions: positions, 4))
            #expect(joined.map { $0.0 + "=" + $0.1 }.sorted() == entries.map { $0.0 + "=" + $0.1 }.sorted())
            // A trigram without its positions (file missing or incomplete) cannot be patched.
            #expect(SearchIndexBuilder.join(parsed, positions: nil, 4) == nil)
            #expect(SearchIndexBuilder.join(parsed, positions: "rbSearch.pos(4,{});\n", 4) == nil)
            #expect(SearchIndexBuilder.shardFiles(5, [("kefu", "1")]).positions == nil)
            #expect(SearchIndexBuilder.parseShard(text, 5) == nil)
            #expect(SearchIndexBuilder.parseShard(#"rbSearch.shard(4,{"a\"b":"0"});"# + "\n", 4) == nil)
            #expect(SearchIndexBuilder.parseShard("rbSearch.shard(4,{});\n", 4)?.isEmpty == true)
            #expect(SearchIndexBuilder.parseShard("garbage", 4) == nil)
        }

        @Test("postings scan finds an edited document and stops past the last one")
        func postingsScan() {
            let text = SearchIndexBuilder.encodePostings([3 << 5 | 2, 40 << 5 | 7, 1000 << 5 | 1])
            #expect(SearchIndexBuilder.postings(text, holdAnyOf: [40]))
            #expect(SearchIndexBuilder.postings(text, holdAnyOf: [1000]))
            #expect(SearchIndexBuilder.postings(text, holdAnyOf: [0, 1, 2, 3]))
            #expect(SearchIndexBuilder.postings(text, holdAnyOf: [5, 39, 1000, 1001]))
            #expect(!SearchIndexBuilder.postings(text, holdAnyOf: [41]))
            #expect(!SearchIndexBuilder.postings(text, holdAnyOf: [0, 4, 41, 999, 2000]))
            #expect(!SearchIndexBuilder.postings(text, holdAnyOf: []))
        }

        @Test("every file lives under search/ and is a callback script")
        func files() throws {
            let files = try SearchFixture.index()
            #expect(files.keys.allSatisfy { $0.hasPrefix("search/") })
            #expect(files["search/meta.js"]?.hasPrefix("var rbSearchMeta = {") == true)
            #expect(files["search/fold.js"]?.hasPrefix("rbSearch.fold({") == true)
            #expect(files["search/i/0.js"]?.hasPrefix("rbSearch.shard(0,{") == true)
            let meta = try SearchFixture.meta(files)
            #expect(meta.docs == 12)
            #expect(meta.fragmentBundle == SearchIndexBuilder.fragmentBundle)
            #expect((0..<meta.docs).allSatisfy { (try? SearchFixture.fragment(files, $0)) != nil })
            #expect(files.keys.filter { $0.hasPrefix("search/f/") }.count == (meta.docs + meta.fragmentBundle - 1) / meta.fragmentBundle)
            #expect(SearchIndexBuilder.pageScripts == ["search/meta.js"])
        }

        @Test("documents are grouped by department so a group is a range")
        func groups() throws {
            let files = try SearchFixture.index()
            let meta = try SearchFixture.meta(files)
            #expect(meta.groups.map(\.i) == ["cs", "hq", "ops", "training"])
            var next = 0
            for g in meta.groups {
                #expect(g.s == next)
                next += g.c
                for doc in g.s..<(g.s + g.c) {
                    let f = try SearchFixture.fragment(files, doc)
                    #expect(f.kind == "department" ? f.title == g.n : f.department == g.n, "\(f.title) filed under \(g.n)")
                }
            }
            #expect(next == meta.docs)
            let first = try SearchFixture.fragment(files, 0)
            #expect(first.url == "departments/cs.html" && first.kind == "department")
            let urls = try (0..<meta.docs).map { try SearchFixture.fragment(files, $0).url }
            #expect(urls.contains("roles/cs-manager.html") && urls.contains("procedures/opening.html"))
        }

        @Test("a query's tokens route to the shard files that hold them")
        func sharding() throws {
            let index = try SearchFixture.index(SearchFixture.withGenerated(150))
            let meta = try SearchFixture.meta(index)
            #expect(meta.separators.count > 3, "expected several shards, got \(meta.separators.count)")
            #expect(meta.separators.first == "")
            #expect(zip(meta.separators, meta.separators.dropFirst()).allSatisfy { SearchIndexBuilder.utf16Less($0, $1) })
            // Every token is in exactly the shard its separators route it to.
            var seen = 0
            for k in meta.separators.indices {
                for token in try SearchFixture.shard(index, k).keys {
                    #expect(SearchIndexBuilder.shard(of: token, separators: meta.separators) == k, "\(token) in shard \(k)")
                    seen += 1
                }
            }
            #expect(seen > 500)
            // A query's terms map to shards containing them.
            for query in ["客服經理", "kfjl", "GEN-42", "登记", "weekly"] {
                for term in SearchTokenizer.queryTerms(query) {
                    let k = SearchIndexBuilder.shard(of: term.token, separators: meta.separators)
                    let shard = try SearchFixture.shard(index, k)
                    #expect(shard.keys.contains { $0 == term.token || (term.prefix && $0.hasPrefix(term.token)) }, "\(term) not in shard \(k)")
                }
            }
            // Shards stay near the target size (a single long posting list may exceed it).
            for k in meta.separators.indices {
                let shard = try SearchFixture.shard(index, k)
                let size = index["search/i/\(k).js"]!.utf8.count
                #expect(shard.count == 1 || size < SearchIndexBuilder.shardTargetBytes + 1024, "shard \(k) is \(size) bytes")
            }
            #expect(try SearchFixture.search(index, "GEN-42") == ["第42号岗位专员"])
            #expect(try SearchFixture.search(index, "第42号").first == "第42号岗位专员")
        }

        @Test("queries in every script find the right role first", arguments: [
            ("客服经理", "客服经理"),
            ("客服經理", "客服经理"),
            ("营运总监", "營運總監"),
            ("kfjl", "客服经理"),
            ("fjl", "客服经理"),
            ("kefu jingli", "客服经理"),
            ("kefu jing", "客服经理"),
            ("jingli", "总经理"),          // shorter title first
            ("receptionist", "前台接待"),
            ("RECEP", "前台接待"),
            ("KF-01", "客服经理"),
            ("kf01", "客服经理"),
            ("cs-manager", "客服经理"),
            ("投诉", "客服经理"),
            ("营", "營運部"),
        ])
        func queries(query: String, expected: String) throws {
            let titles = try SearchFixture.search(try SearchFixture.index(), query)
            #expect(titles.first == expected, "\(query) gave \(titles)")
        }

        @Test("ranking: title and aliases, then department, then responsibilities, then the rest")
        func ranking() throws {
            let titles = try SearchFixture.search(try SearchFixture.index(), "培训")
            // 培训中心 (department title) and 培训专员 (role title) both rank in the title tier.
            #expect(Set(titles.prefix(2)) == ["培训中心", "培训专员"])
            #expect(Array(titles.dropFirst(2)) == ["教练", "客服经理", "总经理"], "\(titles)")
        }

        @Test("nothing matches a query for text that is not there")
        func noResults() throws {
            #expect(try SearchFixture.search(try SearchFixture.index(), "不存在的岗位名称").isEmpty)
            #expect(try SearchFixture.search(try SearchFixture.index(), "zzzz").isEmpty)
        }

        @Test("fragments carry what a result shows")
        func fragments() throws {
            let files = try SearchFixture.index()
            let meta = try SearchFixture.meta(files)
            let all = try (0..<meta.docs).map { try SearchFixture.fragment(files, $0) }
            let manager = try #require(all.first { $0.title == "客服经理" })
            #expect(manager.kind == "role" && manager.department == "客户服务部" && manager.aliases == ["Customer Service Manager"])
            #expect(manager.text.first == "统筹客户服务部的日常运作。")
            #expect(manager.text.contains("记录投诉内容。") && manager.text.contains("KF-01"))
            let opening = try #require(all.first { $0.kind == "procedure" })
            #expect(opening.text == ["开店前", "08:30 到岗签到，检查仪容仪表。"])
        }

        @Test("the folding table covers the characters that differ")
        func folding() throws {
            let pairs = Array(SearchTokenizer.foldingPairs())
            #expect(pairs.count % 2 == 0 && pairs.count > 4000)
            var map: [Character: Character] = [:]
            for i in stride(from: 0, to: pairs.count, by: 2) { map[pairs[i]] = pairs[i + 1] }
            #expect(map["經"] == "经" && map["營"] == "营" && map["經"] != nil && map["经"] == nil)
        }
    }

    @Suite("Search client (node)", .enabled(if: SearchFixture.node != nil, "node is not installed"))
    struct Client {
        static let strings = ["客服經理", "ＫＦ－０１ and Front-Desk", "08:30 签到", "營運總監 kefu jingli", "Ça va, Σ", "end. Next", "a 经理 a",
                              "https://example.com/a/very/long/path/that-is-longer-than-thirty-two", "カタカナ 한국어",
                              "\"Front Desk\" 经理", "“sales  manager” lead", "「KF-01 Front desk」", "\"a 客服 b\" \"c d", "＂Ｘ　Ｙ＂"]

        @Test("the JavaScript tokenizer agrees with SearchTokenizer")
        func parity() throws {
            let out = try SearchFixture.runClient(try SearchFixture.index(), input: ["strings": Self.strings])
            let normalized = try #require(out["normalize"] as? [String: String])
            let terms = try #require(out["terms"] as? [String: [String]])
            for s in Self.strings {
                #expect(normalized[s] == SearchTokenizer.normalize(s), "normalize(\(s))")
                #expect(terms[s] == SearchTokenizer.queryTerms(s).map(\.description), "terms(\(s))")
            }
        }

        @Test("the JavaScript client answers queries like the Swift reference")
        func queries() throws {
            let files = try SearchFixture.index(SearchFixture.withGenerated(150))
            let queries = ["客服经理", "客服經理", "营运总监", "kfjl", "kefu jingli", "receptionist", "KF-01", "投诉", "培训", "营", "不存在的岗位名称", "经理", "客服"]
            let out = try SearchFixture.runClient(files, input: ["queries": queries])
            let results = try #require(out["results"] as? [String: [String]])
            for q in queries { #expect(results[q] == (try SearchFixture.search(files, q)), "\(q)") }
            #expect(results["客服經理"]?.first == "客服经理")
            #expect(results["营运总监"]?.first == "營運總監")
            #expect(results["不存在的岗位名称"] == [])
            let snippets = try #require(out["snippets"] as? [String: String])
            #expect(snippets["投诉"]?.contains("<mark>投诉</mark>") == true, "\(snippets["投诉"] ?? "")")
            #expect(snippets["receptionist"] == "Front Desk <mark>Receptionist</mark>")
            #expect(snippets["KF-01"]?.contains("<mark>KF</mark>-<mark>01</mark>") == true, "\(snippets["KF-01"] ?? "")")
            // One query loads only the shards of its own tokens plus the fragments it shows.
            let loads = try #require(out["loads"] as? [String: [String]])
            let meta = try SearchFixture.meta(files)
            #expect(meta.separators.count > 3)
            for q in ["客服经理", "KF-01", "kefu jingli", "经理", "客服"] {
                let shards = Set(SearchTokenizer.queryTerms(q).map { "search/i/\(SearchIndexBuilder.shard(of: $0.token, separators: meta.separators)).js" })
                // Positions files only for a phrase (a CJK run of four or more characters), of its trigrams' shards.
                let positions = Set(SearchTokenizer.queryPhrases(q).flatMap { $0 }.filter { !$0.isEmpty }.map {
                    "search/p/\(SearchIndexBuilder.shard(of: $0, separators: meta.separators)).js"
                })
                let fold: Set<String> = q.unicodeScalars.contains { $0.value >= 0x4E00 } ? ["search/fold.js"] : []
                #expect(Set(loads[q] ?? []) == shards.union(positions).union(fold), "\(q) loaded \(loads[q] ?? [])")
                #expect((loads[q] ?? []).contains { $0.hasPrefix("search/p/") } == (q == "客服经理"), "\(q) loaded \(loads[q] ?? [])")
            }
        }
    }
}
