import Foundation
import RoleBook
#if canImport(Glibc)
import Glibc
#endif

/// Watches a content folder and reports batches of changed paths.
///
/// inotify with one watch per folder (new folders get theirs as they appear); editors that
/// save by writing a new file and renaming it over the old one produce IN_MOVED_TO, so that is
/// watched with IN_CLOSE_WRITE, IN_CREATE, IN_DELETE and IN_MOVED_FROM. A burst of events (a
/// save, a `git checkout`) is reported once, after `debounce` without further events. When
/// inotify cannot be used, or its watch limit is reached, the folder is polled instead.
package final class ContentWatcher: @unchecked Sendable {
    package enum Mode: String, Sendable { case inotify, polling }

    package let root: String
    package let debounce: Double
    package let pollInterval: Double
    /// Called on the watcher's own thread with the root-relative paths that changed (sorted).
    private let onChange: @Sendable ([String]) -> Void
    // Written by `stop()` from another thread; read by the loop, which checks it at least every 100 ms.
    private let stopped = LockedFlag()
    private var thread: Thread?
    package private(set) var mode: Mode = .inotify

    package init(root: String, debounce: Double = 0.03, pollInterval: Double = 0.25, forcePolling: Bool = false,
                onChange: @escaping @Sendable ([String]) -> Void) {
        var trimmed = root
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
        self.debounce = debounce
        self.pollInterval = pollInterval
        self.onChange = onChange
        if forcePolling { mode = .polling }
    }

    /// Starts watching on a thread of its own; the watches are in place when this returns.
    package func start() {
        var inotify: InotifyWatches?
        if mode == .inotify {
            inotify = InotifyWatches(root: root)
            if inotify == nil { mode = .polling }
        }
        let poller = mode == .polling ? PollingScanner(root: root) : nil
        let watches = inotify
        let thread = Thread { [self] in
            if let watches { self.runInotify(watches) } else if let poller { self.runPolling(poller) }
        }
        thread.name = "rolebook-watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops the thread within about 100 ms; no callback runs after it has stopped.
    package func stop() { stopped.set() }

    private func runInotify(_ initial: InotifyWatches) {
        var watches = initial
        defer { watches.close() }
        var pending = Set<String>()
        var lastEvent = 0.0
        while !stopped.isSet {
            let wait = pending.isEmpty ? 100 : max(1, Int32((lastEvent + debounce - Stopwatch.now()) * 1000))
            switch watches.read(timeoutMilliseconds: Int32(min(wait, 100))) {
            case .events(let paths):
                if !paths.isEmpty { pending.formUnion(paths); lastEvent = Stopwatch.now() }
            case .failed:
                // The watch limit was reached (or the queue overflowed): poll from here on.
                mode = .polling
                if !pending.isEmpty { onChange(pending.sorted()) }
                runPolling(PollingScanner(root: root), initialChange: true)
                return
            }
            if !pending.isEmpty, Stopwatch.now() >= lastEvent + debounce {
                let batch = pending.sorted()
                pending.removeAll()
                if !stopped.isSet { onChange(batch) }
            }
        }
    }

    private func runPolling(_ initial: PollingScanner, initialChange: Bool = false) {
        var scanner = initial
        if initialChange { onChange(["."]) }
        while !stopped.isSet {
            let deadline = Stopwatch.now() + pollInterval
            while !stopped.isSet && Stopwatch.now() < deadline { usleep(20_000) }
            if stopped.isSet { return }
            let changed = scanner.rescan()
            if !changed.isEmpty { onChange(changed) }
        }
    }

    /// Whether a changed name can affect the site: Markdown files, `rolebook.yml` and folders.
    /// Editors' scratch files (`.x.swp`, `x.md~`, vim's `4913`) are ignored.
    static func isRelevant(_ name: String, isDirectory: Bool) -> Bool {
        if name.hasPrefix(".") { return false }
        return isDirectory || name.hasSuffix(".md") || name == "rolebook.yml"
    }
}

/// A flag set once from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// An inotify descriptor with one watch per folder under a root.
struct InotifyWatches {
    enum ReadResult { case events([String]), failed }

    private let fd: Int32
    private let root: String
    /// Watch descriptor → root-relative folder (`""` for the root).
    private var folders: [Int32: String] = [:]
    static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF)

    /// Nil when inotify is unavailable or the folders cannot all be watched.
    init?(root: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.root = root
        guard addTree("") else { Glibc.close(fd); return nil }
    }

    func close() { Glibc.close(fd) }

    /// Watches `relative` and every folder below it, with an explicit stack (no recursion over
    /// the user's folder depth). False when a watch could not be added (ENOSPC: the limit).
    mutating func addTree(_ relative: String) -> Bool {
        var stack = [relative]
        while let folder = stack.popLast() {
            let path = folder.isEmpty ? root : root + "/" + folder
            let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_ONLYDIR))
            if wd < 0 {
                // A folder that vanished meanwhile is no failure; running out of watches is.
                if errno == ENOENT || errno == ENOTDIR { continue }
                return false
            }
            folders[wd] = folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names where !name.hasPrefix(".") {
                var info = stat()
                // lstat: a link to a folder is not followed, so a link loop cannot add watches forever.
                if lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(folder.isEmpty ? name : folder + "/" + name)
                }
            }
        }
        return true
    }

    /// Waits up to `timeoutMilliseconds` for events and returns the relevant changed paths.
    mutating func read(timeoutMilliseconds: Int32) -> ReadResult {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return .events([]) }
        var paths: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer, size)
            if n <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { return .failed }
                guard let folder = folders[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil; continue }
                if event.mask & UInt32(IN_DELETE_SELF) != 0 { continue }
                let isDirectory = event.mask & UInt32(IN_ISDIR) != 0
                guard ContentWatcher.isRelevant(name, isDirectory: isDirectory) else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                paths.append(path)
                // A new folder (made, or moved in with its files) gets watches, and counts as changed.
                if isDirectory, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    guard addTree(path) else { return .failed }
                }
            }
        }
        return .events(paths)
    }
}

/// The polling fallback: size, modification time and inode of every relevant file and folder.
struct PollingScanner {
    let root: String
    private var seen: [String: [Int]] = [:]

    init(root: String) {
        self.root = root
        seen = scan()
    }

    /// Paths added, removed or changed since the last scan.
    mutating func rescan() -> [String] {
        let now = scan()
        var changed = Set<String>()
        for (path, stamp) in now where seen[path] != stamp { changed.insert(path) }
        for path in seen.keys where now[path] == nil { changed.insert(path) }
        seen = now
        return changed.sorted()
    }

    private func scan() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        var stack = [""]
        while let folder = stack.popLast() {
            let path = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names {
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                guard ContentWatcher.isRelevant(name, isDirectory: isDirectory) else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                if isDirectory {
                    stack.append(relative)
                } else {
                    out[relative] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
                }
            }
        }
        return out
    }
}
