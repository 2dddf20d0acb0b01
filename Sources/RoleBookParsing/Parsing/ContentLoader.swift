import Foundation
import RoleBookModel

/// A content file turned into an entity, or only diagnostics when it could not be.
package enum Entity: Hashable, Sendable {
    case role(Role)
    case department(Department)
    case procedure(Procedure)

    package var header: EntityHeader {
        switch self {
        case .role(let r): r.header
        case .department(let d): d.header
        case .procedure(let p): p.header
        }
    }

    package var kind: EntityKind {
        switch self {
        case .role: .role
        case .department: .department
        case .procedure: .procedure
        }
    }
}

/// Everything read from a content folder, before references are resolved.
package struct LoadedContent: Sendable {
    package var config: SiteConfig
    /// Sorted by path.
    package var entities: [Entity]
    package var diagnostics: [Diagnostic]
    /// Content-root-relative paths of every Markdown file found (for link checks).
    package var paths: Set<String>

    /// The memberwise initializer, for the build layer and the fuzz target (an implicit one would be internal to this module).
    package init(config: SiteConfig, entities: [Entity], diagnostics: [Diagnostic], paths: Set<String>) {
        self.config = config; self.entities = entities; self.diagnostics = diagnostics; self.paths = paths
    }
}

/// Finds, reads and parses every Markdown file under a content folder, in parallel.
public struct ContentLoader: Sendable {
    public var root: URL
    /// How the root is shown in diagnostics (`content`).
    public var displayRoot: String

    public init(root: URL, displayRoot: String? = nil) {
        self.root = root.standardizedFileURL
        var shown = displayRoot ?? root.relativePath
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        self.displayRoot = shown
    }

    public func displayPath(_ relative: String) -> String {
        displayRoot == "." || displayRoot.isEmpty ? relative : displayRoot + "/" + relative
    }

    /// - Throws: ``ContentFolderError`` only when the folder itself is missing, a file or
    ///   unreadable (exit 2); anything wrong below it is a diagnostic.
    package func load() throws -> LoadedContent { try load(reusing: nil).content }

    /// The one load, with or without a ``ParseCache``: the walk under the reading rules (loops,
    /// links outside the root, pipes, size cap), then every file parsed on all cores, or taken
    /// from the cache when its bytes hash as before. Without a cache nothing is hashed.
    ///
    /// - Parameter changed: the root-relative paths a watcher saw change since `cache` was made
    ///   (nil: unknown, look at every file). When they only modify files the last walk found, or
    ///   name scratch files already gone, the walk is reused and only they are looked at: the
    ///   other files are taken from the cache without a `stat` each (a tenth of a second at 10,000 files).
    /// - Returns: the content, how many files were parsed, and the cache of this load (nil without one).
    func load(reusing cache: consuming ParseCache?, changed: [String]? = nil) throws -> (content: LoadedContent, parsed: Int, cache: ParseCache?) {
        if let changed, let touched = try cache.flatMap({ try targetedFiles($0, changed: changed) }) {
            // The table is updated in place: `cache` is moved, else the first change copies every entry.
            guard var next = consume cache else { preconditionFailure("a targeted load has a cache") }
            let update = update(&next, touched: touched)
            return (assemble(next, update: update), update.parsed, next)
        }
        var diagnostics: [Diagnostic] = []
        let realRoot = try resolvedRoot()
        let config = loadConfig(realRoot: realRoot, &diagnostics)
        // Every cached parse depends on the sections `rolebook.yml` adds.
        let previous = cache.map { $0.extraSections == config.extraSections ? $0.entries : [:] }
        let walk = try markdownFiles(excluding: Set(config.exclude), resolvedRoot: realRoot)
        diagnostics += walk.diagnostics
        let paths = walk.paths
        let vocabulary = SectionVocabulary(extra: config.extraSections)
        let loader = self
        let rootPath = root.path
        let settled = ParseCache.FileIdentity.settledBefore()
        let previousEntries = previous
        var results = paths.parallelMap { path in
            loader.parseFile(path, rootPath: rootPath, vocabulary: vocabulary, previous: previousEntries, settled: settled)
        }
        var entities: [Entity] = []
        entities.reserveCapacity(results.count)
        var next = cache.map { ParseCache(entries: Dictionary(minimumCapacity: results.count), extraSections: config.extraSections, onDisk: $0.onDisk) }
        var parsed = 0, read = 0
        // Each result is moved out and replaced by an empty one: copying every entity and then
        // releasing the originals cost a tenth of the graph phase, all on one core.
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in buffer.indices {
                let (entry, wasParsed, wasRead) = (base + i).move()
                (base + i).initialize(to: (ParseCache.Entry(hash: 0, entity: nil, diagnostics: []), false, false))
                if wasParsed { parsed += 1 }
                if wasRead { read += 1 }
                // Unreadable files (hash 0) are not cached, so they are read again next time.
                if next != nil, entry.hash != 0 { next!.entries[paths[i]] = entry }
                if let entity = entry.entity { entities.append(entity) }
                diagnostics += entry.diagnostics
            }
        }
        next?.readCount = read
        let pathSet = Set(paths)
        next?.walk = ParseCache.LastWalk(walk: walk, pathSet: pathSet, exclude: config.exclude)
        return (LoadedContent(config: config, entities: entities, diagnostics: diagnostics, paths: pathSet), parsed, next)
    }

    /// The files of the last walk that `changed` touches, when that is all it does: every path is
    /// such a file, still a regular file, or a name that no longer exists and is no folder the
    /// walk went through (an editor's scratch file, renamed over the real one), or `rolebook.yml`
    /// (read on every load). Nil when the walk must be done again: a file or folder was added or
    /// removed, or the watcher does not know what changed (`.`).
    func modifiedFiles(_ changed: [String], walk last: ParseCache.LastWalk) -> Set<String>? {
        var touched = Set<String>()
        let rootPath = root.path
        for path in changed {
            if path == Self.configFileName { continue }
            guard !path.isEmpty, path != ".", !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return nil }
            var info = stat()
            let exists = lstat(rootPath + "/" + path, &info) == 0
            if last.pathSet.contains(path) {
                guard exists, info.st_mode & S_IFMT == S_IFREG else { return nil }
                touched.insert(path)
            } else {
                guard !exists else { return nil }
                let folder = path + "/"
                if last.walk.paths.contains(where: { $0.hasPrefix(folder) }) { return nil }
            }
        }
        return touched
    }

    /// A folder's entries and whether each is (or, `followingLinks`, links to) a folder.
    ///
    /// readdir's file types save a `stat` per file, and plain paths the URL arithmetic that
    /// together took a tenth of loading, all on one core. Entries whose type readdir does not
    /// know, links among them, are looked up with `stat` (following links) or `lstat` (not:
    /// what removing a tree needs, so a link to a folder elsewhere is removed, not emptied).
    package static func directoryEntries(_ path: String, followingLinks: Bool = true) throws -> [(name: String, isDirectory: Bool)] {
        func viaFileManager() throws -> [(name: String, isDirectory: Bool)] {
            try FileManager.default.contentsOfDirectory(atPath: path).map { name in
                if !followingLinks {
                    let type = (try? FileManager.default.attributesOfItem(atPath: path + "/" + name))?[.type] as? FileAttributeType
                    return (name, type == .typeDirectory)
                }
                var dir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &dir)
                return (name, dir.boolValue)
            }
        }
        // Errors, and names that are not UTF-8, are left to FileManager.
        guard let directory = opendir(path) else { return try viaFileManager() }
        defer { closedir(directory) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            let decoded = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validatingCString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard let name = decoded else { return try viaFileManager() }
            if name == "." || name == ".." { continue }
            let isDirectory: Bool
            switch Int32(type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG): isDirectory = false
            default:
                var info = stat()
                let found = followingLinks ? stat(path + "/" + name, &info) : lstat(path + "/" + name, &info)
                isDirectory = found == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isDirectory))
        }
        return entries
    }

    /// One file: taken from `previous` without reading it when `stat` finds it as it was
    /// (``ParseCache/FileIdentity``), or when its bytes hash as before; else parsed. With
    /// `previous` nil (no cache) nothing is looked at twice and the bytes are not hashed.
    ///
    /// - Parameter settled: files modified after this time (``ParseCache/FileIdentity/settledBefore()``) are always read.
    /// - Returns: the entry (hash 0 when not hashed or unreadable), whether the file was parsed and whether it was read.
    func parseFile(_ path: String, rootPath: String, vocabulary: SectionVocabulary,
                   previous: [String: ParseCache.Entry]?, settled: Double = 0) -> (entry: ParseCache.Entry, parsed: Bool, read: Bool) {
        let fullPath = rootPath + "/" + path
        let identity = previous == nil ? nil : ParseCache.FileIdentity(path: fullPath, settled: settled)
        if let identity, let cached = previous?[path], cached.identity == identity { return (cached, false, false) }
        let parser = FileParser(path: path, displayPath: displayPath(path), vocabulary: vocabulary)
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> (entry: ParseCache.Entry, parsed: Bool, read: Bool) in
            var hash: UInt64 = 0
            if let previous {
                hash = StableHash.bytes(UnsafeRawBufferPointer(bytes))
                if var cached = previous[path], cached.hash == hash {
                    cached.identity = identity
                    return (cached, false, true)
                }
            }
            if Self.isMarkedNotContent(bytes) { return (ParseCache.Entry(hash: hash, entity: nil, diagnostics: [], identity: identity), true, true) }
            let (entity, found) = parser.parse(bytes: bytes)
            return (ParseCache.Entry(hash: hash, entity: entity, diagnostics: found, identity: identity), true, true)
        }
        switch Self.readRegularFile(fullPath, limit: Self.maxFileSize, read) {
        case .success(let result): return result
        case .failure(let failure): return (ParseCache.Entry(hash: 0, entity: nil, diagnostics: [diagnostic(for: failure, reading: path)]), true, true)
        }
    }

    /// The settings file at the content root.
    static let configFileName = "rolebook.yml"

    /// The first line that marks a Markdown file in a content folder as not content (the
    /// import report that `rolebook import` writes next to the files it imported).
    package static let notContentMarker = "<!-- rolebook: not content -->"

    static func isMarkedNotContent(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = notContentMarker.utf8
        return bytes.count >= marker.count && zip(bytes, marker).allSatisfy { $0 == $1 }
    }

    /// `rolebook.yml`, read under the same rules as content files; absent means the defaults.
    func loadConfig(realRoot: [UInt8], _ diagnostics: inout [Diagnostic]) -> SiteConfig {
        let name = Self.configFileName
        let path = root.path + "/" + name
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
           let target = Self.realPath(Array(path.utf8)), !Self.isInside(target, realRoot) {
            diagnostics.append(linkOutsideDiagnostic(name, target: target))
            return SiteConfig()
        }
        switch Self.readRegularFile(path, limit: Self.maxFileSize, { Data($0) }) {
        case .success(let data):
            return ConfigParser(displayPath: displayPath(name)).parse(data, diagnostics: &diagnostics)
        case .failure(.system(ENOENT)):
            return SiteConfig()
        case .failure(let failure):
            diagnostics.append(diagnostic(for: failure, reading: name))
            return SiteConfig()
        }
    }
}
