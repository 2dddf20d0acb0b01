import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Every kind of page under its Content-Security-Policy in a real Chromium: no violation is
/// reported, the print buttons still print, and search still answers.
@Suite("Content-Security-Policy in Chromium", .serialized, .offPool)
struct CSPEndToEndTests {
    /// A copy of `page` that records CSP violations from the start (a script in the head) and, at
    /// the end, clicks the print button with `window.print` replaced by a logger, then writes
    /// what happened into `<pre id="csp-log">`. Scripts are files: the policy forbids inline ones.
    static func harness(_ site: URL, page: String) throws -> URL {
        let folder = site.appendingPathComponent(page).deletingLastPathComponent()
        try """
            window.__rbViolations = [];
            document.addEventListener("securitypolicyviolation", function (e) { window.__rbViolations.push(e.violatedDirective + ":" + e.blockedURI); });
            """.write(to: folder.appendingPathComponent("csp-listen.js"), atomically: true, encoding: .utf8)
        try """
            (function () {
              var log = [];
              window.print = function () { log.push("printed"); };
              var button = document.querySelector("[data-action=print]");
              if (button) button.click(); else log.push("no-button");
              setTimeout(function () {
                var results = document.querySelectorAll(".rb-result").length;
                var pre = document.createElement("pre");
                pre.id = "csp-log";
                pre.textContent = log.concat(["results=" + results], window.__rbViolations.map(function (v) { return "violation=" + v; })).join(" ");
                document.body.appendChild(pre);
              }, 1500);
            })();
            """.write(to: folder.appendingPathComponent("csp-act.js"), atomically: true, encoding: .utf8)
        let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"><script src=\"csp-listen.js\"></script>")
            .replacingOccurrences(of: "</body>", with: "<script src=\"csp-act.js\"></script></body>")
        let name = (page as NSString).lastPathComponent.replacingOccurrences(of: ".html", with: "-csp.html")
        let url = folder.appendingPathComponent(name)
        try html.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func log(_ dom: String) -> [String] {
        guard let start = dom.range(of: "<pre id=\"csp-log\">"), let end = dom[start.upperBound...].range(of: "</pre>") else { return [] }
        return HTMLScan.entities(String(dom[start.upperBound..<end.lowerBound])).split(separator: " ").map(String.init)
    }

    @Test("no page reports a violation; print buttons print", arguments: [
        ("index.html", false), ("departments/cs.html", false), ("roles/cs-manager.html", true), ("procedures/opening.html", false),
        ("checklists/opening.html", true), ("checklists/roles/cs-manager.html", true), ("az.html", false),
    ])
    func page(path: String, hasPrintButton: Bool) throws {
        let site = try Browser.buildFixture("e2e", folder: "e2e-csp")
        let html = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        #expect(html.contains("http-equiv=\"Content-Security-Policy\""))
        let log = Self.log(try Browser.dom(try Self.harness(site, page: path)))
        try #require(!log.isEmpty, "the harness did not run")
        #expect(!log.contains { $0.hasPrefix("violation=") }, "\(log)")
        #expect(log.contains("printed") == hasPrintButton, "\(log)")
    }

    @Test("search answers under the policy with no violation")
    func search() throws {
        let site = try Browser.buildFixture("e2e", folder: "e2e-csp")
        var components = URLComponents(url: try Self.harness(site, page: "search.html"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: "客服")]
        let log = Self.log(try Browser.dom(components.url!))
        try #require(!log.isEmpty, "the harness did not run")
        #expect(!log.contains { $0.hasPrefix("violation=") }, "\(log)")
        let results = log.first { $0.hasPrefix("results=") }.flatMap { Int($0.dropFirst("results=".count)) } ?? 0
        #expect(results >= 2, "\(log)")
    }
}
