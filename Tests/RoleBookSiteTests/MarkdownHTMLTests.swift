import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
import RoleBookTestSupport

/// The Markdown renderer in Ink's style: a little Markdown in, the exact HTML out, one behaviour
/// per test. Markdown is parsed as a content file's body is (cmark, then Chinese enumerations)
/// and rendered as on the page of `roles/ceo.md` (one folder down), so `.md` links resolve.
@Suite struct MarkdownHTMLTests {
    func html(_ markdown: String) throws -> String {
        let graph = try buildGraph(RuleFixtures.base)
        let context = PageContext(site: SiteMap(graph: graph), strings: UIStrings(language: graph.config.language), page: .role(try graph.indexOfRole("ceo")))
        let blocks = EnumerationLists.apply(MarkdownParser.parse(markdown))
        return MarkdownHTML(context: context).render(blocks).render()
    }

    @Test func paragraph() throws {
        #expect(try html("Hello world") == "<p>Hello world</p>")
    }

    @Test func paragraphsSeparatedByABlankLine() throws {
        #expect(try html("One\n\nTwo") == "<p>One</p><p>Two</p>")
    }

    @Test func softBreakBecomesASpace() throws {
        #expect(try html("One\nTwo") == "<p>One Two</p>")
    }

    @Test func emphasisStrongAndCode() throws {
        #expect(try html("*a* **b** `c`") == "<p><em>a</em> <strong>b</strong> <code>c</code></p>")
    }

    @Test func safeLinkToAnotherSite() throws {
        #expect(try html("[x](https://example.com)") == #"<p><a href="https://example.com" rel="noopener">x</a></p>"#)
    }

    @Test func linkTitleIsEscaped() throws {
        #expect(try html(#"[x](mailto:hr@example.com "a \"b\" <c>")"#) == #"<p><a href="mailto:hr@example.com" title="a &quot;b&quot; &lt;c&gt;">x</a></p>"#)
    }

    @Test func javascriptLinkKeepsOnlyItsText() throws {
        #expect(try html("[x](javascript:alert(1))") == "<p>x</p>")
    }

    @Test func linkToAnotherHostByBackslashIsDropped() throws {
        #expect(try html(#"[x](/\evil.example)"#) == "<p>x</p>")
    }

    @Test func linkToAContentFileGoesToItsPage() throws {
        #expect(try html("[经理](manager.md)") == #"<p><a href="../roles/manager.html">经理</a></p>"#)
    }

    @Test func linkToAMissingContentFileKeepsOnlyItsText() throws {
        #expect(try html("[谁](nobody.md)") == "<p>谁</p>")
    }

    @Test func bulletList() throws {
        #expect(try html("- a\n- b") == "<ul><li>a</li><li>b</li></ul>")
    }

    @Test func orderedListStartingElsewhereKeepsItsStart() throws {
        #expect(try html("3. a\n4. b") == #"<ol start="3"><li>a</li><li>b</li></ol>"#)
    }

    @Test func nestedList() throws {
        #expect(try html("1. a\n   - b\n2. c") == "<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>")
    }

    @Test func chineseEnumerationBecomesAListThatKeepsItsMarkers() throws {
        #expect(try html("一、开门\n二、开灯") == #"<ol class="enum enum-cn enum-p-dun"><li>开门</li><li>开灯</li></ol>"#)
    }

    @Test func parenthesisedArabicEnumeration() throws {
        #expect(try html("（1）开门\n（2）开灯") == #"<ol class="enum enum-ar enum-p-fparen"><li>开门</li><li>开灯</li></ol>"#)
    }

    @Test func table() throws {
        #expect(try html("| a | b |\n|---|---|\n| 1 | 2 |")
            == #"<div class="table-scroll"><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>"#)
    }

    @Test func codeBlockIsEscapedVerbatim() throws {
        #expect(try html("```\n<b>x</b> & y\n```") == "<pre><code>&lt;b&gt;x&lt;/b&gt; &amp; y\n</code></pre>")
    }

    @Test func subHeadingShiftsDownALevelUnderThePageHeading() throws {
        #expect(try html("### Sub") == #"<h4 id="sub">Sub</h4>"#)
    }

    @Test func textIsEscaped() throws {
        #expect(try html("a < b & c > d") == "<p>a &lt; b &amp; c &gt; d</p>")
    }

    @Test func rawHTMLBlockIsDropped() throws {
        #expect(try html("<script>alert(1)</script>") == "")
    }

    @Test func inlineHTMLIsDroppedAndItsTextKept() throws {
        #expect(try html("a <b>c</b> d") == "<p>a c d</p>")
    }

    @Test func imageIsShownByItsAltText() throws {
        #expect(try html("![门店](shop.png)") == #"<p><span class="image-alt">门店</span></p>"#)
    }
}
