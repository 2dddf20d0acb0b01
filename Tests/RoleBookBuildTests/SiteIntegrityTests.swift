import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
import RoleBookDevSupport

/// What `rolebook build` promises about the site folder however a build ends: readers see the old
/// site or the new one, never a mix and never a temporary file; builds of one site take turns; a
/// site damaged by hand or by a dead build is repaired by the next one. Runs the real binary.
@Suite("Site integrity", .serialized, .offPool)
struct SiteIntegrityTests {
    /// `.build/debug` (or release): the test bundle's resources sit beside the built products.
    static let products = Bundle.module.bundleURL.deletingLastPathComponent()

    static func product(_ name: String) throws -> String {
        let path = products.appendingPathComponent(name).path
        try #require(FileManager.default.isExecutableFile(atPath: path), "'\(path)' not built: run 'swift build --build-tests' first")
        return path
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-integrity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Starts `rolebook` with `arguments`; its standard error goes to `errors`.
    static func start(_ arguments: [String], errors: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try product("rolebook"))
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return process
    }

    /// Runs `rolebook` with `arguments` to the end.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Run {
        let outcome = try ChildProcess(URL(fileURLWithPath: try product("rolebook")), arguments).run(seconds: 600)
        return Run(status: outcome.status, output: outcome.stdout, errors: outcome.stderr)
    }

    /// Every file under `folder` (the marker included), relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in SiteWriter.files(under: folder.path) {
            out[path] = FileManager.default.contents(atPath: folder.path + "/" + path) ?? Data()
        }
        return out
    }

    /// Names inside `folder` (any depth) or beside it that only a build in progress may have.
    static func temporaries(in folder: URL) -> [String] {
        let inside = SiteWriter.files(under: folder.path).filter { $0.contains(".rolebook-") && !$0.hasSuffix(SiteWriter.marker) }
        let prefix = ".\(folder.lastPathComponent).rolebook-"
        let beside = ((try? FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)) ?? [])
            .filter { $0.hasPrefix(prefix) && !$0.hasSuffix("rolebook-lock") }
        return inside + beside
    }

    static func e2eContent(into root: URL) throws -> URL {
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures/e2e/content", withExtension: nil))
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: fixture, to: content)
        return content
    }

    /// Rewrites the title of every `step`-th role of a generated tree.
    static func retitle(_ content: URL, every step: Int) throws {
        let roles = SiteWriter.files(under: content.path).filter { $0.contains("roles/") && $0.hasSuffix(".md") }.sorted()
        for (n, path) in roles.enumerated() where n % step == 0 {
            let url = content.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            guard let range = text.range(of: "\ntitle: ") else { continue }
            try Data(text.replacingCharacters(in: range, with: "\ntitle: 新").utf8).write(to: url)
        }
    }

    // MARK: - Killed and concurrent builds of a 2,000-role site

    @Test("SIGKILL at random moments of a 2,000-role rebuild leaves exactly the old or the new site; the next build cleans up; two concurrent builds end in one clean site")
    func killedAndConcurrentRebuilds() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent("cache")
        try SyntheticContent(roles: 2_000).write(to: a)
        try FileManager.default.copyItem(at: a, to: b)
        // Six roles renamed: their pages, their peers', superiors', reports' and departments'
        // pages, the index pages, the search index and graph.json change (326 of 3,523 files).
        try Self.retitle(b, every: 400)

        // The two versions every interrupted build must leave one of: a first build (all files,
        // as a build without cache writes them), then the incremental rebuild the kills interrupt.
        #expect(try Self.run(["build", a.path, "-o", site.path, "--cache-dir", cache.path, "-q"]).status == 0)
        let oldSite = Self.snapshot(site)
        #expect(try Self.run(["build", b.path, "-o", site.path, "--cache-dir", cache.path, "-q"]).status == 0)
        let newSite = Self.snapshot(site)
        #expect(oldSite.count > 3_000 && oldSite != newSite)

        // Each kill lands at a seeded random point of the rebuild's progress, measured in files
        // (written or linked) in its staging folder, so it falls inside the writing however busy
        // the cores are; points past a whole site's count wait for the swap itself.
        let marker = site.appendingPathComponent(SiteWriter.marker)
        var target = a
        var rng = SeededRandom(seed: 12)
        var outcomes: [String] = []
        for trial in 0..<6 {
            let point = Int.random(in: 0...(newSite.count + newSite.count / 5), using: &rng)
            let shown = try String(contentsOf: marker, encoding: .utf8)
            let process = try Self.start(["build", target.path, "-o", site.path, "--cache-dir", cache.path, "-q"],
                                         errors: root.appendingPathComponent("kill-\(trial).err"))
            let staging = root.appendingPathComponent(".site.rolebook-new-\(process.processIdentifier)").path
            while process.isRunning {
                if point > newSite.count {
                    if ((try? String(contentsOf: marker, encoding: .utf8)) ?? shown) != shown { break }
                } else if SiteWriter.files(under: staging).count >= point {
                    break
                }
                usleep(1_000)
            }
            let finished = !process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.snapshot(site)
            let which = now == oldSite ? "old" : now == newSite ? "new" : "MIXED"
            outcomes.append("\(point) files:" + which + (finished ? "(done)" : ""))
            #expect(which != "MIXED", "trial \(trial) killed at \(point) staged files left a site that is neither version")
            #expect(now.keys.allSatisfy { !$0.contains(".rolebook-tmp") && !$0.contains("rolebook-new") })
            // The next trial builds the other version from whichever is there.
            target = now == newSite ? a : b
        }
        // One more, killed the moment the new version is in place (while the old tree is removed
        // and before the manifest is written): the new site stands, and the next build, finding
        // a manifest the site's marker does not name, writes every file rather than trust it.
        let before = try String(contentsOf: marker, encoding: .utf8)
        let late = try Self.start(["build", target.path, "-o", site.path, "--cache-dir", cache.path, "-q"], errors: root.appendingPathComponent("late.err"))
        while late.isRunning && ((try? String(contentsOf: marker, encoding: .utf8)) ?? before) == before { usleep(200) }
        kill(late.processIdentifier, SIGKILL)
        late.waitUntilExit()
        let afterSwap = Self.snapshot(site)
        #expect(afterSwap == (target == a ? oldSite : newSite), "killed right after the swap: the new version")
        outcomes.append("after swap:" + (afterSwap == oldSite ? "old" : afterSwap == newSite ? "new" : "MIXED"))
        target = target == a ? b : a
        print("site integrity: kills at \(outcomes.joined(separator: ", "))")
        // Then two builds started together: they take turns (at most one says it waits: the other
        // may have finished before the second reached the lock), both succeed, the leftovers of
        // the killed builds are gone and the site is exactly the version built.
        let first = try Self.start(["build", target.path, "-o", site.path, "--cache-dir", cache.path], errors: root.appendingPathComponent("c1.err"))
        let second = try Self.start(["build", target.path, "-o", site.path, "--cache-dir", cache.path], errors: root.appendingPathComponent("c2.err"))
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let said = try ["c1.err", "c2.err"].map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
        #expect(said.filter { $0.contains("waiting for another build of \(site.path) to finish") }.count <= 1, "\(said)")
        #expect(Self.snapshot(site) == (target == a ? oldSite : newSite), "kills: \(outcomes)")
        #expect(Self.temporaries(in: site).isEmpty, "\(Self.temporaries(in: site))")
    }

    // MARK: - Small sites

    /// The e2e fixture copied into a scratch folder and built once, with a cache.
    struct BuiltSite {
        let root: URL, content: URL, site: URL, cache: URL
        /// The site as that build wrote it.
        let before: [String: Data]

        init() throws {
            root = try SiteIntegrityTests.scratch()
            content = try SiteIntegrityTests.e2eContent(into: root)
            site = root.appendingPathComponent("site")
            cache = root.appendingPathComponent("cache")
            #expect(try SiteIntegrityTests.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path, "-q"]).status == 0)
            before = SiteIntegrityTests.snapshot(site)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("content with errors is reported at once while another build holds the site's lock, which it neither waits for nor takes")
    func errorsDoNotWaitForTheLock() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        let (content, site, cache, before) = (built.content, built.site, built.cache, built.before)
        let role = content.appendingPathComponent("roles/ceo.md")
        try Data(try String(contentsOf: role, encoding: .utf8).replacingOccurrences(of: "department: hq", with: "department: nowhere").utf8).write(to: role)
        var lock: SiteLock? = try SiteLock(site: site, wait: false, waiting: {})

        // The write begins beside the check, but never waits for the lock there.
        let broken = try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path])
        #expect(broken.status == 1)
        #expect(broken.errors.contains("ceo.md:"), "\(broken.errors)")
        #expect(!broken.errors.contains("waiting for another build"), "\(broken.errors)")
        #expect(Self.snapshot(site) == before)
        #expect(Self.temporaries(in: site).isEmpty, "\(Self.temporaries(in: site))")
        // The lock is still the holder's: a second holder cannot take it.
        #expect(throws: SiteWriteError.self) { try SiteLock(site: site, wait: false, waiting: {}) }
        lock = nil
        _ = lock
    }

    @Test("a build waits while another holds the site's lock, and says so once; --no-wait exits 2 instead")
    func secondBuildWaits() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        let (root, content, site, cache, before) = (built.root, built.content, built.site, built.cache, built.before)
        var lock: SiteLock? = try SiteLock(site: site, wait: false, waiting: {})

        let busy = try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path, "--no-wait"])
        #expect(busy.status == 2)
        #expect(busy.errors.contains("another build of '\(site.path)' is running"), "\(busy.errors)")

        let errors = root.appendingPathComponent("wait.err")
        let waiting = try Self.start(["build", content.path, "-o", site.path, "--cache-dir", cache.path], errors: errors)
        let deadline = Stopwatch.now() + 30
        while Stopwatch.now() < deadline, !((try? String(contentsOf: errors, encoding: .utf8)) ?? "").contains("waiting") { usleep(10_000) }
        usleep(200_000)
        #expect(waiting.isRunning, "the build does not go ahead while the lock is held")
        #expect(Self.snapshot(site) == before)
        lock = nil
        _ = lock
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        let said = try String(contentsOf: errors, encoding: .utf8)
        #expect(said == "waiting for another build of \(site.path) to finish\n")
    }

    @Test("a page edited, truncated or deleted by hand is rewritten by the next incremental build, which says so")
    func damagedPagesRepaired() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try Self.e2eContent(into: root)
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent("cache")
        #expect(try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path, "-q"]).status == 0)
        let good = Self.snapshot(site)
        let pages = good.keys.filter { $0.hasPrefix("roles/") }.sorted()
        try #require(pages.count >= 3)
        try Data("defaced".utf8).write(to: site.appendingPathComponent(pages[0]))
        try FileManager.default.removeItem(at: site.appendingPathComponent(pages[1]))
        // Same size and a restored time: only the hash can tell, and the time check sends it there.
        let third = site.appendingPathComponent(pages[2])
        let bytes = try #require(good[pages[2]])
        try Data(repeating: UInt8(ascii: "x"), count: bytes.count).write(to: third)
        try "stray".write(to: site.appendingPathComponent("stray.rolebook-tmp"), atomically: false, encoding: .utf8)
        let run = try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path])
        #expect(run.status == 0)
        #expect(run.output.contains("updated 3 changed, 1 removed"), "\(run.output)")
        #expect(run.output.contains("repaired 3 files"), "\(run.output)")
        #expect(Self.snapshot(site) == good)
        // A file only touched (same bytes, new time) is fine as it is.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: site.appendingPathComponent(pages[0]).path)
        let touched = try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path])
        #expect(touched.output.contains("updated 0 changed, 0 removed"), "\(touched.output)")
        #expect(!touched.output.contains("repaired"))
    }

    @Test("leftovers of killed builds beside the site and temporaries inside it are removed by the next build")
    func leftoversRemoved() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try Self.e2eContent(into: root)
        let site = root.appendingPathComponent("site"), cache = root.appendingPathComponent("cache")
        // A first build killed before its swap: only a staging folder exists.
        let staging = root.appendingPathComponent(".site.rolebook-new-99999")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("roles"), withIntermediateDirectories: true)
        try "half".write(to: staging.appendingPathComponent("roles/x.html"), atomically: false, encoding: .utf8)
        #expect(try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path, "-q"]).status == 0)
        #expect(Self.temporaries(in: site).isEmpty, "\(Self.temporaries(in: site))")
        let good = Self.snapshot(site)
        // What older versions left inside the site, and a retired folder of a killed swap.
        try "x".write(to: site.appendingPathComponent("index.html.rolebook-tmp"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".site.rolebook-old-4242"), withIntermediateDirectories: true)
        // And a temporary manifest of a build killed while writing it.
        let manifest = SiteManifest.location(cache: cache, output: site).path
        #expect(FileManager.default.fileExists(atPath: manifest))
        try "half".write(toFile: manifest + ".tmp-4242", atomically: false, encoding: .utf8)
        #expect(try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path, "-q"]).status == 0)
        #expect(Self.temporaries(in: site).isEmpty, "\(Self.temporaries(in: site))")
        #expect(!FileManager.default.fileExists(atPath: manifest + ".tmp-4242"))
        #expect(Self.snapshot(site) == good)
    }

    @Test("-o naming a symbolic link updates the folder it points to; the link stays a link")
    func outputThroughSymlink() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try Self.e2eContent(into: root)
        let real = root.appendingPathComponent("releases/site"), link = root.appendingPathComponent("public")
        let cache = root.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try Self.run(["build", content.path, "-o", real.path, "--cache-dir", cache.path, "-q"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "releases/site")
        let role = try #require(SiteWriter.files(under: content.path).first { $0.hasPrefix("roles/") })
        let url = content.appendingPathComponent(role)
        try Data((try String(contentsOf: url, encoding: .utf8) + "\n\n附注：链接测试。\n").utf8).write(to: url)
        for _ in 0..<2 {
            let run = try Self.run(["build", content.path, "-o", link.path, "--cache-dir", cache.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "releases/site")
        }
        let shown = try String(contentsOf: real.appendingPathComponent("search.html"), encoding: .utf8)
        #expect(!shown.isEmpty)
        #expect(Self.temporaries(in: real).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".public") }.isEmpty)
        // Both spellings of the site share one lock and one manifest: building the folder itself changes nothing.
        #expect(try Self.run(["build", content.path, "-o", real.path, "--cache-dir", cache.path]).output.contains("updated 0 changed, 0 removed"))
    }

    @Test("a --cache-dir that cannot be written stops the build with status 2 before the site changes")
    func unwritableCache() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try Self.e2eContent(into: root)
        let site = root.appendingPathComponent("site")
        #expect(try Self.run(["build", content.path, "-o", site.path, "--no-cache", "-q"]).status == 0)
        let before = Self.snapshot(site)
        // An edit, so a build that went ahead would change the site.
        let role = try #require(SiteWriter.files(under: content.path).first { $0.hasPrefix("roles/") })
        let url = content.appendingPathComponent(role)
        try Data((try String(contentsOf: url, encoding: .utf8) + "\n\n附注：缓存测试。\n").utf8).write(to: url)
        // A file where the cache folder should be cannot be written by anyone, root included.
        let blocked = root.appendingPathComponent("blocked")
        try "not a folder".write(to: blocked, atomically: false, encoding: .utf8)
        var caches = [blocked.appendingPathComponent("cache")]
        // A read-only folder stops everyone but root.
        if getuid() != 0 {
            let readOnly = root.appendingPathComponent("read-only")
            try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
            chmod(readOnly.path, 0o555)
            caches.append(readOnly)
        }
        for cache in caches {
            let run = try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path])
            #expect(run.status == 2)
            #expect(run.errors.contains("cache folder '\(cache.path)' is not writable"), "\(run.errors)")
            #expect(Self.snapshot(site) == before)
        }
    }

    @Test("a --cache-dir inside the site folder is refused with status 2")
    func cacheInsideSite() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = try Self.e2eContent(into: root)
        let site = root.appendingPathComponent("site")
        for cache in [site.appendingPathComponent(".rolebook-cache"), site] {
            let run = try Self.run(["build", content.path, "-o", site.path, "--cache-dir", cache.path])
            #expect(run.status == 2)
            #expect(run.errors.contains("is inside the site folder"), "\(run.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    @Test("exchanging two folders swaps them whole")
    func exchange() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = root.appendingPathComponent("one"), two = root.appendingPathComponent("two")
        for (folder, text) in [(one, "1"), (two, "2")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent("f"), atomically: false, encoding: .utf8)
        }
        try FolderSwap.replace(one.path, with: two.path, retired: root.appendingPathComponent("retired").path)
        #expect(try String(contentsOf: one.appendingPathComponent("f"), encoding: .utf8) == "2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["one"])
    }

    @Test("manifests keep each file's size and time")
    func manifestStamps() throws {
        let stamp = FileStamp(size: 1234, modified: 1_733_380_000_123_456_789)
        let manifest = SiteManifest(hashes: ["a.html": 7, "b.html": 9], inputs: ["a.html": 3], stamps: ["a.html": stamp])
        #expect(SiteManifest.parse(manifest.text) == manifest)
        #expect(manifest.text.hasPrefix("rolebook-manifest 3 "))
        #expect(SiteManifest.parse(manifest.text.replacingOccurrences(of: "manifest 3", with: "manifest 2")) == nil, "older formats are not trusted")
    }
}
