import ArgumentParser
import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookCLI
import RoleBookTestSupport
import RoleBookTestHarness

// Moved from RoleBookParsingTests when the tests were split by layer: these run the built binary
// or call the CLI's option types, which the parsing layer's tests cannot import.

/// `rolebook check` as a child process over trees that could hang or exhaust a reader.
@Suite("Reading the content folder: rolebook check", .offPool)
struct ContentReadingCheckTests {
    static let notRegularNote = RuleFixtures.notRegularNote
    static let outsideNote = RuleFixtures.outsideNote

    @Test("links back up the tree are followed once: no hang, every file read once")
    func linkLoops() throws {
        // Two loops make the old recursive walk exponential; a folder linking to itself, a third.
        let tree = RuleFixtures.base
            .with(special: "roles/loop", .link(to: ".."))
            .with(special: "departments/up", .link(to: ".."))
            .with(special: "roles/self", .link(to: "."))
        try withContent(tree) { root in
            let outcome = try RolebookProcess.check(root)
            #expect(outcome.status == 0)
            #expect(outcome.stdout == "checked 3 files: 0 errors, 0 warnings\n")
            // In-process only once the binary has shown that the walk ends.
            guard !outcome.timedOut else { return }
            let loaded = try testLoader(root).load()
            #expect(loaded.paths == ["departments/ops.md", "roles/ceo.md", "roles/manager.md"])
        }
    }

    @Test("named pipes called .md are reported, never waited on, whether found directly, through a link, or as rolebook.yml")
    func namedPipes() throws {
        let tree = RuleFixtures.base
            .with(special: "roles/clerk.md", .fifo)
            .with(special: "_pipe", .fifo)
            .with(special: "roles/linked.md", .link(to: "../_pipe"))
            .with(special: "rolebook.yml", .fifo)
        try withContent(tree) { root in
            let outcome = try RolebookProcess.check(root)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.split(separator: "\n").map(String.init) == [
                "content/rolebook.yml:1:1: error[RB012]: cannot read file 'rolebook.yml': it is a named pipe, not a regular file", Self.notRegularNote,
                "content/roles/clerk.md:1:1: error[RB012]: cannot read file 'roles/clerk.md': it is a named pipe, not a regular file", Self.notRegularNote,
                "content/roles/linked.md:1:1: error[RB012]: cannot read file 'roles/linked.md': it is a named pipe, not a regular file", Self.notRegularNote,
                "checked 3 files: 3 errors, 0 warnings",
            ])
        }
    }

    @Test("a .md link to /dev/zero is refused as a link out of the content folder, not read until memory runs out")
    func deviceLink() throws {
        try withContent(RuleFixtures.base.with(special: "roles/zero.md", .link(to: "/dev/zero"))) { root in
            let outcome = try RolebookProcess.check(root)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.split(separator: "\n").map(String.init) == [
                "content/roles/zero.md:1:1: error[RB014]: symbolic link 'roles/zero.md' points outside the content folder, to '/dev/zero'", Self.outsideNote,
                "checked 3 files: 1 error, 0 warnings",
            ])
        }
    }

    @Test("an unreadable folder or file is reported where it is and the rest is checked")
    func unreadable() throws {
        let tree = RuleFixtures.base.with(["roles/secret/clerk.md": RuleFixtures.clerk, "roles/locked.md": RuleFixtures.clerk])
        let root = try makeContent(tree)
        let secret = root.appendingPathComponent("roles/secret").path, locked = root.appendingPathComponent("roles/locked.md").path
        chmod(secret, 0)
        chmod(locked, 0)
        defer {
            chmod(secret, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        let expected = [
            "content/roles/locked.md:1:1: error[RB012]: cannot read file 'roles/locked.md': permission denied",
            "content/roles/secret:1:1: error[RB012]: cannot read folder 'roles/secret': permission denied",
        ]
        if geteuid() != 0 {
            let result = try Checker(loader: testLoader(root)).run()
            #expect(result.diagnosticLines == expected)
            #expect(result.graph.roles.count == 2)
        } else if RolebookProcess.setpriv != nil {
            // Root reads everything: check as `nobody`, to whom the tree is readable but these two are not.
            let outcome = try RolebookProcess.check(root, asNobody: true)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.split(separator: "\n").map(String.init) == expected + ["checked 4 files: 2 errors, 0 warnings"], "\(outcome.stderr)")
        } else {
            Issue.record("running as root without setpriv: permission errors cannot be produced")
        }
    }
}

/// `--lang`, `--color` and progress: the command-line side of localized, coloured diagnostics.
@Suite("Diagnostics in the site's language, in colour on a terminal: command line", .offPool)
struct DiagnosticOptionsTests {
    @Test("--lang overrides rolebook.yml; without it the site's language is used")
    func langOption() throws {
        var config = SiteConfig()
        config.language = "zh-TW"
        #expect(try Check.parse([]).language.resolved(config) == .zhTW)
        #expect(try Check.parse(["--lang", "en"]).language.resolved(config) == .en)
        #expect(try Build.parse(["--lang", "zh-CN"]).language.resolved(config) == .zhCN)
        #expect(throws: (any Error).self) { try Check.parse(["--lang", "fr"]) }
    }

    @Test("--color auto: a terminal without NO_COLOR; always and never are obeyed")
    func colourChoice() throws {
        #expect(ColorOptions.decide(.auto, isTerminal: true, environment: [:]))
        #expect(!ColorOptions.decide(.auto, isTerminal: false, environment: [:]))
        #expect(!ColorOptions.decide(.auto, isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorOptions.decide(.auto, isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColorOptions.decide(.auto, isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(ColorOptions.decide(.always, isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorOptions.decide(.never, isTerminal: true, environment: [:]))
        #expect(try Check.parse(["--color", "always"]).color.color == .always)
    }

    @Test("progress only on a terminal and never in CI")
    func progress() {
        #expect(ProgressLine.isEnabled(isTerminal: true, environment: [:]))
        #expect(!ProgressLine.isEnabled(isTerminal: false, environment: [:]))
        #expect(!ProgressLine.isEnabled(isTerminal: true, environment: ["CI": "true"]))
    }

    @Test("rolebook check to a file: no colour and no progress; --color always and --lang on the command line")
    func processOutput() throws {
        try withContent(RuleFixtures.twoCompanies.with(["hotel/roles/clerk.md": "---\ntitle: 客服专员\ndepartment: fo\nreports_to: 客服精理\n---\n## 岗位职责\n\n- 接待\n"])) { root in
            let plain = try RolebookProcess.check(root, ["--lang", "zh-CN"])
            #expect(!plain.stdout.contains("\u{1B}") && !plain.stderr.contains("\u{1B}"))
            #expect(plain.stdout.contains("error[RB101]: reports_to 指向不存在的岗位 '客服精理'"))
            let coloured = try RolebookProcess.check(root, ["--lang", "en", "--color", "always"])
            #expect(coloured.stdout.contains("\u{1B}[1;31merror[RB101]\u{1B}[0m: \u{1B}[1m'reports_to' names unknown role '客服精理'"))
        }
    }
}

/// SARIF and the GitHub job summary as `rolebook check` writes them.
@Suite("SARIF and GitHub job summary: rolebook check", .offPool)
struct SARIFCheckTests {
    @Test("check: the repository URL comes from --information-uri, else from GitHub's environment; paths from the current folder")
    func cliFormatter() throws {
        let github = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/handbook"]
        #expect(CLI.sarifFormatter(for: [], informationURI: nil, environment: github).informationURI == "https://github.com/acme/handbook")
        #expect(CLI.sarifFormatter(for: [], informationURI: "https://git.example.com/hr", environment: github).informationURI == "https://git.example.com/hr")
        #expect(CLI.sarifFormatter(for: [], informationURI: nil, environment: [:]).informationURI == nil)
        #expect(CLI.sarifFormatter(for: [], informationURI: nil, environment: [:]).currentDirectory == FileManager.default.currentDirectoryPath)
        // The files diagnostics point into are read, so columns can be converted.
        try withContent(RuleFixtures.unknownReference) { root in
            let result = try CLI.check(root.path)
            let sarif = CLI.sarifFormatter(for: result.diagnostics, informationURI: nil, environment: [:])
            #expect(Set(sarif.sources.keys) == [root.path + "/roles/clerk.md", root.path + "/roles/manager.md"])
        }
    }

    @Test("check --format sarif is accepted")
    func parse() throws {
        #expect(try Check.parse(["--format", "sarif"]).format == .sarif)
    }

    @Test("the job summary is appended to the file GITHUB_STEP_SUMMARY names")
    func appendSummary() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-summary-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("## earlier step\n".utf8).write(to: file)
        let w = Diagnostic(.emptySection, "section 'x' is empty", at: .init(file: "content/roles/a.md", line: 10, column: 1))
        #expect(try CLI.appendStepSummary([w], fileCount: 1, environment: ["GITHUB_STEP_SUMMARY": file.path]))
        #expect(try CLI.appendStepSummary([w], fileCount: 1, environment: [:]) == false)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == "## earlier step\n" + GitHubStepSummary.markdown([w], fileCount: 1))
    }
}
