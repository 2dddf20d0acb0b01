import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
import RoleBookTestSupport

/// The A–Z page in a real Chromium: the letter bar stays on screen below the header when the
/// page scrolls, and the department filter (also from `#dept=`) hides other departments' roles.
@Suite("A–Z page in Chromium", .serialized, .offPool)
struct AZEndToEndTests {
    /// A copy of az.html with a script file (the CSP blocks inline ones) that runs `probe` after
    /// the page's scripts and writes its result into `<pre id="az-log">`.
    static func harness(_ site: URL, name: String, probe: String, hash: String = "") throws -> URL {
        let page = try String(contentsOf: site.appendingPathComponent("az.html"), encoding: .utf8)
        let script = "window.addEventListener('load', function () { setTimeout(function () { var pre = document.createElement('pre'); pre.id = 'az-log'; pre.textContent = (function () { \(probe) })(); document.body.appendChild(pre); }, 300); });"
        try script.write(to: site.appendingPathComponent(name + ".js"), atomically: true, encoding: .utf8)
        let harness = site.appendingPathComponent(name + ".html")
        try page.replacingOccurrences(of: "</body>", with: "<script src=\"\(name).js\"></script></body>").write(to: harness, atomically: true, encoding: .utf8)
        return URL(string: harness.absoluteString + hash)!
    }

    static func log(_ dom: String) -> String {
        guard let start = dom.range(of: "<pre id=\"az-log\">"), let end = dom[start.upperBound...].range(of: "</pre>") else { return "" }
        return HTMLScan.entities(String(dom[start.upperBound..<end.lowerBound]))
    }

    @Test("scrolled down, the letter bar is still on screen, just below the site header")
    func letterBarSticks() throws {
        let site = try Browser.buildFixture("e2e", folder: "az")
        let probe = """
            window.scrollTo(0, document.documentElement.scrollHeight);
            var bar = document.querySelector('.az-bar').getBoundingClientRect(), head = document.querySelector('.site-header').getBoundingClientRect();
            return [Math.round(window.scrollY), Math.round(bar.top), Math.round(bar.bottom), Math.round(head.bottom)].join(' ');
            """
        let url = try Self.harness(site, name: "az-sticky", probe: probe)
        let values = Self.log(try Browser.run(["--virtual-time-budget=4000", "--window-size=1280,500", "--dump-dom", url.absoluteString]))
            .split(separator: " ").compactMap { Int($0) }
        try #require(values.count == 4, "probe ran")
        let (scrollY, barTop, barBottom, headerBottom) = (values[0], values[1], values[2], values[3])
        #expect(scrollY > 200, "the page scrolled")
        #expect(barTop >= headerBottom - 1 && barTop <= headerBottom + 2, "the bar sits right under the header, not covered by it")
        #expect(barBottom > barTop && barBottom < 500)
        _ = try Browser.screenshot(URL(string: site.appendingPathComponent("az.html").absoluteString)!, name: "az-desktop", width: 1280)
        _ = try Browser.screenshot(URL(string: site.appendingPathComponent("az.html").absoluteString)!, name: "az-phone", width: 390)
    }

    @Test("#dept= picks the department and hides every other department's roles")
    func departmentFilter() throws {
        let site = try Browser.buildFixture("e2e", folder: "az")
        let page = try String(contentsOf: site.appendingPathComponent("az.html"), encoding: .utf8)
        let options = HTMLScan.tags(page).tags.filter { $0.name == "option" && $0.attribute("data-id") != nil }
        // The last department in tree order is a leaf: choosing it must leave roles of others to hide.
        let option = try #require(options.last)
        let id = try #require(option.attribute("data-id")), value = try #require(option.attribute("value"))
        let probe = """
            var shown = [], hidden = 0;
            document.querySelectorAll('li[data-dept]').forEach(function (li) {
              if (li.offsetParent === null) hidden += 1; else shown.push(li.getAttribute('data-dept'));
            });
            return document.getElementById('az-dept').value + '|' + hidden + '|' + shown.join(',');
            """
        let url = try Self.harness(site, name: "az-filter", probe: probe, hash: "#dept=" + id)
        let parts = Self.log(try Browser.dom(url)).components(separatedBy: "|")
        try #require(parts.count == 3, "probe ran")
        #expect(parts[0] == value, "the select follows #dept=")
        let shown = parts[2].split(separator: ",").map(String.init)
        #expect(!shown.isEmpty && shown.allSatisfy { $0.split(separator: " ").map(String.init).contains(value) })
        let all = HTMLScan.tags(page).tags.filter { $0.name == "li" && $0.attribute("data-dept") != nil }.count
        #expect(Int(parts[1]) == all - shown.count && all > shown.count, "the other departments' roles are hidden")
    }
}
