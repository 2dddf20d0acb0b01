import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
import RoleBookTestSupport

/// The cache under `.rolebook-cache/` may only ever save work: after any edit, an incremental
/// build must leave exactly the files a build from scratch writes.
@Suite("Incremental builds", .offPool)
struct IncrementalBuildTests {
    /// A scratch folder holding a copy of the e2e fixture content, its site and its cache.
    struct Workspace {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var site: URL { root.appendingPathComponent("site") }
        var cache: URL { root.appendingPathComponent(".rolebook-cache") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let fixture = try #require(Bundle.module.url(forResource: "Fixtures/e2e/content", withExtension: nil))
            try FileManager.default.copyItem(at: fixture, to: content)
        }

        /// Builds as `rolebook build` does: pages whose inputs did not change are kept, not rendered.
        func build(into output: URL? = nil, cache: URL? = nil, renderer identity: UInt64? = BuildIdentity.rendererIdentity) throws -> SiteWriter.Summary {
            let result = try Checker(loader: ContentLoader(root: content, displayRoot: "content")).run()
            #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
            var clock = Stopwatch()
            return try SiteBuild(renderer: SiteRenderer(graph: result.graph, rendererIdentity: identity),
                                 writer: SiteWriter(output: output ?? site), cache: cache).run(timings: &clock)
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(path)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }

        /// Every file under `folder` (marker excluded), path → bytes.
        static func files(_ folder: URL) throws -> [String: Data] {
            var out: [String: Data] = [:]
            let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
            while let path = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
                if !isDirectory.boolValue, path != SiteWriter.marker { out[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
            }
            return out
        }

        /// Builds from scratch into a second folder and expects the incremental site to equal it.
        func expectSameAsFreshBuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let fresh = root.appendingPathComponent("fresh")
            try? FileManager.default.removeItem(at: fresh)
            _ = try build(into: fresh, cache: nil)
            let a = try Self.files(site), b = try Self.files(fresh)
            #expect(Set(a.keys) == Set(b.keys), "file sets differ: \(Set(a.keys).symmetricDifference(b.keys).sorted())", sourceLocation: sourceLocation)
            let differing = a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "files differ from a fresh build: \(differing)", sourceLocation: sourceLocation)
        }

        func text(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }

        /// Site files whose text contains `needle`.
        func filesContaining(_ needle: String) throws -> Set<String> {
            Set(try Self.files(site).filter { String(decoding: $0.value, as: UTF8.self).contains(needle) }.keys)
        }
    }

    @Test("the first build writes everything; an unchanged rebuild writes nothing")
    func unchangedRebuild() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        let first = try w.build(cache: w.cache)
        #expect(!first.incremental && first.written > 0)
        let second = try w.build(cache: w.cache)
        #expect(second.incremental)
        #expect(second.written == 0 && second.removed == 0 && second.unchanged == first.written)
        // Every role, department and procedure page and sheet, the home page and the procedure and
        // checklist indexes are kept without being rendered.
        let graph = try Checker(loader: ContentLoader(root: w.content, displayRoot: "content")).run().graph
        let site = SiteMap(graph: graph), identity = BuildIdentity(graph: graph)
        let fingerprinted = SiteRenderer(graph: graph).jobs.filter { SiteRenderer.fingerprint(of: $0, site: site, identity: identity).1 != nil }.count
        #expect(fingerprinted == graph.roles.count + graph.departments.count + 2 * graph.procedures.count
                + graph.procedures.filter(\.hasWeekGrid).count + graph.roles.indices.filter { !graph.roleProcedures[$0].isEmpty }.count + 3)
        // …and so are the search index files and graph.json, since no file changed at all.
        let searchFiles = try FileManager.default.subpathsOfDirectory(atPath: w.site.appendingPathComponent("search").path)
            .filter { $0.hasSuffix(".js") }.count
        #expect(searchFiles > 0)
        #expect(second.kept == fingerprinted + searchFiles + 1, "\(second)")
    }

    @Test("an org-chart edit keeps the search index; an edit of searchable text rebuilds it")
    func searchIndexKeptUnlessTextChanges() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        let unchanged = try w.build(cache: w.cache)
        let search = w.site.appendingPathComponent("search")
        let indexBefore = try Workspace.files(search)
        // A headcount and a dotted line are not searchable text: the index files are not rebuilt.
        try w.edit("roles/front-desk.md") { $0.replacingOccurrences(of: "headcount: 3", with: "headcount: 4\ndotted_line_to: [ops-director]") }
        let orgChart = try w.build(cache: w.cache)
        let searchFiles = indexBefore.keys.filter { $0.hasSuffix(".js") }.count
        #expect(try Workspace.files(search) == indexBefore, "an org-chart edit leaves every search file as it was")
        #expect(orgChart.written >= 1 && orgChart.kept >= searchFiles, "\(orgChart)")
        #expect(orgChart.kept < unchanged.kept, "graph.json and the pages showing the role are rendered again")
        #expect(try w.text("graph.json").contains("\"headcount\":4"))
        try w.expectSameAsFreshBuild()
        // A responsibility is: the index is built again (patched: the files the new words land in
        // are rewritten, others may be kept) and finds the new words.
        try w.edit("roles/front-desk.md") { $0 + "4. 登记失物招领。\n" }
        let text = try w.build(cache: w.cache)
        let indexAfter = try Workspace.files(search)
        // Search files of the previous build rewritten with other bytes, or gone.
        let rewritten = indexBefore.keys.filter { indexAfter[$0] != indexBefore[$0] }.count
        #expect(rewritten >= 1, "a text edit rewrites the search index")
        // Not kept: the rewritten search files, graph.json and the role's own page.
        #expect(text.kept <= unchanged.kept - rewritten - 2, "\(text), \(rewritten) search files rewritten")
        #expect(try !w.filesContaining("\"失物\":").filter { $0.hasPrefix("search/i/") }.isEmpty)
        try w.expectSameAsFreshBuild()
    }

    @Test("a rebuilt rolebook renders every page again")
    func newRendererRendersEverything() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache, renderer: 1)
        #expect(try w.build(cache: w.cache, renderer: 1).kept > 0)
        #expect(try w.build(cache: w.cache, renderer: 2).kept == 0)
        // Without a way to tell which rolebook rendered a page, none is kept.
        #expect(try w.build(cache: w.cache, renderer: nil).kept == 0)
        #expect(try w.build(cache: w.cache, renderer: nil).kept == 0)
        try w.expectSameAsFreshBuild()
    }

    /// Edits of every kind a page can depend on, applied one after another.
    static let edits: [(name: String, path: String, change: @Sendable (String) -> String)] = [
        ("superior's title", "roles/cs-manager.md", { $0.replacingOccurrences(of: "title: 客服经理", with: "title: 客户体验经理") }),
        ("vacancy filled", "roles/cs-assistant.md", { $0.replacingOccurrences(of: "headcount: 0", with: "headcount: 2") }),
        ("headcount", "roles/front-desk.md", { $0.replacingOccurrences(of: "headcount: 3", with: "headcount: 5") }),
        ("new superior", "roles/cs-assistant.md", { $0.replacingOccurrences(of: "reports_to: cs-manager", with: "reports_to: ops-director\ndepartment: ops").replacingOccurrences(of: "department: cs\n", with: "") }),
        ("dotted line removed", "roles/ops-director.md", { $0.replacingOccurrences(of: "dotted_line_to: [cs-manager]\n", with: "") }),
        ("dotted line added", "roles/front-desk.md", { $0.replacingOccurrences(of: "headcount: 5", with: "headcount: 5\ndotted_line_to: [ops-director]") }),
        ("department title", "departments/ops.md", { $0.replacingOccurrences(of: "title: 營運部", with: "title: 营运管理部") }),
        ("department summary", "departments/cs.md", { $0.replacingOccurrences(of: "summary: 负责", with: "summary: 主要负责") }),
        ("a mention of a role", "roles/ceo.md", { $0 + "2. 听取营运总监的月度汇报。\n" }),
        ("a mention of a role from outside its branch", "roles/cs-assistant.md", { $0 + "2. 每月向总经理提交客户档案报告。\n" }),
        ("a performer's title", "roles/front-desk.md", { $0.replacingOccurrences(of: "title: 前台接待", with: "title: 前台接待员") }),
        ("a link to a role", "departments/hq.md", { $0 + "2. 指导[前台接待](../roles/front-desk.md)工作。\n" }),
        ("procedure owner", "procedures/opening.md", { $0.replacingOccurrences(of: "owner: cs-manager", with: "owner: ops-director") }),
        ("procedure performers", "procedures/opening.md", { $0.replacingOccurrences(of: "roles: [front-desk]", with: "roles: [front-desk, cs-assistant]") }),
        ("procedure step", "procedures/opening.md", { $0.replacingOccurrences(of: "检查预约登记表", with: "检查预约与会员登记表") }),
        ("procedure frequency", "procedures/opening.md", { $0.replacingOccurrences(of: "frequency: daily", with: "frequency: weekly") }),
        ("role id", "roles/front-desk.md", { $0.replacingOccurrences(of: "title: 前台接待", with: "id: reception\ntitle: 前台接待") }),
        ("references to the new id", "procedures/opening.md", { $0.replacingOccurrences(of: "roles: [front-desk,", with: "roles: [reception,") }),
        ("site title", "rolebook.yml", { $0.replacingOccurrences(of: "title: 示例集团岗位手册", with: "title: 示例集团员工手册") }),
        ("site language", "rolebook.yml", { $0.replacingOccurrences(of: "language: zh-CN", with: "language: zh-TW") }),
    ]

    @Test("after each of a series of edits, a rebuild that keeps unchanged pages equals a fresh build")
    func everyKindOfEdit() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        for edit in Self.edits {
            let before = try String(contentsOf: w.content.appendingPathComponent(edit.path), encoding: .utf8)
            try w.edit(edit.path, edit.change)
            let after = try String(contentsOf: w.content.appendingPathComponent(edit.path), encoding: .utf8)
            #expect(before != after, "edit '\(edit.name)' changed nothing")
            // A renamed id leaves references to the old one until the next edit fixes them.
            if edit.name == "role id" { continue }
            let summary = try w.build(cache: w.cache)
            #expect(summary.incremental && summary.written > 0, "\(edit.name): \(summary)")
            try w.expectSameAsFreshBuild()
        }
    }

    @Test("the previous site kept in the cache becomes the next one without a write into a published file")
    func spareFolder() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        /// Builds with hard links of every published file kept aside: a write into an inode the
        /// spare shares with the site would show in them.
        func build() throws -> SiteWriter.Summary {
            let witness = w.root.appendingPathComponent("witness")
            try? FileManager.default.removeItem(at: witness)
            let published = try Workspace.files(w.site)
            for path in published.keys {
                let to = witness.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                #expect(link(w.site.appendingPathComponent(path).path, to.path) == 0)
            }
            let summary = try w.build(cache: w.cache)
            #expect(try Workspace.files(witness) == published, "a published file was written into")
            try w.expectSameAsFreshBuild()
            return summary
        }
        let role = w.content.appendingPathComponent("roles/night-clerk.md")
        try Data("---\ntitle: 夜班文员\ndepartment: cs\nreports_to: cs-manager\n---\n".utf8).write(to: role)
        _ = try w.build(cache: w.cache)
        let manifest = SiteManifest.location(cache: w.cache, output: w.site)
        #expect(!FileManager.default.fileExists(atPath: SpareFolder.folder(manifest: manifest)), "a full write keeps no spare")
        let retitle: (String) -> String = { $0.replacingOccurrences(of: "title: 客服经理", with: "title: 客户体验经理") }
        try w.edit("roles/cs-manager.md", retitle)
        try FileManager.default.removeItem(at: role)
        _ = try build()
        #expect(FileManager.default.fileExists(atPath: SpareFolder.list(manifest: manifest)))

        // Back to the first title: the spare (the first site) holds those pages, and the deleted
        // role's page, which must go.
        try w.edit("roles/cs-manager.md") { $0.replacingOccurrences(of: "title: 客户体验经理", with: "title: 客服经理") }
        var summary = try build()
        #expect(summary.incremental && summary.written > 0)
        // Pages the spare holds as links of the published ones are written again.
        try w.edit("roles/ceo.md") { $0 + "\n审阅年度报告。\n" }
        summary = try build()
        #expect(summary.incremental && summary.written > 0)

        // A file of the spare changed behind the build's back is replaced, not published.
        let list = try String(contentsOfFile: SpareFolder.list(manifest: manifest), encoding: .utf8)
        let listed = try #require(list.split(separator: "\n").dropFirst().first { !$0.hasPrefix("- ") }.map { String($0.split(separator: " ", maxSplits: 2)[2]) })
        let damaged = SpareFolder.folder(manifest: manifest) + "/" + listed
        #expect(unlink(damaged) == 0)
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: damaged))
        try w.edit("roles/cs-manager.md", retitle)
        summary = try build()
        #expect(summary.incremental)

        // A spare without its list is not trusted: removed, and the build links as before.
        SpareFolder.forget(manifest: manifest)
        try w.edit("roles/front-desk.md") { $0.replacingOccurrences(of: "headcount: 3", with: "headcount: 4") }
        summary = try build()
        #expect(summary.incremental && summary.written > 0)
        #expect(FileManager.default.fileExists(atPath: SpareFolder.list(manifest: manifest)))
    }

    @Test("after a text edit the search index is patched, keeping the files it does not touch")
    func searchIndexPatched() throws {
        // The same edit in two workspaces; one loses the cached document list, so its index is built whole.
        let patched = try Workspace(), rebuilt = try Workspace()
        defer { for w in [patched, rebuilt] { try? FileManager.default.removeItem(at: w.root) } }
        var kept: [Int] = []
        for (w, dropList) in [(patched, false), (rebuilt, true)] {
            _ = try w.build(cache: w.cache)
            try w.edit("roles/front-desk.md") { $0 + "4. 登记失物招领。\n" }
            if dropList {
                for name in try FileManager.default.contentsOfDirectory(atPath: w.cache.path) where name.hasSuffix(".docs") {
                    try FileManager.default.removeItem(at: w.cache.appendingPathComponent(name))
                }
            }
            kept.append(try w.build(cache: w.cache).kept)
            try w.expectSameAsFreshBuild()
        }
        #expect(kept[0] > kept[1], "the patched index keeps untouched fragment bundles: \(kept)")
    }

    @Test("an edit re-renders the pages that show what changed and keeps the rest")
    func editKeepsUnrelatedPages() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        let first = try w.build(cache: w.cache)
        // One responsibility of a role at the bottom of the tree: its own page and sheets, its
        // department's page and its peers' pages (they list it) are rendered again; the others are kept.
        try w.edit("roles/cs-assistant.md") { $0 + "2. 整理回访记录。\n" }
        let summary = try w.build(cache: w.cache)
        #expect(summary.kept > 0 && summary.kept < first.kept, "\(summary)")
        #expect(summary.written >= 1)
        try w.expectSameAsFreshBuild()
    }

    @Test("a title edit updates every page showing it, the superior's org chart and the search index")
    func titleEdit() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        let before = try w.filesContaining("客服经理")
        #expect(before.contains("roles/cs-manager.html"))
        #expect(before.contains("roles/cs-assistant.html"), "the subordinate's chain of command shows the title")
        #expect(try w.filesContaining("\"体验\":").isEmpty)

        try w.edit("roles/cs-manager.md") { $0.replacingOccurrences(of: "title: 客服经理", with: "title: 客户体验经理") }
        let summary = try w.build(cache: w.cache)
        #expect(summary.incremental)
        #expect(summary.written > 0 && summary.unchanged > 0, "\(summary)")
        try w.expectSameAsFreshBuild()

        let after = try w.filesContaining("客户体验经理")
        for page in ["roles/cs-manager.html", "roles/cs-assistant.html", "departments/cs.html", "graph.json", "az.html"] {
            #expect(after.contains(page), "\(page) should show the new title")
        }
        // The department page draws the org chart in which the role's box sits under its superior.
        #expect(try w.text("departments/cs.html").contains("<svg"))
        // Shards hold bigrams: 体验 comes only from the new title.
        #expect(try w.filesContaining("\"体验\":").contains { $0.hasPrefix("search/i/") }, "the search shards index the new title")
        #expect(after.contains { $0.hasPrefix("search/f/") }, "the result fragment shows the new title")
        // No page keeps the old title where the role is named (the role has no alias with it).
        let stale = try w.filesContaining("title\":\"客服经理")
        #expect(stale.isEmpty, "stale fragments: \(stale)")
    }

    @Test("a new role adds its page; deleting it removes the page")
    func addAndRemoveRole() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        let role = w.content.appendingPathComponent("roles/night-clerk.md")
        try Data("---\ntitle: 夜班文员\ndepartment: cs\nreports_to: cs-manager\n---\n## 岗位职责\n\n- 整理当日来电记录。\n".utf8).write(to: role)
        var summary = try w.build(cache: w.cache)
        #expect(summary.incremental)
        #expect(FileManager.default.fileExists(atPath: w.site.appendingPathComponent("roles/night-clerk.html").path))
        try w.expectSameAsFreshBuild()

        try FileManager.default.removeItem(at: role)
        summary = try w.build(cache: w.cache)
        #expect(summary.incremental && summary.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: w.site.appendingPathComponent("roles/night-clerk.html").path))
        try w.expectSameAsFreshBuild()
    }

    @Test("a file deleted from the site by hand is written again")
    func deletedOutputFile() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        try FileManager.default.removeItem(at: w.site.appendingPathComponent("roles/ceo.html"))
        let summary = try w.build(cache: w.cache)
        #expect(summary.incremental && summary.written == 1)
        try w.expectSameAsFreshBuild()
    }

    @Test("a site written by another build is not trusted: the next build writes everything")
    func foreignSite() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        _ = try w.build(cache: w.cache)
        try w.edit("roles/ceo.md") { $0 + "\n- 新增一条职责。\n" }
        _ = try w.build(cache: nil)   // e.g. `--no-cache`: the marker now names a build the manifest does not know
        let summary = try w.build(cache: w.cache)
        #expect(!summary.incremental)
        try w.expectSameAsFreshBuild()
    }

    @Test("manifests round-trip; the build id follows the files, not their order")
    func manifestFormat() throws {
        let files = [OutputFile(path: "a.html", contents: "经理"), OutputFile(path: "b/c.js", contents: "")]
        let manifest = SiteManifest(files: files)
        #expect(SiteManifest.parse(manifest.text) == manifest)
        #expect(SiteManifest.parse("garbage") == nil)
        // Inputs, stamps (a negative time too), paths with spaces and the largest numbers read back.
        let full = SiteManifest(hashes: ["a b/c d.html": .max, "x.js": 0, "": 7], inputs: ["x.js": 0xABC, "": .max],
                                stamps: ["a b/c d.html": FileStamp(size: 12, modified: -5), "x.js": FileStamp(size: .max, modified: 1)])
        #expect(SiteManifest.parse(full.text) == full)
        let line = "rolebook-manifest 3 id\n"
        #expect(SiteManifest.parse(line + "1f - - p\n")?.hashes == ["p": 0x1F])
        #expect(SiteManifest.parse(line + "1F 2 3:4 p q\n")?.stamps["p q"] == FileStamp(size: 3, modified: 4))
        for bad in ["xyz - - p\n", "1 - p\n", "1 - 3 p\n", "11112222333344445 - - p\n", "1 - 3:4\n", "1\n"] {
            #expect(SiteManifest.parse(line + bad) == nil, "\(bad)")
        }
        #expect(SiteManifest.parse("rolebook-manifest 2 id\n1 - - p\n") == nil)
        #expect(SiteManifest.hash("abcdefgh1") != SiteManifest.hash("abcdefgh2"))
        #expect(SiteManifest(files: files.reversed()).buildID == manifest.buildID)
        #expect(SiteManifest(files: [files[0], OutputFile(path: "b/c.js", contents: "x")]).buildID != manifest.buildID)
    }

    /// Manifests on disk, parse-cache entries and SARIF fingerprints outlive the process that
    /// wrote them: the hash of the same bytes must be these numbers in every run, on every
    /// machine and in every release (a change invalidates every cache and every alert's identity).
    @Test("hashes are the same in every process: pinned values", arguments: [
        ("", 0x3a02_73e4_604a_6533 as UInt64), ("abc", 0xb5e9_7af8_66ad_c0a1), ("经理", 0xafef_5d19_9c24_0631),
        ("abcdefgh1", 0x6b31_cce3_f11b_02fd), ("客服经理岗位职责", 0x1ca8_45e1_7a5d_2975),
    ])
    func pinnedHashes(text: String, expected: UInt64) {
        #expect(StableHash.string(text) == expected)
        #expect(SiteManifest.hash(text) == expected)
    }

    @Test("combining hashes is pinned too, and order matters")
    func pinnedCombine() {
        #expect(StableHash.combine(StableHash.string("abc"), 1) == 0x3d78_73f6_2432_108a)
        #expect(StableHash.combine(StableHash.combine(0, 1), 2) != StableHash.combine(StableHash.combine(0, 2), 1))
    }
}

/// What the writer promises about folders it does not own and builds that fail.
@Suite("Site writer safety", .offPool)
struct SiteWriterSafetyTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("refuses to replace a non-empty folder it did not create, and leaves it untouched")
    func refusesForeignFolder() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let precious = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: precious.appendingPathComponent("thesis.txt"))
        for cache in [nil, root.appendingPathComponent(".rolebook-cache")] {
            #expect(throws: SiteWriteError.self) {
                try SiteWriter(output: precious).write([OutputFile(path: "index.html", contents: "x")], cache: cache)
            }
        }
        #expect(try String(contentsOf: precious.appendingPathComponent("thesis.txt"), encoding: .utf8) == "keep me")
        #expect(!FileManager.default.fileExists(atPath: precious.appendingPathComponent("index.html").path))
    }

    @Test("a write that fails leaves the previous site intact and no staging folder behind")
    func failedWriteKeepsPreviousSite() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "old")])
        // A path that cannot be created (a file stands where a folder must go) makes the write fail midway.
        let bad = [OutputFile(path: "a.html", contents: "new"), OutputFile(path: "a.html/b.html", contents: "new")]
        #expect(throws: SiteWriteError.self) { try SiteWriter(output: site).write(bad) }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("rolebook-new") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    struct RenderFailure: Error {}

    @Test("a build that fails after some batches were written leaves the previous site and no partial files",
          arguments: [false, true])
    func failedProducerKeepsPreviousSite(withCache: Bool) throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let cache = withCache ? root.appendingPathComponent(".rolebook-cache") : nil
        _ = try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "old"), OutputFile(path: "roles/a.html", contents: "a")], cache: cache)
        #expect(throws: RenderFailure.self) {
            // What SiteBuild does when a step throws: the output is closed, never finished.
            let output = try SiteWriter(output: site).begin(cache: cache)
            defer { output.close() }
            try output.write([OutputFile(path: "index.html", contents: "new"), OutputFile(path: "roles/a.html", contents: "changed")])
            try output.write([OutputFile(path: "roles/b.html", contents: "b")])
            throw RenderFailure()
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "old")
        #expect(try String(contentsOf: site.appendingPathComponent("roles/a.html"), encoding: .utf8) == "a")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("roles/b.html").path))
        let everything = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        let leftovers = everything.filter { $0.contains("rolebook-new") || $0.hasSuffix(SiteWriter.temporarySuffix) }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("files written in many batches give the same site and manifest as one batch")
    func batchesEqualOneWrite() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = (0..<50).map { OutputFile(path: "d\($0 % 7)/p\($0).html", contents: "page \($0)") }
        let one = root.appendingPathComponent("one"), many = root.appendingPathComponent("many")
        let cacheOne = root.appendingPathComponent("c1"), cacheMany = root.appendingPathComponent("c2")
        _ = try SiteWriter(output: one).write(files, cache: cacheOne)
        let output = try SiteWriter(output: many).begin(cache: cacheMany)
        for start in stride(from: 0, to: files.count, by: 6) { try output.write(Array(files[start..<min(start + 6, files.count)])) }
        let summary = try output.finish()
        #expect(summary == .init(incremental: false, written: 50, unchanged: 0, removed: 0, kept: 0))
        for file in files {
            #expect(try String(contentsOf: many.appendingPathComponent(file.path), encoding: .utf8) == file.contents)
        }
        #expect(SiteWriter(output: one).markerBuildID() == SiteWriter(output: many).markerBuildID())
    }

    @Test("an empty folder or one with the marker is replaced")
    func replacesOwnFolder() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "one"), OutputFile(path: "old.html", contents: "x")])
        try SiteWriter(output: site).write([OutputFile(path: "index.html", contents: "two")])
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(SiteWriter.marker).path))
    }
}

@Test("folders of output paths, one-character names included")
func outputFolders() {
    let files = ["a", "x/b.html", "x/y/c.js", "index.html"].map { OutputFile(path: $0, contents: "") }
    #expect(SiteWriter.folders(of: files) == ["x", "x/y"])
}
