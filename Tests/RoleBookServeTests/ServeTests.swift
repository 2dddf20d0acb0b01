import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
@testable import RoleBookServe
import RoleBookTestSupport
import RoleBookTestHarness

/// `rolebook serve`: HTTP against a served fixture, the in-memory rebuilds and the live channel.
@Suite("rolebook serve", .serialized)
struct ServeTests {
    /// Starts a server on a free port over a copy of the e2e fixture, runs `body`, stops it.
    func withServer(watch: Bool = false, _ body: (PreviewServer, Int, URL) async throws -> Void) async throws {
        let content = try copyFixtureContent("e2e")
        defer { try? FileManager.default.removeItem(at: content) }
        let lines = Collected<String>()
        let server = PreviewServer(options: .init(contentDirectory: content.path, port: 0, watch: watch)) { lines.append($0) }
        let url = try await server.start()
        let port = try #require(url.port)
        #expect(url.absoluteString == "http://127.0.0.1:\(port)/")
        do { try await body(server, port, content) } catch { await server.stop(); throw error }
        await server.stop()
    }

    @Test("pages, assets and data with their content types; the live script only in pages")
    func contentTypes() async throws {
        try await withServer { _, port, content in
            let home = try await RawHTTP.fetch(port: port, target: "/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-store")
            #expect(home.text.contains("<script src=\"/__rolebook/live.js\""))
            #expect(Int(home.headers["content-length"] ?? "") == home.body.count)
            // graph.json is made on first request, from the same check as the pages.
            let graph = try await RawHTTP.fetch(port: port, target: "/graph.json")
            let fresh = try Checker(loader: ContentLoader(root: content, displayRoot: content.path)).run()
            #expect(graph.text == SiteRenderer(graph: fresh.graph).render().first { $0.path == "graph.json" }?.contents)
            let role = try await RawHTTP.fetch(port: port, target: "/roles/cs-manager.html")
            #expect(role.status == 200 && role.text.contains("客服经理"))
            let expectations = [
                "/assets/site.css": "text/css; charset=utf-8", "/assets/search.js": "text/javascript; charset=utf-8",
                "/graph.json": "application/json; charset=utf-8", "/__rolebook/live.js": "text/javascript; charset=utf-8",
                "/__rolebook/live.css": "text/css; charset=utf-8",
            ]
            for (target, type) in expectations {
                let response = try await RawHTTP.fetch(port: port, target: target)
                #expect(response.status == 200, "\(target)")
                #expect(response.headers["content-type"] == type, "\(target)")
                #expect(!response.text.contains("__rolebook/live.js\" data-version"), "\(target)")
            }
        }
    }

    @Test("folders serve index.html; a folder without its slash redirects; HEAD has headers only; 404; 405")
    func statuses() async throws {
        try await withServer { _, port, _ in
            let folder = try await RawHTTP.fetch(port: port, target: "/procedures/")
            #expect(folder.status == 200 && folder.headers["content-type"] == "text/html; charset=utf-8")
            let bare = try await RawHTTP.fetch(port: port, target: "/procedures")
            #expect(bare.status == 301 && bare.headers["location"] == "/procedures/")
            let get = try await RawHTTP.fetch(port: port, target: "/roles/ceo.html")
            let head = try await RawHTTP.fetch(port: port, method: "HEAD", target: "/roles/ceo.html")
            #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == String(get.body.count))
            let missing = try await RawHTTP.fetch(port: port, target: "/roles/nobody.html?x=1")
            #expect(missing.status == 404 && missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text.contains("<a href=\"/\">") && missing.text.contains("/__rolebook/live.js"))
            #expect(try await RawHTTP.fetch(port: port, method: "POST", target: "/").status == 405)
            let query = try await RawHTTP.fetch(port: port, target: "/search.html?q=%E5%AE%A2%E6%9C%8D")
            #expect(query.status == 200)
        }
    }

    @Test("no path traversal: dot segments, encoded dots and slashes, backslashes, absolute and NUL")
    func traversal() async throws {
        try await withServer { _, port, content in
            let attempts = [
                "/../Package.swift", "/roles/../../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E%2FPackage.swift",
                "/roles/..%2f..%2fPackage.swift", "/roles%2f..%2f..%2fetc%2fpasswd", "/..\\..\\etc\\passwd", "/roles/%5c..%5cceo.html",
                "//etc/passwd", "/etc/passwd", "/%00", "/roles/%zz", "/./index.html", "/roles/./ceo.html", "/rolebook.yml",
                "/roles/cs-manager.md", "/" + content.path + "/rolebook.yml", "/%2e/index.html",
            ]
            for target in attempts {
                let response = try await RawHTTP.fetch(port: port, target: target)
                #expect([400, 404].contains(response.status), "\(target) answered \(response.status)")
                #expect(!response.text.contains("root:x:0") && !response.text.contains("swift-tools-version") && !response.text.contains("title: "), "\(target)")
            }
        }
    }

    @Test("site paths: what is accepted and what is refused")
    func sitePaths() {
        #expect(SiteResponder.sitePath("/") == "")
        #expect(SiteResponder.sitePath("/roles/") == "roles/")
        #expect(SiteResponder.sitePath("/roles/%E5%AE%A2.html") == "roles/客.html")
        for refused in ["", "roles", "//x", "/a//b", "/..", "/a/%2e%2e/b", "/a%2fb", "/a%5cb", "/a\\b", "/%00", "/%ff", "/."] {
            #expect(SiteResponder.sitePath(refused) == nil, "\(refused)")
        }
    }

    @Test("many connections at once all get their page")
    func concurrentRequests() async throws {
        try await withServer { _, port, _ in
            let statuses = await withTaskGroup(of: Int.self) { group in
                for i in 0..<24 {
                    group.addTask { (try? await RawHTTP.fetch(port: port, target: i % 2 == 0 ? "/" : "/roles/ceo.html").status) ?? 0 }
                }
                return await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 24))
        }
    }

    @Test("an edit changes exactly the pages that show it; errors keep the last good pages; a fix clears them")
    func rebuilds() async throws {
        try await withServer { server, port, content in
            let file = content.appendingPathComponent("roles/front-desk.md")
            let original = try String(contentsOf: file, encoding: .utf8)
            // The pages a browser has open: served once, so every rebuild compares them.
            let open = ["roles/front-desk.html", "roles/ceo.html", "index.html", "az.html"]
            for path in open { #expect(try await RawHTTP.fetch(port: port, target: "/" + path).status == 200) }
            #expect(!server.current.isRendered("roles/cs-manager.html"), "a page nobody opened is not rendered")
            let before = server.current
            try original.replacingOccurrences(of: "title: 前台接待", with: "title: 前台接待主管").write(to: file, atomically: true, encoding: .utf8)
            let edited = server.rebuild(changed: ["roles/front-desk.md"])
            #expect(edited.change.changed.contains("roles/front-desk.html") && edited.change.changed.contains("az.html"))
            #expect(!edited.change.changed.contains("roles/ceo.html"))
            #expect(edited.change.removed.isEmpty && edited.errorCount == 0)
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/front-desk.html").text.contains("前台接待主管"))
            #expect(server.current.file("roles/ceo.html") == before.file("roles/ceo.html"))
            #expect(server.current.stamp("roles/ceo.html") == before.stamp("roles/ceo.html"), "an unchanged page keeps its version")
            // A page opened only now is rendered from the new graph.
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/cs-manager.html").text.contains("前台接待主管"))

            let good = server.current
            try original.replacingOccurrences(of: "title: 前台接待", with: "title: [前台接待").write(to: file, atomically: true, encoding: .utf8)
            let broken = server.rebuild(changed: ["roles/front-desk.md"])
            #expect(broken.errorCount > 0 && broken.change.changed.isEmpty && broken.change.errorsChanged)
            for path in open + ["roles/cs-manager.html", "roles/ops-director.html"] {
                #expect(server.current.file(path) == good.file(path), "\(path): the last good version is served")
            }
            #expect(server.current.errors.contains { $0.code == .invalidYAML && $0.location.file.hasSuffix("roles/front-desk.md") })

            try original.write(to: file, atomically: true, encoding: .utf8)
            let fixed = server.rebuild(changed: ["roles/front-desk.md"])
            #expect(fixed.errorCount == 0 && server.current.errors.isEmpty && fixed.change.errorsChanged)
            #expect(fixed.change.changed.contains("roles/front-desk.html"))

            // A page asked for before it exists: its 404 page hears when it appears.
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/night-desk.html").status == 404)
            let added = content.appendingPathComponent("roles/night-desk.md")
            try original.replacingOccurrences(of: "title: 前台接待", with: "title: 夜班前台").write(to: added, atomically: true, encoding: .utf8)
            let created = server.rebuild(changed: ["roles/night-desk.md"])
            #expect(created.change.changed.contains("roles/night-desk.html") && created.errorCount == 0)
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/night-desk.html").text.contains("夜班前台"))
            try FileManager.default.removeItem(at: added)
            let removed = server.rebuild(changed: ["roles/night-desk.md"])
            #expect(removed.change.removed.contains("roles/night-desk.html"))
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/night-desk.html").status == 404)
        }
    }

    @Test("the search index is built on its first request, per version, and is rolebook build's")
    func lazySearchIndex() async throws {
        try await withServer { server, port, content in
            func builtIndex() throws -> [String: String] {
                let fresh = try Checker(loader: ContentLoader(root: content, displayRoot: content.path)).run()
                let files = SiteRenderer(graph: fresh.graph).render().filter { $0.path.hasPrefix("search/") }
                return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
            }
            func expectServedEqual(_ expected: [String: String]) async throws {
                #expect(expected.keys.contains("search/meta.js") && expected.count > 3)
                for (path, contents) in expected {
                    let response = try await RawHTTP.fetch(port: port, target: "/" + path)
                    #expect(response.status == 200 && response.text == contents, "\(path)")
                    #expect(response.headers["content-type"] == "text/javascript; charset=utf-8", "\(path)")
                }
                #expect(try await RawHTTP.fetch(port: port, target: "/search/i/99999.js").status == 404)
            }
            // Not built by the rebuild: the first request under search/ builds it.
            #expect(server.current.searchIndex?.isMade == false)
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/front-desk.html").status == 200)
            #expect(server.current.searchIndex?.isMade == false)
            try await expectServedEqual(try builtIndex())
            #expect(server.current.searchIndex?.isMade == true)

            // An edit of searchable text: the next version has its own index, again built on request.
            let file = content.appendingPathComponent("roles/front-desk.md")
            let original = try String(contentsOf: file, encoding: .utf8)
            try original.replacingOccurrences(of: "title: 前台接待", with: "title: 礼宾前台").write(to: file, atomically: true, encoding: .utf8)
            #expect(server.rebuild(changed: ["roles/front-desk.md"]).errorCount == 0)
            #expect(server.current.searchIndex?.isMade == false)
            let expected = try builtIndex()
            #expect(expected.values.contains { $0.contains("礼宾前台") })
            try await expectServedEqual(expected)
        }
    }

    @Test("requests for made-up pages are remembered up to a limit, not without bound")
    func missingPagesBounded() async throws {
        try await withServer { server, _, _ in
            let responder = SiteResponder()
            for i in 0..<(PageStore.missingLimit + 100) {
                #expect(responder.respond(to: "/roles/none-\(i).html", head: false, site: server.current).status == 404)
            }
            #expect(server.current.store.missingCount == PageStore.missingLimit)
            // Still remembered, so a rebuild that makes one of them announces it.
            #expect(server.current.store.entry("roles/none-0.html") != nil)
            #expect(server.current.store.entry("roles/none-\(PageStore.missingLimit + 50).html") == nil)
        }
    }

    @Test("concurrent first requests share one build of the lazy files")
    func lazyFilesBuiltOnce() {
        let builds = Collected<Int>()
        let lazy = LazyFiles {
            builds.append(1)
            usleep(20_000)
            return ["search/meta.js": "x"]
        }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in #expect(lazy.files["search/meta.js"] == Data("x".utf8)) }
        #expect(builds.all.count == 1 && lazy.isMade)
    }

    @Test("nothing is written into the content folder")
    func writesNothing() async throws {
        try await withServer { server, _, content in
            let before = try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted()
            server.rebuild(changed: [])
            #expect(try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted() == before)
        }
    }

    @Test("the live channel greets with the current errors and announces each rebuild")
    func liveChannel() async throws {
        try await withServer { server, port, content in
            let socket = try await OffPool.run { try RawHTTP.openWebSocket(port: port) }
            defer { close(socket) }
            let hello = try #require(try await OffPool.run { RawHTTP.readTextFrame(socket) })
            #expect(hello.contains("\"type\":\"hello\"") && hello.contains("\"errors\":[]"))
            let file = content.appendingPathComponent("roles/ceo.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "\n---\n", with: "\nbad: [\n---\n").write(to: file, atomically: true, encoding: .utf8)
            server.rebuild(changed: ["roles/ceo.md"])
            let message = try #require(try await OffPool.run { RawHTTP.readTextFrame(socket) })
            #expect(message.contains("\"type\":\"rebuilt\"") && message.contains("\"code\":\"RB003\"") && message.contains("roles/ceo.md"))
        }
    }

    @Test("with the watcher on, a save is served without anyone asking for a rebuild")
    func watchedSave() async throws {
        try await withServer(watch: true) { server, port, content in
            let file = content.appendingPathComponent("roles/ceo.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            let rebuilt = Collected<Int>()
            server.onRebuild = { rebuilt.append($0.pages) }
            try text.replacingOccurrences(of: "title: 总经理", with: "title: 首席执行官").write(to: file, atomically: true, encoding: .utf8)
            #expect(await eventually { !rebuilt.all.isEmpty })
            #expect(try await RawHTTP.fetch(port: port, target: "/roles/ceo.html").text.contains("首席执行官"))
        }
    }

    @Test("the command prints its address, serves, and stops within a second of Ctrl-C")
    func commandStops() async throws {
        let binary = packageRoot.appendingPathComponent(".build/debug/rolebook")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the rolebook product first")
        let content = try copyFixtureContent("e2e")
        defer { try? FileManager.default.removeItem(at: content) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", content.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let reader = out.fileHandleForReading
        let firstLines = try await OffPool.run { () -> String in
            var text = ""
            while !text.contains("serving ") || !text.hasSuffix("\n") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        let address = try #require(firstLines.split(separator: "\n").first { $0.hasPrefix("serving http://127.0.0.1:") })
        let port = try #require(Int(address.split(separator: ":").last!.dropLast()))
        #expect(try await RawHTTP.fetch(port: port, target: "/").status == 200)
        let start = Stopwatch.now()
        process.interrupt()
        let stopped = await eventually(within: 3) { !process.isRunning }
        #expect(stopped && Stopwatch.now() - start < 1, "took \(Stopwatch.now() - start) s")
        if !stopped { process.terminate() }
    }

    @Test("a page that changed before its connection opened is told it is stale")
    func stalePage() async throws {
        try await withServer { server, port, _ in
            let stamp = server.current.stamp("roles/ceo.html")
            let page = try await RawHTTP.fetch(port: port, target: "/roles/ceo.html")
            #expect(page.text.contains("data-version=\"\(stamp)\""))
            let socket = try await OffPool.run { try RawHTTP.openWebSocket(port: port) }
            defer { close(socket) }
            _ = try await OffPool.run { RawHTTP.readTextFrame(socket) }
            RawHTTP.sendTextFrame(socket, #"{"path":"roles/ceo.html","version":"\#(stamp)"}"#)
            RawHTTP.sendTextFrame(socket, #"{"path":"roles/ceo.html","version":"\#(stamp + 100)"}"#)
            let reply = try await OffPool.run { RawHTTP.readTextFrame(socket) }
            // Only the second report (a version the server never served for that page) is stale.
            #expect(reply == #"{"type":"stale"}"#)
            server.rebuild(changed: [])
            let next = try await OffPool.run { RawHTTP.readTextFrame(socket) }
            #expect(next?.contains(#""type":"rebuilt""#) == true, "the up-to-date report was answered too: \(next ?? "")")
        }
    }

    @Test("served pages get the live script before </head>; other files are left alone")
    func injection() {
        let page = ServedSite.served("<html><head><title>x</title></head><body></body></html>", path: "a.html", version: 3)
        #expect(page == "<html><head><title>x</title><script src=\"/__rolebook/live.js\" data-version=\"3\" defer></script></head><body></body></html>")
        #expect(ServedSite.served("a</head>", path: "a.js", version: 3) == "a</head>")
    }
}
