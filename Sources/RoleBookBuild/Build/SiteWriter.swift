import Foundation
import RoleBookModel
import RoleBookParsing

/// Failures of writing the site; content problems are diagnostics, not these.
public enum SiteWriteError: Error, CustomStringConvertible {
    case notOurs(String)
    case io(String, String)
    /// Another build holds the site's lock and the caller chose not to wait.
    case busy(String)
    case cacheNotWritable(String, String)
    /// The cache folder (first) lies inside the site folder (second).
    case cacheInsideSite(String, String)
    /// The output is a symbolic link to nothing.
    case danglingLink(String)

    public var description: String {
        switch self {
        case .notOurs(let path): "refusing to replace '\(path)': it was not created by rolebook (no \(SiteWriter.marker) file); remove it or choose another -o"
        case .io(let path, let message): "cannot write '\(path)': \(message)"
        case .busy(let path): "another build of '\(path)' is running; try again when it has finished"
        case .cacheNotWritable(let path, let message): "cache folder '\(path)' is not writable (\(message)); the site was not changed"
        case .cacheInsideSite(let cache, let site): "cache folder '\(cache)' is inside the site folder '\(site)', which every build replaces; choose a --cache-dir outside it"
        case .danglingLink(let path): "'\(path)' is a symbolic link to a folder that does not exist"
        }
    }
}

/// Writes the site so that readers only ever see a complete one, even when the build is killed.
///
/// Every build writes a sibling staging folder (`.SITE.rolebook-new-PID`) and swaps it with the
/// site in one `renameat2(RENAME_EXCHANGE)` (``FolderSwap``); nothing temporary is ever written
/// inside the published folder. A rebuild (given the cache) renders and writes only the changed
/// files into the staging folder and hard-links the unchanged ones from the site; from the
/// second rebuild on, the staging folder is the site the previous swap retired, kept in the
/// cache (``SpareFolder``), so only the files it does not already hold are written or linked.
/// Builds of one site take turns (``SiteLock``), remove what killed builds left, and rewrite
/// kept files that no longer match the manifest (``Summary/repaired``).
///
/// A write is a ``SiteOutput`` (``begin(cache:)``): the build hands it batches of files as it
/// renders them, so the whole site is never held in memory, and the writer never calls back
/// into rendering.
public struct SiteWriter: Sendable {
    package static let marker = ".rolebook-site"
    public var output: URL
    /// When another build holds the site's lock: wait for it (true) or throw ``SiteWriteError/busy(_:)``.
    public var waitForLock = true
    /// Called once, before waiting, when another build holds the site's lock.
    public var onWait: @Sendable () -> Void = {}

    public init(output: URL) { self.output = output.standardizedFileURL }

    /// What an incremental build may keep: pages of the previous build still in the folder exactly
    /// as written, with the fingerprints of the inputs they were rendered from.
    package struct PreviousBuild: Sendable {
        let manifest: SiteManifest
        /// Files of the manifest found intact (size and time as recorded, or the same hash).
        let present: Set<String>
        /// The site folder.
        let root: String

        /// Whether the previous build wrote `path` and it is still there.
        func isPresent(_ path: String) -> Bool { manifest.hashes[path] != nil && present.contains(path) }

        /// A file of the previous build, if it is still exactly what that build wrote.
        func contents(_ path: String) -> String? {
            guard let expected = manifest.hashes[path], present.contains(path),
                  let text = ContentLoader.withContents(ofFile: root + "/" + path, { String(validating: $0, as: UTF8.self) }) ?? nil,
                  SiteManifest.hash(text) == expected else { return nil }
            return text
        }

        /// A file of the previous build as bytes, if it is still what that build wrote: read
        /// straight into the array (no second copy) and not hashed again, as its stamp (size and
        /// time, or else its hash) was checked when the update began, which is what vouches for
        /// every kept page. For a 10,000-role graph.json (37 MB) the hash and the copy cost more
        /// than the read.
        func bytes(_ path: String) -> [UInt8]? {
            guard manifest.hashes[path] != nil, present.contains(path) else { return nil }
            let fd = open(root + "/" + path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            let size = Int(info.st_size)
            var complete = true
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                while count < size {
                    let n = read(fd, buffer.baseAddress! + count, size - count)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { complete = false; return }
                    count += n
                }
            }
            // A file that shrank while being read is not the one the stamp described.
            return complete ? bytes : nil
        }

        /// Whether the page at `path` is in the site as the previous build rendered it from these inputs.
        package func canKeep(_ path: String, inputs: UInt64) -> Bool {
            return manifest.inputs[path] == inputs && manifest.hashes[path] != nil && present.contains(path)
        }

        /// Every file of the previous build under `folder` as kept, if it wrote at least one there
        /// and all of them from these inputs and all are still present; nil otherwise.
        package func keepAll(under folder: String, inputs: UInt64) -> [OutputFile]? {
            let paths = manifest.hashes.keys.filter { $0.hasPrefix(folder) }.sorted()
            guard !paths.isEmpty, paths.allSatisfy({ canKeep($0, inputs: inputs) }) else { return nil }
            return paths.map { OutputFile.kept($0, inputs: inputs) }
        }
    }

    /// What a write did.
    public struct Summary: Sendable, Equatable {
        /// False when every file was written anew (no trusted manifest).
        public var incremental: Bool
        public var written: Int
        public var unchanged: Int
        /// Files of the previous build the new one no longer has, and files nobody built.
        public var removed: Int
        /// Files not rendered again because their inputs had not changed (counted in `unchanged`).
        public var kept = 0
        /// Files written again (counted in `written`) although unchanged, because the copy in
        /// the site had been edited, truncated or deleted since the previous build.
        public var repaired = 0
    }

    /// Writes `files` as one batch (see ``begin(cache:)``); an update that cannot finish is
    /// written again as a new folder.
    package func write(_ files: [OutputFile], cache: URL?) throws -> Summary {
        let site = try begin(cache: cache)
        defer { site.close() }
        do {
            try site.write(files)
            return try site.finish()
        } catch let error as SiteWriteError {
            guard site.canStartOver else { throw error }
            try site.startOver()
            try site.write(files)
            return try site.finish()
        }
    }

    /// Writes a complete new folder and swaps it in.
    package func write(_ files: [OutputFile]) throws {
        _ = try write(files, cache: nil)
    }

    /// Starts a write of the site: an update when `cache` holds the manifest of the build that
    /// produced the current folder (only changed or damaged files are written, the rest
    /// hard-linked, stale ones left out), otherwise every file. Either way into a staging folder
    /// swapped in at the end, so the previous site stays as it was until the new one is complete.
    /// Holds the site's lock (``SiteLock``) until the write is finished or closed.
    package func begin(cache: URL?) throws -> SiteOutput {
        // A link to a site is followed once: the target folder is updated and the link stays.
        let site = SiteWriter(resolved: try Self.resolve(output))
        if let cache { try Self.checkCache(cache, site: site.output) }
        let lock = try SiteLock(site: site.output, wait: waitForLock, waiting: onWait)
        lock.removeLeftovers(of: site.output)
        return try SiteOutput(site: site, cache: cache, lock: lock)
    }

    private init(resolved: URL) { output = resolved }

    /// ``begin(cache:)`` on a thread of its own, so that taking the site's lock and checking its
    /// files against the manifest (a `stat` of each of the 19,000 files of a 10,000-role site,
    /// and its 1.4 MB manifest read) happen while the content is read and checked; hand it to
    /// ``SiteBuild/opening``. Whatever `begin` throws is thrown when the write is taken.
    ///
    /// It never waits for the lock: content with errors is reported at once, never after another
    /// build; when the lock is held, the write is begun (and waited for, as this writer says)
    /// only when taken.
    public func beginInBackground(cache: URL?) -> Opening {
        var attempt = self
        attempt.waitForLock = false
        return Opening(writer: self, cache: cache, work: BackgroundWork { [attempt] in try attempt.begin(cache: cache) })
    }

    /// A write being begun (``beginInBackground(cache:)``).
    public struct Opening: Sendable {
        let writer: SiteWriter
        /// The cache it was begun with (a ``SiteBuild`` must have the same).
        let cache: URL?
        let work: BackgroundWork<SiteOutput>

        /// Waits for the write to begin and takes it; when another build held the lock, begins it
        /// now, waiting as the writer says.
        func output() throws -> SiteOutput {
            do { return try work.value() } catch SiteWriteError.busy { return try writer.begin(cache: cache) }
        }

        /// Waits for the write to begin and ends it without writing (the content had errors): the
        /// staging folder goes, the lock is released.
        public func cancel() { (try? work.value())?.close() }
    }

    static func markerText(_ buildID: String) -> String {
        "generated by rolebook; this folder is replaced on every build\nbuild \(buildID)\n"
    }

    /// The build id in the output's marker, if any.
    func markerBuildID() -> String? {
        guard let text = try? String(contentsOf: output.appendingPathComponent(Self.marker), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("build ") }.map { String($0.dropFirst(6)) }
    }

    /// Suffix of the temporary files earlier versions wrote inside the site (removed as strays)
    /// and `rolebook print` writes beside a PDF.
    static let temporarySuffix = ".rolebook-tmp"

    /// The sibling folder a build of this site writes into before swapping it in.
    var stagingFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).rolebook-new-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Removes the staging folder (an update that failed, was closed or changed nothing), with
    /// ``FolderSwap/removeTree(_:)``: no `stat` per file, unlinks on all cores.
    func removeStaging() { FolderSwap.removeTree(stagingFolder.path) }

    /// Where the previous site goes when the file system cannot exchange two folders.
    var retiredFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).rolebook-old-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// The stamp of the file at `path` if it still holds what the manifest recorded: same size and
    /// time, or else the same content hash (it was touched, or copied back); nil if not.
    static func intactStamp(_ path: String, recorded: FileStamp?, hash: UInt64) -> FileStamp? {
        guard let stamp = FileStamp.of(path) else { return nil }
        if stamp == recorded { return stamp }
        guard let text = ContentLoader.withContents(ofFile: path, { String(decoding: $0, as: UTF8.self) }),
              SiteManifest.hash(text) == hash else { return nil }
        return stamp
    }

    /// Every file (not folder) under `root`, relative; an explicit stack, as strays may nest deep.
    static func files(under root: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let entries = try? ContentLoader.directoryEntries(path) else { continue }
            for entry in entries {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory { pending.append(child) } else { found.append(child) }
            }
        }
        return found
    }

    static func createFolders(_ list: [String], in root: URL, made: inout Set<String>) throws {
        for d in list where made.insert(d).inserted {
            do {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(d), withIntermediateDirectories: true)
            } catch {
                throw SiteWriteError.io(root.appendingPathComponent(d).path, error.localizedDescription)
            }
        }
    }

    /// - Parameter replacing: unlink what is there first (a spare's files are the site's inodes).
    static func writeMarker(_ buildID: String, in folder: URL, replacing: Bool = false) throws {
        let path = folder.appendingPathComponent(marker).path
        if replacing { unlink(path) }
        if let problem = writeFile(markerText(buildID), to: path) { throw SiteWriteError.io(path, problem) }
    }
}

extension SiteWriter {
    /// The folder to write: `output`, or the folder it names when it is a symbolic link
    /// (resolved once, so the link itself is left as it is).
    static func resolve(_ output: URL) throws -> URL {
        var info = stat()
        guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return output }
        guard let real = realpath(output.path, nil) else { throw SiteWriteError.danglingLink(output.path) }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real)).standardizedFileURL
    }

    /// `url`'s absolute path with every link in its existing part resolved (the rest need not exist yet).
    static func realPath(_ url: URL) -> String {
        var missing: [String] = []
        var path = url.standardizedFileURL.path
        while true {
            if let real = realpath(path, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.reversed().reduce(base) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
            }
            guard let slash = path.lastIndex(of: "/"), path != "/" else { return url.standardizedFileURL.path }
            missing.append(String(path[path.index(after: slash)...]))
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// Refuses a cache inside the site (every build swaps the site folder away, the cache with it)
    /// and one that cannot be written, before anything is replaced.
    static func checkCache(_ cache: URL, site: URL) throws {
        let cachePath = realPath(cache), sitePath = realPath(site)
        if cachePath == sitePath || cachePath.hasPrefix(sitePath.hasSuffix("/") ? sitePath : sitePath + "/") {
            throw SiteWriteError.cacheInsideSite(cache.path, site.path)
        }
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        } catch {
            throw SiteWriteError.cacheNotWritable(cache.path, "cannot create it")
        }
        let probe = cache.path + "/.rolebook-probe-\(ProcessInfo.processInfo.processIdentifier)"
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriteError.cacheNotWritable(cache.path, String(cString: strerror(errno))) }
        close(fd)
        unlink(probe)
    }
}

extension SiteWriter {
    /// The folders the files go into, sorted (parents first). Written by hand: NSString's
    /// `deletingLastPathComponent` traps on one-character paths in this Foundation.
    static func folders(of files: [OutputFile]) -> [String] { folders(of: files.map(\.path)) }

    static func folders(of paths: [String]) -> [String] {
        Set(paths.compactMap { path in path.lastIndex(of: "/").map { String(path[..<$0]) } }).filter { !$0.isEmpty }.sorted()
    }

    /// Writes through ``FileWriter`` (plain open/write/close, no fsync).
    /// - Returns: an error message, or nil.
    static func writeFile(_ contents: String, to path: String) -> String? {
        FileWriter.write(contents, to: path)
    }

    /// Writes the file and sets `stamp` to its size and time once written (for the manifest).
    /// - Returns: an error message, or nil.
    static func writeFile(_ contents: String, to path: String, stamp: inout FileStamp?) -> String? {
        var info: stat?
        let problem = FileWriter.write(contents, to: path, info: &info)
        if let info { stamp = FileStamp(info) }
        return problem
    }

    /// ``writeFile(_:to:stamp:)`` for a file's text or bytes (``OutputFile/Body``).
    static func writeFile(_ file: OutputFile, to path: String, stamp: inout FileStamp?) -> String? {
        var info: stat?
        let problem = file.withBytes { FileWriter.write($0, to: path, info: &info) }
        if let info { stamp = FileStamp(info) }
        return problem
    }
}

/// Writes batches of files on one background thread while the next batch renders.
///
/// One thread, not all cores: creating files in one folder serialises on the folder's lock in
/// the kernel, so a second writer mostly spins; that core is better spent rendering. One batch
/// is in flight at a time, which bounds memory to about two batches.
final class BackgroundWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "rolebook.site-writer")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failure: String?   // guarded by `lock`
    private var written: [String: FileStamp] = [:]   // guarded by `lock`
    private let output: String

    init(output: String) { self.output = output }

    /// Waits for the previous batch, then starts writing `files` under `root` and hard-linking
    /// each of `links` there from the same path under `source` (copying where links fail).
    /// - Throws: the first failure of an earlier batch.
    /// With `replacing`, whatever is at each destination is unlinked first, never written into:
    /// a spare's files are hard links of the published site's.
    func submit(_ files: [OutputFile], root: String, links: [String] = [], from source: String = "", replacing: Bool = false) throws {
        try finish()
        guard !files.isEmpty || !links.isEmpty else { return }
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            var stamps: [(String, FileStamp)] = []
            stamps.reserveCapacity(files.count)
            for file in files {
                var stamp: FileStamp?
                if replacing { unlink(root + "/" + file.path) }
                if let problem = SiteWriter.writeFile(file, to: root + "/" + file.path, stamp: &stamp) {
                    lock.withLock { failure = failure ?? "\(file.path): \(problem)" }
                    return
                }
                if let stamp { stamps.append((file.path, stamp)) }
            }
            for path in links {
                let from = source + "/" + path, to = root + "/" + path
                if replacing { unlink(to) }
                guard link(from, to) != 0 else { continue }
                // A file system without hard links: copy.
                let reason = String(cString: strerror(errno))
                guard let bytes = FileManager.default.contents(atPath: from), FileManager.default.createFile(atPath: to, contents: bytes) else {
                    lock.withLock { failure = failure ?? "\(path): \(reason)" }
                    return
                }
            }
            lock.withLock { for (path, stamp) in stamps { written[path] = stamp } }
        }
    }

    /// Size and time of every file written so far (call after ``finish()``).
    var stamps: [String: FileStamp] { lock.withLock { written } }

    /// Waits for every submitted batch. - Throws: the first failure, if any.
    func finish() throws {
        group.wait()
        if let failure = lock.withLock({ failure }) { throw SiteWriteError.io(output, failure) }
    }
}
