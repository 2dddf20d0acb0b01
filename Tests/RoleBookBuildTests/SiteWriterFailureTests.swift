import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild

/// The writer never destroys what it did not create, and a build that fails leaves the site as it was.
/// (More cases in `SiteWriterSafetyTests`.)
@Suite("Site writer: failures and foreign folders", .offPool)
struct SiteWriterFailureTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-wfail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    static func leftovers(_ folder: URL) -> [String] {
        let all = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return all.filter { $0.contains("rolebook-tmp") || $0.contains("rolebook-new") || $0.contains("rolebook-old") }
    }

    @Test("refuses an output that is a file, or a folder holding only hidden files such as .git")
    func refusesFilesAndRepositories() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("report.txt")
        try Data("keep".utf8).write(to: file)
        let repository = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[core]".utf8).write(to: repository.appendingPathComponent(".git/config"))
        for output in [file, repository] {
            for cache in [nil, root.appendingPathComponent(".cache")] {
                #expect(throws: SiteWriteError.self) {
                    try SiteWriter(output: output).write([OutputFile(path: "index.html", contents: "x")], cache: cache)
                }
            }
        }
        #expect(try Self.text(file) == "keep")
        #expect(try Self.text(repository.appendingPathComponent(".git/config")) == "[core]")
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("index.html").path))
        #expect(Self.leftovers(root).isEmpty)
    }

    @Test("an incremental update that cannot be written leaves every file of the previous site as it was")
    func failedUpdateKeepsPreviousSite() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent(".cache")
        let old = [OutputFile(path: "index.html", contents: "old"), OutputFile(path: "a.html", contents: "old a")]
        _ = try SiteWriter(output: site).write(old, cache: cache)
        let oldID = try #require(SiteWriter(output: site).markerBuildID())
        // `a.html` cannot be a file and a folder at once: the write fails whichever way it is tried.
        let impossible = [OutputFile(path: "index.html", contents: "new"), OutputFile(path: "a.html", contents: "new a"),
                          OutputFile(path: "a.html/b.html", contents: "b")]
        #expect(throws: SiteWriteError.self) { try SiteWriter(output: site).write(impossible, cache: cache) }
        #expect(try Self.text(site.appendingPathComponent("index.html")) == "old", "no file was replaced before the failure")
        #expect(try Self.text(site.appendingPathComponent("a.html")) == "old a")
        #expect(SiteWriter(output: site).markerBuildID() == oldID, "the site still matches its manifest")
        #expect(Self.leftovers(root).isEmpty, "\(Self.leftovers(root))")
        // The next good build updates it as usual.
        let summary = try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "new")], cache: cache)
        #expect(summary.incremental)
        #expect(try Self.text(site.appendingPathComponent("index.html")) == "new")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("a.html").path))
    }

    @Test("a failed update is started over by the build: every file handed in again goes into a new folder")
    func startOver() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent(".cache")
        _ = try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "old"), OutputFile(path: "a.html", contents: "old a")], cache: cache)
        let output = try SiteWriter(output: site).begin(cache: cache)
        defer { output.close() }
        #expect(output.previous != nil, "an update: the build may keep pages")
        try output.write([OutputFile(path: "a.html", contents: "new a")])
        #expect(throws: SiteWriteError.self) { try output.write([OutputFile(path: "a.html/b.html", contents: "b")]) }
        #expect(output.canStartOver)
        try output.startOver()
        #expect(output.previous == nil, "nothing can be kept in a new folder")
        #expect(!output.canStartOver)
        try output.write([OutputFile(path: "index.html", contents: "new")])
        let summary = try output.finish()
        #expect(summary == .init(incremental: false, written: 1, unchanged: 0, removed: 0))
        #expect(try Self.text(site.appendingPathComponent("index.html")) == "new")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("a.html").path), "what the failed update wrote is gone")
        #expect(Self.leftovers(root).isEmpty, "\(Self.leftovers(root))")
        // The manifest describes the new site: the next build updates it.
        #expect(try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "new")], cache: cache).incremental)
    }

    @Test("an update that puts a file where a folder was (the new version is staged beside the site)")
    func fileReplacesFolder() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent(".cache")
        // (Paths of one character are avoided: corelibs Foundation's `deletingLastPathComponent` traps on "x".)
        _ = try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "one"), OutputFile(path: "staff/y.html", contents: "y")], cache: cache)
        let files = [OutputFile(path: "index.html", contents: "two"), OutputFile(path: "staff", contents: "now a file")]
        let summary = try SiteWriter(output: site).write(files, cache: cache)
        #expect(summary.incremental)
        #expect(summary.removed == 1)
        #expect(try Self.text(site.appendingPathComponent("index.html")) == "two")
        #expect(try Self.text(site.appendingPathComponent("staff")) == "now a file")
        #expect(Self.leftovers(root).isEmpty)
        // And the cache is trusted again afterwards.
        #expect(try SiteWriter(output: site).write(files, cache: cache).incremental)
    }

    @Test("a site whose last update was interrupted is rewritten whole, never patched from a stale manifest")
    func interruptedUpdate() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent(".cache")
        let files = [OutputFile(path: "index.html", contents: "one"), OutputFile(path: "b.html", contents: "b")]
        _ = try SiteWriter(output: site).write(files, cache: cache)
        // What a site the manifest does not describe looks like (another tool, an old version's
        // interrupted update): the marker no longer names the build of the manifest.
        try Data(SiteWriter.markerText("updating").utf8).write(to: site.appendingPathComponent(SiteWriter.marker))
        try Data("half-updated".utf8).write(to: site.appendingPathComponent("b.html"))
        let summary = try SiteWriter(output: site).write(files, cache: cache)
        #expect(!summary.incremental)
        #expect(try Self.text(site.appendingPathComponent("b.html")) == "b")
    }
}
