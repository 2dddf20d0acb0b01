import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// `check --format sarif`: the golden fixture as SARIF, and every field GitHub code scanning reads.
@Suite("SARIF and GitHub job summary")
struct SARIFTests {
    /// The golden fixture's diagnostics, with the text of the files they point into.
    static func golden() throws -> (result: Checker.Result, sources: [String: String]) {
        let result = try GoldenTests.result()
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("golden")
        var sources: [String: String] = [:]
        for file in Set(result.diagnostics.flatMap { [$0.location.file] + $0.notes.compactMap(\.location?.file) }) {
            sources[file] = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
        }
        return (result, sources)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("golden: the fixture's diagnostics as a SARIF log")
    func goldenLog() throws {
        let (r, sources) = try Self.golden()
        let sarif = SARIFFormatter(currentDirectory: "/work", informationURI: "https://github.com/example/handbook", sources: sources)
        try GoldenFile.expect(sarif.report(r.diagnostics), matches: "check", "sarif", in: .module)
    }

    @Test("tool.driver: name, version, informationUri and one rule per code with help from docs/diagnostics.md")
    func driver() throws {
        let (r, _) = try Self.golden()
        let log = try Self.json(SARIFFormatter(currentDirectory: "", informationURI: "https://github.com/example/handbook").report(r.diagnostics))
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "rolebook")
        #expect(driver["version"] as? String == RoleBookVersion.current)
        #expect(driver["informationUri"] as? String == "https://github.com/example/handbook")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == DiagnosticCode.allCases.map(\.rawValue))
        let rb101 = try #require(rules.first { $0["id"] as? String == "RB101" })
        #expect(rb101["name"] as? String == "UnknownReference")
        #expect((rb101["shortDescription"] as? [String: Any])?["text"] as? String == DiagnosticCode.unknownReference.summary)
        let full = try #require((rb101["fullDescription"] as? [String: Any])?["text"] as? String)
        #expect(full.hasPrefix("a reference names nothing: reports_to, direct_reports"), "the docs' meaning column, backticks removed: \(full)")
        let help = try #require(rb101["help"] as? [String: Any])
        let text = try #require(help["text"] as? String), markdown = try #require(help["markdown"] as? String)
        #expect(text.contains("Fix: use an existing id, title or alias"))
        #expect(markdown.contains("`reports_to`") && markdown.contains("**Fix:**"))
        #expect(markdown.contains("(https://github.com/example/handbook/blob/HEAD/docs/diagnostics.md#errors)"))
        #expect(rb101["helpUri"] as? String == "https://github.com/example/handbook/blob/HEAD/docs/diagnostics.md#errors")
        #expect((rb101["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let rb201 = try #require(rules.first { $0["id"] as? String == "RB201" })
        #expect((rb201["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect(rb201["helpUri"] as? String == "https://github.com/example/handbook/blob/HEAD/docs/diagnostics.md#warnings")
        // A relative docs link in a table cell becomes absolute.
        let rb004 = try #require(rules.first { $0["id"] as? String == "RB004" })
        #expect(((rb004["help"] as? [String: Any])?["markdown"] as? String)?.contains("](https://github.com/example/handbook/blob/HEAD/docs/content-format.md#limits)") == true)
    }

    @Test("every code has a row in docs/diagnostics.md")
    func docsCoverEveryCode() {
        let docs = DiagnosticDocs.shared
        for code in DiagnosticCode.allCases {
            #expect(docs.entries[code] != nil, "\(code.rawValue) has no row in docs/diagnostics.md")
            #expect(docs.entries[code]?.section == (code.severity == .error ? "errors" : "warnings"))
        }
    }

    @Test("without a repository URL the help has no links")
    func noRepository() throws {
        let log = SARIFFormatter(currentDirectory: "").log([])
        let rules = log.runs[0].tool.driver.rules
        #expect(log.runs[0].tool.driver.informationUri == nil)
        #expect(rules.allSatisfy { $0.helpUri == nil && !$0.help.markdown.contains("](") })
        let rb004 = try #require(rules.first { $0.id == "RB004" })
        #expect(rb004.help.markdown.contains("[content-format.md") == false && rb004.help.markdown.contains("content-format.md"))
    }

    @Test("results: ruleId, level, message, location relative to the current folder, notes as related locations")
    func results() throws {
        let d = Diagnostic(.unknownReference, "'reports_to' names unknown role 'manger'", at: .init(file: "/work/repo/content/roles/店员.md", line: 4, column: 13),
                           notes: [Diagnostic.Note("did you mean 'manager'?", at: .init(file: "/work/repo/content/roles/manager.md", line: 1, column: 1)),
                                   Diagnostic.Note("add 'top: true' for the head of the organisation")])
        let w = Diagnostic(.emptySection, "section '任职资格' is empty", at: .init(file: "content/roles/a b.md", line: 10, column: 1))
        let log = try Self.json(SARIFFormatter(currentDirectory: "/work/repo").report([d, w]))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"] as? String == "RB101")
        #expect(first["ruleIndex"] as? Int == DiagnosticCode.allCases.firstIndex(of: .unknownReference))
        #expect(first["level"] as? String == "error")
        #expect((first["message"] as? [String: Any])?["text"] as? String
                == "'reports_to' names unknown role 'manger'\nnote: add 'top: true' for the head of the organisation")
        let physical = try #require(((first["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "content/roles/%E5%BA%97%E5%91%98.md")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 4)
        #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 13)
        let related = try #require(first["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related[0]["id"] as? Int == 0)
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "did you mean 'manager'?")
        #expect((((related[0]["physicalLocation"] as? [String: Any])?["artifactLocation"]) as? [String: Any])?["uri"] as? String == "content/roles/manager.md")
        #expect(results[1]["level"] as? String == "warning")
        #expect(results[1]["relatedLocations"] == nil)
        #expect(((((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]) as? [String: Any])?["uri"] as? String
                == "content/roles/a%20b.md")
    }

    @Test("columns count UTF-16 code units when the file's text is known")
    func columns() {
        let at = RoleBookModel.SourceLocation(file: "content/roles/a.md", line: 2, column: 14)
        // `title: 店员: x`: the second `:` is byte column 14 and UTF-16 column 10.
        let sarif = SARIFFormatter(currentDirectory: "", sources: ["content/roles/a.md": "---\ntitle: 店员: x\n---\n"])
        #expect(sarif.utf16Column(at) == 10)
        #expect(SARIFFormatter(currentDirectory: "").utf16Column(at) == 14)
        // An emoji is two UTF-16 code units.
        #expect(SARIFFormatter(currentDirectory: "", sources: ["f": "😀x"]).utf16Column(.init(file: "f", line: 1, column: 5)) == 3)
    }

    @Test("fingerprints do not depend on the line, and tell repeated identical diagnostics apart")
    func fingerprints() {
        let a = Diagnostic(.emptySection, "section 'x' is empty", at: .init(file: "content/roles/a.md", line: 10, column: 1))
        var moved = a
        moved.location = .init(file: a.location.file, line: 14, column: a.location.column)
        let sarif = SARIFFormatter(currentDirectory: "")
        let one = sarif.log([a]).runs[0].results[0].partialFingerprints
        let two = sarif.log([moved]).runs[0].results[0].partialFingerprints
        #expect(one == two)
        #expect(one.keys.sorted() == ["rolebook/v1"])
        let twice = sarif.log([a, moved]).runs[0].results.map(\.partialFingerprints)
        #expect(twice[0] != twice[1])
        let other = sarif.log([Diagnostic(.emptySection, "section 'y' is empty", at: a.location)]).runs[0].results[0].partialFingerprints
        #expect(other != one)
    }

    @Test("job summary: a table row per diagnostic, escaped, notes inline")
    func summaryTable() {
        let d = Diagnostic(.unknownReference, "'reports_to' names unknown role 'a|b<script>'", at: .init(file: "content/roles/clerk.md", line: 4, column: 13),
                           notes: [Diagnostic.Note("did you mean 'manager'?", at: .init(file: "content/roles/manager.md", line: 1, column: 1))])
        let w = Diagnostic(.emptySection, "section '任职资格' is empty", at: .init(file: "content/roles/clerk.md", line: 10, column: 1))
        #expect(GitHubStepSummary.markdown([d, w], fileCount: 3) == """
        ### rolebook check

        checked 3 files: 1 error, 1 warning

        | | code | location | message |
        | --- | --- | --- | --- |
        | ❌ | RB101 | `content/roles/clerk.md:4:13` | 'reports\\_to' names unknown role 'a\\|b&lt;script&gt;'<br>note: did you mean 'manager'? (`content/roles/manager.md:1:1`) |
        | ⚠️ | RB207 | `content/roles/clerk.md:10:1` | section '任职资格' is empty |

        """)
        #expect(GitHubStepSummary.markdown([], fileCount: 2) == "### rolebook check\n\nchecked 2 files: 0 errors, 0 warnings\n\n")
    }

    @Test("job summary stays under the byte limit and says how many rows were cut")
    func summaryLimit() {
        let many = (1...500).map { Diagnostic(.emptySection, "section '\($0)' is empty", at: .init(file: "content/roles/a.md", line: $0, column: 1)) }
        let text = GitHubStepSummary.markdown(many, fileCount: 1, byteLimit: 4_000)
        #expect(text.utf8.count <= 4_000)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ⚠️") }.count
        #expect(rows > 10 && rows < 500)
        #expect(text.hasSuffix("\n\(500 - rows) more not listed: the summary is limited to 1 MiB\n"))
        #expect(GitHubStepSummary.markdown(many, fileCount: 1).utf8.count < GitHubStepSummary.byteLimit)
    }

    @Test("how many annotations GitHub will not show")
    func hidden() {
        let errors = (1...13).map { Diagnostic(.unknownReference, "e\($0)", at: .init(file: "f", line: $0, column: 1)) }
        let warnings = (1...4).map { Diagnostic(.emptySection, "w\($0)", at: .init(file: "f", line: $0, column: 1)) }
        #expect(GitHubStepSummary.hidden(errors + warnings) == (3, 0))
        #expect(GitHubStepSummary.hiddenNotice(warnings, summaryWritten: true) == nil)
        #expect(GitHubStepSummary.hiddenNotice(errors + warnings, summaryWritten: true)
                == "GitHub shows at most 10 error and 10 warning annotations per step: 3 errors not shown as annotations; every diagnostic is in the job summary")
        let lots = errors + (1...11).map { Diagnostic(.emptySection, "w\($0)", at: .init(file: "f", line: $0, column: 1)) }
        #expect(GitHubStepSummary.hiddenNotice(lots, summaryWritten: false)
                == "GitHub shows at most 10 error and 10 warning annotations per step: 3 errors and 1 warning not shown as annotations; set GITHUB_STEP_SUMMARY or use --format sarif to see them all")
    }

}
