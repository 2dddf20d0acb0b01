import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild
import RoleBookTestSupport

/// Hostile or unlucky content stays bounded: deep nesting, huge numbers, YAML aliases, long
/// values, wide and deep organisations, links that leave the site. Each case was reproduced as a
/// crash, a hang or unbounded output before its limit existed (docs/robustness.md).
@Suite("Content limits", .offPool)
struct ContentLimitsTests {
    /// Every file of the rendered site by path (`--allow-errors` builds render even invalid content).
    static func site(_ tree: ContentTree) throws -> [String: String] {
        let graph = try buildGraph(tree)
        return Dictionary(SiteRenderer(graph: graph).render().map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Nesting

    /// Each body starts with a plain duty, so nothing but the nesting is reported.
    static let deepBodies: [(name: String, body: String, line: Int, column: Int)] = [
        ("5,000 nested list levels on one line", "## 岗位职责\n\n- 收银\n" + String(repeating: "- ", count: 5_000) + "盘点\n", 9, 65),
        ("8,000 nested quotes", "## 岗位职责\n\n- 收银\n\n" + String(repeating: ">", count: 8_000) + " 盘点\n", 10, 64),
        ("14,000 nested emphasis", "## 岗位职责\n\n- 收银\n\n" + String(repeating: "*", count: 14_000) + "盘点" + String(repeating: "*", count: 14_000) + "\n", 10, 1),
        ("1,500 indented list levels", "## 岗位职责\n\n- 收银\n" + (0..<1_500).map { String(repeating: "  ", count: $0) + "- 盘点\n" }.joined(), 41, 65),
    ]

    @Test("deep nesting is flattened with a located warning, and the site still renders with the text",
          arguments: 0..<deepBodies.count)
    func deepNesting(_ i: Int) throws {
        let (_, body, line, column) = Self.deepBodies[i]
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: body)])
        let result = try runCheck(tree)
        #expect(result.codes == [.nestingFlattened])
        #expect(result.diagnostics.first?.location == contentLoc("roles/clerk.md", line, column))
        #expect(result.diagnostics.first?.message == "lists, quotes or emphasis nested deeper than 64 levels are flattened")
        // Rendering (recursive over the tree) finishes, and the text is on the page.
        let page = try #require(try Self.site(tree)["roles/clerk.html"])
        #expect(page.contains("收银") && page.contains("盘点"))
    }

    @Test("nesting up to the limit is kept as it is")
    func nestingWithinLimit() throws {
        let blocks = MarkdownParser.parse(String(repeating: "- ", count: 30) + "x\n")
        var depth = 0
        var current = blocks
        while case .list(_, _, let items, _)? = current.first?.kind, let item = items.first {
            depth += 1
            current = item.blocks
        }
        #expect(depth == 30)
        #expect(current.first?.kind == .paragraph([.text("x")]))
    }

    // MARK: Numbers

    @Test("a headcount past the limit is a located RB004 and the home page totals do not overflow")
    func hugeHeadcount() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "headcount: 9223372036854775807\n")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:5:12: error[RB004]: 'headcount' must be a whole number from 0 to 100000"])
        #expect(try Self.site(tree)["index.html"] != nil)
    }

    @Test("positions past the limit are RB004")
    func hugePositions() throws {
        let tree = RuleFixtures.base.with(["departments/ops.md": "---\ntitle: 运营部\nhead: ceo\npositions:\n  manager: 99999999999999999999\n---\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines.first == "content/departments/ops.md:5:12: error[RB004]: 'positions.manager' must be a whole number from 0 to 100000")
    }

    @Test("validation thresholds outside their range are RB011 naming the range")
    func configRanges() throws {
        let huge = try runCheck(RuleFixtures.base.with(["rolebook.yml": "validation:\n  max_depth: 9223372036854775807\n  max_span: 0\n"]))
        #expect(huge.diagnosticLines == [
            "content/rolebook.yml:2:14: error[RB011]: 'max_depth' must be a whole number from 1 to 1000",
            "content/rolebook.yml:3:13: error[RB011]: 'max_span' must be a whole number from 1 to 10000",
        ])
        // The defaults stay in force, so validation still runs.
        #expect(huge.graph.config.maxDepth == 8 && huge.graph.config.maxSpan == 12)
    }

    // MARK: YAML

    /// Ten levels of nine aliases each: 9^10 copies when expanded.
    static let billionLaughs: String = {
        var yaml = "x:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghij", "abcdefghi") {
            yaml += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return yaml
    }()

    // The limits catch an expansion or a walk that never ends; alone each test takes under a
    // second, but in the full suite on two cores (Chromium tests beside them) one took 106 s.
    @Test("YAML anchors are rejected before they are expanded (billion laughs, even under an unused key)",
          .timeLimit(.minutes(5)))
    func billionLaughs() throws {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: Self.billionLaughs)]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:6:6: error[RB003]: front matter is not valid YAML: anchors (&name) are not allowed in front matter; write the value out",
        ])
    }

    @Test("a YAML alias without any anchor of ours is rejected at the alias")
    func alias() throws {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "aliases: [收银员, *x]\n")]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:5:22: error[RB003]: front matter is not valid YAML: aliases (*name) are not allowed in front matter; write the value out",
        ])
    }

    @Test("deeply nested YAML is rejected at the first level too deep", .timeLimit(.minutes(5)))
    func deepYAML() throws {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "x: " + String(repeating: "[", count: 20_000) + "\n")]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:5:5: error[RB003]: front matter is not valid YAML: front matter is nested deeper than 32 levels",
        ])
    }

    // MARK: Lengths

    @Test("a 120,000-character title is a located RB004 and its pinyin costs what a short one does")
    func longTitle() throws {
        let title = String(repeating: "经理", count: 60_000)
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": "---\ntitle: \(title)\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 收银\n"]))
        #expect(result.diagnosticLines == ["content/roles/clerk.md:2:8: error[RB004]: 'title' is too long (120000 characters; at most 200)"])
        // The title kept is cut to the limit.
        let clerk = try result.graph.indexOfRole("clerk")
        #expect(result.graph.roles[clerk].title.count == 200)
        // Pinyin suffixes stop at the longest token kept, however long the name.
        let tokens = SearchTokenizer.pinyinTokens(title)
        #expect(tokens.count <= 2 * SearchTokenizer.maxPinyin)
        #expect(tokens.allSatisfy { $0.unicodeScalars.count <= SearchTokenizer.maxPinyin })
        #expect(Set(tokens) == Set(SearchTokenizer.pinyinTokens(String(repeating: "经理", count: 40))))
    }

    @Test("long aliases and references are cut with RB004; a long list is cut at its limit")
    func longListItems() throws {
        let long = String(repeating: "店", count: 300)
        let many = (0..<1_200).map { "a\($0)" }.joined(separator: ", ")
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "aliases: [\(long)]\ndotted_line_to: [\(many)]\n")]))
        let lines = result.diagnosticLines.filter { $0.contains("RB004") }
        #expect(lines == [
            "content/roles/clerk.md:5:11: error[RB004]: 'aliases' is too long (300 characters; at most 200)",
            "content/roles/clerk.md:6:17: error[RB004]: 'dotted_line_to' must be a list of at most 1000 names",
        ])
    }

    @Test("an id longer than a file name allows is RB006 in check, not an I/O error in build")
    func longID() throws {
        let id = String(repeating: "a", count: 300)
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "id: \(id)\n")]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:5:5: error[RB006]: id '\(String(repeating: "a", count: 60))…' is too long (300 bytes in a file name; at most 100)",
            "    note: shorten it to at most 100 bytes (as many letters or digits, or about 33 Chinese characters)",
        ])
        // A Chinese id counts its bytes: 34 characters are 102 bytes.
        let chinese = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "id: \(String(repeating: "店", count: 34))\n")]))
        #expect(chinese.codes == [.invalidID])
        let fits = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(adding: "id: \(String(repeating: "店", count: 33))\n")]))
        #expect(fits.codes == [])
    }

    // MARK: Wide and deep organisations

    @Test("under a superior with 2,000 reports each page lists at most 40 peers: output grows linearly")
    func wideOrganisation() throws {
        var tree = RuleFixtures.base.with(["rolebook.yml": "validation:\n  max_span: 10000\n"])
        for i in 0..<2_000 {
            tree = tree.with(["roles/r\(i).md": "---\ntitle: 店员\(i)号\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 收银\n"])
        }
        let site = try Self.site(tree)
        let page = try #require(site["roles/r7.html"])
        let peerLinks = HTMLScan.tags(page).0.filter { $0.name == "a" && ($0.attribute("href") ?? "").hasPrefix("../roles/r") }
        #expect(peerLinks.count == RolePage.listedPeers)
        #expect(page.contains("另有 1959 个同级岗位"))
        #expect(page.contains(#"<a class="more-link" href="../roles/manager.html">"#))
        // Every role page stays the same small size whatever the span (was ~200 KB each at 2,000).
        let sizes = (0..<2_000).compactMap { site["roles/r\($0).html"]?.utf8.count }
        #expect(sizes.count == 2_000)
        #expect(sizes.max()! < 3 * sizes.min()!)
        // The superior's page lists every report.
        #expect(try #require(site["roles/manager.html"]).components(separatedBy: "店员").count - 1 >= 2_000)
    }

    @Test("a chain of command 200 levels deep lists the top and the 11 nearest superiors")
    func deepChain() throws {
        var tree = RuleFixtures.base.with(["rolebook.yml": "validation:\n  max_depth: 1000\n"])
        var previous = "manager"
        for i in 0..<200 {
            tree = tree.with(["roles/c\(i).md": "---\ntitle: 层级\(i)\ndepartment: ops\nreports_to: \(previous)\n---\n## 岗位职责\n\n- 管理\n"])
            previous = "c\(i)"
        }
        let site = try Self.site(tree)
        let page = try #require(site["roles/c199.html"])
        let chain = try #require(page.range(of: #"<ol class="chain">"#).flatMap { start in page[start.upperBound...].range(of: "</ol>").map { page[start.upperBound..<$0.lowerBound] } })
        #expect(chain.components(separatedBy: "<li").count - 1 == 1 + 1 + 11 + 1, "top, the gap, 11 nearest, the role itself")
        #expect(chain.contains("总经理") && chain.contains("层级198") && chain.contains("层级188") && !chain.contains("层级187"))
        #expect(chain.contains("中间 189 级"), "201 superiors, 12 listed")
    }

    // MARK: Links

    @Test("links to other hosts or off the site are dropped; .MD links are checked like .md", arguments: [
        ("//evil.example/x", false), ("/\\evil.example/x", false), ("\\\\evil.example\\x", false), ("/etc/passwd", false),
        ("file:///etc/passwd", false), ("javascript:alert(1)", false), ("a\\b.pdf", false),
        ("https://example.com/jd", true), ("mailto:hr@example.com", true), ("files/form.pdf", true),
    ])
    func unsafeLinks(destination: String, kept: Bool) throws {
        let body = "## 岗位职责\n\n- 收银，见 [说明](<\(destination)>)\n"
        let page = try #require(try Self.site(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: body)]))["roles/clerk.html"])
        let (tags, _) = HTMLScan.tags(page)
        let hrefs = tags.filter { $0.name == "a" }.compactMap { $0.attribute("href") }.map(HTMLScan.entities)
        #expect(hrefs.contains(destination) == kept, "\(hrefs)")
        #expect(page.contains("说明"), "the link text stays")
    }

    @Test("links to .MD files are checked and rewritten as .md links are")
    func upperCaseExtension() throws {
        let broken = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: "## 岗位职责\n\n- 见 [经理](missing.MD)\n")]))
        #expect(broken.codes == [.brokenLink])
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: "## 岗位职责\n\n- 见 [经理](manager.MD#岗位职责)\n")])
        #expect(try runCheck(tree).codes == [])
        let page = try #require(try Self.site(tree)["roles/clerk.html"])
        #expect(page.contains(#"href="../roles/manager.html#responsibilities""#))
    }

    // MARK: Content-Security-Policy

    @Test("every page carries the Content-Security-Policy and no inline script or handler")
    func contentSecurityPolicy() throws {
        let site = try Self.site(RuleFixtures.base.with(["procedures/p.md": "---\ntitle: 开店\nowner: manager\nfrequency: daily\n---\n## 步骤\n\n1. 08:30 开门\n"]))
        let pages = site.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 5)
        for (path, page) in pages {
            let (tags, _) = HTMLScan.tags(page)
            let csp = tags.filter { $0.name == "meta" && $0.attribute("http-equiv") == "Content-Security-Policy" }
            #expect(csp.count == 1 && csp.first?.attribute("content").map(HTMLScan.entities) == Layout.contentSecurityPolicy, "\(path)")
            #expect(!tags.contains { $0.attributes.contains { $0.0.hasPrefix("on") } }, "\(path): inline handler")
            // A role page's JSON-LD is data (`type="application/ld+json"`), which the policy does not run.
            #expect(!tags.contains { $0.name == "script" && $0.attribute("src") == nil && $0.attribute("type") != "application/ld+json" }, "\(path): inline script")
        }
        #expect(site["assets/page.js"]?.contains("window.print()") == true)
    }
}
