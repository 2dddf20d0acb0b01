import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookServe
import RoleBookTestSupport

/// The parse cache as `rolebook serve` uses it (moved from RoleBookParsingTests' ParseCacheTests,
/// which cannot import the server).
@Suite("incremental rebuilds in serve")
struct ServedParseCacheTests {
    /// Every file as served, without the live script tag (which carries the build's version).
    static func pages(_ site: ServedSite) -> [String: String] {
        let paths = (site.pages?.paths ?? []) + ["graph.json"] + (site.searchIndex?.files.keys.map { $0 } ?? [])
        return Dictionary(uniqueKeysWithValues: paths.map { ($0, site.file($0)!) }).mapValues { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: #"<script src="/__rolebook/live.js" data-version="\d+" defer></script>"#, with: "", options: .regularExpression) }
    }

    @Test("after edits, the served site is the site a fresh build serves")
    func sameAsFresh() async throws {
        let content = try copyFixtureContent("e2e")
        defer { try? FileManager.default.removeItem(at: content) }
        let server = PreviewServer(options: .init(contentDirectory: content.path, port: 0, watch: false)) { _ in }
        server.rebuild(changed: [])
        // Every page served once, as if open in a browser: each rebuild then compares them all
        // (by model fingerprint, or by rendering) instead of rendering them on request.
        for path in server.current.pages?.paths ?? [] { _ = server.current.file(path) }
        let edits: [(String, String, String)] = [
            ("roles/front-desk.md", "title: 前台接待", "title: 前台接待员"),
            // A responsibility: the search index is patched rather than built again.
            ("roles/front-desk.md", "三声之内", "两声之内"),
            ("roles/cs-assistant.md", "headcount: 0", "headcount: 1"),
            ("departments/cs.md", "title: 客户服务部", "title: 客户服务中心"),
        ]
        for (path, from, to) in edits {
            let file = content.appendingPathComponent(path)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(from), "\(path)")
            try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
            let step = server.rebuild(changed: [path])
            #expect(step.errorCount == 0 && !step.change.changed.isEmpty, "\(path): \(server.current.errors.map(DiagnosticFormatter.line))")
            let fresh = PreviewServer(options: .init(contentDirectory: content.path, port: 0, watch: false)) { _ in }
            fresh.rebuild(changed: [])
            let (mine, theirs) = (Self.pages(server.current), Self.pages(fresh.current))
            let differing = Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
            #expect(differing == [], "after editing \(path)")
        }
    }
}
