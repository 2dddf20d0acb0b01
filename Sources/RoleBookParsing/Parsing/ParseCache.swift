import Foundation
import RoleBookModel

/// Parse results per content file, keyed by the hash of the file's bytes, so that a rebuild
/// (`rolebook serve` after a save) parses only the files that changed and reuses the rest.
///
/// A value owned by its caller: the loader reads it and returns the next one.
package struct ParseCache: Sendable {
    struct Entry: Sendable {
        var hash: UInt64
        var entity: Entity?
        var diagnostics: [Diagnostic]
        /// The file as `stat` saw it before it was read, when it had settled (see ``FileIdentity``);
        /// nil: read it again next time.
        var identity: FileIdentity?
        /// The entry's part of the file it was loaded from (``ParseResultEncoder``): stored
        /// again as it is, so saving the cache encodes only what was parsed anew.
        var stored: StoredPart? = nil
    }

    /// Where a loaded entry's part is: in the cache file, read again when it is stored (only its
    /// place and hash are held), or the bytes of the (small) journal it came from.
    enum StoredPart: Sendable {
        case inCacheFile(range: Range<Int>, check: UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    /// A file's device, inode, size, modification and status-change times, as git's index keeps
    /// them. When these are as they were, the next load takes the file's entry without reading or
    /// hashing it. The status-change time cannot be set by hand, so a file rewritten and given
    /// back its old modification time (`touch -d`, `cp -p`) is still read (only the modification
    /// time must have settled: a later write moves it, and the status-change time with it).
    ///
    /// Only recorded for a file last modified more than ``settleMargin`` before it was looked at:
    /// a file written twice within one timestamp tick keeps its size and time, so a file still
    /// that fresh is read (and hashed) every time until it has settled. A time with no
    /// nanoseconds suggests a file system that keeps whole seconds (or two, FAT's), whose tick is
    /// longer than the margin: such a file must be ``coarseSettleMargin`` old.
    struct FileIdentity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var changed: Int64
        var changedNanoseconds: Int64

        static let settleMargin = 0.1
        static let coarseSettleMargin = 2.0

        init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, modifiedNanoseconds: Int64, changed: Int64, changedNanoseconds: Int64) {
            self.device = device; self.inode = inode; self.size = size; self.modified = modified
            self.modifiedNanoseconds = modifiedNanoseconds; self.changed = changed; self.changedNanoseconds = changedNanoseconds
        }

        /// The identity of the file at `path` (links followed), or nil when it cannot be looked
        /// at or was modified after `settled` (seconds since 1970).
        init?(path: String, settled: Double) {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec)
            changedNanoseconds = Int64(info.st_ctim.tv_nsec)
            let coarse = modifiedNanoseconds == 0 ? Self.coarseSettleMargin - Self.settleMargin : 0
            guard Double(modified) + Double(modifiedNanoseconds) / 1e9 + coarse < settled else { return nil }
        }

        /// Now on the clock file times are on, less ``settleMargin``: files modified before it have settled.
        static func settledBefore() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_REALTIME, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 - settleMargin
        }
    }

    /// What the last load's walk found, so a load told which files changed can skip the walk.
    struct LastWalk: Sendable {
        var walk: ContentLoader.Walk
        var pathSet: Set<String>
        /// The `exclude` setting the walk was made under.
        var exclude: [String]
    }

    var entries: [String: Entry] = [:]
    var walk: LastWalk?
    /// The mentions the last graph built from this cache found (``Checker/run(cache:changed:)``).
    var mentions: MentionCache?
    /// The mentions the last build stored (``MentionCache/load(from:identity:displayRoot:)``), taken
    /// as ``mentions`` by the next graph built under the same settings.
    var storedMentions: MentionCache.Stored?
    /// The last graph built from this cache, when an edit may patch it (``Checker/run(cache:changed:)``).
    var graph: GraphMemo?
    /// The sections `rolebook.yml` adds: every cached parse depends on them.
    var extraSections: [SectionKind: [String]] = [:]

    package init() {}

    /// What the cache file this cache was loaded from holds (``ParseCache/load(from:loader:identity:)``),
    /// so storing writes only what differs from it; nil: not loaded from disk.
    var onDisk: DiskBaseline?

    init(entries: [String: Entry], extraSections: [SectionKind: [String]], onDisk: DiskBaseline? = nil) {
        self.entries = entries
        self.extraSections = extraSections
        self.onDisk = onDisk
    }

    /// How many files the load that made this cache read (the rest were unchanged by `stat`).
    package internal(set) var readCount = 0

    /// How many files the cache holds.
    package var count: Int { entries.count }
}

extension ContentLoader {
    /// ``load()``, parsing only the files whose bytes differ from what `cache` holds; `cache`
    /// becomes the cache of this load (files no longer present are dropped).
    ///
    /// - Returns: the content, and how many files were parsed (not taken from the cache).
    ///
    /// - Parameter changed: root-relative paths a watcher reported since `cache` was made; nil: unknown.
    package func load(cache: inout ParseCache, changed: [String]? = nil) throws -> (content: LoadedContent, parsed: Int) {
        // Handed over, not copied, so a targeted load can update the table in place.
        let taken = cache
        cache = ParseCache()
        let result = try load(reusing: consume taken, changed: changed)
        cache = result.cache ?? ParseCache()
        return (result.content, result.parsed)
    }
}
