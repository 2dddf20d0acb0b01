import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
import RoleBookTestSupport

/// Every input under Fixtures/fuzz goes through ``FuzzEntry`` (the code `make fuzz` runs): the
/// nasty inputs chosen by hand and every crash the fuzzer ever found (docs/robustness.md). Each
/// must finish, quickly, with a report; the hand-made ones also with the outcome they test.
@Suite("Fuzz regressions", .offPool)
struct FuzzRegressionTests {
    static let folder: URL? = Bundle.module.url(forResource: "Fixtures/fuzz", withExtension: nil)

    /// File names in Fixtures/fuzz, sorted.
    static let inputs: [String] = {
        guard let folder else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        let folder = try #require(folder)
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func run(_ bytes: [UInt8]) -> (FuzzEntry.Outcome, seconds: Double) {
        let start = Stopwatch.now()
        let outcome = bytes.withUnsafeBytes { FuzzEntry.outcome($0) }
        return (outcome, Stopwatch.now() - start)
    }

    /// Diagnostics of the fuzzed file only (the companions have their own, fixed ones).
    static func codes(_ outcome: FuzzEntry.Outcome) -> Set<DiagnosticCode> {
        Set(outcome.diagnostics.filter { $0.location.file.hasSuffix("/fuzz.md") }.map(\.code))
    }

    @Test("the fixture folder holds the hand-made inputs")
    func fixturesPresent() {
        #expect(Self.inputs.count >= 20)
        for name in ["deep-list", "yaml-aliases", "huge-numbers", "nul-bytes", "lone-surrogates", "crlf", "cr-only", "bom-crlf"] {
            #expect(Self.inputs.contains(name), "missing \(name)")
        }
    }

    @Test("every fuzz input finishes within a second with a full report", arguments: inputs)
    func finishes(_ name: String) throws {
        let (outcome, seconds) = Self.run(try Self.bytes(name))
        // Debug builds are several times slower than the fuzzer's release build, whose limit is 1 s.
        #expect(seconds < 5, "\(name) took \(seconds) s")
        #expect(outcome.report.contains("checked 5 files: "))
        // The companions always resolve among themselves: the daily procedure renders whatever the input is.
        #expect(!outcome.diagnostics.isEmpty || !outcome.pages.isEmpty)
        for (path, page) in outcome.pages where path.hasSuffix(".html") {
            #expect(page.hasPrefix("<!doctype html>"), "\(name): \(path)")
            #expect(page.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"), "\(name): \(path)")
        }
    }

    @Test("an empty input does nothing")
    func emptyInput() {
        let (outcome, _) = Self.run([])
        #expect(outcome.diagnostics.isEmpty && outcome.pages.isEmpty && outcome.report.isEmpty)
    }

    @Test("the first byte picks the folder and the language")
    func selector() throws {
        let body = Array("---\ntitle: 开店\nowner: ops-lead\n---\n## 步骤\n\n1. 08:30 开门\n".utf8)
        let (procedure, _) = Self.run(Array("p".utf8) + body)
        #expect(procedure.pages["procedures/fuzz.html"] != nil)
        #expect(procedure.pages["procedures/fuzz.html"]!.contains("lang=\"zh-CN\""))
        let (english, _) = Self.run(Array("P".utf8) + body)
        #expect(english.pages["procedures/fuzz.html"]!.contains("lang=\"en\""))
        let (department, _) = Self.run(Array("d".utf8) + body)
        #expect(department.pages["departments/fuzz.html"] != nil)
        let (role, _) = Self.run(Array("r".utf8) + body)
        #expect(role.pages["roles/fuzz.html"] != nil)
        // Other bytes pick in `EntityKind.allCases` order.
        #expect(FuzzEntry.kind(0) == .department && FuzzEntry.kind(1) == .role && FuzzEntry.kind(2) == .procedure)
    }

    @Test("deep nesting is flattened with a warning and the text is kept",
          arguments: ["deep-list", "deep-quote", "deep-emphasis", "deep-indented-list"])
    func deepNesting(_ name: String) throws {
        let (outcome, _) = Self.run(try Self.bytes(name))
        #expect(Self.codes(outcome).contains(.nestingFlattened))
        let page = try #require(outcome.pages["roles/fuzz.html"])
        #expect(page.contains("盘点"))
    }

    @Test("YAML anchors, aliases, merge keys and deep nesting are refused as invalid YAML",
          arguments: ["yaml-aliases", "yaml-deep-nesting", "yaml-merge-key"])
    func yamlBombs(_ name: String) throws {
        let (outcome, seconds) = Self.run(try Self.bytes(name))
        #expect(Self.codes(outcome) == [.invalidYAML])
        #expect(outcome.pages.isEmpty)
        #expect(seconds < 1)
    }

    @Test("numbers out of range are located errors, not traps",
          arguments: ["huge-numbers", "huge-negative", "huge-float", "department-huge-positions"])
    func hugeNumbers(_ name: String) throws {
        let (outcome, _) = Self.run(try Self.bytes(name))
        #expect(Self.codes(outcome).contains(.invalidValue))
        // The page and the home page's totals still render.
        #expect(outcome.pages["index.html"] != nil)
    }

    @Test("CRLF and a byte-order mark read as the same file as LF", arguments: ["crlf", "bom-crlf"])
    func lineEnds(_ name: String) throws {
        let bytes = try Self.bytes(name)
        var plain = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        if plain.starts(with: [UInt8(ascii: "r"), 0xEF, 0xBB, 0xBF]) { plain.removeSubrange(1..<4) }
        let (outcome, _) = Self.run(bytes)
        let (reference, _) = Self.run(plain)
        #expect(Self.codes(outcome).isEmpty)
        let page = try #require(outcome.pages["roles/fuzz.html"])
        #expect(page == reference.pages["roles/fuzz.html"])
    }

    @Test("bytes that are not UTF-8 are one located error")
    func invalidUTF8() throws {
        let (outcome, _) = Self.run(try Self.bytes("invalid-utf8"))
        let fileDiagnostics = outcome.diagnostics.filter { $0.location.file == "content/roles/fuzz.md" }
        #expect(fileDiagnostics.map(\.code) == [.invalidUTF8])
        #expect(fileDiagnostics.first?.location.line == 2)
    }

    @Test("links that leave the site are not rendered as links")
    func hostileLinks() throws {
        let (outcome, _) = Self.run(try Self.bytes("hostile-links"))
        let page = try #require(outcome.pages["departments/fuzz.html"])
        for bad in ["href=\"//host", "href=\"/\\host", "href=\"\\\\host", "href=\"javascript:", "href=\"/etc/passwd", "src=\"file:", "<script>alert"] {
            #expect(!page.contains(bad), "\(bad)")
        }
    }
}
