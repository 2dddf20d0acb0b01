import FlyingFox
import Foundation
import RoleBook

/// `rolebook serve`: renders the content into memory, serves it over HTTP, watches the folder,
/// rebuilds on every save and tells open pages over a WebSocket.
package final class PreviewServer: @unchecked Sendable {
    package struct Options: Sendable {
        package var contentDirectory: String
        package var host: String
        package var port: UInt16
        /// Poll instead of using inotify (tests of the fallback; file systems without inotify).
        package var forcePolling: Bool
        package var debounce: Double
        /// False: rebuild only when ``PreviewServer/rebuild(changed:)`` is called (tests).
        package var watch: Bool
        /// The language of the diagnostics it logs (`--lang`); nil: the site's.
        package var language: DiagnosticLanguage?
        /// ANSI colours in the diagnostics it logs (`--color`).
        package var colored = false

        package init(contentDirectory: String, host: String = "127.0.0.1", port: UInt16 = 8080, forcePolling: Bool = false,
                    debounce: Double = 0.03, watch: Bool = true) {
            self.contentDirectory = contentDirectory
            self.host = host
            self.port = port
            self.forcePolling = forcePolling
            self.debounce = debounce
            self.watch = watch
        }
    }

    /// One rebuild, as the terminal reports it.
    package struct Rebuild: Sendable {
        package var version: Int
        package var pages: Int
        package var milliseconds: Double
        package var errorCount: Int
        package var change: ServedSite.Change
    }

    package let options: Options
    /// Lines for the terminal (the command prints them; tests collect them).
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    /// Held for a whole rebuild, so two never overlap and an older one never swaps in last.
    private let rebuildLock = NSLock()
    private var site = ServedSite()
    /// Whether the pages held were rendered from content without errors.
    private var hasGoodVersion = false
    private var lastDiagnostics: [Diagnostic] = []
    /// Parse results per file; used only under `rebuildLock`.
    private var parseCache = ParseCache()
    /// Print each rebuild's phases (`--timings`).
    package var printTimings = false
    private let responder = SiteResponder()
    private lazy var channel = LiveChannel(greeting: "{}") { [unowned self] path in self.current.stamp(path) }
    private var server: HTTPServer?
    private var watcher: ContentWatcher?
    private var runTask: Task<Void, any Error>?
    /// Called after each rebuild has been sent to the pages (tests and the benchmark wait on it).
    package var onRebuild: (@Sendable (Rebuild) -> Void)?

    package init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// The snapshot requests are answered from: one read under the lock, so a request sees one version.
    package var current: ServedSite { lock.withLock { site } }

    package var watcherMode: ContentWatcher.Mode? { watcher?.mode }

    /// Builds the site, starts listening and watching; returns the address pages are served at.
    package func start() async throws -> URL {
        let first = rebuild(changed: [])
        let pageCount = current.pages?.pageCount ?? 0
        log("checked in \(Self.format(first.milliseconds)): \(pageCount) page\(pageCount == 1 ? "" : "s"), each rendered when first opened")
        let address: sockaddr_in = try .inet(ip4: options.host, port: options.port)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled)
        await server.appendRoute(HTTPRoute("GET \(ServedSite.livePrefix)live"), to: .webSocket(channel))
        await server.appendRoute("*") { [self] request in self.respond(to: request) }
        lock.withLock { self.server = server }
        let task = Task { try await server.run() }
        runTask = task
        // Generous: under load the cooperative pool the server runs on can be busy for seconds.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(let ip, let port)? = await server.listeningAddress else { throw ServeError.noAddress }
        guard options.watch else { return URL(string: "http://\(ip):\(port)/")! }
        let watcher = ContentWatcher(root: options.contentDirectory, debounce: options.debounce, forcePolling: options.forcePolling) { [self] paths in
            self.rebuild(changed: paths)
        }
        watcher.start()
        lock.withLock { self.watcher = watcher }
        if watcher.mode == .polling { log("watching \(options.contentDirectory) by polling (inotify unavailable)") }
        return URL(string: "http://\(ip):\(port)/")!
    }

    /// Stops watching, closes every connection and the listening socket.
    package func stop() async {
        let (watcher, server) = lock.withLock { (self.watcher, self.server) }
        watcher?.stop()
        channel.closeAll()
        await server?.stop(timeout: 0.2)
        runTask?.cancel()
    }

    /// Serves until the server stops.
    package func wait() async {
        _ = try? await runTask?.value
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD", .contentLength: "0"], body: Data())
        }
        let answer = responder.respond(to: request.target.path(), head: request.method == .HEAD, site: current)
        var headers: HTTPHeaders = [:]
        for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: headers, body: answer.body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        default: "Error"
        }
    }

    /// Checks the content, makes the next snapshot (rendering again the pages already served),
    /// swaps it in and tells the pages.
    /// Runs on the watcher's thread, one rebuild at a time; saves made meanwhile are picked up next.
    @discardableResult
    package func rebuild(changed: [String]) -> Rebuild {
        rebuildLock.lock()
        defer { rebuildLock.unlock() }
        let start = Stopwatch.now()
        let loader = ContentLoader(root: URL(fileURLWithPath: options.contentDirectory), displayRoot: options.contentDirectory)
        let diagnostics: [Diagnostic]
        var language = options.language ?? .en
        var pages: SitePages?
        var timings = Stopwatch()
        var parsed = 0
        do {
            // The watcher's paths spare the walk and a stat of every other file; none (the first
            // build, tests) means look at everything.
            let checked = try Checker(loader: loader).run(cache: &parseCache, changed: changed.isEmpty ? nil : changed)
            diagnostics = checked.result.diagnostics
            language = options.language ?? DiagnosticLanguage(code: checked.result.graph.config.language) ?? .zhCN
            parsed = checked.parsed
            timings.append(checked.result.timings)
            // With errors the last good pages stay (under the overlay); with none yet, show what renders.
            if !diagnostics.containsErrors || !lock.withLock({ hasGoodVersion }) {
                pages = SitePages(graph: checked.result.graph, reusing: current.pages)
                timings.lap("site map")
            }
        } catch {
            // The folder itself is gone or unreadable (moved away mid-save): keep everything as it is.
            log("error: cannot read content folder '\(options.contentDirectory)': \(error.localizedDescription)")
            diagnostics = lock.withLock { lastDiagnostics }
        }
        // Only this thread changes `site` (under `rebuildLock`), so the next snapshot is made
        // outside the lock: requests meanwhile are answered from the current one. Only the pages
        // served so far are rendered again; the rest render when asked for.
        let before = current
        let (next, change) = before.next(diagnostics: diagnostics, pages: pages)
        if pages != nil { timings.lap("served pages") }
        let renderedGood = pages != nil && !diagnostics.containsErrors
        let printDiagnostics = lock.withLock {
            site = next
            if renderedGood { hasGoodVersion = true }
            let printDiagnostics = diagnostics != lastDiagnostics
            lastDiagnostics = diagnostics
            return printDiagnostics
        }
        channel.broadcast(LiveMessage.json(type: "rebuilt", site: next, change: change, language: language),
                          greeting: LiveMessage.json(type: "hello", site: next, change: nil, language: language))
        let milliseconds = (Stopwatch.now() - start) * 1000
        let rebuild = Rebuild(version: next.version, pages: change.pageCount, milliseconds: milliseconds, errorCount: diagnostics.errorCount, change: change)
        if printTimings {
            timings.lap("swap + notify")
            log("  parsed \(parsed) file\(parsed == 1 ? "" : "s")\n" + timings.report.dropLast())
        }
        if printDiagnostics, !diagnostics.isEmpty {
            log(DiagnosticFormatter(format: .text, language: language, colored: options.colored).report(diagnostics, fileCount: 0)
                .split(separator: "\n").dropLast().joined(separator: "\n"))
        }
        if next.version > 1 {
            if diagnostics.containsErrors {
                log("content has \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"); the browser shows them over the last good version (\(Self.format(milliseconds)))")
            } else {
                let n = change.pageCount
                log("rebuilt in \(Self.format(milliseconds)): " + (n == 0 ? "no open page changed" : "\(n) open page\(n == 1 ? "" : "s") changed"))
            }
        }
        onRebuild?(rebuild)
        // The previous version (its graph, pages and tables) is freed only now, after the
        // browsers were told: freeing 10,000 entities took an eighth of a rebuild.
        withExtendedLifetime(before) {}
        // Give the rendering's freed memory back to the system, so the server's footprint is
        // that of the site it holds, not of its biggest rebuild.
        SiteRenderer.returnFreedMemory()
        return rebuild
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds < 10_000 ? String(format: "%.0f ms", milliseconds) : String(format: "%.1f s", milliseconds / 1000)
    }
}


/// Why `serve` could not start.
package enum ServeError: Error, CustomStringConvertible {
    case noAddress

    package var description: String { "the server did not report the address it listens on" }
}
