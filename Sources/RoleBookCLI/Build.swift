import ArgumentParser
import Foundation
import RoleBook

/// `rolebook build`: validate, then render the site atomically.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the content into a self-contained static site.",
        discussion: """
            Refuses to build when 'check' finds errors, unless --allow-errors. Every build writes a \
            hidden sibling folder and swaps it with the site in one step, so a failed or killed build \
            leaves the previous site intact; later builds parse and scan for mentions only the files whose bytes changed, render \
            and write only the pages whose inputs changed (parse results, mentions and a manifest of content hashes, \
            page input fingerprints, sizes and times are kept in --cache-dir, with the previous site as the \
            next staging folder), and rewrite any file edited or deleted in the site since. Builds of one site take turns: a second one waits (or, with --no-wait, exits 2).
            """
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions

    @Option(name: [.short, .customLong("output")], help: "The site folder to write.", completion: .directory)
    var output = "site"

    @Flag(help: "Build even when the content has errors.")
    var allowErrors = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print how long each phase took, wall and CPU time (to standard error; also ROLEBOOK_TRACE=1).")
    var timings = false

    @Option(help: "Where to keep what lets a rebuild parse, scan, render and rewrite only what changed: parse.cache and parse.journal (parse results), mentions.cache (the mentions found), site-*.manifest (page fingerprints) with the previous site as site-*.manifest.spare.d and its list site-*.manifest.spare, search-*.docs and search-*.shape (the search index), graph-*.parts (graph.json).", completion: .directory)
    var cacheDir = ".rolebook-cache"

    @Flag(help: "Write the whole site into a new folder, ignoring and not updating the cache.")
    var noCache = false

    @Flag(help: "Exit with status 2 instead of waiting when another build of the same site is running.")
    var noWait = false

    func run() throws {
        // Parse results of the last build, so only files whose bytes changed are parsed.
        var clock = Stopwatch()
        let loader = CLI.contentLoader(content.contentDirectory)
        let cacheURL = URL(fileURLWithPath: cacheDir)
        let cache = noCache ? nil : cacheURL
        var writer = SiteWriter(output: URL(fileURLWithPath: output))
        writer.waitForLock = !noWait
        let site = output
        writer.onWait = { FileHandle.standardError.write("waiting for another build of \(site) to finish\n") }
        // The site's lock and the check of its files against the manifest run beside the check of
        // the content: they need nothing from it.
        let opening = writer.beginInBackground(cache: cache)
        var building = false
        defer { if !building { opening.cancel() } }
        var parseCache = cache.flatMap { BuildParseCache.load($0, loader: loader) }
        if parseCache != nil { clock.lap("read parses") }
        let lastParses = parseCache
        let result = try CLI.check(content.contentDirectory, cache: &parseCache)
        defer { CLI.skipTeardown(result); CLI.skipTeardown(parseCache) }
        let problems = result.diagnostics
        if !problems.isEmpty {
            let formatter = DiagnosticFormatter(format: .text, language: language.resolved(result.graph.config), colored: color.enabled(for: STDERR_FILENO))
            FileHandle.standardError.write(formatter.report(problems, fileCount: result.fileCount))
        }
        if problems.containsErrors && !allowErrors {
            FileHandle.standardError.write("error: not building '\(output)' because the content has errors (use --allow-errors to build anyway)\n")
            throw ExitCode.failure
        }
        building = true
        let start = Date()
        clock.append(result.timings)
        let summary: SiteWriter.Summary
        let progress = quiet ? ProgressLine(enabled: false) : ProgressLine.forStandardError()
        var pages = 0
        defer { progress.finish() }
        do {
            // Pages are written batch by batch as they render (timings include the writing).
            var renderer = SiteRenderer(graph: result.graph)
            if let parseCache, let lastParses { renderer.previousParses = parseCache.replacedParses(since: lastParses) }
            summary = try SiteBuild(renderer: renderer, writer: writer,
                                    cache: cache, opening: opening).run(timings: &clock, rendered: { count in
                pages += count
                progress.update("building \(site)/: \(pages) files")
            })
        } catch {
            FileHandle.standardError.write("error: \(error)\n")
            throw ExitCode(2)
        }
        progress.finish()
        // After the site (whose "write: finish" the build's last step laps), as the other caches:
        // a failed write leaves the cache of the site still there.
        if let parseCache {
            BuildParseCache.store(parseCache, in: cacheURL, loader: loader)
            clock.lap("store parses")
        }
        if timings || Stopwatch.isTracing { FileHandle.standardError.write(clock.report) }
        if !quiet {
            let g = result.graph
            let how = summary.incremental
                ? "updated \(summary.written) changed, \(summary.removed) removed, \(summary.unchanged) unchanged (\(summary.kept) kept without rendering)"
                    + (summary.repaired > 0 ? ", repaired \(summary.repaired) files" : "")
                : "wrote all \(summary.written) files"
            func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n == 1 ? "" : "s") }
            print("built \(output)/: \(count(g.roles.count, "role")), \(count(g.departments.count, "department")), \(count(g.procedures.count, "procedure")); \(how) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        }
    }
}
