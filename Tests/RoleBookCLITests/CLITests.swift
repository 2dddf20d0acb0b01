import ArgumentParser
import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
@testable import RoleBookCLI
import RoleBookTestSupport

/// `rolebook check` in-process: argument parsing, the content folder as shown, and exit status.
@Suite("rolebook check", .offPool)
struct CLITests {
    @Test("options: content folder, --format and --strict")
    func parse() throws {
        let check = try Check.parse(["--format", "github", "--strict", "handbook"])
        #expect(check.content.contentDirectory == "handbook")
        #expect(check.format == .github)
        #expect(check.strict)
    }

    @Test("defaults: content/, text, not strict")
    func defaults() throws {
        let check = try Check.parse([])
        #expect(check.content.contentDirectory == "content")
        #expect(check.format == .text)
        #expect(!check.strict)
    }

    @Test("an unknown format is a usage error")
    func unknownFormat() {
        #expect(throws: (any Error).self) { try Check.parse(["--format", "xml"]) }
    }

    @Test("paths are shown as the content folder was passed")
    func displayRoot() throws {
        try withContent(RuleFixtures.unknownReference) { root in
            let result = try CLI.check(root.path)
            #expect(result.diagnostics.map(\.location.file) == [root.path + "/roles/clerk.md"])
            #expect(result.diagnostics.first?.notes.first?.location?.file == root.path + "/roles/manager.md")
        }
    }

    @Test("a missing content folder exits 2")
    func missingFolder() {
        #expect(throws: ExitCode(2)) { try CLI.check("/nonexistent/rolebook-\(UUID().uuidString)") }
    }

    @Test("exit status: 0 when clean, 1 on errors, warnings fail only with --strict")
    func exitStatus() throws {
        try withContent(RuleFixtures.base) { root in
            try Check.parse([root.path]).run()
            try Check.parse(["--strict", root.path]).run()
        }
        try withContent(RuleFixtures.emptySection) { root in
            try Check.parse([root.path]).run()
            #expect(throws: ExitCode.failure) { try Check.parse(["--strict", root.path]).run() }
        }
        try withContent(RuleFixtures.unknownReference) { root in
            #expect(throws: ExitCode.failure) { try Check.parse(["--format", "json", root.path]).run() }
        }
    }

    @Test("rolebook build keeps one manifest and one search document list in --cache-dir, and a rebuild equals a fresh build")
    func buildCache() throws {
        try withContent(RuleFixtures.base) { root in
            // Folders starting with `_` are not content.
            let site = root.appendingPathComponent("_site"), cache = root.appendingPathComponent("_cache")
            let fresh = root.appendingPathComponent("_fresh")
            func cacheFiles() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted() }
            try Build.parse([root.path, "-o", site.path, "--cache-dir", cache.path, "--quiet"]).run()
            let first = try cacheFiles()
            #expect(first.filter { $0.hasSuffix(".manifest") }.count == 1 && first.filter { $0.hasSuffix(".docs") }.count == 1, "\(first)")
            #expect(first.contains("parse.cache"), "\(first)")
            let role = root.appendingPathComponent("roles/ceo.md")
            try Data((try String(contentsOf: role, encoding: .utf8) + "\n- 审批年度预算。\n").utf8).write(to: role)
            try Build.parse([root.path, "-o", site.path, "--cache-dir", cache.path, "--quiet"]).run()
            let second = try cacheFiles()
            #expect(second.filter { $0.hasSuffix(".docs") }.count == 1 && second != first, "the old list is replaced: \(second)")
            try Build.parse([root.path, "-o", fresh.path, "--no-cache", "--quiet"]).run()
            let a = try filesUnder(site, excluding: [SiteWriter.marker]), b = try filesUnder(fresh, excluding: [SiteWriter.marker])
            #expect(a == b)
            #expect(a.keys.contains("search/meta.js"))
        }
    }
}
