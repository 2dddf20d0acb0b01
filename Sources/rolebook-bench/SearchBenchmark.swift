import Foundation
import RoleBook

/// Per-query figures for rolebook's search and Pagefind's on the same site.
struct SearchMeasurement {
    /// `ms`: first query in a fresh browser, fetching what it needs; `warm`: the same query again, files already loaded.
    struct Query { var query: String, ms: Double, warm: Double, bytes: Int, files: Int, hits: Int }
    var rolebook: [Query]
    var pagefind: [Query]
}

/// Measures search in a real headless Chromium over HTTP on loopback: each query in a fresh
/// browser, counting the bytes of every search resource it fetched (the page's own shell,
/// styles and HTML excluded) and the time from issuing the query to having the top ten
/// results' snippets.
struct SearchBenchmark {
    /// Simplified, traditional, pinyin initials, full pinyin, body text and a code, all present in the synthetic content.
    static let queries = ["客服专员", "經理", "kfzy", "kefu zhuanyuan", "投诉", "SYN-000123"]

    var site: URL
    var pagefindSite: URL
    /// What to query (the quality benchmark passes the list), and whether Pagefind's site is there to query too.
    var queries = Self.queries
    var withPagefind = true

    /// Runs Pagefind (from PyPI, benchmark only) over a copy of the site; nil when it is not installed.
    static func pagefindIndex(site: URL, into copy: URL) throws -> (Int, Int)? {
        guard Runner.available("python3"),
              (try? Runner.run(["python3", "-c", "import pagefind"], in: site))?.0 == 0 else { return nil }
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: site, to: copy)
        try Runner.shell("python3 -m pagefind --site '\(copy.path)' --output-subdir pagefind > /dev/null", in: copy)
        return Runner.size(of: copy.appendingPathComponent("pagefind"))
    }

    func measure(log: (String) -> Void) throws -> SearchMeasurement? {
        guard Runner.available("chromium") else { return nil }
        let root = site.deletingLastPathComponent()
        try Data(Self.rolebookHarness.utf8).write(to: site.appendingPathComponent("bench-search.html"))
        if withPagefind { try Data(Self.pagefindHarness.utf8).write(to: pagefindSite.appendingPathComponent("bench-search.html")) }
        let port = 18_000 + Int(getpid() % 1000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", root.path]
        server.standardOutput = FileHandle.nullDevice
        // The access log is the byte count: Pagefind fetches from a web worker, whose requests the
        // page's Resource Timing never sees, so transfers are counted on the server for both.
        let accessLog = root.appendingPathComponent("access.log")
        _ = FileManager.default.createFile(atPath: accessLog.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: accessLog)
        server.standardError = logHandle
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        Thread.sleep(forTimeInterval: 1)
        var result = SearchMeasurement(rolebook: [], pagefind: [])
        for query in queries {
            let q = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            for (which, folder) in [("rolebook", site), ("pagefind", pagefindSite)] where which == "rolebook" || withPagefind {
                let url = "http://127.0.0.1:\(port)/\(folder.lastPathComponent)/bench-search.html?q=\(q)"
                let before = (try? Data(contentsOf: accessLog).count) ?? 0
                guard let m = try Self.runHarness(url) else { continue }
                Thread.sleep(forTimeInterval: 0.2)
                let requests = Self.requests(in: accessLog, from: before)
                let searchFiles = requests.filter { which == "rolebook" ? ($0.contains("/search/") || $0.hasSuffix("search.js")) : $0.contains("/pagefind/") }
                let bytes = searchFiles.reduce(0) { total, path in
                    total + ((try? FileManager.default.attributesOfItem(atPath: root.path + path)[.size] as? Int) ?? 0)
                }
                let entry = SearchMeasurement.Query(query: query, ms: m.ms, warm: m.warm, bytes: bytes, files: searchFiles.count, hits: m.hits)
                if which == "rolebook" { result.rolebook.append(entry) } else { result.pagefind.append(entry) }
                log(String(format: "search %@ %@: %.1f ms (again: %.1f ms), %d bytes in %d files, %d hits", which, query, m.ms, m.warm, bytes, searchFiles.count, m.hits))
            }
        }
        return result
    }

    /// Paths (URL-decoded, query dropped) of the GET requests logged after byte `offset`.
    static func requests(in log: URL, from offset: Int) -> [String] {
        guard let data = try? Data(contentsOf: log), data.count > offset else { return [] }
        return String(decoding: data[offset...], as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "\"GET "), let end = line.range(of: " HTTP/", range: start.upperBound..<line.endIndex) else { return nil }
            let target = line[start.upperBound..<end.lowerBound].split(separator: "?").first.map(String.init) ?? ""
            return target.removingPercentEncoding ?? target
        }
    }

    /// Opens the harness in headless Chromium and polls the DevTools endpoint until the page's title carries the result.
    static func runHarness(_ url: String) throws -> (ms: Double, warm: Double, hits: Int)? {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-bench-chromium-\(getpid())")
        try? FileManager.default.removeItem(at: profile)
        let debugPort = 19_000 + Int(getpid() % 1000)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        browser.arguments = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--remote-debugging-port=\(debugPort)", url]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        defer { browser.terminate(); browser.waitUntilExit(); try? FileManager.default.removeItem(at: profile) }
        let deadline = Stopwatch.now() + 60
        while Stopwatch.now() < deadline {
            Thread.sleep(forTimeInterval: 0.25)
            // curl rather than Foundation: plain Foundation on Linux has no HTTP loading.
            guard let (status, body) = try? Runner.run(["curl", "-s", "http://127.0.0.1:\(debugPort)/json/list"], in: profile.deletingLastPathComponent()),
                  status == 0, case let data = Data(body.utf8),
                  let pages = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for page in pages {
                // DevTools reports the title HTML-escaped.
                guard let raw = page["title"] as? String, raw.hasPrefix("done:"),
                      case let title = raw.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&"),
                      let json = try? JSONSerialization.jsonObject(with: Data(title.dropFirst(5).utf8)) as? [String: Any] else { continue }
                return ((json["ms"] as? Double) ?? .nan, (json["warm"] as? Double) ?? .nan, (json["hits"] as? Int) ?? 0)
            }
        }
        return nil
    }

    /// Loads the real search page in a frame, then times `rbSearch.search` plus the top ten fragments.
    static var rolebookHarness: String { EmbeddedAssets.benchRolebookHTML }

    /// Pagefind's documented JS API: init (entry + wasm), search, then `data()` of the top ten.
    static var pagefindHarness: String { EmbeddedAssets.benchPagefindHTML }
}
