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

    init(entries: [String: Entry], extraSections: [SectionKind: [String]]) {
        self.entries = entries
        self.extraSections = extraSections
    }

    /// How many files the cache holds.
    public var count: Int { entries.count }
}

extension ContentLoader {
    /// ``load()``, parsing only the files whose bytes differ from what `cache` holds; `cache`
    /// becomes the cache of this load (files no longer present are dropped).
    ///
    /// - Returns: the content, and how many files were parsed (not taken from the cache).
    public func load(cache: inout ParseCache) throws -> (content: LoadedContent, parsed: Int) {
        let result = try load(reusing: cache)
        cache = result.cache ?? ParseCache()
        return (result.content, result.parsed)
    }
}
