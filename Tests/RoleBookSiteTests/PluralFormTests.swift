import Foundation
import Testing
@testable import RoleBookSite

/// Counted UI strings read right for one and for many.
@Suite struct PluralFormTests {
    @Test func englishHasOneAndOther() {
        let en = UIStrings(language: "en")
        #expect(en.format(.roleCount, 1) == "1 role")
        #expect(en.format(.roleCount, 0) == "0 roles")
        #expect(en.format(.roleCount, 14) == "14 roles")
        #expect(en.format(.steps, 1) == "1 step")
        #expect(en.format(.results, 1) == "1 result")
        #expect(en.format(.roleChecklist, 1) == "Role checklist, 1 procedure")
        #expect(en.format(.chainOmitted, 2) == "… 2 levels between …")
    }

    @Test func chineseHasOneForm() {
        #expect(UIStrings(language: "zh-CN").format(.roleCount, 1) == "1 个岗位")
        #expect(UIStrings(language: "zh-TW").format(.steps, 3) == "3 個步驟")
    }

    /// Every counted string has at most two forms, each with its count.
    @Test func everyFormKeepsItsCount() {
        for language in ["en", "zh-CN", "zh-TW"] {
            let s = UIStrings(language: language)
            for key in UIKey.allCases where s[key].contains("|") {
                let forms = s[key].split(separator: "|", omittingEmptySubsequences: false)
                #expect(forms.count == 2, "\(language) \(key)")
                #expect(forms.allSatisfy { $0.contains("{n}") }, "\(language) \(key)")
            }
        }
    }

    /// The count goes where Foundation's `replacingOccurrences(of: "{n}", …)` would put it, in
    /// every template and in odd ones.
    @Test func countReplacedAsFoundationWould() {
        var templates = ["", "{", "{n", "n}", "{n}", "{n}{n}", "{{n}}", "{n}}", "a{n}b{x}c", "第{n}版", "…… 中间 {n} 级 ……", "{N}", "{ n}"]
        for language in ["en", "zh-CN", "zh-TW"] {
            let s = UIStrings(language: language)
            templates += UIKey.allCases.map { s[$0] }
        }
        for template in templates {
            for n in [0, 1, 7, 12345, -3] {
                #expect(UIStrings.replacingCount(in: template, with: n) == template.replacingOccurrences(of: "{n}", with: String(n)), "\(template) \(n)")
            }
        }
    }
}
