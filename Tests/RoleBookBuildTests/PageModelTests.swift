import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
import RoleBookTestSupport

/// Page models decide which pages a rebuild renders: their hash must be the same in every process,
/// tell structurally different values apart, and change exactly when something the page shows does.
@Suite("Page models", .offPool)
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

    @Test("values hashed without the encoder feed what the encoder would")
    func directHashingMatchesEncoder() throws {
        let link = PageLink(title: "收银员", url: "roles/cashier.html", vacant: true)
        let entry = ResolvedLinks.Entry(destination: "../roles/cashier.md#岗位职责", href: "roles/cashier.html#responsibilities")
        let mention = RolePageModel.Mention(from: link, text: "见收银员。")
        #expect(StableHasher.hash(link) == StableHasher.encoderHash(link))
        #expect(StableHasher.hash(entry) == StableHasher.encoderHash(entry))
        #expect(StableHasher.hash(ResolvedLinks.Entry(destination: "x.md", href: nil)) == StableHasher.encoderHash(ResolvedLinks.Entry(destination: "x.md", href: nil)))
        #expect(StableHasher.hash(mention) == StableHasher.encoderHash(mention))
        #expect(StableHasher.hash([[link], []]) == StableHasher.encoderHash([[link], []]))
        #expect(StableHasher.hash([Optional(link), nil]) == StableHasher.encoderHash([Optional(link), nil]))
        #expect(StableHasher.hash(Named(title: "客服经理", tags: ["a", "b"])) == StableHasher.encoderHash(Named(title: "客服经理", tags: ["a", "b"])))
        #expect(StableHasher.encoderHash(Named(title: "客服经理", tags: ["a", "b"])) == Self.pinnedNamed)
        #expect(StableHasher.hash(Nested(lists: [[1], [2]])) == StableHasher.encoderHash(Nested(lists: [[1], [2]])))
        #expect(StableHasher.hash(Pair(a: nil, b: 1)) == StableHasher.encoderHash(Pair(a: nil, b: 1)))
        // A field added to a synthesized conformance must be listed in its direct one too.
        #expect(try StableHasher.fieldKeys(of: link) == Self.storedFields(link))
        #expect(try StableHasher.fieldKeys(of: entry) == Self.storedFields(entry))
        #expect(try StableHasher.fieldKeys(of: mention) == Self.storedFields(mention))
        // The parts of a department page, with and without their optional fields.
        let row = DepartmentPageModel.RoleRow(role: link, level: 1, superior: link, headcount: 2, grade: "M1")
        let bareRow = DepartmentPageModel.RoleRow(role: link, level: 0, superior: nil, headcount: 1, grade: nil)
        let sub = DepartmentPageModel.SubDepartment(link: link, roleCount: 3, summary: "摘要")
        let node = OrgChartModel.Node(role: link, headcount: 1, outside: true, subDepartment: link, highlight: "is-added", children: [1, 2])
        let line = OrgChartModel.DottedLine(from: 0, to: 1, title: "甲 ⇢ 乙")
        let dottedRow = OrgChartModel.DottedRow(superior: link, reports: [link, link])
        for value in [row, bareRow] as [any StableHashFields] + [sub, node, line, dottedRow] {
            #expect(StableHasher.hash(value) == StableHasher.encoderHash(value), "\(type(of: value))")
            #expect(try StableHasher.fieldKeys(of: value) == Self.storedFields(value), "\(type(of: value))")
        }

        // Every modelled page of a tree (entities, resolved links, org charts, sheets): both ways alike.
        let graph = try buildGraph(Self.tree)
        let site = SiteMap(graph: graph)
        var models = 0
        for job in site.pages {
            switch ModelledPage(job, site: site) {
            case .role(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                #expect(try StableHasher.fieldKeys(of: m) == Self.storedFields(m))
                models += 1
            case .department(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                #expect(try StableHasher.fieldKeys(of: m) == Self.storedFields(m))
                let chart = try #require(m.chart)
                #expect(try StableHasher.fieldKeys(of: chart) == Self.storedFields(chart))
                #expect(try StableHasher.fieldKeys(of: chart.nodes[0]) == Self.storedFields(chart.nodes[0]))
                #expect(try StableHasher.fieldKeys(of: m.roles[1]) == Self.storedFields(m.roles[1]))
                let card = try #require(m.procedures.first)
                #expect(StableHasher.hash(card) == StableHasher.encoderHash(card))
                #expect(try StableHasher.fieldKeys(of: card) == Self.storedFields(card))
                models += 1
            case .procedure(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                #expect(try StableHasher.fieldKeys(of: m) == Self.storedFields(m))
                models += 1
            case .procedureSheet(let m), .weekSheet(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                #expect(try StableHasher.fieldKeys(of: m) == Self.storedFields(m))
                #expect(try StableHasher.fieldKeys(of: m.sheet) == Self.storedFields(m.sheet))
                models += 1
            case .roleSheet(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                #expect(try StableHasher.fieldKeys(of: m) == Self.storedFields(m))
                models += 1
            case .home(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                models += 1
            case .procedureIndex(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                models += 1
            case .checklistIndex(let m):
                #expect(StableHasher.hash(m) == StableHasher.encoderHash(m))
                models += 1
            case nil: break
            }
        }
        #expect(models == 12)
        #expect(StableHasher.hash(graph.roles[0]) == StableHasher.encoderHash(graph.roles[0]))
    }

    /// The stored properties of `value`, which its synthesized `encode(to:)` writes (nil optionals
    /// as nothing): a direct conformance must list every one of them, in this order.
    static func storedFields(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.map { $0.label ?? "" }
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
        let site = SiteMap(graph: graph), identity = BuildIdentity(graph: graph, renderer: 42)
        var out: [String: UInt64] = [:]
        for job in site.pages {
            let (model, fingerprint) = SiteRenderer.fingerprint(of: job, site: site, identity: identity)
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

    static let indexPages = ["index.html", "procedures/index.html", "checklists/index.html"]

    @Test("the home page and the two indexes change with what they list, not with a role's duties")
    func indexFingerprints() throws {
        let before = try Self.fingerprints(Self.tree)
        #expect(Set(Self.indexPages).isSubset(of: before.keys))
        #expect(before["az.html"] == nil && before["search.html"] == nil)
        // The most common edit, a role's duties: none of them shows those.
        let duties = try Self.fingerprints(Self.tree.with(["roles/cleaner.md": "---\ntitle: 保洁员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责清洁与消毒。\n"]))
        for page in Self.indexPages { #expect(duties[page] == before[page], "\(page)") }
        // A procedure's title is on both indexes; the home page names it only under a date.
        let procedure = try Self.fingerprints(Self.tree.with(["procedures/open.md": "---\ntitle: 开店前检查\nowner: manager\nroles: [cashier]\nfrequency: daily\n---\n## 开店前\n\n1. 08:30 签到。\n"]))
        #expect(procedure["procedures/index.html"] != before["procedures/index.html"])
        #expect(procedure["checklists/index.html"] != before["checklists/index.html"])
        #expect(procedure["index.html"] == before["index.html"])
        // A step more: the procedure index counts steps, the checklist index does not.
        let steps = try Self.fingerprints(Self.tree.with(["procedures/open.md": "---\ntitle: 开店检查\nowner: manager\nroles: [cashier]\nfrequency: daily\n---\n## 开店前\n\n1. 08:30 签到。\n2. 开灯。\n"]))
        #expect(steps["procedures/index.html"] != before["procedures/index.html"])
        #expect(steps["checklists/index.html"] == before["checklists/index.html"])
        // A vacant post: the home page's totals and its vacancies panel.
        let vacant = try Self.fingerprints(Self.tree.with(["roles/cleaner.md": "---\ntitle: 保洁员\ndepartment: store\nreports_to: manager\nheadcount: 0\n---\n## 岗位职责\n\n1. 负责清洁。\n"]))
        #expect(vacant["index.html"] != before["index.html"])
        #expect(vacant["procedures/index.html"] == before["procedures/index.html"])
        // The department's title heads the tree and both indexes' groups.
        let department = try Self.fingerprints(Self.tree.with(["departments/store.md": "---\ntitle: 门店部\nhead: manager\n---\n"]))
        for page in Self.indexPages { #expect(department[page] != before[page], "\(page)") }
        // The cashier has a sheet: its new title is on the checklist index.
        let cashier = try Self.fingerprints(Self.tree.with(["roles/cashier.md": "---\ntitle: 收款员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责收银。\n"]))
        #expect(cashier["checklists/index.html"] != before["checklists/index.html"])
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
    /// The store with a sub-department (its head reports to the store manager) and a department
    /// beside it whose role the store's page never shows.
    static let departments = tree.with([
        "departments/front.md": "---\ntitle: 前厅组\nparent: store\nhead: greeter\n---\n",
        "roles/greeter.md": "---\ntitle: 迎宾组长\ndepartment: front\nreports_to: manager\n---\n## 岗位职责\n\n1. 迎接顾客。\n",
        "departments/office.md": "---\ntitle: 行政部\nhead: clerk\n---\n",
        "roles/clerk.md": "---\ntitle: 文员\ndepartment: office\ntop: true\n---\n## 岗位职责\n\n1. 整理档案。\n",
    ])
    static let storePage = "departments/store.html"

    @Test("a department page changes with the titles and headcounts it shows, not with duties or roles elsewhere")
    func departmentFingerprints() throws {
        let before = try Self.fingerprints(Self.departments)
        #expect(before[Self.storePage] != nil && before["departments/front.html"] != nil)

        // Duties are on role pages only: neither a role of the store's nor one of another department changes it.
        let ownDuties = try Self.fingerprints(Self.departments.with(["roles/cleaner.md": "---\ntitle: 保洁员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责清洁与消毒。\n"]))
        #expect(ownDuties[Self.storePage] == before[Self.storePage])
        let otherDuties = try Self.fingerprints(Self.departments.with(["roles/clerk.md": "---\ntitle: 文员\ndepartment: office\ntop: true\n---\n## 岗位职责\n\n1. 整理与归档文件。\n"]))
        #expect(otherDuties[Self.storePage] == before[Self.storePage])
        #expect(otherDuties["departments/office.html"] == before["departments/office.html"])
        // …nor does another department's role's title.
        let otherTitle = try Self.fingerprints(Self.departments.with(["roles/clerk.md": "---\ntitle: 行政文员\ndepartment: office\ntop: true\n---\n"]))
        #expect(otherTitle[Self.storePage] == before[Self.storePage])
        #expect(otherTitle["departments/office.html"] != before["departments/office.html"])

        // A title and a headcount of the store's own roles are in its chart and table.
        let title = try Self.fingerprints(Self.departments.with(["roles/cleaner.md": "---\ntitle: 清洁工\ndepartment: store\nreports_to: manager\n---\n"]))
        #expect(title[Self.storePage] != before[Self.storePage])
        let headcount = try Self.fingerprints(Self.departments.with(["roles/cashier.md": "---\ntitle: 收银员\ndepartment: store\nreports_to: manager\nheadcount: 4\n---\n## 岗位职责\n\n1. 负责收银。\n"]))
        #expect(headcount[Self.storePage] != before[Self.storePage])

        // The sub-department's head is a box of the store's chart: its title shows there.
        let head = try Self.fingerprints(Self.departments.with(["roles/greeter.md": "---\ntitle: 迎宾主管\ndepartment: front\nreports_to: manager\n---\n## 岗位职责\n\n1. 迎接顾客。\n"]))
        #expect(head[Self.storePage] != before[Self.storePage])
        #expect(head["departments/front.html"] != before["departments/front.html"])
        #expect(head["departments/office.html"] == before["departments/office.html"])
    }

    @Test("an org chart's model holds what is drawn, not where the roles sit in the graph")
    func orgChartModelHasNoGraphIndexes() throws {
        let graph = try buildGraph(Self.departments)
        let store = try #require(graph.departmentIndex["store"])
        let chart = OrgChartModel(site: SiteMap(graph: graph), department: store)
        // A role file sorting before every other shifts every role's index, but not the chart.
        let shifted = try buildGraph(Self.departments.with(["roles/aaa.md": "---\ntitle: 顾问\ndepartment: office\nreports_to: clerk\n---\n"]))
        let shiftedChart = OrgChartModel(site: SiteMap(graph: shifted), department: try #require(shifted.departmentIndex["store"]))
        #expect(shifted.roleIndex["manager"] != graph.roleIndex["manager"])
        #expect(shiftedChart == chart)
        #expect(StableHasher.hash(shiftedChart) == StableHasher.hash(chart))
        // The manager on top, the greeter's box outside the department and naming the one it heads.
        #expect(chart.nodes.first?.role.title == "店长" && chart.nodes.count == 4)
        #expect(Set(chart.nodes.map(\.role.title)) == ["店长", "收银员", "保洁员", "迎宾组长"])
        let greeter = try #require(chart.nodes.first { $0.role.title == "迎宾组长" })
        #expect(greeter.outside && greeter.subDepartment?.title == "前厅组")
        #expect(chart.roots.map { chart.nodes[$0].role.title } == ["店长"])
    }
}
