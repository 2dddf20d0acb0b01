import Foundation
import RoleBook
import RoleBookDevSupport

/// Search quality on a synthetic tree (issue 17): for each query, the pages that contain it
/// (ground truth from the Markdown) against every result of the real client, run under Node,
/// and against every result of Pagefind (its own search API under Node) on the same site; then
/// each query's first-query time and transfer for both in headless Chromium from a local server.
///
/// A page contains a query when its Markdown (front matter included) or, for a role or
/// procedure, its department's title (which the page shows and the index ranks in the
/// department tier) contains it after folding (NFKC, lowercase, traditional → simplified with
/// ``SearchTokenizer/normalize(_:)``): simplified and traditional spellings have the same truth.
/// A pinyin query's truth is the pages whose title, an alias or department title holds every
/// word it spells (``pinyinWords``): what "reads so" means for a page.
struct SearchQuality {
    static let queries = ["经理", "經理", "总经理", "總經理", "客户投诉", "客戶投訴", "满意度", "滿意度", "报表", "報表", "巡查", "培训",
                          "考核", "考核指标", "职责概述", "物业费收缴", "物业管家", "财务经理", "客户投诉处理", "CRM", "Excel"]
    /// Each pinyin query and the words it spells; a page reads so when its names hold all of them.
    static let pinyinWords: [(query: String, words: [String])] = [
        ("kuaiji", ["会计"]), ("xietiao", ["协调"]), ("jingli", ["经理"]), ("kefu zhuanyuan", ["客服", "专员"]), ("kfzy", ["客服专员"]),
    ]
    static var pinyinQueries: [String] { pinyinWords.map(\.query) }

    /// One engine's results for a query against the truth.
    struct Score { var found: Int, results: Int, falseHits: Int }

    struct Row {
        var query: String
        var truth: Int
        var rolebook: Score
        /// Nil when Pagefind is not installed.
        var pagefind: Score?
        /// First query in a fresh headless Chromium from a local server (nil without Chromium).
        var rolebookBrowser: SearchMeasurement.Query?
        var pagefindBrowser: SearchMeasurement.Query?
    }

    var roles: Int
    var work: URL
    var rolebook: String
    /// Query the site of a previous run as it is (no generation, no build).
    var reuse = false

    func run(log: (String) -> Void) throws -> [Row] {
        let base = work.appendingPathComponent("quality-\(roles)")
        let content = base.appendingPathComponent("content")
        let site = base.appendingPathComponent("site"), pagefindSite = base.appendingPathComponent("pagefind-site")
        let fm = FileManager.default
        if !(reuse && fm.fileExists(atPath: site.appendingPathComponent("search/meta.js").path)) {
            let stats = try SyntheticContent(roles: roles).write(to: content)
            log("quality: \(stats.roles) roles generated; building")
            try? fm.removeItem(at: site)
            try? fm.removeItem(at: pagefindSite)
            _ = try Runner.measure([rolebook, "build", "content", "-o", "site", "--quiet", "--no-cache"], in: base)
        }
        var withPagefind = fm.fileExists(atPath: pagefindSite.appendingPathComponent("pagefind/pagefind.js").path)
        if !withPagefind {
            log("quality: indexing with Pagefind")
            withPagefind = try SearchBenchmark.pagefindIndex(site: site, into: pagefindSite) != nil
            if !withPagefind { log("quality: Pagefind is not installed; its columns stay empty") }
        }
        let pages = try Self.pages(content)
        log("quality: \(pages.count) pages; querying")
        let all = Self.queries + Self.pinyinQueries
        let results = try Self.client(site: site, queries: all)
        let pagefind = withPagefind ? try Self.pagefindClient(site: pagefindSite, queries: all) : [:]
        var browser: SearchMeasurement?
        if Runner.available("chromium") {
            log("quality: first queries in headless Chromium")
            browser = try SearchBenchmark(site: site, pagefindSite: pagefindSite, queries: all, withPagefind: withPagefind).measure(log: log)
        }
        func score(_ urls: [String], _ truth: Set<String>) -> Score {
            let found = urls.filter { truth.contains($0) }.count
            return Score(found: found, results: urls.count, falseHits: urls.count - found)
        }
        var rows: [Row] = []
        for q in all {
            let truth: Set<String>
            if let words = Self.pinyinWords.first(where: { $0.query == q })?.words {
                truth = Set(pages.filter { page in words.allSatisfy { page.value.names.contains($0) } }.keys)
            } else {
                let needle = SearchTokenizer.normalize(q)
                truth = Set(pages.filter { $0.value.text.contains(needle) }.keys)
            }
            // Pagefind also indexes the list pages (home, A–Z index …): only the pages rolebook's index holds are compared.
            let pagefindURLs = pagefind[q].map { $0.filter { pages[$0] != nil } }
            rows.append(Row(query: q, truth: truth.count, rolebook: score(results[q]?.urls ?? [], truth), pagefind: pagefindURLs.map { score($0, truth) },
                            rolebookBrowser: browser?.rolebook.first { $0.query == q },
                            pagefindBrowser: browser?.pagefind.first { $0.query == q }))
        }
        return rows
    }

    /// Folded text of every page, and its folded names (title, aliases, department title), by site-relative URL.
    static func pages(_ content: URL) throws -> [String: (text: String, names: String)] {
        let fm = FileManager.default
        var departmentTitle: [String: String] = [:]   // content folder → its department's title
        var files: [(url: String, folder: String, text: String)] = []
        for folder in try fm.contentsOfDirectory(atPath: content.path) {
            for kind in ["departments", "roles", "procedures"] {
                let dir = content.appendingPathComponent(folder).appendingPathComponent(kind)
                for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".md") {
                    let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                    let id = String(name.dropLast(3))
                    if kind == "departments", id == folder, let line = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) {
                        departmentTitle[folder] = String(line.dropFirst(7))
                    }
                    files.append((kind + "/" + id + ".html", kind == "departments" ? "" : folder, text))
                }
            }
        }
        var out: [String: (text: String, names: String)] = [:]
        for f in files {
            let department = departmentTitle[f.folder] ?? ""
            // The generator writes `title: …` and `aliases: [a, b]` on lines of their own.
            let names = f.text.split(separator: "\n").filter { $0.hasPrefix("title: ") || $0.hasPrefix("aliases: ") }.joined(separator: "\n")
            out[f.url] = (SearchTokenizer.normalize(f.text + "\n" + department), SearchTokenizer.normalize(names + "\n" + department))
        }
        return out
    }

    /// Every result URL of each query, from Pagefind's search API under Node.
    static func pagefindClient(site: URL, queries: [String]) throws -> [String: [String]] {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-bench-pagefind-\(getpid()).mjs")
        try Data(EmbeddedAssets.benchPagefindQualityJS.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let json = try Self.node(script: script, site: site, queries: queries)
        return json.mapValues { ($0["urls"] as? [String]) ?? [] }
    }

    /// Runs a Node script with the site folder as argument and the queries as JSON on stdin.
    static func node(script: URL, site: URL, queries: [String]) throws -> [String: [String: Any]] {
        guard Runner.available("node") else { throw BenchError.missing("node (Debian package 'nodejs')") }
        let input = JSONWriter().text(.array(queries.map(JSONValue.string)))
        let outcome = try ChildProcess(searching: "node", [script.path, site.path], input: Data(input.utf8)).run(seconds: 3600)
        guard outcome.status == 0, let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: [String: Any]] else {
            throw BenchError.failed("node " + script.lastPathComponent, String(outcome.stdout.suffix(500)) + outcome.stderr.suffix(500))
        }
        return json
    }

    /// Every result URL of each query, from `assets/search.js` under Node.
    static func client(site: URL, queries: [String]) throws -> [String: (urls: [String], ms: Double, bytes: Int)] {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-bench-quality-\(getpid()).js")
        try Data(EmbeddedAssets.benchQualityJS.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let json = try Self.node(script: script, site: site, queries: queries)
        return json.mapValues { (($0["urls"] as? [String]) ?? [], ($0["ms"] as? Double) ?? .nan, ($0["bytes"] as? Int) ?? 0) }
    }

    /// The Markdown table for docs/benchmarks.md.
    static func table(_ rows: [Row], roles: Int) -> String {
        var out = "Search quality on \(roles) generated roles (`rolebook-bench quality`): every result of rolebook's real client "
            + "(`assets/search.js` under Node) and of Pagefind's search API (`pagefind.js` and its WebAssembly under Node, same site) "
            + "against the pages containing the query (Markdown, or a role's department title; either script; for pinyin: a title, "
            + "alias or department title holding the words it spells). Pagefind results on list pages (home, A–Z index) are left out. "
            + "First query and transfer: a fresh headless Chromium from python's http.server on loopback, until the top ten "
            + "results' snippets are there; transfer counts every search file the server sent (rolebook: `assets/search.js`, "
            + "`search/…`; Pagefind: `pagefind/…`). Once loaded: the same query and snippets again in that browser.\n\n"
        out += "| query | pages with it | rolebook recall | false | first query | once loaded | transfer | Pagefind recall | false | first query | transfer |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        func recall(_ s: Score?, _ truth: Int) -> String {
            guard let s else { return "–" }
            return truth == 0 ? "–" : String(format: "%.1f %% (%d)", 100 * Double(s.found) / Double(truth), s.found)
        }
        func browser(_ m: SearchMeasurement.Query?, warm: Bool) -> String {
            guard let m else { return warm ? "– | – | –" : "– | –" }
            return String(format: "%.0f ms | ", m.ms) + (warm ? String(format: "%.1f ms | ", m.warm) : "") + String(format: "%.0f KB", Double(m.bytes) / 1024)
        }
        for r in rows {
            out += "| `\(r.query)` | \(r.truth) | \(recall(r.rolebook, r.truth)) | \(r.rolebook.falseHits) | \(browser(r.rolebookBrowser, warm: true)) | "
                + "\(recall(r.pagefind, r.truth)) | \(r.pagefind.map { String($0.falseHits) } ?? "–") | \(browser(r.pagefindBrowser, warm: false)) |\n"
        }
        return out
    }
}
