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
