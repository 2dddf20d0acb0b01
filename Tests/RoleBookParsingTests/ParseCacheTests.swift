import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Rebuilds that parse only changed files and render only changed pages give the same site as
/// a build from scratch.
@Suite("incremental rebuilds")
struct ParseCacheTests {
    @Test("a cached load equals a full load; only changed files are parsed again")
    func cachedLoad() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            var cache = ParseCache()
            let (first, parsedFirst) = try loader.load(cache: &cache)
            #expect(parsedFirst == first.paths.count && cache.count == first.paths.count)
            #expect(first.entities == (try loader.load()).entities)
            let (again, parsedAgain) = try loader.load(cache: &cache)
            #expect(parsedAgain == 0 && again.entities == first.entities)

            let manager = root.appendingPathComponent("roles/manager.md")
            let text = try String(contentsOf: manager, encoding: .utf8)
            try text.replacingOccurrences(of: "运营经理", with: "营运经理").write(to: manager, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: root.appendingPathComponent("roles/ceo.md"))
            let (edited, parsedEdited) = try loader.load(cache: &cache)
            #expect(parsedEdited == 1)
            let full = try loader.load()
            #expect(edited.entities == full.entities && edited.diagnostics == full.diagnostics && edited.paths == full.paths)
            #expect(cache.count == full.paths.count)
        }
    }

    @Test("a change to rolebook.yml's sections parses everything again")
    func configInvalidates() throws {
        try withContent(RuleFixtures.base) { root in
            var cache = ParseCache()
            _ = try testLoader(root).load(cache: &cache)
            try "sections:\n  responsibilities: [主要职责]\n".write(to: root.appendingPathComponent("rolebook.yml"), atomically: true, encoding: .utf8)
            let (content, parsed) = try testLoader(root).load(cache: &cache)
            #expect(parsed == content.paths.count)
        }
    }

    @Test("told what changed, a load looks only at those files; an added or removed file walks again")
    func changedPathsOnly() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            var cache = ParseCache()
            let (first, _) = try loader.load(cache: &cache)
            func expectSameAsFull(_ content: LoadedContent, _ comment: Comment) throws {
                let full = try loader.load()
                #expect(content.entities == full.entities && content.diagnostics == full.diagnostics && content.paths == full.paths, comment)
            }
            // An edit, saved by renaming a scratch file over the real one: the scratch name is
            // reported too but is gone, and no other file is read (not even stat'ed).
            let manager = root.appendingPathComponent("roles/manager.md")
            let text = try String(contentsOf: manager, encoding: .utf8)
            try text.replacingOccurrences(of: "运营经理", with: "营运经理").write(to: manager, atomically: true, encoding: .utf8)
            let (edited, parsed) = try loader.load(cache: &cache, changed: ["roles/manager.md", "roles/manager.md.tmp"])
            #expect(parsed == 1 && cache.readCount == 1)
            #expect(edited.paths == first.paths)
            try expectSameAsFull(edited, "edit")
            // A file the watcher did not name is not looked at: the watcher is trusted.
            let ceo = root.appendingPathComponent("roles/ceo.md")
            let ceoText = try String(contentsOf: ceo, encoding: .utf8)
            try (ceoText + "\n").write(to: ceo, atomically: true, encoding: .utf8)
            _ = try loader.load(cache: &cache, changed: ["roles/manager.md"])
            // manager.md itself is read again only if it had not settled when last read (a slow
            // machine may take more than the settle margin between the two loads).
            #expect(cache.readCount <= 1)
            // A new file: the folder is walked again and the file is found.
            try text.replacingOccurrences(of: "id: manager", with: "id: manager2").write(to: root.appendingPathComponent("roles/manager2.md"), atomically: true, encoding: .utf8)
            let (added, _) = try loader.load(cache: &cache, changed: ["roles/manager2.md"])
            #expect(added.paths.contains("roles/manager2.md"))
            try expectSameAsFull(added, "added")
            // A removed file, and a removed folder: walked again.
            try FileManager.default.removeItem(at: root.appendingPathComponent("roles/manager2.md"))
            let (removed, _) = try loader.load(cache: &cache, changed: ["roles/manager2.md"])
            #expect(!removed.paths.contains("roles/manager2.md"))
            try expectSameAsFull(removed, "removed")
            try FileManager.default.removeItem(at: root.appendingPathComponent("roles"))
            let (noRoles, _) = try loader.load(cache: &cache, changed: ["roles"])
            #expect(!noRoles.paths.contains { $0.hasPrefix("roles/") })
            try expectSameAsFull(noRoles, "folder removed")
        }
    }

    /// Sets the modification time of every file under `root` to `seconds` since 1970 (and `nanoseconds`).
    static func setModified(_ root: URL, _ paths: [String], seconds: Int, nanoseconds: Int = 0) {
        for path in paths {
            var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
            #expect(utimensat(AT_FDCWD, root.appendingPathComponent(path).path, &times, 0) == 0, "\(path)")
        }
    }

    @Test("files whose stat is unchanged are not read again; a file still settling always is")
    func statSkips() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            let paths = try loader.load().paths.sorted()
            let past = Int(Date().timeIntervalSince1970) - 60
            Self.setModified(root, paths, seconds: past)
            var cache = ParseCache()
            _ = try loader.load(cache: &cache)
            #expect(cache.readCount == paths.count)
            // Settled and untouched: nothing read, nothing parsed.
            let (again, parsedAgain) = try loader.load(cache: &cache)
            let full = try loader.load()
            #expect(cache.readCount == 0 && parsedAgain == 0)
            #expect(again.entities == full.entities)

            // A settled file changed (new size and time) is read and parsed; only it.
            let manager = root.appendingPathComponent("roles/manager.md")
            let text = try String(contentsOf: manager, encoding: .utf8)
            #expect(text.contains("运营经理"))
            try text.replacingOccurrences(of: "运营经理", with: "营运经理").write(to: manager, atomically: false, encoding: .utf8)
            let (edited, parsedEdited) = try loader.load(cache: &cache)
            #expect(cache.readCount == 1 && parsedEdited == 1)
            let fullEdited = try loader.load()
            #expect(edited.entities == fullEdited.entities)

            // Written again within the same timestamp, same size: the file is still settling (just
            // modified), so it is read again and the change is seen, not taken from the cache.
            var info = stat()
            #expect(stat(manager.path, &info) == 0)
            try text.replacingOccurrences(of: "运营经理", with: "营销经理").write(to: manager, atomically: false, encoding: .utf8)
            Self.setModified(root, ["roles/manager.md"], seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
            var after = stat()
            #expect(stat(manager.path, &after) == 0 && after.st_size == info.st_size && after.st_ino == info.st_ino)
            let (rewritten, parsedRewritten) = try loader.load(cache: &cache)
            #expect(parsedRewritten == 1)
            let fullRewritten = try loader.load()
            #expect(rewritten.entities == fullRewritten.entities)
            #expect(rewritten.entities != edited.entities)
        }
    }
}

/// The mentions a rebuild finds reusing the last scan are those of a scan from scratch, and only
/// the sources that can have changed are scanned.
@Suite("incremental mentions")
struct MentionCacheTests {
    static let tree = RuleFixtures.base.with([
        "roles/cs-manager.md": "---\ntitle: 客户服务经理\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 处理投诉\n",
        "roles/clerk.md": "---\ntitle: 客服专员\ndepartment: ops\nreports_to: cs-manager\n---\n## 岗位职责\n\n- 协助客户服务经理处理投诉\n- 向客服主管汇报\n",
        "roles/desk.md": "---\ntitle: 前台\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 接待来访\n",
    ])

    @Test("after each edit, the mentions equal a fresh scan's, and unrelated sources are not scanned")
    func matchesFreshScan() throws {
        try withContent(Self.tree) { root in
            let loader = testLoader(root)
            var cache = ParseCache()
            _ = try Checker(loader: loader).run(cache: &cache)
            let total = try #require(cache.mentions).scanned.count
            #expect(cache.mentions?.scannedCount == total)
            func edit(_ path: String, _ from: String, _ to: String, scanned: ClosedRange<Int>, _ comment: Comment) throws {
                let file = root.appendingPathComponent(path)
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(text.contains(from), comment)
                try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
                let incremental = try Checker(loader: loader).run(cache: &cache, changed: [path]).result.graph
                let fresh = try Checker(loader: loader).run().graph
                #expect(incremental.mentions == fresh.mentions, comment)
                #expect(incremental.mentionedIn == fresh.mentionedIn, comment)
                #expect(scanned.contains(cache.mentions?.scannedCount ?? -1), "\(comment): scanned \(cache.mentions?.scannedCount ?? -1) of \(total)")
            }
            // A duty edited: that file only.
            try edit("roles/desk.md", "接待来访", "接待来访并联系运营经理", scanned: 1...1, "body edit")
            // A title: the texts holding the old or the new name, and the file itself.
            try edit("roles/cs-manager.md", "title: 客户服务经理", "title: 客服主管", scanned: 1...3, "rename")
            // An alias gained: the texts holding it.
            try edit("roles/manager.md", "title: 运营经理", "title: 运营经理\naliases: [前台主管]", scanned: 1...3, "alias")
            // No name changed and no file either: nothing scanned.
            try edit("roles/ceo.md", "制定公司战略", "制定公司战略", scanned: 0...0, "no change")
        }
    }
}

extension MentionCacheTests {
    @Test("an alias that folds to the title (a traditional spelling) does not hide the role's mentions")
    func aliasFoldingToTitle() throws {
        let result = try runCheck(RuleFixtures.base.with([
            "roles/cs.md": "---\ntitle: 客服经理\naliases: [客服經理]\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 处理投诉\n",
            "roles/clerk.md": "---\ntitle: 客服专员\ndepartment: ops\nreports_to: cs\n---\n## 岗位职责\n\n- 协助客服经理处理投诉\n",
        ]))
        let g = result.graph
        let cs = try #require(g.roleIndex["cs"])
        #expect(g.mentionedIn[cs].map { g.header(g.mentions[$0].from).id } == ["clerk"])
    }
}
