import Foundation
import RoleBookModel
import RoleBookParsing

/// An exclusive lock on one site folder and its cache for the length of a build.
///
/// A `flock` on `.SITE.rolebook-lock` beside the site: the kernel releases it when the process
/// ends however it ends, so a killed build never leaves a stale lock, and the file itself is never
/// removed (removing a lock file lets two builds lock two different files). Whoever holds the lock
/// owns every `.SITE.rolebook-new-…`/`-old-…` sibling, so it may remove what dead builds left.
final class SiteLock {
    private let descriptor: Int32

    /// The lock file for a site folder (an absolute, resolved path).
    static func path(for site: URL) -> String {
        site.deletingLastPathComponent().appendingPathComponent(".\(site.lastPathComponent).rolebook-lock").path
    }

    /// Takes the lock for `site`, creating its parent folder if needed.
    /// - Parameters:
    ///   - wait: when another build holds the lock, wait for it (calling `waiting` once first) rather than fail.
    /// - Throws: ``SiteWriteError/busy(_:)`` when not waiting and the lock is held; ``SiteWriteError/io(_:_:)``.
    init(site: URL, wait: Bool, waiting: () -> Void) throws {
        let path = Self.path(for: site)
        do {
            try FileManager.default.createDirectory(at: site.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw SiteWriteError.io(site.deletingLastPathComponent().path, error.localizedDescription)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriteError.io(path, String(cString: strerror(errno))) }
        if Self.lock(fd, blocking: false) != 0 {
            guard errno == EWOULDBLOCK else {
                let message = String(cString: strerror(errno))
                close(fd)
                throw SiteWriteError.io(path, message)
            }
            guard wait else {
                close(fd)
                throw SiteWriteError.busy(site.path)
            }
            waiting()
            guard Self.lock(fd, blocking: true) == 0 else {
                let message = String(cString: strerror(errno))
                close(fd)
                throw SiteWriteError.io(path, message)
            }
        }
        descriptor = fd
    }

    private static func lock(_ fd: Int32, blocking: Bool) -> Int32 {
        while true {
            let result = flock(fd, LOCK_EX | (blocking ? 0 : LOCK_NB))
            if result == 0 || errno != EINTR { return result }
        }
    }

    deinit { close(descriptor) }

    /// Removes the staging and retired folders that killed or crashed builds of `site` left beside
    /// it (any `.SITE.rolebook-*` but the lock file). Only safe while holding the lock.
    func removeLeftovers(of site: URL) {
        let parent = site.deletingLastPathComponent()
        let prefix = ".\(site.lastPathComponent).rolebook-"
        let lockName = URL(fileURLWithPath: Self.path(for: site)).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) && name != lockName {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// Replacing one folder by another in a single step.
enum FolderSwap {
    /// Exchanges two folders atomically with Linux's `renameat2(RENAME_EXCHANGE)`.
    ///
    /// Looked up with `dlsym`: the Glibc module does not export glibc's wrapper (it needs
    /// `_GNU_SOURCE`), and `syscall` is variadic, so Swift cannot call it.
    /// - Returns: 0, or -1 with `errno` set (ENOSYS when the C library has no `renameat2`).
    static func exchange(_ a: String, _ b: String) -> Int32 {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else {
            errno = ENOSYS
            return -1
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100   // AT_FDCWD
        let renameExchange: UInt32 = 1 << 1    // RENAME_EXCHANGE
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange)
        #else
        errno = ENOSYS
        return -1
        #endif
    }

    /// Puts `staging` in the place of `site` and removes the previous site.
    ///
    /// One atomic exchange where the file system allows it; otherwise (EINVAL, ENOSYS, ENOTSUP)
    /// the site is renamed aside to `retired` and the new one renamed in, two renames with no
    /// mixed state in between. A folder left by a kill after the swap is removed by the next
    /// build's ``SiteLock/removeLeftovers(of:)``.
    /// - Returns: with `keepingPrevious`, where the previous site now is (for ``SpareFolder``);
    ///   otherwise it is removed and the result is nil.
    @discardableResult
    static func replace(_ site: String, with staging: String, retired: String, keepingPrevious: Bool = false) throws -> String? {
        if exchange(staging, site) == 0 {
            if keepingPrevious { return staging }
            removeTree(staging)
            return nil
        }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
            throw SiteWriteError.io(site, String(cString: strerror(errno)))
        }
        try? FileManager.default.removeItem(atPath: retired)
        guard rename(site, retired) == 0 else { throw SiteWriteError.io(site, String(cString: strerror(errno))) }
        guard rename(staging, site) == 0 else {
            let message = String(cString: strerror(errno))
            // Put the previous site back rather than leave no site at all.
            _ = rename(retired, site)
            throw SiteWriteError.io(site, message)
        }
        if keepingPrevious { return retired }
        removeTree(retired)
        return nil
    }

    /// Removes a folder and everything in it, links not followed. Faster than FileManager's
    /// `removeItem`, which a rebuild spent 130 ms in for a 30,000-file site: the types come from
    /// `readdir` (``ContentLoader/directoryEntries(_:followingLinks:)``, no `stat` per file) and
    /// files are unlinked on all cores. Whatever is left (a file appearing meanwhile) goes through `removeItem`.
    static func removeTree(_ root: String) {
        var files: [String] = [], folders: [String] = []
        var pending = [root]
        while let folder = pending.popLast() {
            folders.append(folder)
            guard let entries = try? ContentLoader.directoryEntries(folder, followingLinks: false) else { continue }
            for (name, isFolder) in entries {
                if isFolder { pending.append(folder + "/" + name) } else { files.append(folder + "/" + name) }
            }
        }
        let chunk = 512, all = files
        _ = Array(stride(from: 0, to: all.count, by: chunk)).parallelMap { start in
            for path in all[start..<min(start + chunk, all.count)] { unlink(path) }
        }
        // A folder is listed after its parent: in reverse, each is empty when its turn comes.
        for folder in folders.reversed() { rmdir(folder) }
        var info = stat()
        if lstat(root, &info) == 0 { try? FileManager.default.removeItem(atPath: root) }
    }
}
