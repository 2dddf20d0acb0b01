import Foundation
import Testing
@testable import RoleBook

/// Renders small content trees and inspects the generated files.
@Suite("Rendering")
struct RenderingTests {
    static func site(_ files: [String: String]) throws -> [String: String] {
        let graph = try buildGraph(files)
        return Dictionary(SiteRenderer(graph: graph).render().map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
    }

    static let base: [String: String] = [
        "rolebook.yml": "title: 测试集团\nlanguage: zh-CN\n",
        "departments/hq.md": "---\ntitle: 总部\nhead: ceo\n---\n总部说明。\n",
        "roles/ceo.md": "---\ntitle: 总经理\ndepartment: hq\ntop: true\n---\n## 岗位职责\n\n- 全面负责。\n",
    ]

    @Test("every front-matter string is escaped in text and in attributes")
    func escaping() throws {
        let hostile = #"<script>alert("x")</script> & 'q'"#
        var files = Self.base
        files["roles/evil.md"] = "---\ntitle: '\(hostile.replacingOccurrences(of: "'", with: "''"))'\ndepartment: hq\nreports_to: ceo\nsummary: '<img src=x onerror=alert(1)>'\naliases: ['\"><svg onload=alert(1)>']\n---\n## 岗位职责\n\n- 负责。\n"
        let site = try Self.site(files)
        for (path, text) in site where path.hasSuffix(".html") {
            #expect(!text.contains("<script>alert"), "\(path) contains a raw script tag")
            #expect(!text.contains("<img src=x"), "\(path) contains a raw img tag")
            #expect(!text.contains("<svg onload"), "\(path) contains a raw svg tag")
        }
        let page = try #require(site["roles/evil.html"])
        #expect(page.contains("&lt;script&gt;alert("))
        #expect(page.contains("&amp;"))
        // Attribute values (title attributes, the org chart's labels) never break out of their quotes.
        #expect(!page.contains("\"><svg"))
        // The search index is JavaScript: the title is inside a JSON string, its quotes escaped.
        let fragments = site.filter { $0.key.hasPrefix("search/f/") }.values.joined()
        #expect(fragments.contains(#"<script>alert(\"x\")</script>"#))
    }

    @Test("cmark safe mode: raw HTML is omitted and javascript: links are dropped")
    func safeMarkdown() throws {
        var files = Self.base
        files["roles/ceo.md"] = "---\ntitle: 总经理\ndepartment: hq\ntop: true\n---\n## 岗位职责\n\n- 负责<b onclick=\"x()\">全面</b>工作。\n- [点我](javascript:alert(1)) 与 [邮件](mailto:hr@example.com)\n\n<div>raw block</div>\n"
        let page = try #require(try Self.site(files)["roles/ceo.html"])
        #expect(!page.contains("x()"), "the raw inline HTML's handler is gone")
        #expect(!page.contains("<div>raw block</div>"))
        #expect(!page.lowercased().contains("javascript:"))
        #expect(page.contains("点我"), "the link text stays, without the link")
        #expect(page.contains("href=\"mailto:hr@example.com\""))
    }

    @Test("links to .md content files become relative links to the generated pages")
    func linkRewriting() throws {
        var files = Self.base
        files["departments/ops.md"] = "---\ntitle: 运营部\nparent: hq\nhead: ops-lead\n---\n见[总经理](../roles/ceo.md#岗位职责)和[开店](../procedures/open.md)。\n"
        files["roles/ops-lead.md"] = "---\ntitle: 运营主管\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 执行[开店流程](../procedures/open.md)，向[总经理](ceo.md)汇报。\n"
        files["procedures/open.md"] = "---\ntitle: 开店流程\nowner: ops-lead\nfrequency: daily\n---\n## 开店前\n\n1. 08:30 开灯，通知[运营主管](../roles/ops-lead.md)。\n"
        let site = try Self.site(files)
        let role = try #require(site["roles/ops-lead.html"])
        #expect(role.contains("href=\"../procedures/open.html\""))
        #expect(role.contains("href=\"ceo.html\"") || role.contains("href=\"../roles/ceo.html\""))
        #expect(!role.contains(".md\""), "no link to a Markdown source survives")
        let department = try #require(site["departments/ops.html"])
        #expect(department.contains("../roles/ceo.html#"), "the fragment is kept")
        let procedure = try #require(site["procedures/open.html"])
        #expect(procedure.contains("../roles/ops-lead.html"))
        // Every relative href of every page resolves to a generated file.
        for (path, text) in site where path.hasSuffix(".html") {
            for href in Self.hrefs(text) where !href.contains(":") && !href.hasPrefix("#") {
                let target = Self.resolve(href, from: path)
                #expect(site[target] != nil, "\(path) links to missing \(target)")
            }
        }
    }

    @Test("heading anchors are stable, Chinese-friendly and unique")
    func anchors() throws {
        var files = Self.base
        files["roles/ceo.md"] = "---\ntitle: 总经理\ndepartment: hq\ntop: true\n---\n## 岗位职责\n\n- 一。\n\n## 其他 Notes!\n\n文字。\n\n## 其他 Notes!\n\n再次。\n"
        let first = try #require(try Self.site(files)["roles/ceo.html"])
        let second = try #require(try Self.site(files)["roles/ceo.html"])
        #expect(first == second)
        let ids = Self.attribute("id", in: first)
        #expect(ids.contains("responsibilities"), "known sections get their field's stable anchor")
        #expect(ids.contains("其他-notes"), "other headings keep their Chinese letters")
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(ids.contains { $0.hasSuffix("-2") }, "the repeated heading gets a -2 anchor")
    }

    @Test("identical input renders identical bytes")
    func deterministic() throws {
        var files = Self.base
        for i in 0..<30 {
            files["roles/r\(i).md"] = "---\ntitle: 专员\(i)\ndepartment: hq\nreports_to: \(i < 5 ? "ceo" : "r\(i / 5 - 1)")\n---\n## 岗位职责\n\n- 协助总经理处理第\(i)项工作。\n"
        }
        let a = try Self.site(files), b = try Self.site(files)
        #expect(a == b)
    }

    // MARK: - Org chart layout

    /// A deterministic random forest: node i's parent is drawn among earlier nodes.
    static func forest(_ n: Int, seed: UInt64, maxChildren: Int) -> (roots: [Int], children: [Int: [Int]]) {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        var children: [Int: [Int]] = [:]
        var roots = [0]
        for i in 1..<n {
            if next() % 23 == 0 { roots.append(i); continue }
            var parent = Int(next() % UInt64(i))
            while (children[parent]?.count ?? 0) >= maxChildren { parent = (parent + 1) % i }
            children[parent, default: []].append(i)
        }
        return (roots, children)
    }

    @Test("tidy layout: no two boxes overlap, children sit below their parent, everything fits", arguments: [
        (40, UInt64(1), 3), (120, UInt64(2), 12), (200, UInt64(3), 2), (60, UInt64(4), 40),
    ])
    func layoutHasNoOverlaps(n: Int, seed: UInt64, maxChildren: Int) {
        let f = Self.forest(n, seed: seed, maxChildren: maxChildren)
        let layout = OrgChartLayout(roots: f.roots, children: { f.children[$0] ?? [] })
        #expect(layout.boxes.count == n)
        let w = OrgChartLayout.boxWidth, h = OrgChartLayout.boxHeight
        let boxes = layout.boxes.sorted { $0.x < $1.x }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                if b.x >= a.x + w { break }
                let overlap = a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h
                #expect(!overlap, "boxes \(a.node) and \(b.node) overlap")
            }
            #expect(a.x >= 0 && a.y >= 0 && a.x + w <= layout.width + 0.001 && a.y + h <= layout.height + 0.001)
        }
        for (parent, kids) in f.children {
            guard let p = layout.box(for: parent) else { continue }
            for k in kids {
                guard let c = layout.box(for: k) else { continue }
                #expect(c.y > p.y, "\(k) is not below its parent \(parent)")
            }
        }
    }

    @Test("a deep chain lays out without recursion limits")
    func deepChain() {
        let n = 3000
        let layout = OrgChartLayout(roots: [0], children: { $0 + 1 < n ? [$0 + 1] : [] })
        #expect(layout.boxes.count == n)
    }

    // MARK: - Helpers

    static func hrefs(_ html: String) -> [String] { attribute("href", in: html) }

    static func attribute(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        let marker = " \(name)=\""
        while let r = rest.range(of: marker) {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = after[end...]
        }
        return out
    }

    static func resolve(_ href: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        let path = href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
        for piece in path.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return (parts.joined(separator: "/").removingPercentEncoding ?? parts.joined(separator: "/"))
    }
}
