import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

extension GoldenFile {
    /// `check` of the fixture tree `Fixtures/<fixture>/content`, as the CLI shows its paths.
    static func check(fixture: String) throws -> Checker.Result {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let root = fixtures.appendingPathComponent("\(fixture)/content", isDirectory: true)
        return try Checker(loader: ContentLoader(root: root, displayRoot: "content")).run()
    }

    /// The text report of a check in one language, against `Golden/<name>.<language>.txt`.
    static func expectText(_ r: Checker.Result, in language: DiagnosticLanguage, matches name: String,
                           filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let report = DiagnosticFormatter(format: .text, language: language).report(r.diagnostics, fileCount: r.fileCount)
        try expect(report, matches: "\(name).\(language.rawValue)", "txt", in: .module, filePath: filePath, sourceLocation: sourceLocation)
    }
}

/// One fixture tree with several problems, printed as text, JSON and GitHub commands.
@Suite("Golden check output")
struct GoldenTests {
    static func result() throws -> Checker.Result { try GoldenFile.check(fixture: "golden") }

    @Test("text")
    func text() throws {
        let r = try Self.result()
        try GoldenFile.expect(DiagnosticFormatter(format: .text).report(r.diagnostics, fileCount: r.fileCount), matches: "check", "txt", in: .module)
    }

    @Test("json")
    func json() throws {
        let r = try Self.result()
        try GoldenFile.expect(DiagnosticFormatter(format: .json).report(r.diagnostics, fileCount: r.fileCount), matches: "check", "json", in: .module)
    }

    @Test("github")
    func github() throws {
        let r = try Self.result()
        try GoldenFile.expect(DiagnosticFormatter(format: .github).report(r.diagnostics, fileCount: r.fileCount), matches: "check-github", "txt", in: .module)
    }

    @Test("the fixture has errors and warnings from several rules")
    func spread() throws {
        let r = try Self.result()
        #expect(r.fileCount == 12)
        #expect(r.diagnostics.errorCount == 7)
        #expect(r.diagnostics.warningCount == 6)
        #expect(Set(r.codes) == [.missingFrontMatter, .invalidYAML, .invalidValue, .unknownReference, .reportingCycle, .headOutsideDepartment,
                                 .brokenLink, .spanOfControl, .emptySection, .unknownKey, .emptyPhase, .unknownFrequency, .rawHTML])
    }
}

/// A department written from scratch the way HR writes one, with the usual mistakes (a
/// full-width colon, a tab, a list without brackets, an empty item, files saved as GBK and
/// Big5, typos in a superior's title), checked in each language diagnostics are written in.
@Suite("Golden check output for HR, in every language")
struct HRMistakesGoldenTests {
    static func result() throws -> Checker.Result { try GoldenFile.check(fixture: "hr-mistakes") }

    @Test("text", arguments: DiagnosticLanguage.allCases)
    func text(_ language: DiagnosticLanguage) throws {
        try GoldenFile.expectText(try Self.result(), in: language, matches: "check-hr")
    }

    @Test("every mistake is reported once, in its own file, and nothing else is")
    func onePerMistake() throws {
        let r = try Self.result()
        #expect(r.fileCount == 11)
        #expect(r.diagnostics.warningCount == 0)
        // The files that could not be read are named by others (department, direct_reports,
        // reports_to): none of those references is reported as unknown.
        #expect(r.diagnostics.filter { $0.code == .unknownReference }.map(\.location.file) == [
            "content/hotel/roles/hk-manager.md", "content/hotel/roles/hk-manager.md",
        ])
        #expect(!r.rendered.contains("property-tw/roles/cs-manager.md"), "no suggestion from the other company")
    }
}
