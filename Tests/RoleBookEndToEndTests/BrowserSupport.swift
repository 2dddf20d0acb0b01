import Foundation
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
import RoleBookDevSupport
import RoleBookTestSupport

/// Drives Debian's headless Chromium for end-to-end tests; artefacts land in `.build/e2e/`.
enum Browser {
    static let packageRoot = RoleBookTestSupport.packageRoot
    static let artefacts = packageRoot.appendingPathComponent(".build/e2e")

    struct Missing: Error, CustomStringConvertible {
        var description: String { "headless Chromium not found: run 'make test' (it installs Debian's chromium and fonts-noto-cjk)" }
    }

    static func printer() throws -> PDFPrinter {
        do { return try PDFPrinter.locate() } catch { throw Missing() }
    }

    /// Runs Chromium with the given extra arguments and returns its stdout.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let browser = try printer().browser
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("rb-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try ChildProcess(URL(fileURLWithPath: browser), PDFPrinter.headlessArguments(profile: profile) + arguments).run(seconds: 180).stdout
    }

    /// The DOM after scripts ran (virtual time lets the search client load its shards).
    static func dom(_ url: URL, width: Int = 1280) throws -> String {
        try run(["--virtual-time-budget=8000", "--window-size=\(width),900", "--dump-dom", url.absoluteString])
    }

    static func screenshot(_ url: URL, name: String, width: Int, height: Int = 1400) throws -> URL {
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        let file = artefacts.appendingPathComponent(name + ".png")
        try? FileManager.default.removeItem(at: file)
        try run(["--virtual-time-budget=4000", "--window-size=\(width),\(height)", "--screenshot=\(file.path)", url.absoluteString])
        return file
    }

    /// Builds a fixture's site into `.build/e2e/<folder>/site` and returns that folder. A suite
    /// that adds files of its own to the site passes its own `folder`: a rebuild by another suite
    /// running at the same time removes files the site does not list.
    static func buildFixture(_ fixture: String, folder: String? = nil) throws -> URL {
        let content = fixture == "e2e" ? fixtureContent("e2e") : fixtureContent(fixture, in: "RoleBookEndToEndTests")
        let result = try Checker(loader: ContentLoader(root: content, displayRoot: "content")).run()
        let site = artefacts.appendingPathComponent((folder ?? fixture) + "/site")
        try FileManager.default.createDirectory(at: site.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SiteWriter(output: site).write(SiteRenderer(graph: result.graph).render())
        return site
    }

    /// `file://…/search.html?q=…` with the query percent-encoded.
    static func searchURL(_ site: URL, _ query: String) -> URL {
        var components = URLComponents(url: site.appendingPathComponent("search.html"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: query)]
        return components.url!
    }

    static func command(_ path: String, _ arguments: [String]) throws -> String {
        try ChildProcess(URL(fileURLWithPath: path), arguments).run(seconds: 180).stdout
    }
}
