import ArgumentParser
import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookCLI
import RoleBookTestSupport
import RoleBookTestHarness

// The command halves of suites in lower test targets (rolebook new, print, diff, export): they
// parse arguments and run the ParsableCommand, which only RoleBookCLI declares.

/// `rolebook new`: the template written, the superior's list edited, exit statuses.
@Suite("rolebook new: the command", .offPool)
struct NewCommandTests {
    static let tree = RuleFixtures.base.with([
        "roles/manager.md": """
        ---
        title: 运营经理
        department: ops
        reports_to: ceo
        direct_reports: [] # listed by hand
        ---
        ## 岗位职责

        - 管理日常运营
        """,
    ])

    func run(_ arguments: [String]) throws {
        var command = try RoleBookCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test("new role: writes the template, adds the id to the superior's list, checks clean")
    func newRole() throws {
        try withContent(Self.tree) { root in
            let before = try String(contentsOf: root.appendingPathComponent("roles/manager.md"), encoding: .utf8)
            try run(["new", "role", "--title", "收银员", "--department", "运营部", "--reports-to", "运营经理", "--content", root.path])
            let created = try String(contentsOf: root.appendingPathComponent("roles/shou-yin-yuan.md"), encoding: .utf8)
            #expect(created.hasPrefix("---\ntitle: 收银员\ndepartment: ops\nreports_to: manager\n"))
            let after = try String(contentsOf: root.appendingPathComponent("roles/manager.md"), encoding: .utf8)
            #expect(after == before.replacingOccurrences(of: "direct_reports: []", with: "direct_reports: [shou-yin-yuan]"))
            let check = try Checker(loader: testLoader(root)).run()
            #expect(!check.diagnostics.containsErrors, "\(check.rendered)")
            #expect(check.graph.subordinates[try check.graph.indexOfRole("manager")].map { check.graph.roles[$0].id } == ["shou-yin-yuan"])
        }
    }

    @Test("an unknown reference: exit 1, nothing written, nothing edited")
    func unknownReference() throws {
        try withContent(Self.tree) { root in
            let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
            let manager = try Data(contentsOf: root.appendingPathComponent("roles/manager.md"))
            #expect(throws: ExitCode.failure) {
                try run(["new", "role", "clerk", "--title", "店员", "--department", "ops", "--reports-to", "manger", "--content", root.path])
            }
            #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before)
            #expect(try Data(contentsOf: root.appendingPathComponent("roles/manager.md")) == manager)
        }
    }

    @Test("an existing id or file is never overwritten")
    func neverOverwrites() throws {
        try withContent(Self.tree.with(["roles/_draft.md": "draft"])) { root in
            #expect(throws: ExitCode.failure) {
                try run(["new", "role", "manager", "--title", "X", "--department", "ops", "--reports-to", "ceo", "--content", root.path])
            }
            // `_draft.md` is skipped by the loader, so only the file system knows it is there.
            #expect(throws: ExitCode.failure) {
                try run(["new", "role", "_draft", "--title", "X", "--department", "ops", "--reports-to", "ceo", "--content", root.path])
            }
            let draft = try String(contentsOf: root.appendingPathComponent("roles/_draft.md"), encoding: .utf8)
            #expect(draft == "draft")
        }
    }

    @Test("new department and procedure; usage errors for missing or misplaced options")
    func otherKinds() throws {
        try withContent(Self.tree) { root in
            try run(["new", "department", "shop", "--title", "门店", "--department", "ops", "--content", root.path])
            try run(["new", "procedure", "--title", "开店流程", "--reports-to", "manager", "--content", root.path])
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("departments/shop.md").path))
            let procedure = try String(contentsOf: root.appendingPathComponent("procedures/kai-dian-liu-cheng.md"), encoding: .utf8)
            #expect(procedure.contains("owner: manager\nroles: [manager]\n"))
        }
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["new", "role", "--title", "X", "--department", "ops"]) }
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["new", "department", "--title", "X", "--department", "ops", "--reports-to", "ceo"]) }
        #expect(throws: (any Error).self) { try RoleBookCommand.parseAsRoot(["new", "role", "a b", "--title", "X", "--department", "ops", "--reports-to", "ceo"]) }
    }
}

@Suite("rolebook print: the command", .offPool)
struct PrintCommandTests {
    @Test("rolebook print: options, and a missing --chromium exits 2 before printing anything")
    func printCommand() throws {
        let command = try Print.parse(["shop", "--pdf", "out", "--procedure", "open", "--no-roles", "--no-week-grids"])
        #expect(command.content.contentDirectory == "shop" && command.pdf == "out")
        #expect(command.procedure == ["open"] && command.noRoles && command.noWeekGrids)
        #expect(throws: (any Error).self) { try Print.parse(["shop"]) }   // --pdf is required

        try withContent(ChecklistFixtures.tree(ChecklistFixtures.procedure("open", body: "1. 开门\n"))) { root in
            let out = root.appendingPathComponent("pdf")
            let missing = try Print.parse([root.path, "--pdf", out.path, "--chromium", root.path + "/no-such-chromium"])
            #expect(throws: ExitCode(2)) { try missing.run() }
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}

/// `rolebook diff` over folders and git revisions.
@Suite("rolebook diff: the command", .offPool)
struct DiffCommandTests {
    @Test("folders: --format json to a file, --exit-code")
    func folders() throws {
        let base = try makeContent(DiffFixtures.base), head = try makeContent(DiffFixtures.head)
        defer { try? FileManager.default.removeItem(at: base); try? FileManager.default.removeItem(at: head) }
        let out = base.appendingPathComponent("_diff.json")
        try Diff.parse([base.path, head.path, "--content", head.path, "--format", "json", "-o", out.path]).run()
        let json = try String(contentsOf: out, encoding: .utf8)
        #expect(json.contains("\"from\" : \"planner\""))
        #expect(throws: ExitCode.failure) { try Diff.parse([base.path, head.path, "--exit-code", "-o", out.path]).run() }
        // The report speaks the content's language (zh-CN here); --lang overrides it.
        try Diff.parse([base.path, base.path, "--exit-code", "-o", out.path]).run()
        #expect(try String(contentsOf: out, encoding: .utf8) == "没有变化\n")
        try Diff.parse([base.path, base.path, "--lang", "en", "-o", out.path]).run()
        #expect(try String(contentsOf: out, encoding: .utf8) == "no changes\n")
        #expect(throws: (any Error).self) { try Diff.parse([base.path, "--format", "html"]) }
    }

    @Test("git revisions: BASE and HEAD read with git archive, HEAD defaulting to the work tree, which is left alone")
    func gitRevisions() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-diff-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repo) }
        let content = repo.appendingPathComponent("handbook/content")
        func write(_ tree: ContentTree) throws {
            try? FileManager.default.removeItem(at: content)
            let made = try makeContent(tree)
            try FileManager.default.createDirectory(at: content.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: made, to: content)
        }
        func git(_ args: String...) throws { try GitRevision.git(["-c", "user.name=t", "-c", "user.email=t@example.com"] + args, in: repo) }
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try git("init", "-q")
        try write(DiffFixtures.base)
        try git("add", "-A")
        try git("commit", "-qm", "base")
        try write(DiffFixtures.head)
        try git("add", "-A")
        try git("commit", "-qm", "head")
        // The work tree: one more headcount change, not committed.
        let driver = content.appendingPathComponent("roles/driver.md")
        try Data(DiffFixtures.role("司机", department: "logistics", reportsTo: "logi-lead", headcount: 7, duties: ["驾驶配送车辆"]).utf8).write(to: driver)
        let statusBefore = try GitRevision.git(["status", "--porcelain"], in: repo)

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-diff-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        try Diff.parse(["HEAD~1", "HEAD", "--content", content.path, "--format", "json", "--lang", "en", "-o", out.path]).run()
        let committed = try String(contentsOf: out, encoding: .utf8)
        #expect(committed.contains("\"from\" : 4") && committed.contains("\"to\" : 6"))
        let expected = DiffReport(try DiffFixtures.compared().diff).json
        // Paths of diagnostics show the content folder as given; the rest is the fixture's diff.
        #expect(committed.replacingOccurrences(of: content.path + "/", with: "") == expected)

        try Diff.parse(["HEAD", "--content", content.path, "--format", "json", "--lang", "en", "-o", out.path]).run()
        let workTree = try String(contentsOf: out, encoding: .utf8)
        #expect(workTree.contains("\"from\" : 6") && workTree.contains("\"to\" : 7"))
        #expect(try GitRevision.git(["status", "--porcelain"], in: repo) == statusBefore)
        #expect(throws: ExitCode(2)) { try Diff.parse(["no-such-revision", "--content", content.path, "-o", out.path]).run() }
    }
}

@Suite("rolebook export: the command", .offPool)
struct ExportCommandTests {
    static func graph() throws -> RoleGraph { try buildGraph(DiffFixtures.exportHead) }

    @Test("dot parses in Graphviz when it is installed")
    func dotParses() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(GraphExport(graph: try Self.graph()).dot().utf8).write(to: file)
        let svg = try GitRevision.run("/usr/bin/dot", ["-Tsvg", file.path], in: FileManager.default.temporaryDirectory)
        #expect(svg.contains("<svg"))
    }

    @Test("export refuses content with errors unless --allow-errors, and writes -o")
    func command() throws {
        try withContent(RuleFixtures.unknownReference) { root in
            #expect(throws: ExitCode.failure) { try Export.parse([root.path, "--format", "csv"]).run() }
            let out = root.appendingPathComponent("_out.csv")
            try Export.parse([root.path, "--format", "csv", "--allow-errors", "-o", out.path]).run()
            #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("id,title,"))
        }
        #expect(throws: (any Error).self) { try Export.parse(["--format", "xlsx"]) }
        #expect(try Export.parse(["--format", "json-ld"]).format == .jsonLD)
    }
}
