import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookServe
import RoleBookTestSupport
import RoleBookTestHarness

/// `rolebook serve` in headless Chromium: a saved edit reloads the open page by itself, a
/// broken file shows the overlay with its file and line over the last good page, and the
/// fix takes the overlay away.
@Suite("live reload in Chromium", .serialized)
struct LiveReloadEndToEndTests {
    /// What the test reads from the page: its heading, whether it was reloaded since the marker
    /// was set, the overlay's text and the live script's presence.
    static let probe = """
        JSON.stringify({h1: (document.querySelector('h1') || {}).textContent || '', marker: window.rbMarker === 1, \
        overlay: (document.getElementById('rb-live-overlay') || {}).textContent || '', \
        live: document.documentElement.getAttribute('data-rolebook-live'), scroll: window.scrollY, ready: document.readyState})
        """

    static func state(_ value: Any?) -> [String: Any] {
        guard let text = value as? String, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    @Test("edit → reload with the new title; broken YAML → overlay with file and line; fix → overlay gone")
    func editBreakFix() async throws {
        let content = try copyFixtureContent("e2e")
        defer { try? FileManager.default.removeItem(at: content) }
        let server = PreviewServer(options: .init(contentDirectory: content.path, port: 0)) { _ in }
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let file = content.appendingPathComponent("roles/cs-manager.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let page = url.absoluteString + "roles/cs-manager.html"

        try await OffPool.run {
            let browser = try DevToolsPipe()
            let tab = try browser.open(page)
            var s = Self.state(try browser.waitFor(Self.probe, session: tab) { Self.state($0)["live"] as? String == "connected" && Self.state($0)["ready"] as? String == "complete" })
            #expect((s["h1"] as? String)?.contains("客服经理") == true, "\(s)")
            // The live connection is open: mark this document, and scroll so the reload must restore it.
            _ = try browser.evaluate("window.rbMarker = 1; document.body.style.minHeight = '5000px'; window.scrollTo(0, 400); 1", session: tab)

            try original.replacingOccurrences(of: "title: 客服经理", with: "title: 客户服务总监").write(to: file, atomically: true, encoding: .utf8)
            s = Self.state(try browser.waitFor(Self.probe, session: tab) { (Self.state($0)["h1"] as? String)?.contains("客户服务总监") == true })
            #expect((s["h1"] as? String)?.contains("客户服务总监") == true, "the page did not show the new title: \(s)")
            #expect(s["marker"] as? Bool == false, "the page changed without a reload")
            #expect((s["scroll"] as? Double ?? 0) > 0, "the reload lost the scroll position: \(s)")

            // Broken YAML: an unclosed flow sequence on line 3.
            let broken = original.replacingOccurrences(of: "department: cs", with: "department: [cs")
            try broken.write(to: file, atomically: true, encoding: .utf8)
            s = Self.state(try browser.waitFor(Self.probe, session: tab) { !((Self.state($0)["overlay"] as? String) ?? "").isEmpty })
            let overlay = s["overlay"] as? String ?? ""
            #expect(overlay.contains("roles/cs-manager.md:4:11: error[RB003]"), "\(overlay)")
            #expect(overlay.contains("RB003"), "\(overlay)")
            // The overlay speaks the site's language (zh-CN here), its own words as well as the message.
            #expect(overlay.contains("内容有 1 个错误") && overlay.contains("改好文件并保存"), "\(overlay)")
            #expect(overlay.contains("front matter is not valid YAML") == false, "\(overlay)")
            #expect((s["h1"] as? String)?.contains("客户服务总监") == true, "the last good page stays under the overlay")
            // The overlay covers the page (its stylesheet applied): the heading is under it.
            let covered = try browser.waitFor("(function(){var r=document.getElementById('rb-live-overlay').getBoundingClientRect(); return getComputedStyle(document.getElementById('rb-live-overlay')).position + ' ' + (r.width >= innerWidth - 1 && r.height >= innerHeight - 1)})()", session: tab) { $0 as? String == "fixed true" }
            #expect(covered as? String == "fixed true")
            try FileManager.default.createDirectory(at: Browser.artefacts, withIntermediateDirectories: true)
            let shot = try browser.send("Page.captureScreenshot", ["format": "png"], session: tab)
            if let png = (shot["data"] as? String).flatMap({ Data(base64Encoded: $0) }) {
                try png.write(to: Browser.artefacts.appendingPathComponent("serve-overlay.png"))
            }

            try original.write(to: file, atomically: true, encoding: .utf8)
            s = Self.state(try browser.waitFor(Self.probe, session: tab) {
                ((Self.state($0)["overlay"] as? String) ?? "x").isEmpty && (Self.state($0)["h1"] as? String)?.contains("客服经理") == true
            })
            #expect((s["overlay"] as? String) == "", "the overlay stayed: \(s)")
            #expect((s["h1"] as? String)?.contains("客服经理") == true, "\(s)")

            // A page whose file is deleted says so, with a link home.
            let extra = content.appendingPathComponent("roles/night-desk.md")
            try "---\ntitle: 夜班前台\ndepartment: cs\nreports_to: cs-manager\n---\n## 岗位职责\n\n1. 夜间接待。\n".write(to: extra, atomically: true, encoding: .utf8)
            _ = try browser.waitFor("1", session: tab, seconds: 10) { _ in server.current.contains("roles/night-desk.html") }
            #expect(server.current.contains("roles/night-desk.html"))
            let second = try browser.open(url.absoluteString + "roles/night-desk.html")
            _ = try browser.waitFor(Self.probe, session: second) { Self.state($0)["live"] as? String == "connected" }
            try FileManager.default.removeItem(at: extra)
            let gone = try browser.waitFor("(function(){var g=document.getElementById('rb-live-gone'); return g ? g.textContent + '|' + g.querySelector('a').getAttribute('href') : ''})()", session: second) { ($0 as? String ?? "").contains("|") }
            #expect((gone as? String ?? "").contains("no longer exists") && (gone as? String ?? "").hasSuffix("|/"), "\(gone ?? "nil")")
        }
    }
}
