import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild
import RoleBookTestSupport

/// UI strings are typed keys that every language has: a missing translation is a failed test,
/// not a key shown to readers, and an English site carries no Chinese punctuation of ours.
@Suite("Localization", .offPool)
struct LocalizationTests {
    @Test("every language table has every key", arguments: ["zh-CN", "zh-TW", "en"])
    func complete(language: String) {
        let table: [UIKey: String] = switch language {
        case "en": UIStrings.en
        case "zh-TW": UIStrings.zhTW
        default: UIStrings.zhCN
        }
        let missing = UIKey.allCases.filter { table[$0] == nil }
        #expect(missing.isEmpty, "\(language) lacks \(missing)")
        #expect(!table.values.contains { $0.isEmpty })
    }

    @Test("the English site's own words carry no CJK punctuation")
    func englishPunctuation() throws {
        let tree = RuleFixtures.base.with([
            "rolebook.yml": "title: Acme\nlanguage: en\n",
            "roles/clerk.md": "---\ntitle: Clerk\ndepartment: ops\nreports_to: manager\naliases: [Cashier, Teller]\n---\n## Duties\n\n- Count cash\n",
            "procedures/open.md": "---\ntitle: Opening\nowner: manager\nroles: [clerk, manager]\nfrequency: daily\nversion: '2'\n---\n## Steps\n\n1. 08:30 Open the doors\n",
        ])
        let graph = try buildGraph(tree)
        let files = SiteRenderer(graph: graph).render()
        // The fixture's own Chinese content (base tree) is allowed; look only at pages of English content.
        for file in files where ["roles/clerk.html", "procedures/open.html", "checklists/open.html"].contains(file.path) {
            let text = HTMLScan.decode(file.contents)
            for mark in ["：", "、"] { #expect(!text.contains(mark), "\(file.path) contains \(mark)") }
        }
        let clerk = try #require(files.first { $0.path == "roles/clerk.html" }?.contents)
        #expect(HTMLScan.decode(clerk).contains("Also known as: Cashier, Teller"))
        #expect(HTMLScan.decode(try #require(files.first { $0.path == "procedures/open.html" }?.contents)).contains("Clerk, "))
    }

    @Test("documents without a department are grouped under a localized name")
    func noDepartment() throws {
        let graph = try buildGraph(RuleFixtures.base.with(["procedures/open.md": "---\ntitle: 开店\nowner: manager\n---\n## 步骤\n\n1. 开门\n"]))
        let layout = SearchIndexBuilder(graph: graph, strings: nil, urls: SiteMap(graph: graph).searchURLs).layout()
        #expect(layout.groups.contains { $0.name == "未分部门" } || layout.groups.allSatisfy { !$0.id.isEmpty })
        #expect(UIStrings(language: "en")[.noDepartment] == "No department")
    }
}
