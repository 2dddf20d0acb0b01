import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// The build's mention cache on disk (`.rolebook-cache/mentions.cache`): a build that starts from
/// it finds the mentions a scan from scratch finds, scanning only what can have changed; a file
/// that is damaged or not its own is a full scan, never wrong mentions.
@Suite("mention cache on disk")
struct MentionCacheFileTests {
    static let identity: UInt64 = 0x5EED

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-mention-cache-\(UUID().uuidString)")
    }

    /// A build's check: the parse and mention caches loaded from `folder`, run, stored again.
    static func build(_ loader: ContentLoader, _ folder: URL) throws -> (graph: RoleGraph, scanned: Int?, loaded: Bool) {
        var cache = ParseCache.load(from: folder, loader: loader, identity: identity)
        let loaded = cache.storedMentions != nil
        let result = try Checker(loader: loader).run(cache: &cache, keepingMentions: true, keepingGraph: false).result
        #expect(cache.graph == nil)
        cache.store(in: folder, loader: loader, identity: identity)
        return (result.graph, cache.mentions?.scannedCount, loaded)
    }

    @Test("the file gives back the scan it was made from")
    func roundTrip() throws {
        try withContent(MentionCacheTests.tree) { root in
            let loader = testLoader(root)
            var cache = ParseCache()
            let graph = try Checker(loader: loader).run(cache: &cache, keepingMentions: true, keepingGraph: false).result.graph
            let mentions = try #require(cache.mentions)
            #expect(!graph.mentions.isEmpty)
            let bytes = try #require(mentions.encoded(identity: Self.identity, displayRoot: loader.displayRoot))
            let stored = try #require(MentionCache.decode(bytes, identity: Self.identity, displayRoot: loader.displayRoot))
            #expect(stored.paths == mentions.key.paths && stored.sourceHashes == mentions.key.sourceHashes)
            #expect(stored.sourceDepartments == mentions.key.sourceDepartments && stored.departmentParent == mentions.key.departmentParent)
            #expect(stored.roleNames == mentions.key.roleNames && stored.roleDepartment == mentions.key.roleDepartment)
            #expect(stored.rawNames == mentions.rawNames)
            #expect(stored.scanned.map(\.mentions) == mentions.scanned.map(\.mentions))
            #expect(stored.scanned.map { $0.filter?.words } == mentions.scanned.map { $0.filter?.words })
            #expect(stored.scanned.flatMap(\.mentions) == graph.mentions)
            // Another rolebook's file, another display root or other settings: not used.
            #expect(MentionCache.decode(bytes, identity: Self.identity + 1, displayRoot: loader.displayRoot).map { _ in 1 } == nil)
            #expect(MentionCache.decode(bytes, identity: Self.identity, displayRoot: "elsewhere").map { _ in 1 } == nil)
            var other = graph.config
            other.maxDepth += 1
            #expect(stored.cache(for: other).map { _ in 1 } == nil)
            #expect(stored.cache(for: graph.config).map { _ in 1 } == 1)
        }
    }

    @Test("after each edit, a build from the file finds a fresh scan's mentions, scanning only what can differ")
    func editsMatchFreshScan() throws {
        try withContent(MentionCacheTests.tree) { root in
            let loader = testLoader(root)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let first = try Self.build(loader, folder)
            #expect(!first.loaded)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(MentionCache.fileName).path))
            let total = first.graph.roles.count + first.graph.departments.count + first.graph.procedures.count
            func check(_ scanned: ClosedRange<Int>, _ comment: Comment) throws {
                let built = try Self.build(loader, folder)
                let fresh = try Checker(loader: loader).run().graph
                #expect(built.loaded, comment)
                #expect(built.graph.mentions == fresh.mentions, comment)
                #expect(built.graph.mentionedIn == fresh.mentionedIn, comment)
                #expect(scanned.contains(built.scanned ?? -1), "\(comment): scanned \(built.scanned ?? -1) of \(total)")
            }
            func edit(_ path: String, _ from: String, _ to: String) throws {
                let file = root.appendingPathComponent(path)
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(text.contains(from))
                try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
            }
            try check(0...0, "nothing changed")
            try edit("roles/desk.md", "接待来访", "接待来访并联系运营经理")
            try check(1...1, "body edit")
            // A title: the texts holding the old or the new name, and the file itself.
            try edit("roles/cs-manager.md", "title: 客户服务经理", "title: 客服主管")
            try check(1...3, "rename")
            try edit("roles/manager.md", "title: 运营经理", "title: 运营经理\naliases: [前台主管]")
            try check(1...3, "alias")
            // A role moved to another department, a role added and one deleted: other files, all scanned.
            try "---\ntitle: 前台组\nparent: ops\n---\n## 部门职责\n\n- 接待\n"
                .write(to: root.appendingPathComponent("departments/front.md"), atomically: true, encoding: .utf8)
            try check(1...(total + 1), "added department")
            try edit("roles/desk.md", "department: ops", "department: front")
            try check(1...(total + 1), "department change")
            try "---\ntitle: 前台主管\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 协助客服主管\n"
                .write(to: root.appendingPathComponent("roles/desk-lead.md"), atomically: true, encoding: .utf8)
            try check(1...(total + 2), "added role")
            try FileManager.default.removeItem(at: root.appendingPathComponent("roles/clerk.md"))
            try check(1...(total + 2), "deleted role")
        }
    }

    @Test("after a scan of a few files the file is kept as it was, and later builds from it still find a fresh scan's mentions")
    func olderFileStillApplies() throws {
        var extra: [String: String?] = [:]
        for i in 0..<40 {
            extra["roles/extra\(i).md"] = "---\ntitle: 专员\(i)号\ndepartment: ops\nreports_to: manager\n---\n## 岗位职责\n\n- 协助客户服务经理处理投诉\n"
        }
        try withContent(MentionCacheTests.tree.with(extra)) { root in
            let loader = testLoader(root)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try Self.build(loader, folder)
            let file = folder.appendingPathComponent(MentionCache.fileName)
            let written = try Data(contentsOf: file)
            func edit(_ path: String, _ from: String, _ to: String, _ comment: Comment) throws {
                let url = root.appendingPathComponent(path)
                let text = try String(contentsOf: url, encoding: .utf8)
                #expect(text.contains(from), comment)
                try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
                let built = try Self.build(loader, folder)
                let fresh = try Checker(loader: loader).run().graph
                #expect(built.loaded, comment)
                #expect(built.graph.mentions == fresh.mentions, comment)
                #expect(built.graph.mentionedIn == fresh.mentionedIn, comment)
            }
            try edit("roles/desk.md", "接待来访", "接待来访并联系运营经理", "body edit")
            #expect(try Data(contentsOf: file) == written, "one file scanned: the file is kept")
            try edit("roles/manager.md", "title: 运营经理", "title: 运营总监", "title edit")
            try edit("roles/desk.md", "联系运营经理", "联系运营总监", "the edited file again")
            try edit("roles/manager.md", "title: 运营总监", "title: 运营经理", "title back")
            // The old name is everywhere: more than a sixteenth of the files are scanned, and the file is written.
            try edit("roles/cs-manager.md", "title: 客户服务经理", "title: 客服经理", "a name many files hold")
            #expect(try Data(contentsOf: file) != written)
        }
    }

    @Test("a damaged, truncated or foreign file is ignored: the build scans everything and finds the same mentions")
    func damagedFile() throws {
        try withContent(MentionCacheTests.tree) { root in
            let loader = testLoader(root)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let fresh = try Self.build(loader, folder).graph
            let file = folder.appendingPathComponent(MentionCache.fileName)
            let good = try Data(contentsOf: file)
            var flipped = good
            flipped[flipped.count / 2] ^= 0x40
            let damaged: [(String, Data)] = [
                ("flipped byte", flipped), ("truncated", good.prefix(good.count - 9)), ("half", good.prefix(good.count / 2)),
                ("empty", Data()), ("padded", good + Data([0])), ("garbage", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) })),
            ]
            for (name, bytes) in damaged {
                try bytes.write(to: file)
                #expect(MentionCache.load(from: folder, identity: Self.identity, displayRoot: loader.displayRoot).map { _ in 1 } == nil, "\(name)")
                let built = try Self.build(loader, folder)
                #expect(!built.loaded, "\(name)")
                #expect(built.graph.mentions == fresh.mentions, "\(name)")
                #expect(built.scanned == fresh.roles.count + fresh.departments.count + fresh.procedures.count, "\(name)")
            }
        }
    }
}
