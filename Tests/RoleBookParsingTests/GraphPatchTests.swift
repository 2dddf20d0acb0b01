import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// `serve` patches the last graph after an edit (``GraphBuilder/patch(_:with:configFile:mentions:)``):
/// after every edit below the result must be the graph and diagnostics a full check makes, and
/// the patch must be taken exactly when it is safe.
@Suite("graph patches")
struct GraphPatchTests {
    /// Every stored field of the two graphs, compared: a field added to ``RoleGraph`` later is
    /// compared too, without a change here.
    static func differences(_ a: RoleGraph, _ b: RoleGraph) -> [String] {
        var out: [String] = []
        for (x, y) in zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children) {
            let label = x.label ?? "?"
            // An identity: a patch keeps it, a build makes a new one.
            if label == "layout" { continue }
            let same: Bool
            // Dictionaries: their order depends on how they were filled.
            if let p = x.value as? [String: Int], let q = y.value as? [String: Int] {
                same = p == q
            } else if let p = x.value as? [NodeRef: [LinkEdge]], let q = y.value as? [NodeRef: [LinkEdge]] {
                same = p == q
            } else if let p = x.value as? SiteConfig, let q = y.value as? SiteConfig {
                same = p == q
            } else {
                var s = "", t = ""
                dump(x.value, to: &s)
                dump(y.value, to: &t)
                same = s == t
            }
            if !same { out.append(label) }
        }
        return out
    }

    /// Edits `path` (replacing `from` by `to`), checks with the cache told of it, and compares
    /// with a full check; `patched`: whether the patch must have been taken.
    static func edit(_ root: URL, _ cache: inout ParseCache, _ path: String, _ from: String, _ to: String,
                     patched: Bool, _ comment: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let file = root.appendingPathComponent(path)
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        #expect(text.contains(from), comment, sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
        try check(root, &cache, path, patched: patched, comment, sourceLocation: sourceLocation)
    }

    static func check(_ root: URL, _ cache: inout ParseCache, _ path: String, patched: Bool, _ comment: Comment,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let loader = testLoader(root)
        let incremental = try Checker(loader: loader).run(cache: &cache, changed: [path]).result
        let full = try Checker(loader: loader).run()
        let tookPatch = incremental.timings.phases.contains { $0.name == "graph patch" }
        #expect(tookPatch == patched, "\(comment): patched \(tookPatch)", sourceLocation: sourceLocation)
        #expect(differences(incremental.graph, full.graph) == [], comment, sourceLocation: sourceLocation)
        #expect(incremental.diagnostics == full.diagnostics, comment, sourceLocation: sourceLocation)
        #expect(incremental.fileCount == full.fileCount, comment, sourceLocation: sourceLocation)
    }

    @Test("edits that keep every id: the patched graph equals a full build's")
    func patchedEdits() throws {
        try withContent(DiffFixtures.base.with(["roles/ceo.md": DiffFixtures.role("总经理", department: "ops", reportsTo: nil,
                                                                                  duties: ["制定公司战略", "审阅[运营经理](manager.md)的报表"])])) { root in
            var cache = ParseCache()
            _ = try Checker(loader: testLoader(root)).run(cache: &cache)
            // A duty, a title (mentions move), a superior, a department (the procedures its
            // holder owns move with it), a dotted line, a count.
            try Self.edit(root, &cache, "roles/driver.md", "驾驶配送车辆", "驾驶配送车辆并协助店长", patched: true, "body")
            try Self.edit(root, &cache, "roles/manager.md", "title: 运营经理", "title: 运营总监", patched: true, "title")
            try Self.edit(root, &cache, "roles/clerk.md", "reports_to: store-lead", "reports_to: manager", patched: true, "superior")
            try Self.edit(root, &cache, "roles/store-lead.md", "department: store", "department: logistics", patched: true, "department of an owner")
            try Self.edit(root, &cache, "roles/cashier.md", "reports_to: store-lead", "reports_to: store-lead\ndotted_line_to: [logi-lead]", patched: true, "dotted line")
            try Self.edit(root, &cache, "departments/archive.md", "parent: ops", "parent: store", patched: true, "department parent")
            try Self.edit(root, &cache, "procedures/open.md", "owner: store-lead", "owner: manager", patched: true, "procedure owner")
            // Links: one added, broken, mended, removed (the file's run of links is replaced in place).
            try Self.edit(root, &cache, "roles/driver.md", "驾驶配送车辆并", "驾驶[配送](../procedures/close.md)车辆并", patched: true, "link added")
            try Self.edit(root, &cache, "roles/driver.md", "close.md", "closing.md", patched: true, "link broken (RB109 in this file)")
            try Self.edit(root, &cache, "roles/driver.md", "closing.md", "close.md", patched: true, "link mended")
            try Self.edit(root, &cache, "roles/ceo.md", "[运营经理](manager.md)", "运营总监", patched: true, "link removed")
            // A department left out (RB111, about this file only), then put back.
            try Self.edit(root, &cache, "roles/trainee.md", "department: store\n", "", patched: true, "department removed")
            try Self.edit(root, &cache, "roles/trainee.md", "title: 储备店长\n", "title: 储备店长\ndepartment: store\n", patched: true, "department back")
            // Saved without a change.
            try Self.edit(root, &cache, "roles/driver.md", "司机", "司机", patched: true, "no change")
        }
    }

    @Test("edits that may change other files' references build the graph again, with the same result")
    func fullBuilds() throws {
        try withContent(DiffFixtures.base) { root in
            var cache = ParseCache()
            _ = try Checker(loader: testLoader(root)).run(cache: &cache)
            // A reference by title: from now on a title edit elsewhere could change it.
            try Self.edit(root, &cache, "roles/driver.md", "reports_to: logi-lead", "reports_to: 物流主管", patched: false, "by title")
            try Self.edit(root, &cache, "roles/logi-lead.md", "title: 物流主管", "title: 物流经理", patched: false, "title it named (now unknown: RB101)")
            try Self.edit(root, &cache, "roles/driver.md", "reports_to: 物流主管", "reports_to: logi-lead", patched: false, "back to an id")
            try Self.edit(root, &cache, "roles/cashier.md", "收银结账", "收银结账", patched: true, "patchable again")
            // A new id, an unknown reference, a file that no longer parses, and back.
            try Self.edit(root, &cache, "roles/trainee.md", "title: 储备店长", "id: reserve\ntitle: 储备店长", patched: false, "id changed")
            try Self.edit(root, &cache, "roles/clerk.md", "reports_to: store-lead", "reports_to: nobody", patched: false, "unknown superior")
            try Self.edit(root, &cache, "roles/clerk.md", "reports_to: nobody", "reports_to: store-lead", patched: false, "fixed")
            try Self.edit(root, &cache, "roles/clerk.md", "title: 理货员", "title: [理货员", patched: false, "YAML broken")
            try Self.edit(root, &cache, "roles/clerk.md", "title: [理货员", "title: 理货员", patched: false, "YAML fixed")
            try Self.edit(root, &cache, "roles/clerk.md", "整理货架", "整理货架和仓库", patched: true, "patchable again")
            // The settings.
            try Self.edit(root, &cache, "rolebook.yml", "title: 测试集团", "title: 测试集团二", patched: false, "rolebook.yml")
        }
    }
}
