import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild
@testable import RoleBookDevSupport

/// The helpers the tests and `rolebook-bench` share (RoleBookDevSupport).
@Suite("Dev support: process runner and synthetic content", .offPool)
struct DevSupportTests {
    @Test("a child gets its input, keeps its two outputs apart, and reports its status")
    func childOutputs() throws {
        let outcome = try ChildProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "cat; echo err >&2; exit 3"], input: Data("经理\n".utf8)).run(seconds: 30)
        #expect(outcome.status == 3 && !outcome.timedOut)
        #expect(outcome.stdout == "经理\n" && outcome.stderr == "err\n")
        var merged = ChildProcess(searching: "sh", ["-c", "echo a; echo b >&2; echo c"])
        merged.mergesOutput = true
        #expect(try merged.run(seconds: 30).stdout == "a\nb\nc\n")
    }

    @Test("a child still running at the deadline is killed and reported")
    func deadline() throws {
        let outcome = try ChildProcess(URL(fileURLWithPath: "/bin/sleep"), ["30"]).run(seconds: 0.5)
        #expect(outcome.timedOut)
        #expect(outcome.seconds < 10, "waited \(outcome.seconds) s")
    }

    @Test("the synthetic tree is the same for the same seed, different for another, and checks clean")
    func synthetic() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-synthetic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func files(_ folder: URL) -> [String: Data] {
            Dictionary(uniqueKeysWithValues: SiteWriter.files(under: folder.path).map { ($0, FileManager.default.contents(atPath: folder.path + "/" + $0) ?? Data()) })
        }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b"), c = root.appendingPathComponent("c")
        let stats = try SyntheticContent(roles: 300).write(to: a)
        try SyntheticContent(roles: 300).write(to: b)
        try SyntheticContent(roles: 300, seed: 7).write(to: c)
        #expect(files(a) == files(b))
        #expect(files(a) != files(c))
        let result = try Checker(loader: ContentLoader(root: a, displayRoot: "content")).run()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.prefix(5))")
        #expect(result.graph.roles.count == stats.roles && stats.roles >= 300)
        #expect(result.graph.departments.count == stats.departments && result.graph.procedures.count == stats.procedures)
    }
}
