import Foundation
import RoleBookModel

/// The targeted load: after a watcher reports which files changed, only those are looked at and
/// the cache's table is updated in place. ``ContentLoader/load(reusing:changed:)`` assembles the
/// content from the table; ``Checker/run(cache:changed:)`` may instead patch the last graph.
extension ContentLoader {
    /// What a targeted load looked at.
    struct Update {
        var config: SiteConfig
        /// Those of `rolebook.yml` (read on every load).
        var configDiagnostics: [Diagnostic]
        /// The files looked at, sorted by path, with their table entries before and after (nil:
        /// none, the file being unreadable).
        var touched: [(path: String, old: ParseCache.Entry?, new: ParseCache.Entry?)]
        var parsed: Int
        /// Every Markdown file of the walk (unchanged by a targeted load), parsed or not.
        var paths: Set<String>
    }

    /// The files of the cache's last walk that `changed` touches, with this load's settings, or
    /// nil when a full load is needed (no previous walk, other settings, files or folders added
    /// or removed: see ``modifiedFiles(_:walk:)``). Looks, changes nothing.
    func targetedFiles(_ cache: ParseCache, changed: [String]) throws -> (files: Set<String>, config: SiteConfig, diagnostics: [Diagnostic])? {
        guard let last = cache.walk, !cache.entries.isEmpty else { return nil }
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(realRoot: try resolvedRoot(), &diagnostics)
        // Every cached parse depends on the sections `rolebook.yml` adds.
        guard last.exclude == config.exclude, cache.extraSections == config.extraSections,
              let files = modifiedFiles(changed, walk: last) else { return nil }
        return (files, config, diagnostics)
    }

    /// Parses the `touched` files whose bytes changed and updates `cache`'s table in place.
    ///
    /// Spreading 10,000 lookups over the cores and rebuilding the table cost more than the
    /// lookups, so the files are looked at one by one. In place means the caller holds the
    /// table's only reference; else the first change copies every entry.
    func update(_ cache: inout ParseCache, touched: (files: Set<String>, config: SiteConfig, diagnostics: [Diagnostic])) -> Update {
        let vocabulary = SectionVocabulary(extra: touched.config.extraSections)
        let rootPath = root.path
        let settled = ParseCache.FileIdentity.settledBefore()
        let results = touched.files.sorted().map { path in
            (path, parseFile(path, rootPath: rootPath, vocabulary: vocabulary, previous: cache.entries, settled: settled))
        }
        var update = Update(config: touched.config, configDiagnostics: touched.diagnostics, touched: [], parsed: 0,
                            paths: cache.walk?.pathSet ?? [])
        var read = 0
        for (path, (entry, wasParsed, wasRead)) in results {
            if wasParsed { update.parsed += 1 }
            if wasRead { read += 1 }
            // Unreadable files (hash 0) are not cached: looked at again, like a full load does.
            let new = entry.hash != 0 ? entry : nil
            update.touched.append((path, cache.entries[path], new))
            cache.entries[path] = new
        }
        cache.readCount = read
        return update
    }

    /// The content of the cache's last walk from its table, after ``update(_:touched:)``.
    func assemble(_ cache: ParseCache, update: Update) -> LoadedContent {
        guard let last = cache.walk else { preconditionFailure("a targeted load has a walk") }
        let vocabulary = SectionVocabulary(extra: update.config.extraSections)
        let rootPath = root.path
        var diagnostics = update.configDiagnostics + last.walk.diagnostics
        var entities: [Entity] = []
        entities.reserveCapacity(last.walk.paths.count)
        for path in last.walk.paths {
            let entry = cache.entries[path] ?? parseFile(path, rootPath: rootPath, vocabulary: vocabulary, previous: nil).entry
            if let entity = entry.entity { entities.append(entity) }
            diagnostics += entry.diagnostics
        }
        return LoadedContent(config: update.config, entities: entities, diagnostics: diagnostics, paths: last.pathSet)
    }
}
