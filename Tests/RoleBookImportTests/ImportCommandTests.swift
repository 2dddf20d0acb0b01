import ArgumentParser
import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookCLI
@testable import RoleBookImport

@Suite struct ImportCommandTests {
    /// The org fixture: a UTF-8 text file and a Markdown page with the sources' usual inconsistencies.
    @Test func goldenReportOfAnOrganisation() throws {
        let p = plan(["org/warehouse.txt", "org/clerk.md"])
        #expect(p.roles.map(\.id) == ["cangchubujingli", "cangchuzhuguan", "chachesiji", "lihuoyuan", "cangchuwenyuan"])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, result) = try loadWritten(p, into: folder)
        let summary = DiagnosticFormatter(format: .text).report(result.diagnostics, fileCount: result.fileCount)
        try expectGolden(ImportReport.render(p, written: p.files.map(\.path), kept: [], checkSummary: summary), "org-report.md")

        // Document control goes into front matter, the date normalised.
        let clerk = try #require(roleFile(p, "cangchuwenyuan"))
        #expect(clerk.contains("document: \"WH-JD-07\"\nversion: \"A/1\"\neffective: \"2024-03-01\"\n"))
        // reports_to resolved by title across scripts (倉儲主管 → 仓储主管).
        #expect(roleFile(p, "lihuoyuan")?.contains("reports_to: cangchuzhuguan\n") == true)
        let problems = p.notes.filter { $0.kind == .problem }.map(\.message)
        #expect(problems.contains("直接上级 '仓储部主管' of '叉车司机' names no imported role: kept as written; did you mean '仓储主管'?"))
        #expect(problems.contains("直接下级 '安全员' of '仓储部经理' names no imported role"))
        #expect(problems.contains { $0.hasPrefix("直接下级 of '仓储主管' lists '叉车司机', whose own 直接上级 is '仓储部主管'") })
        // The only errors left are the sources' own: superiors that are not imported.
        #expect(Set(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)) == ["RB101"])
    }

    @Test func exitStatusesOverwriteAndTheReportIsNotContent() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let clean = fixture("layouts/several-jds.txt").path
        // Problems in the sources (no superiors): exit 1, files and report written.
        #expect(throws: ExitCode.failure) { try Import.parse([clean, "-o", out.path]).run() }
        let report = try String(contentsOf: out.appendingPathComponent("import-report.md"), encoding: .utf8)
        #expect(report.hasPrefix(ContentLoader.notContentMarker))
        #expect(report.contains("## rolebook check"))
        let role = out.appendingPathComponent("roles/siji.md")
        #expect(FileManager.default.fileExists(atPath: role.path))
        // The report is skipped by the loader: check sees only role and department files.
        let loaded = try ContentLoader(root: out).load()
        #expect(loaded.entities.count == 6)
        #expect(!loaded.diagnostics.contains { $0.location.file.hasSuffix("import-report.md") == true })

        // Existing files are kept unless --force.
        try Data("edited by hand\n".utf8).write(to: role)
        #expect(throws: ExitCode.failure) { try Import.parse([clean, "-o", out.path]).run() }
        #expect(try String(contentsOf: role, encoding: .utf8) == "edited by hand\n")
        #expect(try String(contentsOf: out.appendingPathComponent("import-report.md"), encoding: .utf8).contains("## Files kept"))
        #expect(throws: ExitCode.failure) { try Import.parse([clean, "-o", out.path, "--force"]).run() }
        #expect(try String(contentsOf: role, encoding: .utf8).hasPrefix("---\ntitle: \"司机\""))

        // Unreadable input: exit 2.
        #expect(throws: ExitCode(2)) { try Import.parse([fixture("layouts/old.doc").path, "-o", out.path]).run() }
        #expect(throws: ExitCode(2)) { try Import.parse(["/nonexistent/\(UUID().uuidString).txt", "-o", out.path]).run() }
        #expect(throws: (any Error).self) { try Import.parse([clean, "-o", out.path, "--encoding", "latin1"]) }
    }

    @Test func everythingImportedExitsZero() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let source = out.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data("岗位名称：总经理\n所属部门：总经办\n岗位职责：\n1、主持全面工作。\n".utf8).write(to: source.appendingPathComponent("ceo.txt"))
        try Data("岗位名称：行政专员\n所属部门：总经办\n直接上级：总经理\n岗位职责：\n1、管理办公用品。\n".utf8)
            .write(to: source.appendingPathComponent("admin.txt"))
        // The one role with no superior, whom the others report to, heads the organisation.
        try Import.parse([source.path, "-o", out.appendingPathComponent("c").path]).run()
        let ceo = try String(contentsOf: out.appendingPathComponent("c/roles/zongjingli.md"), encoding: .utf8)
        #expect(ceo.contains("top: true\n"))
        #expect(try String(contentsOf: out.appendingPathComponent("c/roles/xingzhengzhuanyuan.md"), encoding: .utf8).contains("reports_to: zongjingli\n"))
    }
}
