import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Every diagnostic code has a tree that triggers it and a near miss that is clean.
@Suite("Rule fixture coverage")
struct RuleCoverageTests {
    @Test("the base tree is clean")
    func baseIsClean() throws {
        let result = try runCheck(RuleFixtures.base)
        #expect(result.diagnosticLines == [])
        #expect(result.fileCount == 3)
    }

    @Test("every code has a triggering tree and a clean tree", arguments: DiagnosticCode.allCases)
    func everyCodeHasFixtures(code: DiagnosticCode) {
        #expect(RuleFixtures.pairs[code] != nil, "add a fixture pair for \(code.rawValue) to RuleFixtures.pairs")
    }

    @Test("the triggering tree reports the code", arguments: DiagnosticCode.allCases)
    func triggers(code: DiagnosticCode) throws {
        let pair = try #require(RuleFixtures.pairs[code])
        let result = try runCheck(pair.triggers)
        #expect(result.codes.contains(code), "got \(result.diagnosticLines)")
    }

    @Test("the near miss has no diagnostics at all", arguments: DiagnosticCode.allCases)
    func nearMissIsClean(code: DiagnosticCode) throws {
        let pair = try #require(RuleFixtures.pairs[code])
        let result = try runCheck(pair.clean)
        #expect(result.diagnosticLines == [])
    }
}

/// RB0xx: exact output for each file-level problem.
@Suite("File and front matter diagnostics")
struct FileRuleTests {
    @Test("RB001 points at the first invalid byte, counting columns in bytes")
    func invalidUTF8() throws {
        // `summary: 收银` is 9 + 6 bytes, so the 0xFF byte is column 16.
        let result = try runCheck(RuleFixtures.invalidUTF8)
        #expect(result.diagnostics == [
            Diagnostic(.invalidUTF8, "file is not valid UTF-8", at: contentLoc("roles/clerk.md", 3, 16)),
        ])
        #expect(result.graph.roleIndex["clerk"] == nil)
    }

    @Test("RB001 for a multi-byte sequence cut short")
    func truncatedSequence() throws {
        // 0xE5 0x8F starts a three-byte character but a newline follows.
        let tree = RuleFixtures.base.with(raw: "roles/clerk.md", Array("---\ntitle: 店".utf8) + [0xE5, 0x8F] + Array("\n---\n".utf8))
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:2:11: error[RB001]: file is not valid UTF-8"])
    }

    @Test("RB002 when a file does not start with front matter")
    func missingFrontMatter() throws {
        let result = try runCheck(RuleFixtures.missingFrontMatter)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:1:1: error[RB002]: file has no front matter",
            "    note: start the file with a '---' line, then 'title: …', then '---'",
        ])
    }

    @Test("RB003 is located at the YAML error's line and column")
    func invalidYAML() throws {
        let result = try runCheck(RuleFixtures.invalidYAML)
        #expect(result.diagnostics == [
            Diagnostic(.invalidYAML, "front matter is not valid YAML: mapping values are not allowed in this context",
                       at: contentLoc("roles/clerk.md", 3, 16)),
        ])
    }

    @Test("RB002 at the opening line for an unclosed front matter followed by Markdown (issue 12: not RB003 at the body's last line)")
    func unclosedFrontMatter() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": "---\ntitle: 店员\ndepartment: ops\nreports_to: manager\n## 岗位职责\n\n- 收银结账\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:1:1: error[RB002]: front matter is not closed",
            "    note: end the front matter with a '---' line after its last key, before the text",
        ])
    }

    @Test("RB003 when the front matter is a list instead of a mapping")
    func frontMatterNotAMapping() throws {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": "---\n- a\n- b\n---\n"]))
        #expect(result.diagnosticLines == ["content/roles/clerk.md:2:1: error[RB003]: front matter must be a mapping of keys to values"])
    }

    @Test("RB004 for a negative headcount, at the value")
    func invalidHeadcount() throws {
        let result = try runCheck(RuleFixtures.invalidValue)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:5:12: error[RB004]: 'headcount' must be a whole number from 0 to 100000"])
    }

    @Test("RB004 for a `top` that is not a boolean")
    func invalidBool() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: manager\ntop: maybe")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:5:6: error[RB004]: 'top' must be true or false"])
    }

    @Test("RB004 for aliases given as a mapping")
    func invalidList() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: manager\naliases: {a: b}")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:5:10: error[RB004]: 'aliases' must be a list"])
    }

    @Test("RB005 at the file start when `title` is absent")
    func missingTitle() throws {
        let result = try runCheck(RuleFixtures.missingTitle)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:1:1: error[RB005]: role 'clerk' has no title",
            "    note: add 'title: …' to the front matter",
        ])
    }

    @Test("RB005 at the value when `title` is empty")
    func emptyTitle() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: \"  \"\ndepartment: ops\nreports_to: manager")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:8: error[RB005]: role 'clerk' has no title",
            "    note: add 'title: …' to the front matter",
        ])
    }

    @Test("RB006 for an id with a space, with a kebab-case suggestion")
    func invalidID() throws {
        let result = try runCheck(RuleFixtures.invalidID)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:5: error[RB006]: id 'cash desk' contains a space",
            "    note: use letters, digits, '-', '_' or '.', e.g. 'cash-desk'",
        ])
    }

    @Test("RB006 for a file name that is not a safe id, at the file start")
    func invalidFileNameID() throws {
        let tree = RuleFixtures.base.with(["roles/cash desk.md": RuleFixtures.role("title: 收银台\ndepartment: ops\nreports_to: manager")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/cash desk.md:1:1: error[RB006]: id 'cash desk' contains a space",
            "    note: use letters, digits, '-', '_' or '.', e.g. 'cash-desk'",
        ])
    }

    @Test("ids may use any script's letters", arguments: ["收银员", "kassa_2", "v1.2", "店员-甲"])
    func scriptIDsAreValid(id: String) {
        #expect(IDRules.problem(with: id) == nil)
    }

    @Test("unsafe ids are named precisely", arguments: [
        ("", "is empty"), ("a/b", "contains a slash"), ("a..b", "contains '..'"), (".hidden", "starts with '.'"),
        ("a b", "contains a space"), ("a+b", "contains '+'"),
    ])
    func unsafeIDs(id: String, problem: String) {
        #expect(IDRules.problem(with: id) == problem)
    }

    @Test("RB007 at the second file, with a note at the file that keeps the id")
    func duplicateID() throws {
        let result = try runCheck(RuleFixtures.duplicateID)
        #expect(result.diagnostics == [
            Diagnostic(.duplicateID, "duplicate role id 'clerk'", at: contentLoc("roles/warehouse/clerk.md", 1, 1),
                       notes: [Diagnostic.Note("'clerk' is already used here", at: contentLoc("roles/store/clerk.md", 1, 1))]),
        ])
        let kept = try result.graph.indexOfRole("clerk")
        #expect(result.graph.roles[kept].header.path == "roles/store/clerk.md")
    }

    @Test("RB008 for an unknown kind, with a suggestion")
    func unknownKind() throws {
        let result = try runCheck(RuleFixtures.unknownKind)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:7: error[RB008]: unknown kind 'rol'",
            "    note: did you mean 'role'?",
        ])
    }

    @Test("RB009 for a file outside roles/, departments/ and procedures/ without `kind`")
    func noKind() throws {
        let result = try runCheck(RuleFixtures.noKind)
        #expect(result.diagnosticLines == [
            "content/guides/clerk.md:1:1: error[RB009]: cannot tell whether this file is a role, a department or a procedure",
            "    note: add 'kind: role' (or department, procedure), or move it under a roles/, departments/ or procedures/ folder",
        ])
    }

    @Test("the nearest enclosing kind folder decides the kind")
    func nearestFolderWins() throws {
        let content = try loadTree(["departments/procedures/open.md": "---\ntitle: 开店\n---\n"])
        #expect(content.entities.map(\.kind) == [.procedure])
    }

    @Test("RB010 for an empty or blank file", arguments: ["", "  \n\n", "\u{FEFF}"])
    func emptyFile(text: String) throws {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": text]))
        #expect(result.diagnosticLines == ["content/roles/clerk.md:1:1: error[RB010]: file is empty"])
    }

    @Test("RB011 for an unsupported language in rolebook.yml")
    func invalidLanguage() throws {
        let result = try runCheck(RuleFixtures.invalidConfig)
        #expect(result.diagnosticLines == [
            "content/rolebook.yml:2:11: error[RB011]: unsupported language 'fr'",
            "    note: use zh-CN, zh-TW or en",
        ])
        #expect(result.graph.config.language == "zh-CN")
    }

    @Test("RB011 for invalid YAML in rolebook.yml")
    func invalidConfigYAML() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "title: [手册\n"]))
        #expect(result.diagnosticLines == [
            "content/rolebook.yml:2:1: error[RB011]: rolebook.yml is not valid YAML: while parsing a flow sequence; did not find expected ',' or ']'",
        ])
    }

    @Test("RB011 for a wrongly typed top-level setting")
    func invalidConfigValue() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "title: [a, b]\n"]))
        #expect(result.diagnosticLines == ["content/rolebook.yml:1:8: error[RB011]: 'title' must be a single value"])
    }

    @Test("RB011 for an unknown section kind under `sections:`")
    func unknownSectionKind() throws {
        let result = try runCheck(RuleFixtures.base.with(["rolebook.yml": "sections:\n  dutiez: [岗位任务]\n"]))
        #expect(result.diagnosticLines == [
            "content/rolebook.yml:2:3: error[RB011]: unknown section 'dutiez'",
            "    note: sections are: summary, responsibilities, qualifications, kpis, authority, hours, standards, relations, duties, routine",
        ])
    }
}

/// RB1xx: references and structure.
@Suite("Reference and structure diagnostics")
struct StructureRuleTests {
    @Test("RB101 for a typo in reports_to, with a 'did you mean' note at the intended role's file")
    func unknownReferenceSuggestsID() throws {
        let result = try runCheck(RuleFixtures.unknownReference)
        #expect(result.diagnostics == [
            Diagnostic(.unknownReference, "'reports_to' names unknown role 'manger'", at: contentLoc("roles/clerk.md", 4, 13),
                       notes: [Diagnostic.Note("did you mean 'manager'?", at: contentLoc("roles/manager.md", 1, 1))]),
        ])
    }

    @Test("RB101 for a typo in a title, with the note at that title naming the id")
    func unknownReferenceSuggestsTitle() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: 运营金理")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:4:13: error[RB101]: 'reports_to' names unknown role '运营金理'",
            "    content/roles/manager.md:2:8: note: did you mean '运营经理' (id 'manager')?",
        ])
    }

    @Test("RB101 without a note when nothing is close")
    func unknownReferenceWithoutSuggestion() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: warehouse-director")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:4:13: error[RB101]: 'reports_to' names unknown role 'warehouse-director'"])
    }

    @Test("RB101 for an unknown department")
    func unknownDepartment() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: opz\nreports_to: manager")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:3:13: error[RB101]: 'department' names unknown department 'opz'",
            "    content/departments/ops.md:1:1: note: did you mean 'ops'?",
        ])
    }

    @Test("RB101 for every entry of a list that names nothing")
    func unknownInList() throws {
        let tree = RuleFixtures.base.with(["procedures/open.md": RuleFixtures.openProcedure.replacingOccurrences(of: "owner: manager", with: "owner: manager\nroles: [clerk, ceo]")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/procedures/open.md:4:9: error[RB101]: 'roles' names unknown role 'clerk'"])
    }

    @Test("a reference by title or alias resolves when it names one role")
    func referenceByTitle() throws {
        let tree = RuleFixtures.base.with([
            "roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: 运营部\nreports_to: 运营经理\ndotted_line_to: [老板]"),
            "roles/ceo.md": RuleFixtures.role("title: 总经理\ndepartment: ops\ntop: true\naliases: [老板]", body: "## 岗位职责\n\n- 制定公司战略\n"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        let g = result.graph
        let (clerk, manager, ceo, ops) = (try g.indexOfRole("clerk"), try g.indexOfRole("manager"), try g.indexOfRole("ceo"), try g.indexOfDepartment("ops"))
        #expect(g.superior[clerk] == manager)
        #expect(g.dotted[clerk] == [ceo])
        #expect(g.roleDepartment[clerk] == ops)
        #expect(g.dottedReports[ceo] == [clerk])
    }

    @Test("a title reference matches across traditional and simplified script")
    func referenceAcrossScripts() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: 運營經理")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        let (clerk, manager) = (try result.graph.indexOfRole("clerk"), try result.graph.indexOfRole("manager"))
        #expect(result.graph.superior[clerk] == manager)
    }

    @Test("an id wins over another role's title")
    func idWinsOverTitle() throws {
        // `manager` is also the title of `deputy`; the id still names the role `manager`.
        let tree = RuleFixtures.base.with([
            "roles/deputy.md": RuleFixtures.role("title: manager\ndepartment: ops\nreports_to: ceo"),
            "roles/clerk.md": RuleFixtures.clerk,
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        let (clerk, manager) = (try result.graph.indexOfRole("clerk"), try result.graph.indexOfRole("manager"))
        #expect(result.graph.superior[clerk] == manager)
    }

    @Test("RB102 for a title shared by two roles, with notes at both titles")
    func ambiguousTitle() throws {
        let result = try runCheck(RuleFixtures.ambiguousReference)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:4:13: error[RB102]: 'reports_to' name '主管' matches 2 roles",
            "    content/roles/shift-a.md:2:8: note: could be 'shift-a'",
            "    content/roles/shift-b.md:2:8: note: could be 'shift-b'",
            "    note: write the role's id instead of its title",
        ])
        let clerk = try result.graph.indexOfRole("clerk")
        #expect(result.graph.superior[clerk] == nil)
    }

    @Test("RB103 reports a cycle of three once, with notes at the two other members")
    func cycleOfThree() throws {
        let result = try runCheck(RuleFixtures.cycleOfThree)
        #expect(result.diagnostics == [
            Diagnostic(.reportingCycle, "reporting lines form a cycle: a → b → c → a", at: contentLoc("roles/a.md", 4, 13), notes: [
                Diagnostic.Note("'b' reports to 'c' here", at: contentLoc("roles/b.md", 4, 13)),
                Diagnostic.Note("'c' reports to 'a' here", at: contentLoc("roles/c.md", 4, 13)),
            ]),
        ])
    }

    @Test("RB103 names the cycle from the member whose reports_to comes first")
    func cycleLocatedAtFirstFile() throws {
        // Roles x → y → x plus a tail z → x: only x and y are in the cycle.
        let tree = RuleFixtures.base.with([
            "roles/y.md": RuleFixtures.role("title: 乙\ndepartment: ops\nreports_to: x"),
            "roles/x.md": RuleFixtures.role("title: 甲\ndepartment: ops\nreports_to: y"),
            "roles/z.md": RuleFixtures.role("title: 丙\ndepartment: ops\nreports_to: x"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/x.md:4:13: error[RB103]: reporting lines form a cycle: x → y → x",
            "    content/roles/y.md:4:13: note: 'y' reports to 'x' here",
        ])
    }

    @Test("RB104 for a role that reports to itself, and no cycle")
    func selfReport() throws {
        let result = try runCheck(RuleFixtures.selfReport)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:4:13: error[RB104]: role 'clerk' reports to itself"])
        let clerk = try result.graph.indexOfRole("clerk")
        #expect(result.graph.subordinates[clerk] == [])
    }

    @Test("RB105 at the title of a role without reports_to or top")
    func missingSuperior() throws {
        let result = try runCheck(RuleFixtures.missingSuperior)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:8: error[RB105]: role 'clerk' has no 'reports_to' and is not 'top: true'",
            "    note: add 'reports_to: <role id>', or 'top: true' for the head of the organisation",
        ])
    }

    @Test("RB106 when direct_reports lists a role that reports elsewhere")
    func listedButReportsElsewhere() throws {
        let result = try runCheck(RuleFixtures.directReportMismatch)
        #expect(result.diagnosticLines == [
            "content/roles/manager.md:5:18: error[RB106]: 'manager' lists 'clerk' as a direct report, but 'clerk' reports to 'ceo'",
            "    content/roles/clerk.md:4:13: note: 'clerk' sets its superior here",
        ])
    }

    @Test("RB106 when a listed role has no superior at all")
    func listedButTop() throws {
        let tree = RuleFixtures.directReportMismatch.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\ntop: true")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/manager.md:5:18: error[RB106]: 'manager' lists 'clerk' as a direct report, but 'clerk' reports to no one",
            "    content/roles/clerk.md:2:8: note: 'clerk' sets its superior here",
        ])
    }

    @Test("RB107 when a role reports to a superior whose direct_reports omit it")
    func reportsButNotListed() throws {
        let result = try runCheck(RuleFixtures.unlistedDirectReport)
        #expect(result.diagnosticLines == [
            "content/roles/cashier.md:4:13: error[RB107]: 'cashier' reports to 'manager', which does not list it in 'direct_reports'",
            "    content/roles/manager.md:5:18: note: 'manager' lists its direct reports here",
        ])
    }

    @Test("RB107 for every report when direct_reports is an empty list")
    func emptyDirectReports() throws {
        let tree = RuleFixtures.unlistedDirectReport.with([
            "roles/manager.md": RuleFixtures.role("title: 运营经理\ndepartment: ops\nreports_to: ceo\ndirect_reports: []", body: "## 岗位职责\n\n- 管理日常运营\n"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/cashier.md:4:13: error[RB107]: 'cashier' reports to 'manager', which does not list it in 'direct_reports'",
            "    content/roles/manager.md:2:8: note: 'manager' lists its direct reports here",
            "content/roles/clerk.md:4:13: error[RB107]: 'clerk' reports to 'manager', which does not list it in 'direct_reports'",
            "    content/roles/manager.md:2:8: note: 'manager' lists its direct reports here",
        ])
    }

    @Test("RB108 when a department's head belongs to another department")
    func headOutsideDepartment() throws {
        let result = try runCheck(RuleFixtures.headOutsideDepartment)
        #expect(result.diagnosticLines == [
            "content/departments/store.md:3:7: error[RB108]: head 'manager' of 'store' belongs to 'ops'",
            "    content/roles/manager.md:3:13: note: 'manager' sets its department here",
        ])
    }

    @Test("RB109 for a link to a missing .md file, suggesting the closest file")
    func brokenLink() throws {
        let result = try runCheck(RuleFixtures.brokenLink)
        #expect(result.diagnosticLines == [
            "content/roles/ceo.md:8:3: error[RB109]: link to 'manger.md' points to no content file",
            "    note: did you mean 'manager.md'?",
        ])
        #expect(result.graph.links == [])
    }

    @Test("RB109 suggests a relative path into another folder")
    func brokenLinkAcrossFolders() throws {
        let tree = RuleFixtures.base.with([
            "roles/ceo.md": RuleFixtures.role("title: 总经理\ndepartment: ops\ntop: true", body: "## 岗位职责\n\n- 领导[运营部](ops.md)\n"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/ceo.md:8:3: error[RB109]: link to 'ops.md' points to no content file",
            "    note: did you mean '../departments/ops.md'?",
        ])
    }

    @Test("links to non-Markdown files, anchors and web pages are not checked")
    func nonContentLinks() throws {
        let tree = RuleFixtures.base.with([
            "roles/ceo.md": RuleFixtures.role("title: 总经理\ndepartment: ops\ntop: true",
                                               body: "## 岗位职责\n\n- 见[手册](handbook.pdf)、[考核](#kpis)与[官网](https://example.com/a.md)\n"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        #expect(result.graph.links == [])
    }

    @Test("a link to a file that exists but failed to parse is not broken")
    func linkToUnparsedFile() throws {
        let tree = RuleFixtures.workingLink.with(["roles/manager.md": "# 没有 front matter\n"])
        let result = try runCheck(tree)
        #expect(result.codes == [.missingFrontMatter])
    }

    @Test("RB110 reports a department parent cycle once")
    func departmentCycle() throws {
        let result = try runCheck(RuleFixtures.departmentCycle)
        #expect(result.diagnosticLines == [
            "content/departments/east.md:3:9: error[RB110]: department parents form a cycle: east → west → east",
            "    content/departments/west.md:3:9: note: 'west' sets its parent here",
        ])
    }

    @Test("RB111 at the title of a role without a department")
    func missingDepartment() throws {
        let result = try runCheck(RuleFixtures.missingDepartment)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:8: error[RB111]: role 'clerk' has no department",
            "    note: add 'department: <department id>'",
        ])
    }

    @Test("RB112 at reports_to of a role that is also top")
    func topWithSuperior() throws {
        let result = try runCheck(RuleFixtures.topWithSuperior)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:5:13: error[RB112]: role 'clerk' is 'top: true' but reports to 'manager'",
            "    note: remove 'reports_to' or 'top'",
        ])
    }
}

/// RB2xx: warnings.
@Suite("Warnings")
struct WarningRuleTests {
    @Test("RB201 when a role has more direct reports than max_span")
    func spanOfControl() throws {
        let result = try runCheck(RuleFixtures.spanOfControl)
        #expect(result.diagnosticLines == [
            "content/roles/ceo.md:2:8: warning[RB201]: 'ceo' has 2 direct reports, more than 1",
            "    note: raise 'validation.max_span' in rolebook.yml, or add a management layer",
        ])
        #expect(result.graph.config.maxSpan == 1)
    }

    @Test("RB201 uses the default max_span of 12 without rolebook.yml")
    func defaultSpan() throws {
        var changes: [String: String?] = [:]
        for i in 1...13 {
            changes["roles/clerk-\(i).md"] = RuleFixtures.role("title: 店员\(i)号\ndepartment: ops\nreports_to: manager")
        }
        let result = try runCheck(RuleFixtures.base.with(changes))
        #expect(result.diagnosticLines == [
            "content/roles/manager.md:2:8: warning[RB201]: 'manager' has 13 direct reports, more than 12",
            "    note: raise 'validation.max_span' in rolebook.yml, or add a management layer",
        ])
    }

    @Test("RB202 once per chain, at the first role past max_depth")
    func chainTooDeep() throws {
        let result = try runCheck(RuleFixtures.chainTooDeep)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:4:13: warning[RB202]: 'clerk' is 2 levels below the top, deeper than 1",
            "    note: chain: ceo → manager → clerk",
        ])
    }

    @Test("RB202 is not repeated for roles further down the same chain")
    func chainReportedOnce() throws {
        let tree = RuleFixtures.chainTooDeep.with(["roles/trainee.md": RuleFixtures.role("title: 实习生\ndepartment: ops\nreports_to: clerk")])
        let result = try runCheck(tree)
        #expect(result.codes == [.chainTooDeep])
    }

    @Test("RB203 when a non-head role reports into another department")
    func crossDepartmentSuperior() throws {
        let result = try runCheck(RuleFixtures.crossDepartmentSuperior)
        #expect(result.diagnosticLines == [
            "content/roles/cashier.md:4:13: warning[RB203]: 'cashier' in 'store' reports to 'manager' in 'ops' but is not its department's head",
            "    content/departments/store.md:4:7: note: make it the head of 'store', move it, or use 'dotted_line_to' for a functional line",
        ])
    }

    @Test("RB204 when positions plan another count than the role's headcount")
    func positionsCount() throws {
        let result = try runCheck(RuleFixtures.positionsMismatch)
        #expect(result.diagnosticLines == [
            "content/departments/ops.md:6:3: warning[RB204]: 'positions' plans 2 for 'manager', but its headcount is 1",
            "    content/roles/manager.md:2:8: note: headcount set here",
        ])
    }

    @Test("RB204 when positions omit a role of the department")
    func positionsOmitRole() throws {
        let result = try runCheck(RuleFixtures.base.with(RuleFixtures.opsWithPositions("  ceo: 1")))
        #expect(result.diagnosticLines == [
            "content/departments/ops.md:5:3: warning[RB204]: 'positions' of 'ops' omits its role 'manager'",
            "    content/roles/manager.md:2:8: note: role defined here",
        ])
    }

    @Test("RB204 when positions list a role of another department")
    func positionsForeignRole() throws {
        let tree = RuleFixtures.base.with(RuleFixtures.store).with(RuleFixtures.opsWithPositions("  ceo: 1\n  manager: 1\n  店长: 1"))
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/departments/ops.md:7:3: warning[RB204]: 'positions' lists 'store-lead', which is not in 'ops'",
            "    content/roles/store-lead.md:3:13: note: 'store-lead' sets its department here",
        ])
    }

    @Test("RB204 notes point at an explicit headcount")
    func positionsNoteAtHeadcount() throws {
        let tree = RuleFixtures.positionsMismatch.with([
            "roles/manager.md": RuleFixtures.role("title: 运营经理\ndepartment: ops\nreports_to: ceo\nheadcount: 3", body: "## 岗位职责\n\n- 管理日常运营\n"),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/departments/ops.md:6:3: warning[RB204]: 'positions' plans 2 for 'manager', but its headcount is 3",
            "    content/roles/manager.md:5:12: note: headcount set here",
        ])
    }

    @Test("RB205 at the headcount of a vacant role with reports")
    func vacantWithReports() throws {
        let result = try runCheck(RuleFixtures.vacantWithReports)
        #expect(result.diagnosticLines == [
            "content/roles/manager.md:5:12: warning[RB205]: vacant role 'manager' has 1 direct report(s)",
            "    content/roles/clerk.md:4:13: note: 'clerk' reports to it",
        ])
    }

    @Test("RB206 for a role whose body has no responsibilities list")
    func noResponsibilities() throws {
        let result = try runCheck(RuleFixtures.noResponsibilities)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:8: warning[RB206]: role 'clerk' has no '岗位职责' section",
            "    note: add a '## 岗位职责' (or '## Responsibilities') section with a list",
        ])
    }

    @Test("RB206 when the responsibilities section is prose only")
    func responsibilitiesAsProse() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: "## 岗位职责\n\n负责收银。\n")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:6:1: warning[RB206]: section '岗位职责' has text but no list items",
            "    note: start each responsibility on a line of its own with '1、', '（1）', '①' or '- '",
        ])
    }

    @Test("RB207 at the heading of an empty section")
    func emptySection() throws {
        let result = try runCheck(RuleFixtures.emptySection)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:10:1: warning[RB207]: section '任职资格' is empty"])
    }

    @Test("RB207 for a department section directly followed by another heading")
    func emptyDepartmentSection() throws {
        let tree = RuleFixtures.base.with(["departments/ops.md": "---\ntitle: 运营部\nhead: ceo\n---\n## 部门职责\n## 工作关系\n\n向董事会汇报。\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/departments/ops.md:5:1: warning[RB207]: section '部门职责' is empty"])
    }

    @Test("RB208 for a misspelt key, suggesting the right one")
    func unknownKey() throws {
        let result = try runCheck(RuleFixtures.unknownKey)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:8: error[RB105]: role 'clerk' has no 'reports_to' and is not 'top: true'",
            "    note: add 'reports_to: <role id>', or 'top: true' for the head of the organisation",
            "content/roles/clerk.md:4:1: warning[RB208]: unknown key 'report_to' for a role",
            "    note: did you mean 'reports_to'?",
        ])
    }

    @Test("RB208 depends on the kind: `head` is a department key, not a role key")
    func unknownKeyPerKind() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.role("title: 店员\ndepartment: ops\nreports_to: manager\nhead: ceo")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == ["content/roles/clerk.md:5:1: warning[RB208]: unknown key 'head' for a role"])
    }

    @Test("RB209 at the title of a procedure without any list")
    func procedureWithoutSteps() throws {
        let result = try runCheck(RuleFixtures.procedureWithoutSteps)
        #expect(result.diagnosticLines == [
            "content/procedures/open.md:2:8: warning[RB209]: procedure 'open' has no steps",
            "    note: write the steps as a numbered list",
        ])
    }

    @Test("RB210 at the heading of a phase without steps")
    func emptyPhase() throws {
        let result = try runCheck(RuleFixtures.emptyPhase)
        #expect(result.diagnosticLines == ["content/procedures/open.md:10:1: warning[RB210]: phase '打烊前' of procedure 'open' has no steps"])
    }

    @Test("RB211 for an unknown frequency, listing the known ones")
    func unknownFrequency() throws {
        let result = try runCheck(RuleFixtures.unknownFrequency)
        #expect(result.diagnosticLines == [
            "content/procedures/open.md:4:12: warning[RB211]: unknown frequency 'hourly'",
            "    note: use one of: per shift, daily, weekly, monthly, on demand",
        ])
    }

    @Test("frequencies parse in English and Chinese", arguments: [
        ("daily", Frequency.daily), ("每日", .daily), ("Weekly", .weekly), ("每周", .weekly), ("monthly", .monthly),
        ("每月", .monthly), ("per shift", .perShift), ("per-shift", .perShift), ("每班", .perShift), ("on demand", .onDemand), ("按需", .onDemand),
    ])
    func frequencies(text: String, expected: Frequency) {
        #expect(Frequency(parsing: text) == expected)
    }

    @Test("RB212 for a raw HTML block")
    func rawHTMLBlock() throws {
        let result = try runCheck(RuleFixtures.rawHTML)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:10:1: warning[RB212]: raw HTML block is not rendered",
            "    note: write it as Markdown instead",
        ])
    }

    @Test("RB212 for each inline HTML tag, at its paragraph")
    func rawHTMLInline() throws {
        let tree = RuleFixtures.base.with(["roles/clerk.md": RuleFixtures.clerk(body: "## 岗位职责\n\n- 收银<b>结账</b>\n")])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:8:3: warning[RB212]: raw HTML '</b>' is not rendered",
            "content/roles/clerk.md:8:3: warning[RB212]: raw HTML '<b>' is not rendered",
        ])
    }

    @Test("RB213 at the title of a department without roles or sub-departments")
    func emptyDepartment() throws {
        let result = try runCheck(RuleFixtures.emptyDepartment)
        #expect(result.diagnosticLines == ["content/departments/store.md:2:8: warning[RB213]: department 'store' has no roles and no sub-departments"])
    }

    @Test("a department with only a sub-department is not empty")
    func departmentWithChild() throws {
        let tree = RuleFixtures.base.with(RuleFixtures.store).with(["departments/retail.md": "---\ntitle: 零售\nparent: ops\n---\n## 部门职责\n\n- 零售业务\n"])
            .with(["departments/store.md": "---\ntitle: 门店\nparent: retail\nhead: store-lead\n---\n## 部门职责\n\n- 门店销售\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
    }
}

/// Codes and severities are part of the public contract.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test("codes are never renumbered")
    func stableCodes() {
        #expect(DiagnosticCode.allCases.map(\.rawValue) == [
            "RB001", "RB002", "RB003", "RB004", "RB005", "RB006", "RB007", "RB008", "RB009", "RB010", "RB011", "RB012", "RB013", "RB014",
            "RB101", "RB102", "RB103", "RB104", "RB105", "RB106", "RB107", "RB108", "RB109", "RB110", "RB111", "RB112",
            "RB201", "RB202", "RB203", "RB204", "RB205", "RB206", "RB207", "RB208", "RB209", "RB210", "RB211", "RB212", "RB213", "RB214",
        ])
    }

    static let warnings: Set<DiagnosticCode> = [
        .spanOfControl, .chainTooDeep, .crossDepartmentSuperior, .positionsMismatch, .vacantWithReports, .noResponsibilities,
        .emptySection, .unknownKey, .procedureWithoutSteps, .emptyPhase, .unknownFrequency, .rawHTML, .emptyDepartment,
        .nestingFlattened,
    ]

    @Test("RB0xx and RB1xx are errors, RB2xx warnings", arguments: DiagnosticCode.allCases)
    func severity(code: DiagnosticCode) {
        let expected: Diagnostic.Severity = Self.warnings.contains(code) ? .warning : .error
        #expect(code.severity == expected)
        #expect(Diagnostic(code, "m", at: contentLoc("a.md", 1, 1)).severity == expected)
    }

    @Test("every code has a one-line summary", arguments: DiagnosticCode.allCases)
    func summary(code: DiagnosticCode) {
        #expect(!code.summary.isEmpty)
        #expect(!code.summary.contains("\n"))
    }
}
