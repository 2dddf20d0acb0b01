import ArgumentParser
import Foundation
import Testing
@testable import RoleBook
@testable import RoleBookCLI

/// `rolebook check` in-process: argument parsing, the content folder as shown, and exit status.
@Suite("rolebook check")
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
}
