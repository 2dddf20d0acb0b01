import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing

/// Builds a fixture site and opens it in a real headless Chromium.
@Suite("End to end in Chromium", .serialized, .offPool)
struct EndToEndTests {
    /// Titles of the rendered search results, in order.
    static func resultTitles(_ dom: String) -> [String] {
        var titles: [String] = []
        var rest = Substring(dom)
        while let link = rest.range(of: "class=\"rb-result-link\"") {
            rest = rest[link.upperBound...]
            guard let open = rest.firstIndex(of: ">"), let close = rest.range(of: "</a>") else { break }
            let inner = String(rest[rest.index(after: open)..<close.lowerBound])
            titles.append(inner.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: ""))
            rest = rest[close.upperBound...]
        }
        return titles
    }

    @Test("search finds simplified, traditional, pinyin and English queries", arguments: [
        ("客服经理", "客服经理"),       // simplified
        ("客服經理", "客服经理"),       // traditional query, simplified title
        ("营运总监", "營運總監"),       // simplified query, traditional title
        ("kfjl", "客服经理"),          // pinyin initials
        ("kefu jingli", "客服经理"),   // full pinyin
        ("receptionist", "前台接待"),  // English alias, case-insensitive
        ("KF-01", "客服经理"),         // code
        ("投诉", "客服经理"),           // two characters inside a responsibility
    ])
    func search(query: String, expected: String) throws {
        let site = try Browser.buildFixture("e2e")
        let titles = Self.resultTitles(try Browser.dom(Browser.searchURL(site, query)))
        #expect(titles.first == expected, "query \(query) gave \(titles)")
    }

    @Test("a query that matches nothing shows no results, but the nearest titles")
    func noResults() throws {
        let site = try Browser.buildFixture("e2e")
        let dom = try Browser.dom(Browser.searchURL(site, "不存在的岗位名称"))
        #expect(Self.resultTitles(dom).isEmpty)
        // Instead of a bare "no results", the nearest titles are offered.
        #expect(dom.contains("class=\"rb-suggestion\""), "no suggestions in \(dom.suffix(2000))")
    }

    @Test("home, department, role, procedure and checklist at desktop and phone widths: the title is painted in view, nothing lies over it, no sideways scrolling")
    func screenshots() throws {
        let site = try Browser.buildFixture("e2e")
        // Each page's title: the h1, or the title cell of the checklist sheet.
        let pages = [("home", "index.html", "h1"), ("department", "departments/cs.html", "h1"), ("role", "roles/cs-manager.html", "h1"),
                     ("procedure", "procedures/opening.html", "h1"), ("checklist", "checklists/opening.html", ".sheet-title")]
        for (name, path, title) in pages {
            for (device, width) in [("desktop", 1280), ("phone", 390)] {
                let look = try Browser.look(site.appendingPathComponent(path), selector: title, name: "\(name)-\(device)", width: width)
                let shown = "\(name)-\(device) (\(look.screenshot.path))"
                #expect(look.inViewport, "\(shown): the title's box \(look.left),\(look.top) \(look.width)×\(look.height) is not in the viewport")
                #expect(!look.covered, "\(shown): something lies over the title")
                // A box of one flat colour has no ink: the title's glyphs were not painted.
                #expect(look.ink > 0.005, "\(shown): no text painted in the title's box (ink \(look.ink))")
                #expect(look.scrollWidth <= look.viewportWidth, "\(shown): the page is \(look.scrollWidth) px wide in a \(look.viewportWidth) px viewport")
            }
        }
        _ = try Browser.screenshot(Browser.searchURL(site, "客服"), name: "search-desktop", width: 1280, height: 900)
    }
}
