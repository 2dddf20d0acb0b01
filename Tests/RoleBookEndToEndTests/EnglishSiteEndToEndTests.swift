import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing

/// An English site (`language: en`) in Chromium: home, a role page and the search page read as
/// English throughout, with no Chinese chrome or CJK punctuation, and counts in the right number.
@Suite("English site in Chromium", .serialized, .offPool)
struct EnglishSiteEndToEndTests {
    /// Text the browser shows (tags, scripts and styles removed), for the checks below.
    static func visibleText(_ dom: String) -> String {
        var text = dom
        for pattern in ["<script[^>]*>[\\s\\S]*?</script>", "<style[^>]*>[\\s\\S]*?</style>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text
    }

    /// Characters that belong to Chinese chrome: CJK punctuation, full-width forms, Han characters.
    static func cjk(_ text: String) -> [Character] {
        text.filter { c in c.unicodeScalars.contains { (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) } }
    }

    @Test("home, role and search pages: no Chinese chrome, plurals read right, search finds and shows duties")
    func englishPages() throws {
        let site = try Browser.buildFixture("english")
        let home = try Browser.dom(site.appendingPathComponent("index.html"))
        let role = try Browser.dom(site.appendingPathComponent("roles/fo-manager.html"))
        let search = try Browser.dom(Browser.searchURL(site, "night audit"))
        let many = try Browser.dom(Browser.searchURL(site, "complaints"))
        for (name, dom) in [("home", home), ("role", role), ("search", search), ("search many", many)] {
            #expect(dom.contains("<html lang=\"en\""), "\(name)")
            let odd = Self.cjk(Self.visibleText(dom))
            #expect(odd.isEmpty, "\(name) shows \(String(odd))")
        }
        // Counts: one of a kind is singular, more are plural.
        let homeText = Self.visibleText(home)
        #expect(homeText.contains("5 roles · 8 positions"), "\(homeText)")
        let procedures = Self.visibleText(try Browser.dom(site.appendingPathComponent("procedures/index.html")))
        #expect(procedures.contains("1 procedure") && !procedures.contains("1 procedures"), "\(procedures)")
        #expect(EndToEndTests.resultTitles(search) == ["Front Office Manager"])
        #expect(search.contains(">1 result<"), "\(search.suffix(3000))")
        let titles = EndToEndTests.resultTitles(many)
        #expect(titles.contains("Receptionist") && titles.contains("Front Office Manager"), "\(titles)")
        #expect(many.contains(">\(titles.count) results<"))
        // The receptionist's snippet is a duty, not the editors' note about the source.
        #expect(!Self.visibleText(many).contains("editor's note") && !Self.visibleText(many).contains("The source gave"))
        // The filter: one labelled cluster for the hotel's departments.
        #expect(many.contains("class=\"rb-filter-org\">Harbour Hotel<"))
    }

    @Test("screenshots of the English site at desktop and phone widths")
    func screenshots() throws {
        let site = try Browser.buildFixture("english")
        let pages: [(String, URL)] = [("en-home", site.appendingPathComponent("index.html")),
                                      ("en-role", site.appendingPathComponent("roles/receptionist.html")),
                                      ("en-search", Browser.searchURL(site, "complaints"))]
        for (name, url) in pages {
            for (device, width) in [("desktop", 1280), ("phone", 390)] {
                let shot = try Browser.screenshot(url, name: "\(name)-\(device)", width: width, height: 1100)
                #expect(FileManager.default.fileExists(atPath: shot.path), "\(shot.path)")
            }
        }
    }
}
