import Foundation
import RoleBookModel

/// Parse results per content file, keyed by the hash of the file's bytes, so that a rebuild
/// (`rolebook serve` after a save) parses only the files that changed and reuses the rest.
///
/// A value owned by its caller: the loader reads it and returns the next one.
public struct ParseCache: Sendable {
    struct Entry: Sendable {
        var hash: UInt64
        var entity: Entity?
        var diagnostics: [Diagnostic]
    }

    var entries: [String: Entry] = [:]
    /// The sections `rolebook.yml` adds: every cached parse depends on them.
    var extraSections: [SectionKind: [String]] = [:]

    public init() {}

    /// How many files the cache holds.
    public var count: Int { entries.count }
}

extension ContentLoader {
    /// ``load()``, parsing only the files whose bytes differ from what `cache` holds; `cache`
    /// becomes the cache of this load (files no longer present are dropped).
    ///
    /// - Returns: the content, and how many files were parsed (not taken from the cache).
    public func load(cache: inout ParseCache) throws -> (content: LoadedContent, parsed: Int) {
        var diagnostics: [Diagnostic] = []
        // The same walk and reading rules as ``load()``: loops, links outside, pipes, size cap.
        let realRoot = try resolvedRoot()
        let config = loadConfig(realRoot: realRoot, &diagnostics)
        if config.extraSections != cache.extraSections { cache = ParseCache() }
        cache.extraSections = config.extraSections
        let walk = try markdownFiles(excluding: Set(config.exclude), resolvedRoot: realRoot)
        diagnostics += walk.diagnostics
        let paths = walk.paths
        let vocabulary = SectionVocabulary(extra: config.extraSections)
        let loader = self
        let rootPath = root.path
        let previous = cache.entries
        let results: [(path: String, entry: ParseCache.Entry, parsed: Bool)] = paths.parallelMap { path in
            let shown = loader.displayPath(path)
            let outcome = ContentLoader.readRegularFile(rootPath + "/" + path, limit: ContentLoader.maxFileSize) { bytes -> (ParseCache.Entry, Bool) in
                let hash = StableHash.bytes(UnsafeRawBufferPointer(bytes))
                if let cached = previous[path], cached.hash == hash { return (cached, false) }
                if ContentLoader.isMarkedNotContent(bytes) { return (ParseCache.Entry(hash: hash, entity: nil, diagnostics: []), true) }
                let (entity, found) = FileParser(path: path, displayPath: shown, vocabulary: vocabulary).parse(bytes: bytes)
                return (ParseCache.Entry(hash: hash, entity: entity, diagnostics: found), true)
            }
            switch outcome {
            case .success(let (entry, parsed)): return (path, entry, parsed)
            // Unreadable: not cached, so it is read again next time.
            case .failure(let failure): return (path, ParseCache.Entry(hash: 0, entity: nil, diagnostics: [loader.diagnostic(for: failure, reading: path)]), true)
            }
        }
        var entities: [Entity] = []
        entities.reserveCapacity(results.count)
        var entries: [String: ParseCache.Entry] = [:]
        entries.reserveCapacity(results.count)
        var parsed = 0
        for result in results {
            if let entity = result.entry.entity { entities.append(entity) }
            diagnostics += result.entry.diagnostics
            if result.parsed { parsed += 1 }
            if result.entry.hash != 0 { entries[result.path] = result.entry }
        }
        cache.entries = entries
        return (LoadedContent(config: config, entities: entities, diagnostics: diagnostics, paths: Set(paths)), parsed)
    }
}
