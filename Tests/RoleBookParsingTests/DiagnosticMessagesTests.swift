import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Plain hints for the mistakes hand-written front matter makes, each at its own line and column.
@Suite("Hints for the usual mistakes")
struct DiagnosticHintTests {
    static func clerk(_ frontMatter: String) -> ContentTree {
        RuleFixtures.base.with(["roles/clerk.md": "---\n" + frontMatter + "\n---\n## 岗位职责\n\n- 收银结账\n"])
    }

    @Test("a tab in YAML indentation is RB003 at the tab, in plain words")
    func tab() throws {
        let result = try runCheck(Self.clerk("title: 店员\ndepartment: ops\nreports_to: manager\naliases:\n\t- 收银员"))
        #expect(result.diagnosticLines == ["content/roles/clerk.md:6:1: error[RB003]: YAML does not allow tabs for indentation; indent with spaces"])
        let zh = DiagnosticFormatter.line(try #require(result.diagnostics.first), language: .zhCN)
        #expect(zh == "content/roles/clerk.md:6:1: error[RB003]: YAML 不允许用 Tab 缩进，请改用空格\n")
    }

    @Test("a tab after the key's colon is separation, not indentation: no hint")
    func tabAfterColon() throws {
        let result = try runCheck(Self.clerk("title:\t店员\ndepartment: ops\nreports_to: manager"))
        #expect(!result.rendered.contains("tab"))
    }

    @Test("a full-width colon after a key is reported at the colon, not a line later at the closing ---")
    func fullWidthColon() throws {
        let result = try runCheck(Self.clerk("title: 店员\ndepartment：ops\nreports_to: manager"))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:3:11: error[RB003]: full-width colon '：' after 'department': YAML needs ':'",
            "    note: write 'department:' with the half-width colon, then a space",
        ])
    }

    @Test("a full-width colon inside a value is text, not a mistake")
    func fullWidthColonInValue() throws {
        let result = try runCheck(Self.clerk("title: 店员\nsummary: 职责：收银\ndepartment: ops\nreports_to: manager"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("a file saved as GBK is RB001 naming GBK, at its first Chinese character, with how to save it as UTF-8")
    func gbk() throws {
        let text = "---\ntitle: 店员\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 收银结账\n"
        let gbk: [UInt8] = Array(try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632))))  // kCFStringEncodingGB_18030_2000
        let result = try runCheck(ContentTree(RuleFixtures.base.files, raw: ["roles/clerk.md": gbk]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:2:8: error[RB001]: file is saved as GBK, not UTF-8",
            "    note: save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
        ])
        #expect(DiagnosticFormatter.line(result.diagnostics[0], language: .zhCN).contains("请将文件另存为 UTF-8"))
    }

    @Test("Big5 and GBK are told apart by which reads as common Chinese; broken UTF-8 is neither")
    func legacyGuess() {
        // 清潔員 in Big5, 清洁员 in GBK, and UTF-8 cut short.
        let big5: [UInt8] = [0x74, 0x3A, 0x20, 0xB2, 0x4D, 0xBC, 0xE4, 0xAD, 0xFB]
        let gbk: [UInt8] = [0x74, 0x3A, 0x20, 0xC7, 0xE5, 0xBD, 0xE0, 0xD4, 0xB1]
        let broken: [UInt8] = [0x74, 0x3A, 0x20, 0xE6, 0xB8, 0x85, 0xE6, 0xB4]
        #expect(TextDecoding.legacyEncoding(of: big5)?.displayName == "Big5")
        #expect(TextDecoding.legacyEncoding(of: gbk)?.displayName == "GBK")
        #expect(TextDecoding.legacyEncoding(of: broken) == nil)
    }

    @Test("'aliases: a, b' is RB004 suggesting [a, b], and is read as the two names meant")
    func commaList() throws {
        let result = try runCheck(Self.clerk("title: 店员\ndepartment: ops\nreports_to: manager\naliases: 收银员、收款员"))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:5:10: error[RB004]: 'aliases' is a list written without brackets",
            "    note: write 'aliases: [收银员, 收款员]'",
        ])
        #expect(result.graph.roles[try result.graph.indexOfRole("clerk")].aliases == ["收银员", "收款员"])
    }

    @Test("one name without a separator is still a one-element list")
    func singleName() throws {
        let result = try runCheck(Self.clerk("title: 店员\ndepartment: ops\nreports_to: manager\naliases: 收银员"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("an empty list item is RB004 at the dash")
    func emptyItem() throws {
        let result = try runCheck(Self.clerk("title: 店员\ndepartment: ops\nreports_to: manager\naliases:\n  - 收银员\n  -\n  - 收款员"))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:7:4: error[RB004]: 'aliases' has an empty list item",
            "    note: remove the '-' line, or write a value after it",
        ])
        #expect(result.graph.roles[try result.graph.indexOfRole("clerk")].aliases == ["收银员", "收款员"])
    }
}

/// "Did you mean" looks near the reference first, and one broken file does not set off others.
@Suite("Suggestions and cascades")
struct SuggestionTests {
    static let twoCompanies = RuleFixtures.twoCompanies

    @Test("a typo in a superior's title suggests the title in the same organisation and names its id")
    func sameOrganisation() throws {
        let tree = Self.twoCompanies.with(["hotel/roles/clerk.md": "---\ntitle: 客服专员\ndepartment: fo\nreports_to: 客服精理\n---\n## 岗位职责\n\n- 接待\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/hotel/roles/clerk.md:4:13: error[RB101]: 'reports_to' names unknown role '客服精理'",
            "    content/hotel/roles/cs-manager.md:2:8: note: did you mean '客服经理' (id 'cs-manager')?",
        ])
    }

    @Test("from the other organisation, the same typo suggests that organisation's role")
    func otherOrganisation() throws {
        let tree = Self.twoCompanies.with(["tw/roles/clerk.md": "---\ntitle: 客服助理\ndepartment: cs\nreports_to: 客服精理\n---\n## 崗位職責\n\n- 接待\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines.last == "    content/tw/roles/tw-cs-manager.md:2:8: note: did you mean '客服經理' (id 'tw-cs-manager')?")
    }

    @Test("an id typed wrong is suggested as the id alone")
    func idSuggestion() throws {
        let tree = Self.twoCompanies.with(["hotel/roles/clerk.md": "---\ntitle: 客服专员\ndepartment: fo\nreports_to: cs-manger\n---\n## 岗位职责\n\n- 接待\n"])
        let result = try runCheck(tree)
        #expect(result.diagnosticLines.last == "    content/hotel/roles/cs-manager.md:1:1: note: did you mean 'cs-manager'?")
    }

    @Test("a file whose front matter fails still defines its id: references to it are not unknown")
    func noCascadeByID() throws {
        let tree = Self.twoCompanies.with([
            "hotel/departments/hk.md": "---\ntitle：客房部\nhead: hk-manager\n---\n- 清洁\n",
            "hotel/roles/hk-manager.md": "---\ntitle: 客房部经理\ndepartment: hk\nreports_to: fo-manager\n---\n## 岗位职责\n\n- 管理客房\n",
        ])
        let result = try runCheck(tree)
        #expect(result.codes == [.invalidYAML], "\(result.diagnosticLines)")
        #expect(result.diagnostics.first?.location == RoleBookModel.SourceLocation(file: "content/hotel/departments/hk.md", line: 2, column: 6))
    }

    @Test("a broken department file does not make another file suggest a different company's department")
    func noCascadeBySuggestion() throws {
        // `客房` is close to the other company's `客服部`; the broken file nearby is named instead.
        let tree = Self.twoCompanies.with([
            "hotel/departments/hk.md": "---\ntitle：客房部\nhead: hk-manager\n---\n- 清洁\n",
            "hotel/roles/hk-manager.md": "---\ntitle: 客房部经理\ndepartment: 客房部\nreports_to: fo-manager\n---\n## 岗位职责\n\n- 管理客房\n",
        ])
        let result = try runCheck(tree)
        #expect(!result.rendered.contains("tw/departments/cs.md"), "\(result.diagnosticLines)")
        #expect(result.diagnosticLines.contains("    content/hotel/departments/hk.md:1:1: note: perhaps it is this file, whose front matter could not be read (see its error)"))
    }
}

/// Every message in the three languages, colour on a terminal only.
@Suite("Diagnostics in the site's language, in colour on a terminal")
struct DiagnosticLanguageTests {
    static let sample = Diagnostic(.unknownReference, .unknownReference(field: "reports_to", kind: .role, name: "客服精理"),
                                   at: RoleBookModel.SourceLocation(file: "content/roles/a.md", line: 4, column: 13),
                                   notes: [Diagnostic.Note(.didYouMeanTitle(title: "客服经理", id: "cs-manager"), at: RoleBookModel.SourceLocation(file: "content/roles/cs-manager.md", line: 2, column: 8))])

    @Test("the issue's example: codes and file:line:col stay, the words change")
    func example() {
        #expect(DiagnosticFormatter.line(Self.sample, language: .zhCN) == """
            content/roles/a.md:4:13: error[RB101]: reports_to 指向不存在的岗位 '客服精理'
                content/roles/cs-manager.md:2:8: note: 是不是要写 '客服经理'（编号 'cs-manager'）？

            """)
        #expect(DiagnosticFormatter.line(Self.sample, language: .zhTW).contains("error[RB101]: reports_to 指向不存在的崗位 '客服精理'"))
        #expect(DiagnosticFormatter.line(Self.sample, language: .en).contains("error[RB101]: 'reports_to' names unknown role '客服精理'"))
    }

    @Test("language codes: rolebook.yml's and --lang's, zh-HK reads traditional")
    func codes() {
        #expect(DiagnosticLanguage(code: "zh-CN") == .zhCN)
        #expect(DiagnosticLanguage(code: "zh-hk") == .zhTW)
        #expect(DiagnosticLanguage(code: "en") == .en)
        #expect(DiagnosticLanguage(code: "fr") == nil)
    }

    @Test("colour: severity, code and location in ANSI colours; off, not one escape")
    func colour() {
        let on = DiagnosticFormatter(format: .text, language: .zhCN, colored: true).report([Self.sample], fileCount: 1)
        #expect(on.hasPrefix("\u{1B}[1mcontent/roles/a.md:4:13:\u{1B}[0m \u{1B}[1;31merror[RB101]\u{1B}[0m: "))
        #expect(on.contains("\u{1B}[1;36mnote\u{1B}[0m"))
        let off = DiagnosticFormatter(format: .text, language: .zhCN, colored: false).report([Self.sample], fileCount: 1)
        #expect(!off.contains("\u{1B}"))
        #expect(off == DiagnosticFormatter.line(Self.sample, language: .zhCN) + "检查了 1 个文件：1 个错误，0 个警告\n")
    }

    @Test("JSON and GitHub annotations follow --lang; SARIF fingerprints do not")
    func formats() {
        let json = DiagnosticFormatter(format: .json, language: .zhCN).report([Self.sample], fileCount: 1)
        #expect(json.contains("\"message\" : \"reports_to 指向不存在的岗位 '客服精理'\""))
        let github = DiagnosticFormatter(format: .github, language: .zhTW).report([Self.sample], fileCount: 1)
        #expect(github.contains("title=RB101::reports_to 指向不存在的崗位 '客服精理'"))
        let sarif = SARIFFormatter(currentDirectory: "")
        let en = sarif.log([Self.sample], language: .en), zh = sarif.log([Self.sample], language: .zhCN)
        #expect(en.runs[0].results[0].partialFingerprints == zh.runs[0].results[0].partialFingerprints)
        #expect(zh.runs[0].results[0].message.text.hasPrefix("reports_to 指向不存在的岗位"))
    }
}

@Suite("docs/diagnostics in both languages")
struct DiagnosticDocsLanguagesTests {
    static func docs(_ name: String) throws -> DiagnosticDocs {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return DiagnosticDocs(markdown: try String(contentsOf: root.appendingPathComponent("docs/" + name), encoding: .utf8))
    }

    @Test("every code has a row in the English and the Chinese page, each with a meaning and a fix")
    func everyCode() throws {
        for page in ["diagnostics.md", "diagnostics.zh-CN.md"] {
            let docs = try Self.docs(page)
            for code in DiagnosticCode.allCases {
                let entry = try #require(docs.entries[code], "\(page) has no row for \(code.rawValue)")
                #expect(!entry.meaning.isEmpty && !entry.fix.isEmpty, "\(page) \(code.rawValue)")
            }
        }
    }
}
