import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild

/// Page models decide which pages a rebuild renders: their hash must be the same in every process,
/// tell structurally different values apart, and change exactly when something the page shows does.
@Suite("Page models")
struct PageModelTests {
    struct Pair: Encodable { var a: Int?; var b: Int? }
    struct Nested: Encodable { var lists: [[Int]] }
    struct Named: Encodable { var title: String; var tags: [String] }

    @Test("the stable hash of a value is pinned: the same in every process and on every machine")
    func pinned() {
        // Recorded once; `Hasher` would give a new value on every run.
        #expect(StableHasher.hash(Named(title: "客服经理", tags: ["a", "b"])) == StableHasher.hash(Named(title: "客服经理", tags: ["a", "b"])))
        #expect(StableHasher.hash(Named(title: "客服经理", tags: ["a", "b"])) == Self.pinnedNamed)
        #expect(StableHasher.hash(Named(title: "客服经理", tags: ["a", "b"]), seed: 1) != Self.pinnedNamed)
    }
    static let pinnedNamed: UInt64 = 15859550324544363591

    @Test("structure counts: nesting, and which optional field holds a value")
    func structure() {
        #expect(StableHasher.hash(Nested(lists: [[1], [2]])) != StableHasher.hash(Nested(lists: [[1, 2]])))
        #expect(StableHasher.hash(Nested(lists: [[1, 2]])) != StableHasher.hash(Nested(lists: [[2, 1]])))
        #expect(StableHasher.hash(Pair(a: nil, b: 1)) != StableHasher.hash(Pair(a: 1, b: nil)))
        #expect(StableHasher.hash(Pair(a: nil, b: nil)) != StableHasher.hash(Pair(a: 0, b: nil)))
        #expect(StableHasher.hash(Named(title: "ab", tags: [])) != StableHasher.hash(Named(title: "a", tags: ["b"])))
    }

    static let tree = ContentTree([
        "rolebook.yml": "title: 手册\nlanguage: zh-CN\n",
        "departments/store.md": "---\ntitle: 门店运营部\nhead: manager\n---\n",
        "roles/manager.md": "---\ntitle: 店长\ndepartment: store\ntop: true\n---\n## 岗位职责\n\n1. 管理门店。\n",
        "roles/cashier.md": "---\ntitle: 收银员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责收银。\n",
        "roles/cleaner.md": "---\ntitle: 保洁员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责清洁。\n",
        "procedures/open.md": "---\ntitle: 开店检查\nowner: manager\nroles: [cashier]\nfrequency: daily\n---\n## 开店前\n\n1. 08:30 签到，见[收银员](../roles/cashier.md#岗位职责)。\n",
    ])

    /// The fingerprints of every modelled page of a tree, by path.
    static func fingerprints(_ tree: ContentTree) throws -> [String: UInt64] {
        let graph = try buildGraph(tree)
        let site = SiteMap(graph: graph), inputs = PageInputs(site: site, renderer: 42)
        var out: [String: UInt64] = [:]
        for job in site.pages {
            let (model, fingerprint) = SiteRenderer.fingerprint(of: job, site: site, inputs: inputs)
            if model != nil, let fingerprint { out[site.path(for: job)] = fingerprint }
        }
        return out
    }

    static let procedurePages = ["procedures/open.html", "checklists/open.html", "checklists/week/open.html"]

    @Test("a procedure's pages change with the titles they show, and not with a role they do not show")
    func procedureFingerprints() throws {
        let before = try Self.fingerprints(Self.tree)
        #expect(Set(Self.procedurePages + ["checklists/roles/cashier.html", "checklists/roles/manager.html"]).isSubset(of: before.keys))

        // The cleaner is on none of these pages: none of them changes.
        let cleaner = try Self.fingerprints(Self.tree.with(["roles/cleaner.md": "---\ntitle: 清洁工\ndepartment: store\nreports_to: manager\n---\n"]))
        for page in Self.procedurePages + ["checklists/roles/cashier.html", "checklists/roles/manager.html"] { #expect(cleaner[page] == before[page], "\(page)") }

        // The owner's title is on the page (and the owner's sheet); the performer's sheet does not show it.
        let owner = try Self.fingerprints(Self.tree.with(["roles/manager.md": "---\ntitle: 门店经理\ndepartment: store\ntop: true\n---\n"]))
        #expect(owner["procedures/open.html"] != before["procedures/open.html"])
        #expect(owner["checklists/roles/manager.html"] != before["checklists/roles/manager.html"])
        #expect(owner["checklists/roles/cashier.html"] == before["checklists/roles/cashier.html"])

        // A linked file's sections decide the link's anchor: the linking pages change with it.
        let linked = try Self.fingerprints(Self.tree.with(["roles/cashier.md": "---\ntitle: 收银员\ndepartment: store\nreports_to: manager\n---\n## 工作内容\n\n1. 负责收银。\n"]))
        for page in Self.procedurePages { #expect(linked[page] != before[page], "\(page)") }

        // The department's title is on the sheets' heads.
        let department = try Self.fingerprints(Self.tree.with(["departments/store.md": "---\ntitle: 门店部\nhead: manager\n---\n"]))
        for page in Self.procedurePages { #expect(department[page] != before[page], "\(page)") }
    }

    @Test("a role page changes with its own file and the titles around it, not with others' duties")
    func roleFingerprints() throws {
        let before = try Self.fingerprints(Self.tree)
        let pages = ["roles/manager.html", "roles/cashier.html", "roles/cleaner.html"]
        // New duties for the cleaner: only its own page shows them.
        let duties = try Self.fingerprints(Self.tree.with(["roles/cleaner.md": "---\ntitle: 保洁员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责清洁与消毒。\n"]))
        #expect(duties["roles/cleaner.html"] != before["roles/cleaner.html"])
        #expect(duties["roles/manager.html"] == before["roles/manager.html"])
        #expect(duties["roles/cashier.html"] == before["roles/cashier.html"])
        // A new title: the superior lists it as a report, the cashier as a peer.
        let title = try Self.fingerprints(Self.tree.with(["roles/cleaner.md": "---\ntitle: 清洁工\ndepartment: store\nreports_to: manager\n---\n"]))
        for page in pages { #expect(title[page] != before[page], "\(page)") }
        // Vacant: the badge shows beside its name on the superior's and the peer's pages.
        let vacant = try Self.fingerprints(Self.tree.with(["roles/cleaner.md": "---\ntitle: 保洁员\ndepartment: store\nreports_to: manager\nheadcount: 0\n---\n## 岗位职责\n\n1. 负责清洁。\n"]))
        for page in pages { #expect(vacant[page] != before[page], "\(page)") }
    }
}
