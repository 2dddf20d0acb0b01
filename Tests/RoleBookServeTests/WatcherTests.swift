import Foundation
import Testing
@testable import RoleBookServe
import RoleBookTestSupport

/// The content watcher, with inotify and with the polling fallback: create, edit, save by
/// rename, delete, and a new folder.
@Suite("content watcher", .serialized)
struct WatcherTests {
    func withWatcher(polling: Bool, debounce: Double = 0.03, _ body: (URL, Collected<[String]>) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("roles"), withIntermediateDirectories: true)
        try "---\ntitle: a\n---\n".write(to: root.appendingPathComponent("roles/a.md"), atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: root) }
        let batches = Collected<[String]>()
        let watcher = ContentWatcher(root: root.path, debounce: debounce, pollInterval: 0.05, forcePolling: polling) { batches.append($0) }
        watcher.start()
        #expect(watcher.mode == (polling ? .polling : .inotify))
        defer { watcher.stop() }
        try await body(root, batches)
    }

    func seen(_ batches: Collected<[String]>, _ path: String) async -> Bool {
        let found = await eventually { batches.all.contains { $0.contains(path) } }
        batches.removeAll()
        return found
    }

    @Test("inotify and polling report create, edit, save-by-rename and delete", arguments: [false, true])
    func fileChanges(polling: Bool) async throws {
        try await withWatcher(polling: polling) { root, batches in
            let b = root.appendingPathComponent("roles/b.md")
            try "---\ntitle: b\n---\n".write(to: b, atomically: false, encoding: .utf8)
            #expect(await seen(batches, "roles/b.md"), "create")
            try "---\ntitle: b2 longer\n---\n".write(to: b, atomically: false, encoding: .utf8)
            #expect(await seen(batches, "roles/b.md"), "edit")
            // An editor's save: write a scratch file, rename it over the original.
            let scratch = root.appendingPathComponent("roles/.b.md.swp")
            try "---\ntitle: b3 saved by rename\n---\n".write(to: scratch, atomically: false, encoding: .utf8)
            #expect(rename(scratch.path, b.path) == 0)
            #expect(await seen(batches, "roles/b.md"), "rename")
            try FileManager.default.removeItem(at: b)
            #expect(await seen(batches, "roles/b.md"), "delete")
            // Files that cannot change the site do not count.
            try "x".write(to: root.appendingPathComponent("roles/notes.txt"), atomically: false, encoding: .utf8)
            try await Task.sleep(nanoseconds: 200_000_000)
            #expect(batches.all.isEmpty)
        }
    }

    @Test("a new folder is watched: files created in it afterwards are reported", arguments: [false, true])
    func newFolder(polling: Bool) async throws {
        try await withWatcher(polling: polling) { root, batches in
            let folder = root.appendingPathComponent("hotel/roles")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if !polling { #expect(await seen(batches, "hotel"), "new folder") }
            try await Task.sleep(nanoseconds: 100_000_000)
            batches.removeAll()
            try "---\ntitle: c\n---\n".write(to: folder.appendingPathComponent("c.md"), atomically: false, encoding: .utf8)
            #expect(await seen(batches, "hotel/roles/c.md"), "file in the new folder")
        }
    }

    @Test("a burst of saves is reported as one batch")
    func debounce() async throws {
        // A window far longer than the burst: with the 30 ms default, a loaded machine (the whole
        // suite runs beside this test) can pause the writing loop longer than that, and the
        // burst is then rightly reported as two or three.
        try await withWatcher(polling: false, debounce: 1) { root, batches in
            for i in 0..<20 {
                try "---\ntitle: \(i)\n---\n".write(to: root.appendingPathComponent("roles/n\(i).md"), atomically: false, encoding: .utf8)
            }
            #expect(await eventually { batches.all.flatMap { $0 }.filter { $0.hasPrefix("roles/n") }.count >= 20 })
            #expect(batches.all.count <= 2)
        }
    }
}
