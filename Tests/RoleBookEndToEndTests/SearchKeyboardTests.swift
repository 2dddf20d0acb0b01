import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild
import RoleBookTestSupport

/// The search page driven by key presses in a real Chromium: ↓/↑ move the highlighted result,
/// Enter opens it. A copy of `search.html` gets a script that presses the keys and logs the state.
@Suite("Search keyboard navigation in Chromium", .serialized, .offPool)
struct SearchKeyboardTests {
    /// The e2e fixture's site in a folder of its own (other suites build the same fixture elsewhere).
    static func site() throws -> URL {
        let content = fixtureContent("e2e")
        let result = try Checker(loader: ContentLoader(root: content, displayRoot: "content")).run()
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-kbd-\(UUID().uuidString)/site")
        try FileManager.default.createDirectory(at: site.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SiteWriter(output: site).write(SiteRenderer(graph: result.graph).render())
        return site
    }

    /// A copy of search.html that, once results are shown, presses `keys` in the search box and
    /// writes what is highlighted after each press into `<pre id="kbd-log">`.
    static func harness(_ site: URL, name: String, keys: [String]) throws -> URL {
        let page = try String(contentsOf: site.appendingPathComponent("search.html"), encoding: .utf8)
        let keyList = keys.map { "'\($0)'" }.joined(separator: ",")
        // A script file of its own: the page's Content-Security-Policy blocks inline scripts.
        let script = """
            (function () {
              var keys = [\(keyList)], log = [], tries = 0;
              function state() {
                var items = document.querySelectorAll('.rb-result'), active = document.querySelectorAll('.rb-result.is-active');
                var a = active[0];
                return (a ? a.id : '-') + '/' + active.length + '/' + (a && a.getAttribute('aria-current') === 'true' ? 'current' : 'none') + '/' + items.length;
              }
              function press() {
                var key = keys.shift();
                if (key === undefined) { var pre = document.createElement('pre'); pre.id = 'kbd-log'; pre.textContent = log.join(' '); document.body.appendChild(pre); return; }
                document.getElementById('rb-q').dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true, cancelable: true }));
                log.push(key + ':' + state());
                setTimeout(press, 50);
              }
              function wait() {
                if (document.querySelectorAll('.rb-result').length >= 3) {
                  var titles = Array.prototype.map.call(document.querySelectorAll('.rb-result-link'), function (a) { return a.textContent; });
                  log.push('titles:' + titles.join('|'));
                  press();
                } else if (++tries < 100) setTimeout(wait, 50);
              }
              wait();
            })();
            """
        try script.write(to: site.appendingPathComponent(name + ".js"), atomically: true, encoding: .utf8)
        let harness = site.appendingPathComponent(name + ".html")
        try page.replacingOccurrences(of: "</body>", with: "<script src=\"\(name).js\"></script></body>").write(to: harness, atomically: true, encoding: .utf8)
        var components = URLComponents(url: harness, resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: "客服")]
        return components.url!
    }

    static func log(_ dom: String) -> [String] {
        guard let start = dom.range(of: "<pre id=\"kbd-log\">"), let end = dom[start.upperBound...].range(of: "</pre>") else { return [] }
        return HTMLScan.entities(String(dom[start.upperBound..<end.lowerBound])).components(separatedBy: " ")
    }

    @Test("arrow keys move the highlighted result and stop at the ends")
    func arrows() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let url = try Self.harness(site, name: "kbd-arrows", keys: ["ArrowDown", "ArrowDown", "ArrowUp", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp", "ArrowUp", "ArrowUp", "ArrowUp"])
        let log = Self.log(try Browser.dom(url))
        try #require(log.count == 11, "no log from the harness: \(log)")
        #expect(log.first?.hasPrefix("titles:") == true)
        #expect(Array(log.dropFirst()) == [
            "ArrowDown:rb-r-0/1/current/3", "ArrowDown:rb-r-1/1/current/3", "ArrowUp:rb-r-0/1/current/3",
            "ArrowDown:rb-r-1/1/current/3", "ArrowDown:rb-r-2/1/current/3", "ArrowDown:rb-r-2/1/current/3",
            "ArrowUp:rb-r-1/1/current/3", "ArrowUp:rb-r-0/1/current/3", "ArrowUp:-/0/none/3", "ArrowUp:-/0/none/3",
        ])
    }

    @Test("Enter opens the highlighted result")
    func enter() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let first = Self.log(try Browser.dom(try Self.harness(site, name: "kbd-titles", keys: [])))
        let titles = try #require(first.first { $0.hasPrefix("titles:") }).dropFirst("titles:".count).split(separator: "|").map(String.init)
        try #require(titles.count >= 2)
        // Down twice selects the second result; Enter navigates, so the DOM dumped is that page's.
        let dom = try Browser.dom(try Self.harness(site, name: "kbd-enter", keys: ["ArrowDown", "ArrowDown", "Enter"]))
        #expect(!dom.contains("id=\"rb-search\""), "still on the search page")
        #expect(HTMLScan.texts(of: "h1", in: dom) == [titles[1]])
    }
}
