import Foundation
import RoleBook
import RoleBookDevSupport

/// Search quality on a synthetic tree (issue 17): for each query, the pages that contain it
/// (ground truth from the Markdown) against every result of the real client, run under Node.
///
/// A page contains a query when its Markdown (front matter included) or, for a role or
/// procedure, its department's title (which the page shows and the index ranks in the
/// department tier) contains it after folding (NFKC, lowercase, traditional → simplified with
/// ``SearchTokenizer/normalize(_:)``): simplified and traditional spellings have the same truth.
/// Pinyin queries have no ground truth here (what "reads so" is the index's own reading table);
/// their result counts are reported.
struct SearchQuality {
    static let queries = ["经理", "經理", "总经理", "總經理", "客户投诉", "客戶投訴", "满意度", "滿意度", "报表", "報表", "巡查", "培训",
                          "考核", "考核指标", "职责概述", "物业费收缴", "物业管家", "财务经理", "客户投诉处理", "CRM", "Excel"]
    static let pinyinQueries = ["kuaiji", "xietiao", "jingli", "kefu zhuanyuan", "kfzy"]

    struct Row { var query: String, truth: Int?, found: Int, results: Int, falseHits: Int?, ms: Double, bytes: Int }

    var roles: Int
    var work: URL
    var rolebook: String
    /// Query the site of a previous run as it is (no generation, no build).
    var reuse = false

    func run(log: (String) -> Void) throws -> [Row] {
        let base = work.appendingPathComponent("quality-\(roles)")
        let content = base.appendingPathComponent("content")
        if !(reuse && FileManager.default.fileExists(atPath: base.appendingPathComponent("site/search/meta.js").path)) {
            let stats = try SyntheticContent(roles: roles).write(to: content)
            log("quality: \(stats.roles) roles generated; building")
            try? FileManager.default.removeItem(at: base.appendingPathComponent("site"))
            _ = try Runner.measure([rolebook, "build", "content", "-o", "site", "--quiet", "--no-cache"], in: base)
        }
        let pages = try Self.pages(content)
        log("quality: \(pages.count) pages; querying")
        let results = try Self.client(site: base.appendingPathComponent("site"), queries: Self.queries + Self.pinyinQueries)
        var rows: [Row] = []
        for q in Self.queries {
            let needle = SearchTokenizer.normalize(q)
            let truth = Set(pages.filter { $0.value.contains(needle) }.keys)
            let got = results[q]?.urls ?? []
            let found = got.filter { truth.contains($0) }.count
            rows.append(Row(query: q, truth: truth.count, found: found, results: got.count, falseHits: got.count - found, ms: results[q]?.ms ?? .nan, bytes: results[q]?.bytes ?? 0))
        }
        for q in Self.pinyinQueries { rows.append(Row(query: q, truth: nil, found: 0, results: results[q]?.urls.count ?? 0, falseHits: nil, ms: results[q]?.ms ?? .nan, bytes: results[q]?.bytes ?? 0)) }
        return rows
    }

    /// Folded text of every page, by site-relative URL.
    static func pages(_ content: URL) throws -> [String: String] {
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
        var out: [String: String] = [:]
        for f in files { out[f.url] = SearchTokenizer.normalize(f.text + "\n" + (departmentTitle[f.folder] ?? "")) }
        return out
    }

    /// Every result URL of each query, from `assets/search.js` under Node.
    static func client(site: URL, queries: [String]) throws -> [String: (urls: [String], ms: Double, bytes: Int)] {
        guard Runner.available("node") else { throw BenchError.missing("node (Debian package 'nodejs')") }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-bench-quality-\(getpid()).js")
        try Data(EmbeddedAssets.benchQualityJS.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let input = JSONWriter().text(.array(queries.map(JSONValue.string)))
        let outcome = try ChildProcess(searching: "node", [script.path, site.path], input: Data(input.utf8)).run(seconds: 3600)
        let data = Data(outcome.stdout.utf8)
        guard outcome.status == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
            throw BenchError.failed("node bench-quality.js", String(outcome.stdout.suffix(500)) + outcome.stderr.suffix(500))
        }
        return json.mapValues { (($0["urls"] as? [String]) ?? [], ($0["ms"] as? Double) ?? .nan, ($0["bytes"] as? Int) ?? 0) }
    }

    /// The Markdown table for docs/benchmarks.md.
    static func table(_ rows: [Row], roles: Int) -> String {
        var out = "Search quality on \(roles) generated roles (`rolebook-bench quality`): every result of the real client (`assets/search.js` under Node) "
            + "against the pages containing the query (Markdown, or a role's department title; either script). "
            + "Time: the query again once its files are loaded (Node, not a browser). Transfer: the files a first query reads "
            + "for its top ten results (`assets/search.js`, `search/meta.js`, `search/fold.js`, shards, fragment bundles).\n\n"
        out += "| query | pages with it | found | recall | results | false hits | time | transfer |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            if let truth = r.truth, let falseHits = r.falseHits {
                let recall = truth == 0 ? "–" : String(format: "%.1f %%", 100 * Double(r.found) / Double(truth))
                out += "| `\(r.query)` | \(truth) | \(r.found) | \(recall) | \(r.results) | \(falseHits) | " + String(format: "%.1f ms | %.0f KB", r.ms, Double(r.bytes) / 1024) + " |\n"
            } else {
                out += "| `\(r.query)` | – | – | – | \(r.results) | – | " + String(format: "%.1f ms | %.0f KB", r.ms, Double(r.bytes) / 1024) + " |\n"
            }
        }
        return out
    }
}
