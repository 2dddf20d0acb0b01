import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Behaviour the docs promise that Sources once failed to deliver. A newly found bug gets a test
/// here, disabled with the reason, until it is fixed. (Tests must not be edited to match the bug.)
@Suite("Known bugs")
struct KnownBugTests {
    @Test("YAML value locations count UTF-8 bytes, as SourceLocation and docs/diagnostics.md promise")
    func yamlValueColumnsCountBytes() throws {
        // `direct_reports: [` is 17 bytes and `店员甲, ` 11 more, so `不存在` starts at byte column 29 (character column 23).
        let tree = RuleFixtures.base.with([
            "roles/manager.md": RuleFixtures.role("title: 运营经理\ndepartment: ops\nreports_to: ceo\ndirect_reports: [店员甲, 不存在]"),
            "roles/clerk.md": RuleFixtures.role("title: 店员甲\ndepartment: ops\nreports_to: manager"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/manager.md:5:29: error[RB101]: 'direct_reports' names unknown role '不存在'"])
    }

    @Test("YAML error columns count UTF-8 bytes")
    func yamlErrorColumnsCountBytes() throws {
        // `title: 店员店员` is 7 + 12 bytes, so the offending `:` is byte column 20 (character column 12).
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员店员: x\ndepartment: ops")]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:20: error[RB003]: front matter is not valid YAML: mapping values are not allowed in this context",
        ])
    }

    @Test("a duplicate front matter key is reported at the duplicate")
    func duplicateKeyLocation() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\ntitle: 收银\nreports_to: manager")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:4:1: error[RB003]: front matter is not valid YAML: duplicate key 'title'"])
    }

    @Test("`validation:` value errors in rolebook.yml are RB011, not RB004")
    func configValueErrorsAreConfigErrors() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "validation:\n  max_span: many\n"]))
        #expect(result.diagnosticLines == ["content/rolebook.yml:2:13: error[RB011]: 'max_span' must be a whole number from 1 to 10000"])
    }

    @Test("a UTF-8 BOM in rolebook.yml is skipped, as in Markdown files")
    func configWithBOM() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "\u{FEFF}title: 手册\nlanguage: en\n"]))
        #expect(result.diagnosticLines == [])
        #expect(result.graph.config.title == "手册")
    }

    @Test("headings listed in docs/content-format.md are built in", arguments: [
        ("Duties", SectionKind.responsibilities), ("工作流程", .routine),
    ])
    func documentedHeadings(heading: String, kind: SectionKind) {
        #expect(SectionVocabulary().kind(of: heading) == kind)
    }

    @Test("Latin titles are mentioned only as whole words ('PA' is not in 'paperwork')")
    func latinMentionsNeedWordBoundaries() throws {
        let tree = RuleFixtures.base.with([
            "roles/pa.md": RuleFixtures.role("title: PA\ndepartment: ops\nreports_to: ceo"),
            "roles/clerk.md": RuleFixtures.role("title: Clerk\ndepartment: ops\nreports_to: manager", body: "## Responsibilities\n\n- Update paperwork\n"),
        ])
        #expect(try buildGraph(tree).mentions == [])
    }
}
