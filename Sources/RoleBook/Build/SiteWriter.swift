import Foundation

/// Failures of writing the site; content problems are diagnostics, not these.
public enum SiteWriteError: Error, CustomStringConvertible {
    case notOurs(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .notOurs(let path): "refusing to replace '\(path)': it was not created by rolebook (no \(SiteWriter.marker) file); remove it or choose another -o"
        case .io(let path, let message): "cannot write '\(path)': \(message)"
        }
    }
}

/// Writes the site so that readers only ever see a complete one: a first build fills a new
/// folder and swaps it in; a rebuild (given the cache) writes only changed files, each under a
/// temporary name beside its target, and renames them over once every file has been written.
///
/// Files arrive in batches from a producer (``SiteRenderer/render(timings:emit:)``) and are
/// written as they come, so the whole site is never held in memory. A producer may be run twice:
/// when an in-place update cannot finish, the writer falls back to a new folder.
public struct SiteWriter: Sendable {
    public static let marker = ".rolebook-site"
    public var output: URL

    public init(output: URL) { self.output = output.standardizedFileURL }

    /// Produces the site's files, handing each batch to the function it is given.
    public typealias Producer = (_ emit: ([OutputFile]) throws -> Void) throws -> Void
    /// Produces the site's files, told what the site already holds (nil when writing a new folder,
    /// where every page must be rendered).
    public typealias ReusingProducer = (_ previous: PreviousBuild?, _ emit: ([OutputFile]) throws -> Void) throws -> Void

    /// What an in-place update may keep: pages of the previous build still in the folder, with
    /// the fingerprints of the inputs they were rendered from.
    public struct PreviousBuild: Sendable {
        let manifest: SiteManifest
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

        /// Whether the page at `path` is in the site as the previous build rendered it from these inputs.
        public func canKeep(_ path: String, inputs: UInt64) -> Bool {
            manifest.inputs[path] == inputs && manifest.hashes[path] != nil && present.contains(path)
        }

        /// Every file of the previous build under `folder` as kept, if it wrote at least one there
        /// and all of them from these inputs and all are still present; nil otherwise.
        public func keepAll(under folder: String, inputs: UInt64) -> [OutputFile]? {
            let paths = manifest.hashes.keys.filter { $0.hasPrefix(folder) }.sorted()
            guard !paths.isEmpty, paths.allSatisfy({ canKeep($0, inputs: inputs) }) else { return nil }
            return paths.map { OutputFile.kept($0, inputs: inputs) }
        }
    }

    /// What a write did.
    public struct Summary: Sendable, Equatable {
        /// False when the whole site was written into a new folder and swapped in.
        public var incremental: Bool
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        /// Files not rendered again because their inputs had not changed (counted in `unchanged`).
        public var kept = 0
    }

    /// Writes `files` (see ``write(cache:producing:)``).
    public func write(_ files: [OutputFile], cache: URL?) throws -> Summary {
        try write(cache: cache) { emit in try emit(files) }
    }

    /// Writes a complete new folder and swaps it in.
    public func write(_ files: [OutputFile]) throws {
        _ = try writeFolder { _, emit in try emit(files) }
    }

    /// Writes the site, updating it in place when `cache` holds the manifest of the build that
    /// produced the current folder (only changed files are rewritten, stale files removed);
    /// otherwise writes a new folder and swaps it in. The previous site stays as it was until
    /// every file has been written.
    public func write(cache: URL?, producing produce: Producer) throws -> Summary {
        try write(cache: cache, reusing: { _, emit in
            // Both closures are non-escaping; the compiler cannot see that `produce` does not re-enter.
            try withoutActuallyEscaping(emit) { try produce($0) }
        })
    }

    /// Writes the site as ``write(cache:producing:)`` does; the producer is told which pages the
    /// site already holds, so it need not render those whose inputs did not change.
    public func write(cache: URL?, reusing produce: ReusingProducer) throws -> Summary {
        guard let cache else {
            let manifest = try writeFolder(produce)
            return Summary(incremental: false, written: manifest.hashes.count, unchanged: 0, removed: 0)
        }
        let manifestURL = SiteManifest.location(cache: cache, output: output)
        var summary: Summary
        var manifest: SiteManifest
        if let old = (try? String(contentsOf: manifestURL, encoding: .utf8)).flatMap(SiteManifest.parse),
           markerBuildID() == old.buildID {
            do {
                (summary, manifest) = try update(from: old, produce)
            } catch is SiteWriteError {
                // An update that cannot finish (a folder where a file must now go, …) falls back to
                // writing a whole new folder, which replaces the site only if it completes.
                manifest = try writeFolder(produce)
                summary = Summary(incremental: false, written: manifest.hashes.count, unchanged: 0, removed: 0)
            }
        } else {
            manifest = try writeFolder(produce)
            summary = Summary(incremental: false, written: manifest.hashes.count, unchanged: 0, removed: 0)
        }
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            let temporary = manifestURL.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
            if let problem = Self.writeFile(manifest.text, to: temporary.path) { throw SiteWriteError.io(temporary.path, problem) }
            guard rename(temporary.path, manifestURL.path) == 0 else { throw SiteWriteError.io(manifestURL.path, String(cString: strerror(errno))) }
        } catch let error as SiteWriteError {
            throw error
        } catch {
            throw SiteWriteError.io(cache.path, error.localizedDescription)
        }
        // The marker last: until it names this build, the next build will not trust the manifest.
        try writeAtomically(Self.markerText(manifest.buildID), to: Self.marker)
        return summary
    }

    static func markerText(_ buildID: String) -> String {
        "generated by rolebook; this folder is replaced on every build\nbuild \(buildID)\n"
    }

    /// The build id in the output's marker, if any.
    func markerBuildID() -> String? {
        guard let text = try? String(contentsOf: output.appendingPathComponent(Self.marker), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("build ") }.map { String($0.dropFirst(6)) }
    }

    static let temporarySuffix = ".rolebook-tmp"

    /// Writes `contents` to a temporary name beside `path` and renames it over, so readers never see half a file.
    func writeAtomically(_ contents: String, to path: String) throws {
        let target = output.appendingPathComponent(path).path
        let temporary = target + Self.temporarySuffix
        if let problem = Self.writeFile(contents, to: temporary) { throw SiteWriteError.io(target, problem) }
        guard rename(temporary, target) == 0 else { throw SiteWriteError.io(target, String(cString: strerror(errno))) }
    }

    /// Rewrites changed and missing files, removes files the new build no longer has.
    func update(from old: SiteManifest, _ produce: ReusingProducer) throws -> (Summary, SiteManifest) {
        let fm = FileManager.default
        // Files someone deleted by hand are written again even when their hash is unchanged.
        // readdir's file types, not FileManager's enumerator, which stats every file (a tenth of a rebuild).
        var present = Set<String>()
        func walk(_ relative: String) {
            let path = relative.isEmpty ? output.path : output.path + "/" + relative
            guard let entries = try? ContentLoader.directoryEntries(path) else { return }
            for entry in entries {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory { walk(child) } else { present.insert(child) }
            }
        }
        walk("")
        let root = output.path
        var hashes: [String: UInt64] = [:]
        var inputs: [String: UInt64] = [:]
        var written: [String] = []
        var keptCount = 0
        var folders = Set<String>()
        let writer = BackgroundWriter(output: output.path)
        let previous = PreviousBuild(manifest: old, present: present, root: root)
        // Two phases, so a failed write (disk full, permissions) leaves the previous site intact:
        // first every changed file goes to a temporary name beside its target…
        do {
            try Self.run(produce, previous) { batch in
                let batchHashes = batch.parallelMap { SiteManifest.hash($0.contents) }
                var changed: [OutputFile] = []
                for (file, hash) in zip(batch, batchHashes) where hashes[file.path] == nil {
                    if let fingerprint = file.inputs { inputs[file.path] = fingerprint }
                    if file.isKept {
                        guard let kept = old.hashes[file.path] else { throw SiteWriteError.io(file.path, "kept a page the previous build did not write") }
                        hashes[file.path] = kept
                        keptCount += 1
                        continue
                    }
                    hashes[file.path] = hash
                    if old.hashes[file.path] != hash || !present.contains(file.path) { changed.append(file) }
                }
                for d in Self.folders(of: changed) where folders.insert(d).inserted {
                    try? fm.createDirectory(at: output.appendingPathComponent(d), withIntermediateDirectories: true)
                }
                written += changed.map(\.path)
                try writer.submit(changed, root: root, suffix: Self.temporarySuffix)
            }
            try writer.finish()
        } catch {
            _ = try? writer.finish()
            for path in written { unlink(root + "/" + path + Self.temporarySuffix) }
            if let failure = error as? ProducerFailure { throw failure.underlying }
            throw error
        }
        // …then, with the marker no longer naming a build (an interruption from here on makes the
        // next build distrust the manifest and write everything), each is renamed over its target.
        let stale = old.hashes.keys.filter { hashes[$0] == nil }.sorted()
        if !written.isEmpty || !stale.isEmpty { try writeAtomically(Self.markerText("updating"), to: Self.marker) }
        for path in written {
            let target = root + "/" + path
            guard rename(target + Self.temporarySuffix, target) == 0 else { throw SiteWriteError.io(target, String(cString: strerror(errno))) }
        }
        for path in stale { try? fm.removeItem(at: output.appendingPathComponent(path)) }
        let summary = Summary(incremental: true, written: written.count, unchanged: hashes.count - written.count, removed: stale.count, kept: keptCount)
        return (summary, SiteManifest(hashes: hashes, inputs: inputs))
    }

    /// Writes a complete new folder as the files arrive, then swaps it in.
    /// - Returns: the manifest of what was written.
    func writeFolder(_ produce: ReusingProducer) throws -> SiteManifest {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).rolebook-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).rolebook-old-\(pid)")

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains(Self.marker) else { throw SiteWriteError.notOurs(output.path) }
        }
        try? fm.removeItem(at: staging)
        let writer = BackgroundWriter(output: output.path)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var hashes: [String: UInt64] = [:]
            var inputs: [String: UInt64] = [:]
            var folders = Set<String>()
            let root = staging.path
            defer { _ = try? writer.finish() }
            try Self.run(produce, nil) { batch in
                if let kept = batch.first(where: \.isKept) { throw SiteWriteError.io(kept.path, "a kept page cannot go into a new folder") }
                for d in Self.folders(of: batch) where folders.insert(d).inserted {
                    do {
                        try fm.createDirectory(at: staging.appendingPathComponent(d), withIntermediateDirectories: true)
                    } catch {
                        throw SiteWriteError.io(staging.appendingPathComponent(d).path, error.localizedDescription)
                    }
                }
                let batchHashes = batch.parallelMap { SiteManifest.hash($0.contents) }
                for (file, hash) in zip(batch, batchHashes) where hashes[file.path] == nil {
                    hashes[file.path] = hash
                    if let fingerprint = file.inputs { inputs[file.path] = fingerprint }
                }
                try writer.submit(batch, root: root, suffix: "")
            }
            try writer.finish()
            let manifest = SiteManifest(hashes: hashes, inputs: inputs)
            try Data(Self.markerText(manifest.buildID).utf8).write(to: staging.appendingPathComponent(Self.marker))
            try? fm.removeItem(at: retired)
            if exists { try fm.moveItem(at: output, to: retired) }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                // Put the previous site back rather than leave no site at all.
                if exists { try? fm.moveItem(at: retired, to: output) }
                throw error
            }
            try? fm.removeItem(at: retired)
            return manifest
        } catch let error as SiteWriteError {
            try? fm.removeItem(at: staging)
            throw error
        } catch let error as ProducerFailure {
            try? fm.removeItem(at: staging)
            throw error.underlying
        } catch {
            try? fm.removeItem(at: staging)
            throw SiteWriteError.io(output.path, error.localizedDescription)
        }
    }

    /// An error of the producer itself (not of writing), passed through unchanged.
    struct ProducerFailure: Error {
        var underlying: any Error
    }

    /// Runs the producer; its own errors are wrapped in ``ProducerFailure``, the writer's are kept.
    static func run(_ produce: ReusingProducer, _ previous: PreviousBuild?, _ emit: ([OutputFile]) throws -> Void) throws {
        do {
            // Both closures are non-escaping; the compiler cannot see that `produce` does not re-enter.
            try withoutActuallyEscaping(emit) { try produce(previous, $0) }
        } catch let error as SiteWriteError {
            throw error
        } catch {
            throw ProducerFailure(underlying: error)
        }
    }
}

extension SiteWriter {
    /// The folders the files go into, sorted (parents first). Written by hand: NSString's
    /// `deletingLastPathComponent` traps on one-character paths in this Foundation.
    static func folders(of files: [OutputFile]) -> [String] {
        Set(files.compactMap { file in file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } }).filter { !$0.isEmpty }.sorted()
    }

    /// Plain open/write/close: Foundation's `Data.write` fsyncs every file, which made writing
    /// a 27,000-file site take seconds; durability comes from the final rename instead.
    /// - Returns: an error message, or nil.
    static func writeFile(_ contents: String, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var contents = contents
        return contents.withUTF8 { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
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
    private let output: String

    init(output: String) { self.output = output }

    /// Waits for the previous batch, then starts writing `files` under `root` (each path + `suffix`).
    /// - Throws: the first failure of an earlier batch.
    func submit(_ files: [OutputFile], root: String, suffix: String) throws {
        try finish()
        guard !files.isEmpty else { return }
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            for file in files {
                if let problem = SiteWriter.writeFile(file.contents, to: root + "/" + file.path + suffix) {
                    lock.withLock { failure = failure ?? "\(file.path): \(problem)" }
                    return
                }
            }
        }
    }

    /// Waits for every submitted batch. - Throws: the first failure, if any.
    func finish() throws {
        group.wait()
        if let failure = lock.withLock({ failure }) { throw SiteWriteError.io(output, failure) }
    }
}
