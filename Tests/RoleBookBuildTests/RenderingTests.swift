import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
import RoleBookTestSupport

/// Renders small content trees and inspects the generated files.
@Suite("Rendering", .offPool)
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

    // MARK: - Escaping

    /// Breaks out of text, attributes, `<style>` and JSON if anything is written unescaped.
    static let hostile = #""><script>alert(1)</script><img src=x onerror=alert(2)> & 'q' </style>"#

    /// `hostile` plus a suffix, as a single-quoted YAML scalar.
    static func yaml(_ suffix: String) -> String { "'" + (hostile + suffix).replacingOccurrences(of: "'", with: "''") + "'" }

    static var hostileTree: [String: String] {
        [
            "rolebook.yml": "title: \(yaml(" site"))\norganization: \(yaml(" org"))\nlanguage: zh-CN\n",
            "departments/hq.md": "---\ntitle: \(yaml(" dept"))\nshort: \(yaml(" short"))\nsummary: \(yaml(" dsum"))\nhead: ceo\n---\n\(hostile) intro\n\n## 部门职责\n\n- 负责。\n",
            "roles/ceo.md": """
                ---
                title: 总经理
                department: hq
                top: true
                ---
                ## 岗位职责

                - 全面负责，见[下属](evil.md "t\\"itle <b>&")。

                ```
                </code></pre><script>alert(3)</script>
                ```
                """,
            "roles/evil.md": """
                ---
                title: \(yaml(" role"))
                department: hq
                reports_to: ceo
                dotted_line_to: [ceo]
                headcount: 0
                summary: \(yaml(" rsum"))
                aliases: [\(yaml(" alias"))]
                grade: \(yaml(" grade"))
                code: \(yaml(" code"))
                location: \(yaml(" place"))
                hours: \(yaml(" hours"))
                ---
                ## 岗位职责

                - 协助总经理。
                """,
            "procedures/p.md": "---\ntitle: \(yaml(" proc"))\nsummary: \(yaml(" psum"))\nowner: ceo\nroles: [evil]\nversion: \(yaml(" v"))\nfrequency: daily\n---\n## 开店前\n\n1. 08:30 检查。\n",
        ]
    }

    static let allowedTags: Set<String> = [
        "html", "head", "meta", "title", "link", "style", "script", "body", "header", "nav", "main", "footer", "article",
        "aside", "section", "div", "span", "p", "a", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "em", "code", "pre", "br", "hr", "blockquote", "table", "thead", "tbody", "tfoot", "caption", "tr", "th", "td", "col", "colgroup",
        "form", "input", "button", "details", "summary", "time", "svg", "path", "rect", "text", "label", "select", "option",
    ]
    static let allowedAttributes: Set<String> = [
        "class", "id", "href", "src", "rel", "title", "lang", "charset", "name", "content", "media", "type", "action", "role",
        "placeholder", "autocomplete", "autofocus", "aria-label", "aria-hidden", "aria-current", "data-root", "data-strings", "data-groups",
        "open", "start", "colspan", "scope", "value", "data-letter", "data-dept", "data-id", "http-equiv", "data-action", "style", "xmlns", "width", "height", "viewBox", "x", "y", "rx", "d",
    ]

    @Test("every front-matter string is escaped: no tag, attribute, script or style comes from content")
    func escaping() throws {
        let site = try Self.site(Self.hostileTree)
        var problems: [String] = []
        for (path, text) in site where path.hasSuffix(".html") {
            let (tags, syntax) = HTMLScan.tags(text)
            problems += syntax.map { "\(path): \($0)" }
            for tag in tags {
                if !Self.allowedTags.contains(tag.name) { problems.append("\(path): <\(tag.name)>") }
                for (name, value) in tag.attributes {
                    if !Self.allowedAttributes.contains(name) { problems.append("\(path): <\(tag.name) \(name)>") }
                    if name.hasPrefix("on") { problems.append("\(path): inline handler \(name)") }
                    if name == "http-equiv" && value != "Content-Security-Policy" { problems.append("\(path): http-equiv=\(value ?? "")") }
                    if name == "data-action" && value != "print" { problems.append("\(path): data-action=\(value ?? "")") }
                    if name == "style" && !(value ?? "").hasPrefix("min-width:") { problems.append("\(path): style=\(value ?? "")") }
                    if name == "href" || name == "src", let v = value?.lowercased(), v.contains("script:") || v.hasPrefix("data:") {
                        problems.append("\(path): \(name)=\(v)")
                    }
                }
                // The one inline script element allowed is a role page's JSON-LD data block, with no `<` inside.
                if tag.name == "script" && tag.attribute("type") == "application/ld+json" {
                    if tag.attribute("src") != nil || (tag.rawText ?? "").contains("<") { problems.append("\(path): '<' inside JSON-LD") }
                } else if tag.name == "script" && (tag.attribute("src") == nil || !(tag.rawText ?? "").isEmpty) { problems.append("\(path): inline script") }
                if tag.name == "style" && (tag.rawText ?? "").contains("<") { problems.append("\(path): '<' inside <style>") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")

        // The strings survive intact as text.
        let role = try #require(site["roles/evil.html"])
        #expect(HTMLScan.texts(of: "h1", in: role) == [Self.hostile + " role"])
        #expect(HTMLScan.decode(role).contains(Self.hostile + " grade"))
        #expect(HTMLScan.decode(role).contains(Self.hostile + " hours"))
        let ld = try #require(HTMLScan.tags(role).tags.first { $0.attribute("type") == "application/ld+json" }?.rawText)
        let occupation = try JSONSerialization.jsonObject(with: Data(ld.utf8)) as? [String: Any]
        #expect(occupation?["name"] as? String == Self.hostile + " role", "the JSON-LD block parses back to the title")
        let department = try #require(site["departments/hq.html"])
        #expect(HTMLScan.texts(of: "h1", in: department) == [Self.hostile + " dept"])
        #expect(HTMLScan.texts(of: "title", in: department).contains(Self.hostile + " role"), "the org chart box's tooltip")
        let ceo = try #require(site["roles/ceo.html"])
        #expect(HTMLScan.decode(ceo).contains("</code></pre><script>alert(3)</script>"), "code blocks are text")
        #expect(ceo.contains(#"title="t&quot;itle &lt;b&gt;&amp;""#), "a link title is an escaped attribute")

        // JSON for tools and for the search client parses back to the same strings.
        let graph = try JSONSerialization.jsonObject(with: Data(try #require(site["graph.json"]).utf8)) as? [String: Any]
        #expect(graph?["title"] as? String == Self.hostile + " site")
        let fragments = site.filter { $0.key.hasPrefix("search/f/") }.values.flatMap { $0.split(separator: "\n") }
        let titles = try fragments.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}") else { return nil }
            let object = try JSONSerialization.jsonObject(with: Data(line[open...close].utf8)) as? [String: Any]
            return object?["title"] as? String
        }
        #expect(titles.contains(Self.hostile + " role"))
    }

    @Test("graph.json is what JSONEncoder writes for the same records, hostile strings and all")
    func graphJSONMatchesEncoder() throws {
        var files = Self.hostileTree
        files["roles/evil.md"]! += "\n## 岗位职责\n\n1. 08:30 第一行\u{2028}第二行 \\ \"引号\" \u{1}\n   1. 子项\n"
        files["procedures/p.md"] = "---\ntitle: 流程\nowner: ceo\nfrequency: daily\nversion: \"2\"\n---\n## 步骤\n\n1. 08:00 开门\n"
        let graph = try buildGraph(files)
        let json = GraphJSON(site: SiteMap(graph: graph))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reference = try encoder.encode(json.document())
        let written = json.render()
        // The same bytes, except that U+2028/U+2029 are escaped for old JavaScript.
        let expected = String(decoding: reference, as: UTF8.self).replacingOccurrences(of: "\u{2028}", with: "\\u2028") + "\n"
        #expect(written == expected)
        #expect(written.contains("\\u2028"))
        let a = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: reference) as? NSDictionary
        #expect(a != nil && a == b)
    }

    @Test("graph.json copying unchanged records from the previous file equals one written whole")
    func graphJSONReuse() throws {
        var files = Self.hostileTree
        files["procedures/p.md"] = "---\ntitle: 流程\nowner: ceo\nfrequency: daily\n---\n## 步骤\n\n1. 08:00 开门\n"
        let before = GraphJSON(site: SiteMap(graph: try buildGraph(files)))
        let first = before.render(seed: 7, reusing: nil)
        #expect(String(decoding: first.bytes, as: UTF8.self) == before.render())
        // A procedure and a role edited: their records are written again, the others copied.
        files["procedures/p.md"] = "---\ntitle: 流程二\nowner: ceo\nfrequency: weekly\n---\n## 步骤\n\n1. 08:00 开门\n2. 关门\n"
        files["roles/evil.md"]! += "\n## 岗位职责\n\n1. 新的一行\n"
        let after = GraphJSON(site: SiteMap(graph: try buildGraph(files)))
        let bytes = first.bytes
        let reuse = GraphJSON.Reuse(bytes: bytes, ranges: Dictionary(zip(first.parts.fingerprints, first.parts.ranges), uniquingKeysWith: { a, _ in a }))
        let second = after.render(seed: 7, reusing: reuse)
        #expect(String(decoding: second.bytes, as: UTF8.self) == after.render())
        let kept = Set(first.parts.fingerprints).intersection(second.parts.fingerprints).count
        #expect(kept > 0 && kept < second.parts.fingerprints.count, "kept \(kept) of \(second.parts.fingerprints.count)")
        // Each part is its record's bytes (the edge list's: its records, comma-separated).
        let written = second.bytes
        for range in second.parts.ranges { #expect(written[range].first == 0x7B && written[range].last == 0x7D) }
        // Another seed (settings, renderer) shares no fingerprint.
        #expect(Set(after.render(seed: 8, reusing: nil).parts.fingerprints).isDisjoint(with: second.parts.fingerprints))
    }

    @Test("graph.json's edge list is copied from the previous file exactly when no edge changed")
    func graphJSONEdgesReuse() throws {
        var files = Self.hostileTree
        files["procedures/p.md"] = "---\ntitle: 流程\nowner: ceo\nfrequency: daily\n---\n## 步骤\n\n1. 08:00 开门\n"
        let before = GraphJSON(site: SiteMap(graph: try buildGraph(files)))
        let first = before.render(seed: 7, reusing: nil)
        let edges = before.edgesFingerprint(seed: 7)
        let edgesRange = first.parts.ranges[try #require(first.parts.fingerprints.firstIndex(of: edges))]
        #expect(String(decoding: first.bytes[edgesRange], as: UTF8.self).contains("\"type\":\"reports_to\""))
        // A marker standing for the old edge list (after the file, so the other parts stay where
        // they are) shows whether it was copied or written again.
        var bytes = first.bytes
        let marker = Array("{\"copied\":1}".utf8)
        var ranges = Dictionary(zip(first.parts.fingerprints, first.parts.ranges), uniquingKeysWith: { a, _ in a })
        ranges[edges] = bytes.count..<(bytes.count + marker.count)
        bytes += marker
        let reuse = GraphJSON.Reuse(bytes: bytes, ranges: ranges)
        func rendered(_ files: [String: String]) throws -> (text: String, fresh: String, edges: UInt64) {
            let json = GraphJSON(site: SiteMap(graph: try buildGraph(files)))
            return (String(decoding: json.render(seed: 7, reusing: reuse).bytes, as: UTF8.self), json.render(), json.edgesFingerprint(seed: 7))
        }

        // A body line and a title: no edge changes, the list is copied.
        var text = files
        text["roles/evil.md"]! += "\n## 岗位职责\n\n1. 新的一行\n"
        text["procedures/p.md"] = text["procedures/p.md"]!.replacingOccurrences(of: "title: 流程", with: "title: 流程二")
        let same = try rendered(text)
        #expect(same.edges == edges)
        #expect(same.text.contains("\"edges\":[{\"copied\":1}]"))

        // Each change of an edge: a superior, a department, an owner, a mention; the list is written again.
        var changes: [[String: String]] = []
        var superior = files
        superior["roles/evil.md"] = superior["roles/evil.md"]!.replacingOccurrences(of: "reports_to: ceo", with: "reports_to: nobody")
        changes.append(superior)
        var owner = files
        owner["procedures/p.md"] = owner["procedures/p.md"]!.replacingOccurrences(of: "owner: ceo", with: "owner: evil")
        changes.append(owner)
        var mention = files
        mention["procedures/p.md"]! += "2. 交给总经理。\n"
        changes.append(mention)
        for changed in changes {
            #expect(changed != files)
            let result = try rendered(changed)
            #expect(result.edges != edges)
            #expect(result.text == result.fresh)
        }
    }

    @Test("graph.json parts read back as stored; anything else does not")
    func graphPartsCache() throws {
        let parts = GraphJSON.Parts(fingerprints: [1, 0xFFFF_FFFF_FFFF_FFFF], ranges: [0..<10, 11..<300])
        let bytes = GraphPartsCache.encode(parts)
        #expect(GraphPartsCache.decode(bytes) == parts)
        #expect(GraphPartsCache.decode(Array(bytes.dropLast())) == nil)
        #expect(GraphPartsCache.decode(bytes + [0]) == nil)
    }

    @Test("cmark safe mode: raw HTML is omitted, unsafe link schemes are dropped and their text kept")
    func safeMarkdown() throws {
        var files = Self.base
        files["roles/ceo.md"] = """
            ---
            title: 总经理
            department: hq
            top: true
            ---
            ## 岗位职责

            - 负责<b onclick="x()">全面</b>工作。
            - [点我](javascript:alert(1))、[大写](JAVASCRIPT:alert(2))、[空格]( javascript:alert(3) )、[实体](&#106;avascript:alert(4))
            - [脚本](vbscript:msgbox(5))、[数据](data:text/html;base64,PHNjcmlwdD4=)、<javascript:alert(6)>
            - [邮件](mailto:hr@example.com)、[电话](tel:+86-10-1234)、[网站](https://example.com/a?b=1&c=2)
            - ![图片](javascript:alert(7)) ![照片](https://example.com/x.png)

            <div onclick="y()">raw block</div>

            <script>alert(8)</script>
            """
        let page = try #require(try Self.site(files)["roles/ceo.html"])
        let (tags, syntax) = HTMLScan.tags(page)
        #expect(syntax.isEmpty)
        let hrefs = tags.filter { $0.name == "a" }.compactMap { $0.attribute("href") }
        #expect(hrefs.allSatisfy { h in !["javascript:", "vbscript:", "data:"].contains { h.lowercased().contains($0) } }, "\(hrefs)")
        #expect(hrefs.contains("mailto:hr@example.com"))
        #expect(hrefs.contains("tel:+86-10-1234"))
        #expect(hrefs.contains("https://example.com/a?b=1&c=2"))
        #expect(!tags.contains { $0.name == "img" || $0.name == "b" || ($0.name == "div" && $0.attribute("onclick") != nil) })
        #expect(!tags.contains { $0.name == "script" && $0.attribute("src") == nil && $0.attribute("type") != "application/ld+json" })
        #expect(!page.contains("x()") && !page.contains("y()") && !page.contains("alert(8)"), "raw HTML is gone, not escaped")
        let text = HTMLScan.decode(page)
        for kept in ["点我", "大写", "空格", "实体", "脚本", "数据", "图片", "照片", "全面"] {
            #expect(text.contains(kept), "the text '\(kept)' stays")
        }
    }

    // MARK: - Links

    /// Content in nested folders, linking across them (every link rewritten relative to its page).
    static let nested: [String: String] = [
        "rolebook.yml": "title: 测试集团\nlanguage: zh-CN\nexclude: [NOTES.md]\n",
        "NOTES.md": "# notes\n",
        "group/departments/hq.md": "---\ntitle: 总部\nhead: ceo\n---\n总部说明，见[运营部](../../ops/departments/ops.md)。\n",
        "group/roles/ceo.md": """
            ---
            title: 总经理
            department: hq
            top: true
            ---
            ## 岗位职责

            - 指导[运营部](../../ops/departments/ops.md)执行[开店流程](../../ops/procedures/open.md#开店前)。
            - 见本岗[职责](ceo.md#岗位职责)、[考核](#kpis)和[坏链接](../../nowhere/roles/x.md)以及[笔记](../../NOTES.md)。

            ## 考核指标

            - 利润。
            """,
        "ops/departments/ops.md": "---\ntitle: 运营部\nparent: hq\nhead: ops-lead\n---\n向[总经理](../../group/roles/ceo.md)汇报。\n",
        "ops/roles/ops-lead.md": "---\ntitle: 运营主管\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 执行[开店流程](../procedures/open.md)，向[总经理](../../group/roles/ceo.md#考核指标)汇报。\n",
        "ops/procedures/open.md": "---\ntitle: 开店流程\nowner: ops-lead\nroles: [ops-lead]\nfrequency: daily\n---\n## 开店前\n\n1. 08:30 开灯，通知[运营主管](../roles/ops-lead.md)。\n2. 09:00 向[总经理](../../group/roles/ceo.md)报告。\n",
    ]

    @Test("links to .md content files become relative links to the generated pages, from every folder depth")
    func linkRewriting() throws {
        let site = try Self.site(Self.nested)
        let ceo = try #require(site["roles/ceo.html"])
        let ceoLinks = HTMLScan.hrefs(ceo)
        #expect(ceoLinks.contains("../departments/ops.html"))
        #expect(ceoLinks.contains { $0.hasPrefix("../procedures/open.html#") }, "the fragment is kept")
        #expect(ceoLinks.contains("../roles/ceo.html#responsibilities"), "a heading written as in Markdown finds the section's anchor")
        #expect(ceoLinks.contains("#kpis"))
        let lead = try #require(site["roles/ops-lead.html"])
        #expect(HTMLScan.hrefs(lead).contains("../roles/ceo.html#kpis"))
        // Procedure steps appear on pages one and two folders down.
        for (page, expected) in [("procedures/open.html", "../roles/ops-lead.html"), ("checklists/open.html", "../roles/ops-lead.html"),
                                 ("checklists/roles/ops-lead.html", "../../roles/ops-lead.html"), ("checklists/week/open.html", "../../roles/ops-lead.html")] {
            let html = try #require(site[page], "\(page) is generated")
            #expect(HTMLScan.hrefs(html).contains(expected), "\(page) links to \(expected)")
        }
        // Every relative href of every page resolves to a generated file, and no link to Markdown survives.
        for (path, text) in site where path.hasSuffix(".html") {
            for href in HTMLScan.hrefs(text) where !href.contains(":") && !href.hasPrefix("#") {
                let target = Self.resolve(href, from: path)
                #expect(site[target] != nil, "\(path) links to missing \(target)")
                #expect(!target.hasSuffix(".md"), "\(path) links to Markdown \(href)")
            }
        }
    }

    @Test("a broken .md link is an error in check and renders as plain text, as does a link to an excluded file")
    func brokenLinks() throws {
        let result = try runCheck(Self.nested)
        let broken = result.diagnostics.filter { $0.code == .brokenLink && $0.message.contains("nowhere/roles/x.md") }
        #expect(broken.count == 1, "\(result.rendered)")
        #expect(broken.first?.location.file == "content/group/roles/ceo.md")
        #expect(broken.first?.location.line == 9)
        let page = try #require(SiteRenderer(graph: result.graph).render().first { $0.path == "roles/ceo.html" }?.contents)
        let text = HTMLScan.decode(page)
        #expect(text.contains("坏链接") && text.contains("笔记"), "the link text stays")
        #expect(!HTMLScan.hrefs(page).contains { $0.contains("nowhere") || $0.contains("NOTES") })
    }

    // MARK: - Anchors

    static let headings = """
        ---
        title: 总经理
        department: hq
        top: true
        ---
        ## 岗位职责

        - 一。

        ### Responsibilities

        细则。

        ## 其他 Notes!

        文字。

        ### 备注

        甲。

        ## 其他 Notes!

        再次。

        ### 备注

        乙。

        ## Roles

        不是岗位表。
        """

    @Test("heading anchors are stable, keep Chinese letters, and are unique on the page")
    func anchors() throws {
        var files = Self.base
        files["roles/ceo.md"] = Self.headings
        files["departments/hq.md"] = "---\ntitle: 总部\nhead: ceo\n---\n## Roles\n\n部门说明。\n\n## 部门职责\n\n- 一。\n"
        let site = try Self.site(files)
        let page = try #require(site["roles/ceo.html"])
        let ids = HTMLScan.attribute("id", in: page)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        for id in ["responsibilities", "其他-notes", "其他-notes-2", "备注", "备注-2", "responsibilities-2", "roles"] {
            #expect(ids.contains(id), "missing #\(id) in \(ids)")
        }
        let department = try #require(site["departments/hq.html"])
        let departmentIDs = HTMLScan.attribute("id", in: department)
        #expect(Set(departmentIDs).count == departmentIDs.count, "duplicate ids: \(departmentIDs)")
        #expect(departmentIDs.contains("roles") && departmentIDs.contains("duties"))
        // The same file gives the same anchors in another build, whatever else changes in the content.
        files["roles/other.md"] = "---\ntitle: 其他岗位\ndepartment: hq\nreports_to: ceo\n---\n## 其他 Notes!\n\n- 一。\n"
        let again = try #require(try Self.site(files)["roles/ceo.html"])
        #expect(HTMLScan.attribute("id", in: again) == ids)
    }

    // MARK: - Determinism

    /// Sixty roles with mentions, dotted lines and procedures, so parallel rendering has work to interleave.
    static var larger: [String: String] {
        var files = base
        files["departments/ops.md"] = "---\ntitle: 运营部\nparent: hq\nhead: r0\n---\n## 部门职责\n\n- 运营。\n"
        for i in 0..<60 {
            let superior = i == 0 ? "ceo" : "r\((i - 1) / 4)"
            files["roles/r\(i).md"] = "---\ntitle: 专员\(i)号\ndepartment: \(i == 0 ? "hq" : "ops")\nreports_to: \(superior)\ndotted_line_to: [ceo]\n---\n## 岗位职责\n\n- 协助总经理处理第\(i)项工作。\n- 配合专员\((i + 7) % 60)号。\n"
        }
        for p in 0..<6 {
            files["procedures/p\(p).md"] = "---\ntitle: 流程\(p)\nowner: r\(p)\nroles: [r\(p + 10)]\nfrequency: daily\n---\n## 开始\n\n1. 08:\(10 + p) 专员\(p)号检查。\n"
        }
        return files
    }

    @Test("identical input renders identical bytes, in memory and on disk")
    func deterministic() throws {
        let a = try Self.site(Self.larger), b = try Self.site(Self.larger)
        #expect(a.count > 100)
        #expect(a == b)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-det-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let graph = try buildGraph(Self.larger)
        for name in ["one", "two"] {
            try SiteWriter(output: root.appendingPathComponent(name)).write(SiteRenderer(graph: graph).render())
        }
        let one = try Self.files(root.appendingPathComponent("one")), two = try Self.files(root.appendingPathComponent("two"))
        #expect(one.count == a.count + 1, "every file plus the marker")
        #expect(one == two)
    }

    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    // MARK: - Pages

    @Test("department org chart: wide charts get an outline for phones, skip-level dotted lines are listed, not drawn")
    func orgChartMarkup() throws {
        var files = Self.base
        files["roles/ceo.md"] = "---\ntitle: 总经理\ndepartment: hq\ntop: true\n---\n## 岗位职责\n\n- 全面负责。\n"
        for i in 0..<4 {
            files["roles/lead\(i).md"] = "---\ntitle: 主管\(i)\ndepartment: hq\nreports_to: ceo\n---\n## 岗位职责\n\n- 管理。\n"
            files["roles/staff\(i).md"] = "---\ntitle: 上市大厅、典藏、博览服务助理\(i)\ndepartment: hq\nreports_to: lead\(i)\ndotted_line_to: [ceo\(i == 0 ? ", lead1" : "")]\n---\n## 岗位职责\n\n- 服务。\n"
        }
        let page = try #require(try Self.site(files)["departments/hq.html"])
        #expect(page.contains("orgchart-figure is-wide"))
        #expect(page.contains("class=\"orgchart-outline\""))
        // staff0 ⇢ lead1 crosses branches and is drawn; staffN ⇢ ceo (a skip-level superior) is only listed.
        #expect(HTMLScan.attribute("class", in: page).filter { $0 == "oc-dotted" }.count == 1)
        #expect(HTMLScan.attribute("class", in: page).filter { $0 == "oc-pair" }.count == 5)
        // A long title wraps onto two lines instead of being cut.
        #expect(page.contains(">上市大厅、典藏、<") || page.contains(">上市大厅、典藏、博览<"), "two-line title")
        let (_, syntax) = HTMLScan.tags(page)
        #expect(syntax.isEmpty)
    }

    @Test("a printed role page carries organisation, title and page numbers, and the sign-off line")
    func printRule() throws {
        var files = Self.base
        files["roles/ceo.md"] = "---\ntitle: 总经理 \"A\" </style>\ndepartment: hq\ntop: true\n---\n## 岗位职责\n\n- 全面负责。\n"
        let page = try #require(try Self.site(files)["roles/ceo.html"])
        let style = try #require(HTMLScan.tags(page).tags.first { $0.name == "style" }?.rawText)
        #expect(style.contains("@top-left") && style.contains("counter(pages)"))
        #expect(style.contains("测试集团") && style.contains("总经理"))
        #expect(!style.contains("</") && style.filter { $0 == "\"" }.count % 2 == 0)
        #expect(page.contains("jd-sign-off") && page.contains("任职者") && page.contains("人力资源部"))
    }

    // MARK: - Helpers

    static func resolve(_ href: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        let path = href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
        for piece in path.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return (parts.joined(separator: "/").removingPercentEncoding ?? parts.joined(separator: "/"))
    }
}
