import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
import RoleBookTestSupport
import RoleBookTestHarness

/// `rolebook diff --format html` opened in headless Chromium (the page's structure is tested in
/// RoleBookSiteTests' DiffHTMLTests).
@Suite("rolebook diff HTML report in Chromium", .offPool)
struct DiffReportEndToEndTests {
    static func page() throws -> String {
        let (diff, base, head) = try DiffFixtures.compared()
        return DiffHTMLReport(diff: diff, base: base.graph, head: head.graph, title: "main → HEAD").render()
    }

    @Test("the report in Chromium: an added role's box is painted green, in view, with its title (screenshot under .build/e2e)")
    func screenshot() throws {
        try FileManager.default.createDirectory(at: Browser.artefacts, withIntermediateDirectories: true)
        let file = Browser.artefacts.appendingPathComponent("diff-report.html")
        try Data(try Self.page().utf8).write(to: file)
        let look = try Browser.look(file, selector: ".oc-box.is-added", name: "diff-report-desktop", width: 1400, height: 2400)
        #expect(look.inViewport && !look.covered, "the added box at \(look.left),\(look.top) \(look.width)×\(look.height) (\(look.screenshot.path))")
        #expect(look.ink > 0.01, "nothing but one colour in the added box (\(look.screenshot.path))")
        // diff-report.css fills added boxes with #dafbe1 inside a #1a7f37 border: green dominates.
        let rgb = look.mean
        #expect(rgb.count == 3 && rgb[1] > rgb[0] + 8 && rgb[1] > rgb[2] + 8, "added box's mean colour \(rgb) is not green (\(look.screenshot.path))")
    }

    @Test("the Chinese report in Chromium: headings in Chinese, the added box in view (screenshot under .build/e2e)")
    func screenshotChinese() throws {
        try FileManager.default.createDirectory(at: Browser.artefacts, withIntermediateDirectories: true)
        let (_, base, head) = try DiffFixtures.compared()
        let diff = GraphDiff.compare(base: base, head: head, language: .zhCN)
        let page = DiffHTMLReport(diff: diff, base: base.graph, head: head.graph, title: "main → HEAD", language: .zhCN).render()
        let file = Browser.artefacts.appendingPathComponent("diff-report.zh-CN.html")
        try Data(page.utf8).write(to: file)
        let look = try Browser.look(file, selector: ".oc-box.is-added", name: "diff-report-zh-CN-desktop", width: 1400, height: 2400)
        #expect(look.inViewport && !look.covered, "the added box at \(look.left),\(look.top) (\(look.screenshot.path))")
        #expect(look.ink > 0.01, "nothing painted in the added box (\(look.screenshot.path))")
    }
}
