import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// The parse cache on disk (`.rolebook-cache/parse.cache`): what it gives back is what a fresh
/// parse gives, and anything damaged or not its own is a miss, never a wrong entity.
@Suite("parse cache on disk")
struct ParseCacheFileTests {
    static let identity: UInt64 = 0x5EED

    /// Every content root shipped: content/ and each fixture folder of every test target.
    static func contentRoots() throws -> [URL] {
        var roots = [packageRoot.appendingPathComponent("content")]
        let tests = packageRoot.appendingPathComponent("Tests")
        for target in try FileManager.default.contentsOfDirectory(atPath: tests.path).sorted() {
            let fixtures = tests.appendingPathComponent(target).appendingPathComponent("Fixtures")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: fixtures.path) else { continue }
            for name in names.sorted() {
                var isDirectory: ObjCBool = false
                let folder = fixtures.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue { roots.append(folder) }
            }
        }
        return roots
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-parse-cache-\(UUID().uuidString)")
    }

    /// Equal in every language, severity included (`Diagnostic`'s `==` compares the English text).
    static func sameDiagnostics(_ a: [Diagnostic], _ b: [Diagnostic]) -> Bool {
        func spelled(_ d: [Diagnostic]) -> [String] {
            d.flatMap { d in
                ["\(d.severity) \(d.code.rawValue) \(d.location)"] + DiagnosticLanguage.allCases.map { d.message(in: $0) }
                    + d.notes.flatMap { n in ["\(n.location.map(\.description) ?? "-")"] + DiagnosticLanguage.allCases.map { n.text.rendered(in: $0) } }
            }
        }
        return a == b && a.map(\.text) == b.map(\.text) && a.map { $0.notes.map(\.text) } == b.map { $0.notes.map(\.text) } && spelled(a) == spelled(b)
    }

    @Test("every shipped content file and fixture comes back from the cache file as a fresh parse made it")
    func roundTripsEverything() throws {
        var files = 0, withDiagnostics = 0
        for root in try Self.contentRoots() {
            let loader = ContentLoader(root: root, displayRoot: root.lastPathComponent)
            var cache = ParseCache()
            let (fresh, _) = try loader.load(cache: &cache)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            cache.store(in: folder, loader: loader, identity: Self.identity)
            var loaded = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            #expect(loaded.count == cache.count, "\(root.path)")
            for (path, entry) in cache.entries {
                guard let back = loaded.entries[path] else { Issue.record("\(path) missing"); continue }
                #expect(back.entity == entry.entity, "\(root.lastPathComponent)/\(path)")
                #expect(Self.sameDiagnostics(back.diagnostics, entry.diagnostics), "\(root.lastPathComponent)/\(path)")
                #expect(back.hash == entry.hash && back.identity == entry.identity)
                files += 1
                if !entry.diagnostics.isEmpty { withDiagnostics += 1 }
            }
            // Loading with it parses nothing and gives the fresh load's content.
            let (again, parsed) = try loader.load(cache: &loaded)
            #expect(parsed == 0, "\(root.path)")
            #expect(again.entities == fresh.entities && Self.sameDiagnostics(again.diagnostics, fresh.diagnostics) && again.paths == fresh.paths)
            // Stored again from what was loaded, nothing differs: the cache file is left as it
            // is, and an empty journal written beside it.
            let firstBytes = try Data(contentsOf: folder.appendingPathComponent(ParseCache.fileName))
            loaded.store(in: folder, loader: loader, identity: Self.identity)
            #expect(try Data(contentsOf: folder.appendingPathComponent(ParseCache.fileName)) == firstBytes, "\(root.path)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(ParseCache.journalName).path))
            #expect(ParseCache.load(from: folder, loader: loader, identity: Self.identity).count == cache.count)
        }
        #expect(files > 150 && withDiagnostics > 10, "files \(files), with diagnostics \(withDiagnostics)")
    }

    /// The repository's content folder parsed into a cache, and its loader.
    static func parsedContent() throws -> (ContentLoader, ParseCache) {
        let loader = ContentLoader(root: packageRoot.appendingPathComponent("content"), displayRoot: "content")
        var cache = ParseCache()
        _ = try loader.load(cache: &cache)
        return (loader, cache)
    }

    @Test("each encoded part decodes to the entity and diagnostics it was made from")
    func partsRoundTrip() throws {
        let (loader, cache) = try Self.parsedContent()
        for (path, entry) in cache.entries {
            let part = try #require(ParseResultEncoder.encode(entry.entity, entry.diagnostics, displayRoot: loader.displayRoot), "\(path)")
            let back = try #require(ParseResultDecoder.decode(BinaryReader(part, part: 0..<part.count), displayRoot: loader.displayRoot), "\(path)")
            #expect(back.entity == entry.entity && Self.sameDiagnostics(back.diagnostics, entry.diagnostics), "\(path)")
            // Cut anywhere, a part is a miss.
            for cut in [0, 1, part.count / 2, part.count - 1] {
                #expect(ParseResultDecoder.decode(BinaryReader(part, part: 0..<cut), displayRoot: loader.displayRoot) == nil, "\(path) cut at \(cut)")
            }
        }
    }

    @Test("a section read back from a part answers isEmpty, hasItems and nestedItemCount before its blocks are decoded, as the parsed one does")
    func deferredSections() throws {
        let (loader, cache) = try Self.parsedContent()
        var sections = 0, withItems = 0, nested = 0
        for (path, entry) in cache.entries {
            guard let entity = entry.entity else { continue }
            let part = try #require(ParseResultEncoder.encode(entity, entry.diagnostics, displayRoot: loader.displayRoot), "\(path)")
            let back = try #require(ParseResultDecoder.decode(BinaryReader(part, part: 0..<part.count), displayRoot: loader.displayRoot)?.entity, "\(path)")
            let parsed = entity.header.document.sections, read = back.header.document.sections
            #expect(parsed.count == read.count, "\(path)")
            for (a, b) in zip(parsed, read) {
                // The counts first: the read section has not decoded anything yet.
                #expect(b.isEmpty == a.isEmpty && b.hasItems == a.hasItems && b.nestedItemCount == a.nestedItemCount, "\(path) \(a.heading)")
                #expect(a.nestedItemCount == a.items.flatMap(\.flattened).count, "\(path) \(a.heading)")
                #expect(b.blocks == a.blocks && b.items == a.items, "\(path) \(a.heading)")
                sections += 1
                if a.hasItems { withItems += 1 }
                if a.nestedItemCount > a.items.count { nested += 1 }
            }
            if case .procedure(let p) = back, case .procedure(let q) = entity { #expect(p.stepCount == q.steps.count, "\(path)") }
        }
        #expect(sections > 300 && withItems > 100 && nested > 5, "sections \(sections), with items \(withItems), with nested items \(nested)")
    }

    @Test("a section whose content does not decode reads as empty; the sections beside it are intact")
    func undecodableSectionContent() throws {
        let (loader, cache) = try Self.parsedContent()
        let (path, entity) = try #require(cache.entries.sorted { $0.key < $1.key }.lazy.compactMap { path, entry in
            entry.entity.flatMap { e in e.header.document.sections.count >= 2 && !e.header.document.sections[0].isEmpty ? (path, e) : nil }
        }.first)
        var part = try #require(ParseResultEncoder.encode(entity, [], displayRoot: loader.displayRoot))
        // Find the first section's content: after its anchor come its location (file, line,
        // column), its three counts and the content's length.
        let first = entity.header.document.sections[0]
        // Heading then anchor, each as its length (under 128: one byte) and its UTF-8.
        let heading = [UInt8](first.heading.utf8), anchor = [UInt8](first.anchor.utf8)
        let needle = [UInt8(heading.count)] + heading + [UInt8(anchor.count)] + anchor
        let at = try #require(part.indices.first { part[$0...].starts(with: needle) }, "\(path)")
        var r = BinaryReader(part, part: (at + needle.count)..<part.count)
        let file = r.number(), line = r.signed(), column = r.signed()
        #expect(file == 1 && line == first.location.line && column == first.location.column, "\(path)")
        for _ in 0..<3 { _ = r.number() }
        let read = r.number()
        let length = try #require(read)
        let content = r.offset
        #expect(length > 2)
        // Garbage there is an encoder's fault (a damaged file fails its hash before this).
        for i in content..<(content + length) { part[i] = 0xFF }
        let back = try #require(ParseResultDecoder.decode(BinaryReader(part, part: 0..<part.count), displayRoot: loader.displayRoot)?.entity, "\(path)")
        let sections = back.header.document.sections
        #expect(sections[0].blocks.isEmpty && sections[0].items.isEmpty, "\(path)")
        #expect(Array(sections.dropFirst()) == Array(entity.header.document.sections.dropFirst()), "\(path)")
    }

    @Test("a truncated, garbage or foreign cache file is treated as absent; a damaged part costs only its file")
    func damagedFiles() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            var cache = ParseCache()
            let (fresh, _) = try loader.load(cache: &cache)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            cache.store(in: folder, loader: loader, identity: Self.identity)
            let file = folder.appendingPathComponent(ParseCache.fileName)
            let good = try [UInt8](Data(contentsOf: file))
            #expect(ParseCache.load(from: folder, loader: loader, identity: Self.identity).count == cache.count)

            func loadedCount(_ bytes: [UInt8]) throws -> Int {
                try Data(bytes).write(to: file)
                return ParseCache.load(from: folder, loader: loader, identity: Self.identity).count
            }
            for cut in [0, 5, ParseCache.header(identity: Self.identity).count, good.count / 3, good.count / 2, good.count - 1] {
                #expect(try loadedCount(Array(good[..<cut])) == 0, "cut at \(cut)")
            }
            #expect(try loadedCount(good + [0]) == 0, "padded")
            var random = SeededRandom(seed: 7)
            #expect(try loadedCount((0..<good.count).map { _ in UInt8.random(in: 0...255, using: &random) }) == 0, "random bytes")
            var garbled = good
            for i in stride(from: ParseCache.header(identity: Self.identity).count, to: garbled.count, by: 3) { garbled[i] ^= 0x5A }
            #expect(try loadedCount(garbled) == 0, "garbled")
            // Another rolebook's cache: not read.
            try Data(good).write(to: file)
            #expect(ParseCache.load(from: folder, loader: loader, identity: Self.identity + 1).count == 0)

            // One byte of the last part flipped: that file is parsed again, the rest is kept, and
            // the load is the fresh one.
            var flipped = good
            flipped[flipped.count - 2] ^= 0x01
            try Data(flipped).write(to: file)
            var damaged = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            #expect(damaged.count == cache.count - 1)
            let (content, parsed) = try loader.load(cache: &damaged)
            #expect(parsed == 1)
            #expect(content.entities == fresh.entities && Self.sameDiagnostics(content.diagnostics, fresh.diagnostics))
        }
    }

    /// The folder named another way (`tree`, `./tree`, `/abs/tree`, `.`): the display root starts
    /// every location, and a cache keyed by it was thrown away whole, so `rolebook build tree`
    /// after `rolebook build /abs/tree` parsed all 10,000 files again and rewrote the cache file.
    @Test("a cache made with the content folder shown under one root serves a load showing it under another")
    func anotherDisplayRoot() throws {
        for root in try Self.contentRoots() {
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            var first = ParseCache()
            let firstLoader = ContentLoader(root: root, displayRoot: root.path)
            _ = try firstLoader.load(cache: &first)
            first.store(in: folder, loader: firstLoader, identity: Self.identity)
            for shown in [root.lastPathComponent, "./" + root.lastPathComponent, ".", "a/b"] {
                let loader = ContentLoader(root: root, displayRoot: shown)
                var none = ParseCache()
                let (fresh, _) = try loader.load(cache: &none)
                var loaded = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
                #expect(loaded.count == first.count, "\(shown)")
                let (content, parsed) = try loader.load(cache: &loaded)
                #expect(parsed == 0, "\(shown)")
                // What a fresh parse under this root makes: every location under it.
                #expect(content.entities == fresh.entities && Self.sameDiagnostics(content.diagnostics, fresh.diagnostics), "\(root.path) as \(shown)")
                #expect(content.paths == fresh.paths)
                // Stored under this root (a journal of what differs: nothing) and loaded back under the first.
                loaded.store(in: folder, loader: loader, identity: Self.identity)
                var back = ParseCache.load(from: folder, loader: firstLoader, identity: Self.identity)
                #expect(try firstLoader.load(cache: &back).parsed == 0, "\(shown)")
            }
        }
    }

    @Test("a part loaded from the cache file is copied from it when stored again, or encoded again when the file changed since")
    func partsCopiedFromTheCacheFile() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(ParseCache.fileName)
            var first = ParseCache()
            let (fresh, _) = try loader.load(cache: &first)
            first.store(in: folder, loader: loader, identity: Self.identity)
            let size = try Data(contentsOf: file).count

            /// Loads the cache, lets `change` alter its file, stores it whole (no baseline: no
            /// journal) and loads what was stored.
            func storedAgain(after change: () throws -> Void) throws -> ParseCache {
                var loaded = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
                #expect(loaded.count == first.count)
                try change()
                loaded.onDisk = nil
                loaded.store(in: folder, loader: loader, identity: Self.identity)
                return ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            }
            for changed in [false, true] {
                var back = try storedAgain {
                    // Same length, other bytes: every copied part would fail its hash on the next load.
                    if changed { try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: file) }
                }
                #expect(back.count == first.count, "file changed: \(changed)")
                #expect(try Data(contentsOf: file).count == size)
                let (content, parsed) = try loader.load(cache: &back)
                #expect(parsed == 0, "file changed: \(changed)")
                #expect(content.entities == fresh.entities && Self.sameDiagnostics(content.diagnostics, fresh.diagnostics))
            }
        }
    }

    @Test("an edit is stored as a journal beside the cache file; a journal of another generation of the file is ignored")
    func journal() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let journalURL = folder.appendingPathComponent(ParseCache.journalName)
            var first = ParseCache()
            _ = try loader.load(cache: &first)
            first.store(in: folder, loader: loader, identity: Self.identity)
            let mainBytes = try Data(contentsOf: folder.appendingPathComponent(ParseCache.fileName))
            #expect(!FileManager.default.fileExists(atPath: journalURL.path))
            let path = "roles/manager.md"
            let v1 = try #require(first.entries[path]).hash

            // The edit: parsed once, stored in the journal only, and taken from it by the next build.
            let manager = root.appendingPathComponent(path)
            let text = try String(contentsOf: manager, encoding: .utf8)
            try text.replacingOccurrences(of: "运营经理", with: "营运经理").write(to: manager, atomically: true, encoding: .utf8)
            var second = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            let (_, parsed) = try loader.load(cache: &second)
            #expect(parsed == 1)
            let v2 = try #require(second.entries[path]).hash
            second.store(in: folder, loader: loader, identity: Self.identity)
            #expect(try Data(contentsOf: folder.appendingPathComponent(ParseCache.fileName)) == mainBytes)
            let journalBytes = try Data(contentsOf: journalURL)
            var third = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            #expect(third.entries[path]?.hash == v2)
            let (content, parsedAgain) = try loader.load(cache: &third)
            #expect(parsedAgain == 0)
            #expect(content.entities == (try loader.load()).entities)

            // A cache written afresh (a new generation) removes the journal; an old journal put
            // back is not applied to it.
            try text.write(to: manager, atomically: true, encoding: .utf8)
            var fresh = ParseCache()
            _ = try loader.load(cache: &fresh)
            fresh.store(in: folder, loader: loader, identity: Self.identity)
            #expect(!FileManager.default.fileExists(atPath: journalURL.path))
            try journalBytes.write(to: journalURL)
            #expect(ParseCache.load(from: folder, loader: loader, identity: Self.identity).entries[path]?.hash == v1)

            // New sections in rolebook.yml: everything is parsed again and the cache file rewritten.
            try "sections:\n  responsibilities: [主要职责]\n".write(to: root.appendingPathComponent("rolebook.yml"), atomically: true, encoding: .utf8)
            var sections = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            let (all, parsedAll) = try loader.load(cache: &sections)
            #expect(parsedAll == all.paths.count)
            sections.store(in: folder, loader: loader, identity: Self.identity)
            #expect(!FileManager.default.fileExists(atPath: journalURL.path))
            var reloaded = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            let (_, parsedNone) = try loader.load(cache: &reloaded)
            #expect(parsedNone == 0)
        }
    }

    @Test("a file rewritten with its old size and modification time is read again (its status-change time moved)")
    func sameSizeAndTime() throws {
        try withContent(RuleFixtures.base.with(RuleFixtures.store)) { root in
            let loader = testLoader(root)
            let manager = root.appendingPathComponent("roles/manager.md")
            // Settled files: modified well in the past.
            for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) where path.hasSuffix(".md") {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: root.appendingPathComponent(path).path)
            }
            var cache = ParseCache()
            _ = try loader.load(cache: &cache)
            #expect(cache.entries["roles/manager.md"]?.identity != nil)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            cache.store(in: folder, loader: loader, identity: Self.identity)

            var stored = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            let (_, unchanged) = try loader.load(cache: &stored)
            #expect(unchanged == 0 && stored.readCount == 0, "settled files are taken by their identity, unread")

            // Same length, same inode, the same modification time to the nanosecond, other bytes.
            var before = stat()
            #expect(stat(manager.path, &before) == 0)
            let text = try String(contentsOf: manager, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "运营经理", with: "营运经理")
            #expect(edited != text && edited.utf8.count == text.utf8.count)
            let handle = try FileHandle(forWritingTo: manager)
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, manager.path, &times, 0) == 0)
            var after = stat()
            #expect(stat(manager.path, &after) == 0)
            #expect(after.st_size == before.st_size && after.st_ino == before.st_ino
                    && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

            var again = ParseCache.load(from: folder, loader: loader, identity: Self.identity)
            let (content, parsed) = try loader.load(cache: &again)
            #expect(parsed == 1)
            let full = try loader.load()
            #expect(content.entities == full.entities && Self.sameDiagnostics(content.diagnostics, full.diagnostics))
        }
    }
}
