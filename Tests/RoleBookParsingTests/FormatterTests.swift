import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// `DiagnosticFormatter`: text, JSON and GitHub output of hand-made diagnostics.
@Suite("Diagnostic formatter")
struct FormatterTests {
    static let error = Diagnostic(.unknownReference, "'reports_to' names unknown role 'manger'", at: contentLoc("roles/clerk.md", 4, 13),
                                  notes: [Diagnostic.Note("did you mean 'manager'?", at: contentLoc("roles/manager.md", 1, 1))])
    static let warning = Diagnostic(.emptySection, "section '任职资格' is empty", at: contentLoc("roles/clerk.md", 10, 1))
    static let withPlainNote = Diagnostic(.missingDepartment, "role 'clerk' has no department", at: contentLoc("roles/clerk.md", 2, 8),
                                          notes: [Diagnostic.Note("add 'department: <department id>'")])

    @Test("one diagnostic: location, severity, code, message, then indented notes")
    func line() {
        #expect(DiagnosticFormatter.line(Self.error) == """
        content/roles/clerk.md:4:13: error[RB101]: 'reports_to' names unknown role 'manger'
            content/roles/manager.md:1:1: note: did you mean 'manager'?

        """)
        #expect(DiagnosticFormatter.line(Self.withPlainNote) == """
        content/roles/clerk.md:2:8: error[RB111]: role 'clerk' has no department
            note: add 'department: <department id>'

        """)
        #expect(DiagnosticFormatter.line(Self.warning) == "content/roles/clerk.md:10:1: warning[RB207]: section '任职资格' is empty\n")
    }

    @Test("summary line counts and pluralises", arguments: [
        (0, 0, 0, "checked 0 files: 0 errors, 0 warnings"),
        (1, 1, 1, "checked 1 file: 1 error, 1 warning"),
        (182, 2, 3, "checked 182 files: 2 errors, 3 warnings"),
    ])
    func summary(files: Int, errors: Int, warnings: Int, expected: String) {
        let diagnostics = Array(repeating: Self.error, count: errors) + Array(repeating: Self.warning, count: warnings)
        #expect(DiagnosticFormatter.summary(diagnostics, fileCount: files) == expected)
    }

    @Test("text report: every diagnostic, then the summary")
    func text() {
        let report = DiagnosticFormatter(format: .text).report([Self.withPlainNote, Self.error, Self.warning], fileCount: 4)
        #expect(report == """
        content/roles/clerk.md:2:8: error[RB111]: role 'clerk' has no department
            note: add 'department: <department id>'
        content/roles/clerk.md:4:13: error[RB101]: 'reports_to' names unknown role 'manger'
            content/roles/manager.md:1:1: note: did you mean 'manager'?
        content/roles/clerk.md:10:1: warning[RB207]: section '任职资格' is empty
        checked 4 files: 2 errors, 1 warning

        """)
    }

    @Test("a clean text report is only the summary")
    func cleanText() {
        #expect(DiagnosticFormatter(format: .text).report([], fileCount: 3) == "checked 3 files: 0 errors, 0 warnings\n")
    }

    @Test("GitHub commands put notes in the message on escaped new lines")
    func github() {
        let report = DiagnosticFormatter(format: .github).report([Self.error, Self.warning], fileCount: 2)
        #expect(report == """
        ::error file=content/roles/clerk.md,line=4,col=13,title=RB101::'reports_to' names unknown role 'manger'%0Acontent/roles/manager.md:1:1: note: did you mean 'manager'?
        ::warning file=content/roles/clerk.md,line=10,col=1,title=RB207::section '任职资格' is empty
        checked 2 files: 1 error, 1 warning

        """)
    }

    @Test("GitHub escaping: % in data, : and , in properties; CR LF from content written out (issue 12), LF between notes as %0A")
    func githubEscaping() {
        let d = Diagnostic(.invalidYAML, "100% wrong\r\nline", at: RoleBookModel.SourceLocation(file: "content/a,b:c.md", line: 3, column: 5),
                           notes: [Diagnostic.Note("quote values containing ':'")])
        let report = DiagnosticFormatter(format: .github).report([d], fileCount: 1)
        #expect(report.split(separator: "\n").first == "::error file=content/a%2Cb%3Ac.md,line=3,col=5,title=RB003::100%25 wrong\\r\\nline%0Anote: quote values containing ':'")
    }

    @Test("GitHub level 'notice' for note severity")
    func githubNotice() {
        var d = Self.warning
        d.severity = .note
        let report = DiagnosticFormatter(format: .github).report([d], fileCount: 1)
        #expect(report.hasPrefix("::notice file=content/roles/clerk.md,line=10,col=1,title=RB207::"))
    }

    @Test("JSON report: fields, counts and notes without locations")
    func json() throws {
        let report = DiagnosticFormatter(format: .json).report([Self.withPlainNote, Self.error, Self.warning], fileCount: 4)
        #expect(report.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["diagnostics", "errors", "warnings", "files"])
        #expect(object["files"] as? Int == 4)
        #expect(object["errors"] as? Int == 2)
        #expect(object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.map { $0["code"] as? String } == ["RB111", "RB101", "RB207"])
        #expect(items.map { $0["severity"] as? String } == ["error", "error", "warning"])
        #expect(items[1]["message"] as? String == "'reports_to' names unknown role 'manger'")
        #expect(items[1]["file"] as? String == "content/roles/clerk.md")
        #expect(items[1]["line"] as? Int == 4)
        #expect(items[1]["column"] as? Int == 13)
        let located = try #require((items[1]["notes"] as? [[String: Any]])?.first)
        #expect(located["message"] as? String == "did you mean 'manager'?")
        #expect(located["file"] as? String == "content/roles/manager.md")
        #expect(located["line"] as? Int == 1)
        #expect(located["column"] as? Int == 1)
        let plain = try #require((items[0]["notes"] as? [[String: Any]])?.first)
        #expect(Set(plain.keys) == ["message"])
        #expect((items[2]["notes"] as? [Any])?.isEmpty == true)
    }

    @Test("JSON keys are sorted and slashes unescaped")
    func jsonLayout() {
        let report = DiagnosticFormatter(format: .json).report([Self.warning], fileCount: 1)
        let keys = ["\"code\"", "\"column\"", "\"file\"", "\"line\"", "\"message\"", "\"notes\"", "\"severity\""]
        let positions = keys.compactMap { report.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(report.contains("content/roles/clerk.md"))
        #expect(!report.contains("\\/"))
        #expect(report.contains("任职资格"))
    }
}

/// Order of diagnostics and the counts the exit status is decided on.
@Suite("Diagnostics and exit status")
struct DiagnosticOrderTests {
    @Test("sorted by file, line, column, then code and message")
    func order() {
        let a = Diagnostic(.unknownKey, "b", at: contentLoc("roles/a.md", 2, 1))
        let b = Diagnostic(.unknownReference, "z", at: contentLoc("roles/a.md", 2, 5))
        let c = Diagnostic(.rawHTML, "raw HTML '</b>' is not rendered", at: contentLoc("roles/a.md", 10, 1))
        let d = Diagnostic(.rawHTML, "raw HTML '<b>' is not rendered", at: contentLoc("roles/a.md", 10, 1))
        let e = Diagnostic(.emptySection, "a", at: contentLoc("roles/a.md", 10, 1))
        let f = Diagnostic(.invalidUTF8, "x", at: contentLoc("roles/b.md", 1, 1))
        #expect([f, d, e, c, b, a].sorted() == [a, b, e, c, d, f])
    }

    @Test("severities order error, warning, note")
    func severities() {
        #expect(Diagnostic.Severity.error < .warning)
        #expect(Diagnostic.Severity.warning < .note)
    }

    @Test("Checker returns diagnostics already sorted")
    func checkerSorts() throws {
        let tree = RuleFixtures.base.with([
            "roles/zz.md": RuleFixtures.role("title: 乙\ndepartment: ops\nreports_to: nobody"),
            "roles/aa.md": RuleFixtures.role("title: 甲\ndepartment: opz\nreports_to: nobody"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnostics == result.diagnostics.sorted())
        #expect(result.diagnostics.map(\.location) == [contentLoc("roles/aa.md", 3, 13), contentLoc("roles/aa.md", 4, 13), contentLoc("roles/zz.md", 4, 13)])
    }

    @Test("a clean tree: no errors, no warnings (exit 0, also with --strict)")
    func clean() throws {
        let diagnostics = try runCheck(RuleFixtures.base).diagnostics
        #expect(!diagnostics.containsErrors)
        #expect(diagnostics.errorCount == 0)
        #expect(diagnostics.warningCount == 0)
    }

    @Test("warnings only: no errors (exit 0), but warnings (exit 1 with --strict)")
    func warningsOnly() throws {
        let diagnostics = try runCheck(RuleFixtures.emptySection).diagnostics
        #expect(!diagnostics.containsErrors)
        #expect(diagnostics.errorCount == 0)
        #expect(diagnostics.warningCount == 1)
    }

    @Test("errors: exit 1")
    func errors() throws {
        let diagnostics = try runCheck(RuleFixtures.unknownKey).diagnostics
        #expect(diagnostics.containsErrors)
        #expect(diagnostics.errorCount == 1)
        #expect(diagnostics.warningCount == 1)
    }

    @Test("fileCount counts every Markdown file found, parsed or not, but not rolebook.yml")
    func fileCount() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "title: x\n", "roles/broken.md": "no front matter", "roles/empty.md": ""]))
        #expect(result.fileCount == 5)
        #expect(result.graph.roles.count == 2)
    }
}
