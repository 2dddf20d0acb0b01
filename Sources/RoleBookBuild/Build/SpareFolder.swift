import Foundation
import RoleBookModel
import RoleBookParsing

/// The site's previous version, kept in the cache after a swap, which the next build turns into
/// the new version by changing only the files that differ, instead of hard-linking every
/// unchanged file into an empty staging folder and removing the retired folder afterwards (two
/// system calls per file of the site on every build).
///
/// The spare is described relative to the site's manifest: most of its files are hard links of
/// the site's (same inode), and only the files that differ are listed (`<manifest>.spare`):
///
///     rolebook-spare 1 <spare's build id> <site's build id>
///     <hash hex> <size hex>:<mtime ns hex> <path>    a file the spare holds other than the site's
///     - <path>                                       a file of the site the spare does not hold
///
/// Crash safety: the list is trusted only when the spare's marker names its first build id and
/// the site's manifest its second. A build takes the spare by deleting the list and then renaming
/// the folder to its staging folder, so a build killed while changing it leaves a staging folder
/// (removed by the next build as a leftover) and no spare; after the swap the retired folder is
/// renamed to the spare and only then is its list written. Files shared with the site are as
/// intact as the site's (checked by the build's `stat`s); the others are checked here. Because
/// those files share inodes with the published site, none is ever written in place: a file to
/// change in the staging folder is unlinked first (``BackgroundWriter``'s `replacing`).
struct SpareFolder {
    /// Files the spare holds other than the site's, with their hash and stamp (only the intact ones).
    private var differing: [String: (hash: UInt64, stamp: FileStamp)]
    /// Files of the site the spare does not hold (or holds damaged).
    private var missing: Set<String>
    /// The site's manifest and which of its files are intact: the spare shares those.
    private let site: SiteManifest
    private let present: Set<String>

    static func folder(manifest: URL) -> String { manifest.path + ".spare.d" }
    /// Makes the spare untrusted (a build that writes every file): the next build removes it.
    static func forget(manifest: URL) { unlink(list(manifest: manifest)) }
    static func list(manifest: URL) -> String { manifest.path + ".spare" }

    /// The content hash and stamp of `path` in the spare, if it holds that file intact.
    func file(_ path: String) -> (hash: UInt64, stamp: FileStamp?)? {
        if let d = differing[path] { return (d.hash, d.stamp) }
        guard !missing.contains(path), present.contains(path), let hash = site.hashes[path] else { return nil }
        return (hash, nil)
    }

    /// Every file the folder holds (intact or not) that `wanted` does not have: what must go.
    func stale(keeping wanted: [String: UInt64]) -> [String] {
        site.hashes.keys.filter { wanted[$0] == nil && !missing.contains($0) }
            + differing.keys.filter { wanted[$0] == nil && site.hashes[$0] == nil }
    }

    /// Removes from the staging folder (this spare) every file `wanted` does not have, and the
    /// folders that leaves empty (deepest first; one still holding files stays).
    func removeStale(keeping wanted: [String: UInt64], in staging: String) {
        Self.remove(stale(keeping: wanted), in: staging)
    }

    /// Unlinks `paths` under `root` and removes the folders that leaves empty, deepest first (a
    /// folder still holding files stays: `rmdir` fails), so no empty folder is ever published.
    static func remove(_ paths: [String], in root: String) {
        var parents = Set<String>()
        for path in paths {
            unlink(root + "/" + path)
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                parents.insert(String(folder))
            }
        }
        // A child's path is longer than its parent's.
        for folder in parents.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
    }

    /// Moves the spare of the site whose manifest is at `manifest` to `staging` and checks it;
    /// nil (and no spare left) when there is none to trust or the move fails.
    static func take(manifest: URL, site: SiteManifest, present: Set<String>, into staging: String) -> SpareFolder? {
        let folder = folder(manifest: manifest), listPath = list(manifest: manifest)
        let text = ContentLoader.withContents(ofFile: listPath) { String(decoding: $0, as: UTF8.self) }
        // From here on the folder is untrusted until a build keeps a folder there again.
        unlink(listPath)
        var info = stat()
        let exists = lstat(folder, &info) == 0
        guard exists else { return nil }
        guard let text, var spare = parse(text, site: site, present: present),
              markerBuildID(folder) == spare.buildID,
              rename(folder, staging) == 0 else {
            FolderSwap.removeTree(folder)
            return nil
        }
        // The files listed apart from the site's are checked here; a damaged one is removed.
        let recorded = spare.value.differing.map { (path: $0.key, stamp: $0.value.stamp) }
        let listed = recorded.map(\.path)
        let intact = recorded.parallelMap { FileStamp.of(staging + "/" + $0.path) == $0.stamp }
        let damaged = zip(listed, intact).filter { !$0.1 }.map(\.0)
        for path in damaged {
            spare.value.differing[path] = nil
            spare.value.missing.insert(path)
        }
        remove(damaged, in: staging)
        unlink(staging + "/" + SiteWriter.marker)
        return spare.value
    }

    /// Keeps `folder` (the site as it was before the swap: `site`'s files, those in `present`
    /// intact) as the spare, described relative to `next`, the manifest of the site now published.
    /// On any failure the folder is removed instead, as it was before spares.
    /// - Parameter stamps: the stamps of `site`'s intact files as this build found them.
    static func keep(_ folder: String, manifest: URL, previous site: SiteManifest, present: Set<String>,
                     stamps: [String: FileStamp], next: SiteManifest) {
        let target = Self.folder(manifest: manifest)
        FolderSwap.removeTree(target)
        // Files nobody built (also those put into the site while this build ran) and damaged
        // ones must not come back with the spare: one walk, no `stat`s.
        remove(SiteWriter.files(under: folder).filter { !present.contains($0) && $0 != SiteWriter.marker }, in: folder)
        guard rename(folder, target) == 0 else {
            FolderSwap.removeTree(folder)
            return
        }
        // In no particular order (sorting 30,000 paths costs more than the rest): only read back.
        // Bytes, not a string per number.
        var out = Array("rolebook-spare 1 \(site.buildID) \(next.buildID)\n".utf8)
        for (path, hash) in site.hashes {
            // `stamps` holds exactly the intact files.
            guard let stamp = stamps[path] else { continue }
            // The same content with the same stamp as the published file: the same inode, implied.
            if next.hashes[path] == hash, next.stamps[path] == stamp { continue }
            Hex.append(hash, to: &out); out.append(0x20)
            Hex.append(stamp.size, to: &out); out.append(0x3A); Hex.append(stamp.modified, to: &out); out.append(0x20)
            out += path.utf8; out.append(0x0A)
        }
        for path in next.hashes.keys where stamps[path] == nil {
            out += "- ".utf8; out += path.utf8; out.append(0x0A)
        }
        let listPath = list(manifest: manifest), temporary = listPath + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileWriter.write(out, to: temporary) == nil, rename(temporary, listPath) == 0 else {
            unlink(temporary)
            FolderSwap.removeTree(target)
            return
        }
    }

    private static func parse(_ text: String, site: SiteManifest, present: Set<String>) -> (buildID: String, value: SpareFolder)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let head = lines.popFirst() else { return nil }
        let fields = head.split(separator: " ")
        guard fields.count == 4, fields[0] == "rolebook-spare", fields[1] == "1", fields[3] == site.buildID else { return nil }
        var differing: [String: (hash: UInt64, stamp: FileStamp)] = [:]
        var missing = Set<String>()
        for line in lines {
            if line.hasPrefix("- ") {
                missing.insert(String(line.dropFirst(2)))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16) else { return nil }
            let stampParts = parts[1].split(separator: ":")
            guard stampParts.count == 2, let size = Int64(stampParts[0], radix: 16), let modified = Int64(stampParts[1], radix: 16) else { return nil }
            let path = String(parts[2])
            differing[path] = (hash, FileStamp(size: size, modified: modified))
        }
        return (String(fields[2]), SpareFolder(differing: differing, missing: missing, site: site, present: present))
    }

    private static func markerBuildID(_ folder: String) -> String? {
        guard let text = ContentLoader.withContents(ofFile: folder + "/" + SiteWriter.marker, { String(decoding: $0, as: UTF8.self) }) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("build ") }.map { String($0.dropFirst(6)) }
    }
}
