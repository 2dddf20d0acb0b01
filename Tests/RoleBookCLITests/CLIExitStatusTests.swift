import ArgumentParser
import Foundation
import Testing
@testable import RoleBookCLI
import RoleBookTestSupport
import RoleBookTestHarness

/// docs/cli.md: 0 success, 1 content errors, 2 usage or I/O failure — checked on the real binary.
@Suite("Exit status of the rolebook binary", .offPool)
struct CLIExitStatusTests {
    @Test("usage errors exit 2 (not ArgumentParser's 64) and say what was wrong", arguments: [
        (["check", "--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>'"),
        (["check", "--bogus"], "Error: Unknown option '--bogus'"),
        (["print", "content"], "Error: Missing expected argument '--pdf <pdf>'"),
        (["check", "a", "b"], "Error: Unexpected argument 'b'"),
    ])
    func usageError(arguments: [String], message: String) throws {
        let outcome = try RolebookProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix(message), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Usage: rolebook"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("the mapping: validation failures become 2, other statuses pass through")
    func mapping() throws {
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["check", "--format", "xml"]) }
        do {
            _ = try RoleBookCommand.parseAsRoot(["check", "--format", "xml"])
        } catch {
            #expect(RoleBookCommand.exitStatus(for: error) == 2)
        }
        #expect(RoleBookCommand.exitStatus(for: ValidationError("unknown procedure 'x'")) == 2)
        #expect(RoleBookCommand.exitStatus(for: ExitCode.failure) == 1)
        #expect(RoleBookCommand.exitStatus(for: ExitCode(2)) == 2)
        #expect(RoleBookCommand.exitStatus(for: CleanExit.helpRequest()) == 0)
    }

    @Test("a content path that is a file or does not exist exits 2 with a clear message")
    func contentPath() throws {
        try withContent(ContentTree(["notes.md": "x"])) { root in
            let file = try RolebookProcess.run(["check", "notes.md"], in: root)
            #expect(file.status == 2)
            #expect(file.stderr == "error: content folder 'notes.md' is a file, not a folder\n")
            let missing = try RolebookProcess.run(["build", "handbook", "-o", "_site"], in: root)
            #expect(missing.status == 2)
            #expect(missing.stderr == "error: content folder 'handbook' does not exist\n")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path))
        }
    }

    @Test("0 when clean, 1 on content errors, 0 for --help")
    func statuses() throws {
        try withContent(RuleFixtures.base) { root in
            let clean = try RolebookProcess.check(root)
            #expect(clean.status == 0)
            #expect(clean.stdout == "checked 3 files: 0 errors, 0 warnings\n")
        }
        try withContent(RuleFixtures.unknownReference) { root in
            let errors = try RolebookProcess.check(root)
            #expect(errors.status == 1)
        }
        let help = try RolebookProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: rolebook"))
    }
}
