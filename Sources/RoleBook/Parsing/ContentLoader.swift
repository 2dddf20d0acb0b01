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
        let results = paths.parallelMap { path in loader.parseFile(path, vocabulary: vocabulary) }
        var entities: [Entity] = []
        for (entity, fileDiagnostics) in results {
            if let entity { entities.append(entity) }
            diagnostics += fileDiagnostics
        }
        return LoadedContent(config: config, entities: entities, diagnostics: diagnostics, paths: Set(paths))
    }

    /// Sorted content-root-relative paths of `.md` files, skipping `_name`, `.name` and excluded paths.
    func markdownFiles(excluding excluded: Set<String>) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        var found: [String] = []
        func walk(_ relative: String) throws {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                guard !name.hasPrefix("."), !name.hasPrefix("_") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                guard !excluded.contains(child) else { continue }
                var dir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(child).path, isDirectory: &dir)
                if dir.boolValue { try walk(child) } else if name.hasSuffix(".md") { found.append(child) }
            }
        }
        try walk("")
        return found.sorted()
    }

    func parseFile(_ path: String, vocabulary: SectionVocabulary) -> (Entity?, [Diagnostic]) {
        let shown = displayPath(path)
        let start = SourceLocation(file: shown)
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            return (nil, [Diagnostic(.invalidUTF8, "file cannot be read", at: start)])
        }
        return FileParser(path: path, displayPath: shown, vocabulary: vocabulary).parse(data)
    }

    private func loadConfig(_ diagnostics: inout [Diagnostic]) -> SiteConfig {
        let url = root.appendingPathComponent("rolebook.yml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return SiteConfig() }
        return ConfigParser(displayPath: displayPath("rolebook.yml")).parse(data, diagnostics: &diagnostics)
    }
}
