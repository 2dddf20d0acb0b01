import Foundation
import RoleBookModel

/// One write of the site, open from ``SiteWriter/begin(cache:)`` until ``finish()``.
///
/// The site's lock is held and the new version is staged beside the site. Files are handed in
/// batch by batch as the build renders them (``write(_:)``): the build drives, the writer never
/// asks for pages, so a big site is never held in memory whole. Closed or dropped before
/// `finish`, it removes the staging folder and leaves the previous site as it was.
///
/// With a trusted manifest in the cache the write is an update (``previous`` says what the site
/// holds): changed files are written, unchanged ones hard-linked from the site; from the first
/// change on, the staging folder is the site's previous version kept in the cache when there is
/// one (``SpareFolder``), so only the files it does not already hold are written or linked. An
/// update that cannot finish (a file where a folder must now go, …) throws; the build may then
/// call ``startOver()`` and hand in every file again, written into a new folder that replaces
/// the site only if it completes.
package final class SiteOutput {
    /// What the site already holds, for the build to keep the pages whose inputs did not
    /// change; nil when every file is written anew.
    package var previous: SiteWriter.PreviousBuild? {
        if case .update(let u) = state { return u.previous }
        return nil
    }

    /// Whether this is an update that has not finished yet, so ``startOver()`` may be tried.
    package var canStartOver: Bool {
        if case .update = state { return true }
        return false
    }

    private let site: SiteWriter
    private let cache: URL?
    /// Held until the write is finished or closed: freeing it releases the site's lock.
    private var lock: SiteLock?
    private var state: State
    /// What every batch adds, whichever way the site is written.
    private var hashes: [String: UInt64] = [:]
    private var inputs: [String: UInt64] = [:]
    private var folders = Set<String>()
    private var background: BackgroundWriter

    private enum State {
        /// Every file into a new folder; `exists`: a site is there to be replaced.
        case whole(exists: Bool)
        case update(Update)
        case done
    }

    /// An update's progress (see ``SiteWriter/PreviousBuild``).
    private struct Update {
        let previous: SiteWriter.PreviousBuild
        var old: SiteManifest { previous.manifest }
        /// Size and time of the intact files of the site (the links keep them), and of the
        /// files a spare already holds (their own).
        var stamps: [String: FileStamp]
        /// The site's stamps as checked, for the spare kept after the swap.
        let siteStamps: [String: FileStamp]
        /// Files in the site that no build wrote: the swap drops them.
        let strays: [String]
        var written: [String] = []
        var keptCount = 0
        /// Unchanged files to link into the new version, linked only from the first change on:
        /// a rebuild that changes nothing links nothing.
        var pendingLinks: [String] = []
        var linking = false
        /// The previous version kept in the cache, taken as the staging folder at the first change
        /// (a rebuild that changes nothing leaves it alone).
        var spare: SpareFolder?
        var spareTried = false

        /// Files the spare already holds as wanted: neither written nor linked, their stamps its own.
        mutating func notHeld(_ path: String, hash: UInt64?) -> Bool {
            guard let spare, let held = spare.file(path), held.hash == hash else { return true }
            if let stamp = held.stamp { stamps[path] = stamp }
            return false
        }
    }

    init(site: SiteWriter, cache: URL?, lock: SiteLock) throws {
        self.site = site
        self.cache = cache
        self.lock = lock
        background = BackgroundWriter(output: site.output.path)
        state = .done
        if let cache, let old = Self.trustedManifest(site: site, cache: cache) {
            do {
                state = .update(try Self.beginUpdate(site: site, old: old))
                return
            } catch is SiteWriteError {
                // Falls through to writing every file.
            }
        }
        forgetSpare()
        state = .whole(exists: try Self.beginWhole(site: site))
    }

    deinit { close() }

    /// Ends an unfinished write: the staging folder goes, the site stays as it was, the lock is released.
    package func close() {
        if case .done = state {} else {
            _ = try? background.finish()
            site.removeStaging()
            state = .done
        }
        lock = nil
    }

    /// Drops what an update wrote and starts writing every file into a new folder; the build
    /// hands in every file again (none kept: ``previous`` is nil from now on).
    package func startOver() throws {
        guard canStartOver else { throw SiteWriteError.io(site.output.path, "no update to start over") }
        _ = try? background.finish()
        site.removeStaging()
        background = BackgroundWriter(output: site.output.path)
        hashes = [:]
        inputs = [:]
        folders = []
        state = .done
        forgetSpare()
        state = .whole(exists: try Self.beginWhole(site: site))
    }

    /// The manifest's location in the cache, beside which the spare is kept.
    private var manifestURL: URL? { cache.map { SiteManifest.location(cache: $0, output: site.output) } }

    /// A write of every file leaves no spare: the next swap retires a site the spare's list
    /// does not describe.
    private func forgetSpare() {
        if let manifestURL { SpareFolder.forget(manifest: manifestURL) }
    }

    /// Writes a batch of files (each path once; a later duplicate is ignored) on the writer's
    /// thread while the build renders the next batch.
    package func write(_ batch: [OutputFile]) throws {
        switch state {
        case .whole:
            do {
                try writeWhole(batch)
            } catch let error as SiteWriteError {
                throw error
            } catch {
                throw SiteWriteError.io(site.output.path, error.localizedDescription)
            }
        case .update(var u):
            state = .done
            defer { state = .update(u) }
            try writeUpdate(batch, &u)
        case .done:
            throw SiteWriteError.io(site.output.path, "the write is already finished")
        }
    }

    /// Completes the new version, swaps it in, and stores the manifest in the cache.
    package func finish() throws -> SiteWriter.Summary {
        let summary: SiteWriter.Summary
        let manifest: SiteManifest
        var spare: BackgroundWork<Void>?
        switch state {
        case .whole(let exists):
            manifest = try finishWhole(exists: exists)
            summary = SiteWriter.Summary(incremental: false, written: manifest.hashes.count, unchanged: 0, removed: 0)
        case .update(let u):
            (summary, manifest, spare) = try finishUpdate(u)
        case .done:
            throw SiteWriteError.io(site.output.path, "the write is already finished")
        }
        state = .done
        defer {
            // The spare is kept while the manifest is written, and done before the lock is released.
            _ = try? spare?.value()
            lock = nil
        }
        guard let cache else { return summary }
        // After the swap: a build killed before this line leaves a manifest whose build id the
        // site's marker does not name, and the next build writes every file instead of trusting it.
        let manifestURL = SiteManifest.location(cache: cache, output: site.output)
        let temporary = manifestURL.path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        if let problem = FileWriter.write(manifest.bytes, to: temporary) { throw SiteWriteError.io(temporary, problem) }
        guard rename(temporary, manifestURL.path) == 0 else { throw SiteWriteError.io(manifestURL.path, String(cString: strerror(errno))) }
        return summary
    }

    // MARK: Every file into a new folder

    /// Checks the output may be replaced and makes the staging folder. - Returns: whether a site is there.
    private static func beginWhole(site: SiteWriter) throws -> Bool {
        let fm = FileManager.default
        let output = site.output
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains(SiteWriter.marker) else { throw SiteWriteError.notOurs(output.path) }
        }
        site.removeStaging()
        do {
            try fm.createDirectory(at: site.stagingFolder, withIntermediateDirectories: true)
        } catch {
            throw SiteWriteError.io(output.path, error.localizedDescription)
        }
        return exists
    }

    private func writeWhole(_ batch: [OutputFile]) throws {
        let staging = site.stagingFolder
        if let kept = batch.first(where: \.isKept) { throw SiteWriteError.io(kept.path, "a kept page cannot go into a new folder") }
        try SiteWriter.createFolders(SiteWriter.folders(of: batch.map(\.path)), in: staging, made: &folders)
        let batchHashes = batch.parallelMap { $0.contentHash }
        for (file, hash) in zip(batch, batchHashes) where hashes[file.path] == nil {
            hashes[file.path] = hash
            if let fingerprint = file.inputs { inputs[file.path] = fingerprint }
        }
        try background.submit(batch, root: staging.path)
    }

    private func finishWhole(exists: Bool) throws -> SiteManifest {
        let staging = site.stagingFolder, output = site.output
        try background.finish()
        var stamps = background.stamps
        for path in stamps.keys where hashes[path] == nil { stamps[path] = nil }
        let manifest = SiteManifest(hashes: hashes, inputs: inputs, stamps: stamps)
        try SiteWriter.writeMarker(manifest.buildID, in: staging)
        if exists {
            try FolderSwap.replace(output.path, with: staging.path, retired: site.retiredFolder.path)
        } else if rename(staging.path, output.path) != 0 {
            throw SiteWriteError.io(output.path, String(cString: strerror(errno)))
        }
        return manifest
    }

    // MARK: An update of the site

    /// The cache's manifest if it describes the site as it is (the marker names its build), after
    /// removing the temporary manifests of this site's killed builds (the lock says none is live).
    private static func trustedManifest(site: SiteWriter, cache: URL) -> SiteManifest? {
        let manifestURL = SiteManifest.location(cache: cache, output: site.output)
        let temporaryPrefix = manifestURL.lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? [] where name.hasPrefix(temporaryPrefix) {
            unlink(cache.path + "/" + name)
        }
        guard let old = (try? String(contentsOf: manifestURL, encoding: .utf8)).flatMap(SiteManifest.parse),
              site.markerBuildID() == old.buildID else { return nil }
        return old
    }

    /// Finds which files of the manifest are intact and makes the staging folder.
    private static func beginUpdate(site: SiteWriter, old: SiteManifest) throws -> Update {
        let root = site.output.path
        // A stat each, and a read only for those whose size or time changed (touched but identical is fine).
        let listed = Array(old.hashes.keys)   // any order: the results are gathered into a set and a dictionary
        let checked = listed.parallelMap { path in SiteWriter.intactStamp(root + "/" + path, recorded: old.stamps[path], hash: old.hashes[path]!) }
        var present = Set<String>()
        var stamps: [String: FileStamp] = [:]
        for (path, stamp) in zip(listed, checked) {
            if let stamp {
                present.insert(path)
                stamps[path] = stamp
            }
        }
        let strays = SiteWriter.files(under: root).filter { old.hashes[$0] == nil && $0 != SiteWriter.marker }
        let staging = site.stagingFolder
        site.removeStaging()
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw SiteWriteError.io(staging.path, error.localizedDescription)
        }
        return Update(previous: SiteWriter.PreviousBuild(manifest: old, present: present, root: root), stamps: stamps,
                      siteStamps: stamps, strays: strays)
    }

    /// Takes the spare as the staging folder, once (see ``SpareFolder/take(manifest:site:present:into:)``).
    private func takeSpare(_ u: inout Update) {
        guard !u.spareTried, let manifestURL else { return }
        u.spareTried = true
        let staging = site.stagingFolder.path
        // Nothing is in the staging folder yet: the spare is renamed into its place.
        guard rmdir(staging) == 0 else { return }
        u.spare = SpareFolder.take(manifest: manifestURL, site: u.old, present: u.previous.present, into: staging)
        // Without one, an empty staging folder again (if that fails, so does the first write).
        if u.spare == nil { _ = mkdir(staging, 0o755) }
    }

    /// Writes the changed and damaged files of `batch`; unchanged ones join the new version as
    /// hard links (no copy, same inode, same stamp), made on the writer's thread.
    private func writeUpdate(_ batch: [OutputFile], _ u: inout Update) throws {
        let old = u.old, present = u.previous.present
        let batchHashes = batch.parallelMap { $0.contentHash }
        var changed: [OutputFile] = []
        var unchanged: [String] = []
        for (file, hash) in zip(batch, batchHashes) where hashes[file.path] == nil {
            if let fingerprint = file.inputs { inputs[file.path] = fingerprint }
            if file.isKept {
                guard let kept = old.hashes[file.path], present.contains(file.path) else {
                    throw SiteWriteError.io(file.path, "kept a page the previous build did not write")
                }
                hashes[file.path] = kept
                u.keptCount += 1
                unchanged.append(file.path)
                continue
            }
            hashes[file.path] = hash
            if old.hashes[file.path] != hash || !present.contains(file.path) { changed.append(file) } else { unchanged.append(file.path) }
        }
        u.linking = u.linking || !changed.isEmpty
        u.pendingLinks += unchanged
        if u.linking { takeSpare(&u) }
        var links = u.linking ? u.pendingLinks : []
        if u.linking { u.pendingLinks = [] }
        u.written += changed.map(\.path)
        var toWrite = changed
        if u.spare != nil {
            links = links.filter { u.notHeld($0, hash: hashes[$0]) }
            toWrite = changed.filter { u.notHeld($0.path, hash: hashes[$0.path]) }
        }
        let staging = site.stagingFolder
        try SiteWriter.createFolders(SiteWriter.folders(of: toWrite.map(\.path) + links), in: staging, made: &folders)
        try background.submit(toWrite, root: staging.path, links: links, from: site.output.path, replacing: u.spare != nil)
    }

    /// Links what is left and swaps the new version in (nothing at all is touched when nothing changed).
    /// - Returns: also the keeping of the retired site as the spare, under way on a thread of its own.
    private func finishUpdate(_ update: Update) throws -> (SiteWriter.Summary, SiteManifest, BackgroundWork<Void>?) {
        var u = update
        let old = u.old, root = site.output.path, staging = site.stagingFolder
        try background.finish()
        // The build id (a hash of all 19,000 paths and hashes at 10,000 roles) while the last
        // files are linked: the hashes are final.
        let hashes = hashes
        let buildID = BackgroundWork { String(SiteManifest.buildHash(hashes), radix: 16) }
        let stale = old.hashes.keys.filter { hashes[$0] == nil }
        let repaired = u.written.count { old.hashes[$0] == hashes[$0] }
        let summary = SiteWriter.Summary(incremental: true, written: u.written.count, unchanged: hashes.count - u.written.count,
                                         removed: stale.count + u.strays.count, kept: u.keptCount, repaired: repaired)
        var stamps = u.stamps
        for (path, stamp) in background.stamps { stamps[path] = stamp }
        for path in stale { stamps[path] = nil }
        if u.written.isEmpty && stale.isEmpty && u.strays.isEmpty {
            site.removeStaging()
            return (summary, SiteManifest(buildID: try buildID.value(), hashes: hashes, inputs: inputs, stamps: stamps), nil)
        }
        // What is still to link: everything when the only changes were removals.
        takeSpare(&u)
        var pendingLinks = u.pendingLinks
        if u.spare != nil { pendingLinks = pendingLinks.filter { u.notHeld($0, hash: hashes[$0]) } }
        try SiteWriter.createFolders(SiteWriter.folders(of: pendingLinks), in: staging, made: &folders)
        try background.submit([], root: staging.path, links: pendingLinks, from: root, replacing: u.spare != nil)
        try background.finish()
        if let spare = u.spare { spare.removeStale(keeping: hashes, in: staging.path) }
        // The spare's own stamps (``Update/notHeld(_:hash:)``) and the last links'.
        stamps = u.stamps
        for (path, stamp) in background.stamps { stamps[path] = stamp }
        for path in stale { stamps[path] = nil }
        let swapped = SiteManifest(buildID: try buildID.value(), hashes: hashes, inputs: inputs, stamps: stamps)
        try SiteWriter.writeMarker(swapped.buildID, in: staging, replacing: u.spare != nil)
        let retired = try FolderSwap.replace(root, with: staging.path, retired: site.retiredFolder.path,
                                             keepingPrevious: manifestURL != nil)
        guard let retired, let manifestURL else { return (summary, swapped, nil) }
        let (present, siteStamps) = (u.previous.present, u.siteStamps)
        let spare = BackgroundWork {
            SpareFolder.keep(retired, manifest: manifestURL, previous: old, present: present, stamps: siteStamps, next: swapped)
        }
        return (summary, swapped, spare)
    }
}
