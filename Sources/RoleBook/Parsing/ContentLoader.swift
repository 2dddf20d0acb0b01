import Foundation

/// A content file turned into an entity, or only diagnostics when it could not be.
public enum Entity: Hashable, Sendable {
    case role(Role)
    case department(Department)
    case procedure(Procedure)

    public var header: EntityHeader {
        switch self {
        case .role(let r): r.header
        case .department(let d): d.header
        case .procedure(let p): p.header
        }
    }

    public var kind: EntityKind {
        switch self {
        case .role: .role
        case .department: .department
        case .procedure: .procedure
        }
    }
}

/// Everything read from a content folder, before references are resolved.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    /// Sorted by path.
    public var entities: [Entity]
    public var diagnostics: [Diagnostic]
    /// Content-root-relative paths of every Markdown file found (for link checks).
    public var paths: Set<String>
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

    /// - Throws: only when the folder itself cannot be read (an I/O failure, exit 2).
    public func load() throws -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(&diagnostics)
        let paths = try markdownFiles(excluding: Set(config.exclude))
        let vocabulary = SectionVocabulary(extra: config.extraSections)
        let loader = self
        let rootPath = root.path
        var results = paths.parallelMap { path in loader.parseFile(path, rootPath: rootPath, vocabulary: vocabulary) }
        var entities: [Entity] = []
        entities.reserveCapacity(results.count)
        // Each result is moved out and replaced by an empty one: copying every entity and then
        // releasing the originals cost a tenth of the graph phase, all on one core.
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in buffer.indices {
                let (entity, fileDiagnostics) = (base + i).move()
                (base + i).initialize(to: (nil, []))
                if let entity { entities.append(entity) }
                diagnostics += fileDiagnostics
            }
        }
        return LoadedContent(config: config, entities: entities, diagnostics: diagnostics, paths: Set(paths))
    }

    /// Sorted content-root-relative paths of `.md` files, skipping `_name`, `.name` and excluded paths.
    func markdownFiles(excluding excluded: Set<String>) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        let rootPath = root.path
        var found: [String] = []
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? rootPath : rootPath + "/" + relative
            for entry in try Self.directoryEntries(path) {
                let name = entry.name
                guard !name.hasPrefix("."), !name.hasPrefix("_") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                guard !excluded.contains(child) else { continue }
                if entry.isDirectory { try walk(child) } else if name.hasSuffix(".md") { found.append(child) }
            }
        }
        try walk("")
        return found.sorted()
    }

    /// A folder's entries and whether each is (or links to) a folder.
    ///
    /// readdir's file types save a `stat` per file, and plain paths the URL arithmetic that
    /// together took a tenth of loading, all on one core. Entries whose type readdir does not
    /// know, links among them, are looked up as `FileManager.fileExists` would (following links).
    static func directoryEntries(_ path: String) throws -> [(name: String, isDirectory: Bool)] {
        func viaFileManager() throws -> [(name: String, isDirectory: Bool)] {
            try FileManager.default.contentsOfDirectory(atPath: path).map { name in
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
                isDirectory = stat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isDirectory))
        }
        return entries
    }

    func parseFile(_ path: String, rootPath: String, vocabulary: SectionVocabulary) -> (Entity?, [Diagnostic]) {
        let shown = displayPath(path)
        let parser = FileParser(path: path, displayPath: shown, vocabulary: vocabulary)
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> (Entity?, [Diagnostic]) in
            Self.isMarkedNotContent(bytes) ? (nil, []) : parser.parse(bytes: bytes)
        }
        guard let result = Self.withContents(ofFile: rootPath + "/" + path, read) else {
            return (nil, [Diagnostic(.invalidUTF8, "file cannot be read", at: SourceLocation(file: shown))])
        }
        return result
    }

    /// The first line that marks a Markdown file in a content folder as not content (the
    /// import report that `rolebook import` writes next to the files it imported).
    public static let notContentMarker = "<!-- rolebook: not content -->"

    static func isMarkedNotContent(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = notContentMarker.utf8
        return bytes.count >= marker.count && zip(bytes, marker).allSatisfy { $0 == $1 }
    }

    /// Reads a whole file with POSIX calls into a buffer that lives only while `body` runs
    /// (FileManager's `Data` cost a copy and an object per file); nil when it cannot be read.
    static func withContents<R>(ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        // One byte more than the size, so a file read whole ends with a read of 0 bytes, not a regrow.
        var capacity = max(Int(info.st_size), 0) + 1
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            if count == capacity {
                // The file grew while being read.
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: count)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let n = read(fd, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        return body(UnsafeBufferPointer(start: buffer, count: count))
    }

    private func loadConfig(_ diagnostics: inout [Diagnostic]) -> SiteConfig {
        let url = root.appendingPathComponent("rolebook.yml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return SiteConfig() }
        return ConfigParser(displayPath: displayPath("rolebook.yml")).parse(data, diagnostics: &diagnostics)
    }
}
