import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// RB003 for the YAML mistakes libyaml itself explains (a colon inside a value, an unclosed
/// quote or bracket, a key without its colon, a bad escape, wrong indentation): its phrases in
/// the diagnostics' language, at the same line and column in each.
@Suite("Golden YAML messages, in every language")
struct YAMLMessagesGoldenTests {
    static func result() throws -> Checker.Result { try GoldenFile.check(fixture: "yaml-errors") }

    @Test("text", arguments: DiagnosticLanguage.allCases)
    func text(_ language: DiagnosticLanguage) throws {
        try GoldenFile.expectText(try Self.result(), in: language, matches: "check-yaml")
    }

    @Test("each file is one RB003, and no libyaml phrase is left in English in Chinese")
    func translated() throws {
        let r = try Self.result()
        let yaml = r.diagnostics.filter { $0.code == .invalidYAML }
        #expect(yaml.count == 8)
        #expect(Set(yaml.map(\.location.file)).count == 8)
        for language in [DiagnosticLanguage.zhCN, .zhTW] {
            let report = DiagnosticFormatter(format: .text, language: language).report(yaml, fileCount: r.fileCount)
            #expect(!report.contains("while "), "\(language)")
            #expect(!report.contains("expected"), "\(language)")
            #expect(!report.contains("not allowed"), "\(language)")
        }
    }

    @Test func contextsAndProblemsAreTranslatedPartByPart() {
        #expect(YAMLProblemText.translate("while scanning a simple key; could not find expected ':'", to: .zhCN)
                == "读取一个键时，找不到键后面应有的半角冒号 ':'")
        #expect(YAMLProblemText.translate("found character that cannot start any token", to: .zhTW)
                == "這個字元不能出現在開頭（@ ` 等需要加引號，縮排只能用空格）")
        // A phrase this table does not know stays as libyaml wrote it.
        #expect(YAMLProblemText.translate("while parsing a node; something new", to: .zhCN) == "读取一项内容时，something new")
        #expect(YAMLProblemText.translate("could not find expected ':'", to: .en) == "could not find expected ':'")
    }
}
