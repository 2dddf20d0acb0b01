import Foundation
import RoleBook
import RoleBookDevSupport

/// `rolebook-bench serve N [--edits 20] [--work DIR] [--rolebook PATH] [--no-hugo]`: `rolebook serve`
/// on a synthetic tree of N roles, then `hugo server` on the same Markdown files. Measures
/// start-up (launch to the first page served), the time from saving one role file (written
/// beside it and renamed over it, as editors save) to the reload message arriving on the live
/// WebSocket and to the changed page being served, and the server's memory. Prints a Markdown
/// table; not part of `make bench`'s report.
struct ServeBenchmark {
    var roles: Int
    var edits: Int
    var work: URL
    var rolebook: String
    var withHugo = true

    struct Result {
        var startup: Double
        var message: [Double]
        var page: [Double]
        var rssKB: Int
        var peakKB: Int
    }

    func run(log: (String) -> Void) throws -> Result {
        let content = work.appendingPathComponent("serve-\(roles)")
        if !FileManager.default.fileExists(atPath: content.path) {
            log("generating \(roles) roles in \(content.path)")
            _ = try SyntheticContent(roles: roles).write(to: content)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rolebook)
        process.arguments = ["serve", content.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let launched = Stopwatch.now()
        try process.run()
        defer { process.interrupt(); process.waitUntilExit() }
        var printed = ""
        while !printed.contains("serving http") || !printed.hasSuffix("\n") {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw BenchError.failed("rolebook serve", printed) }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("serving http://") }),
              let port = Int(line.split(separator: ":").last!.dropLast()) else { throw BenchError.failed("rolebook serve", printed) }
        let client = LiveClient(port: port)
        guard try client.get("/").status == 200 else { throw BenchError.failed("GET /", "") }
        let startup = Stopwatch.now() - launched
        try client.openSocket()
        _ = try client.nextMessage()   // the greeting

        // Edit roles spread over the tree: the title, so the page, its neighbours and the index change.
        // Each role's page is open first, as it is in the browser of someone editing it (serve
        // renders again, and announces, only pages it has served).
        var message: [Double] = [], page: [Double] = []
        for i in 0..<edits {
            let pagePath = try Self.pagePath(edit: i, content: content)
            guard try client.get("/" + pagePath).status == 200 else { throw BenchError.failed("GET", pagePath) }
            let (saved, _, title) = try Self.save(edit: i, content: content)
            var reply = ""
            repeat { reply = try client.nextMessage() } while !reply.contains("\"type\":\"rebuilt\"")
            message.append(Stopwatch.now() - saved)
            guard reply.contains(pagePath) else { throw BenchError.failed("rebuild did not list \(pagePath)", String(reply.prefix(300))) }
            let served = try client.get("/" + pagePath)
            guard served.body.contains(title) else { throw BenchError.failed("page not updated", pagePath) }
            page.append(Stopwatch.now() - saved)
            log(String(format: "edit %2d: message %.1f ms, page %.1f ms", i + 1, message.last! * 1000, page.last! * 1000))
            usleep(100_000)
        }
        let (rss, peak) = Self.memory(of: process.processIdentifier)
        return Result(startup: startup, message: message, page: page, rssKB: rss, peakKB: peak)
    }

    /// `hugo server` over the same content (rendering to memory, its default), with the same
    /// edits: start-up, save → its livereload message, and the rebuild time Hugo itself prints.
    struct HugoResult {
        var startup: Double
        var message: [Double]
        var reported: [Double]
        var rssKB: Int
        var peakKB: Int
    }

    func runHugo(log: (String) -> Void) throws -> HugoResult {
        let content = work.appendingPathComponent("serve-\(roles)")
        let site = try HugoSite.prepare(in: work.appendingPathComponent("serve-\(roles)-hugo"), content: content)
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["hugo", "server", "-s", site.path, "--bind", "127.0.0.1", "--port", String(port)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let printed = Printed()
        out.fileHandleForReading.readabilityHandler = { handle in printed.append(handle.availableData) }
        let launched = Stopwatch.now()
        try process.run()
        defer { process.interrupt(); process.waitUntilExit(); out.fileHandleForReading.readabilityHandler = nil }
        let client = LiveClient(port: port)
        var startup = 0.0
        while true {
            if let page = try? client.get("/"), page.status == 200 { startup = Stopwatch.now() - launched; break }
            guard process.isRunning, Stopwatch.now() - launched < 600 else { throw BenchError.failed("hugo server", printed.text) }
            usleep(20_000)
        }
        // Hugo's livereload: the page's origin, then the protocol's hello.
        try client.openSocket(path: "/livereload", origin: "http://127.0.0.1:\(port)")
        client.send(#"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}"#)
        _ = try client.nextMessage()
        var message: [Double] = [], reported: [Double] = []
        for i in 0..<edits {
            let before = printed.text.count
            let (saved, _, _) = try Self.save(edit: i, content: content)
            var reply = ""
            repeat { reply = try client.nextMessage() } while !reply.contains("\"reload\"")
            message.append(Stopwatch.now() - saved)
            // "Total in 153 ms" once the rebuild is done.
            var total: Double?
            let deadline = Stopwatch.now() + 10
            while total == nil, Stopwatch.now() < deadline {
                total = Self.reportedTotal(String(printed.text.dropFirst(before)))
                if total == nil { usleep(5_000) }
            }
            if let total { reported.append(total / 1000) }
            log(String(format: "hugo edit %2d: message %.1f ms, reported %@", i + 1, message.last! * 1000, total.map { String(format: "%.0f ms", $0) } ?? "–"))
            usleep(100_000)
        }
        let (rss, peak) = Self.memory(of: process.processIdentifier)
        return HugoResult(startup: startup, message: message, reported: reported, rssKB: rss, peakKB: peak)
    }

    /// The milliseconds of the first `Total in N ms` line in `text`.
    static func reportedTotal(_ text: String) -> Double? {
        guard let range = text.range(of: #"Total in [0-9.]+ ms"#, options: .regularExpression) else { return nil }
        return Double(text[range].dropFirst("Total in ".count).dropLast(" ms".count))
    }

    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BenchError.failed("no free port", "") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Current and peak resident memory of a process, in kB.
    static func memory(of pid: Int32) -> (rss: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func kB(_ key: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(key) }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        }
        return (kB("VmRSS:"), kB("VmHWM:"))
    }

    /// The role files of `content`, sorted.
    static func roleFiles(_ content: URL) throws -> [String] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.contains("/roles/") && $0.hasSuffix(".md") }.sorted()
        guard !files.isEmpty else { throw BenchError.failed("no role files under \(content.path)", "") }
        return files
    }

    /// The site path of the page of the role that edit `i` changes.
    static func pagePath(edit i: Int, content: URL) throws -> String {
        "roles/" + (try editedFile(edit: i, content: content)).deletingPathExtension().lastPathComponent + ".html"
    }

    static func editedFile(edit i: Int, content: URL) throws -> URL {
        let files = try roleFiles(content)
        return content.appendingPathComponent(files[(i * 7919) % files.count])
    }

    /// Edit `i`: a role spread over the tree gets a new title, written beside the file and renamed
    /// over it as editors save. Returns when it was saved, the file and the new title.
    static func save(edit i: Int, content: URL) throws -> (saved: Double, file: URL, title: String) {
        let file = try editedFile(edit: i, content: content)
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let titleLine = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { throw BenchError.failed("no title in", file.path) }
        let title = "编辑\(i)" + titleLine.dropFirst("title: ".count)
        let edited = text.replacingOccurrences(of: String(titleLine), with: "title: " + title)
        let scratch = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).swp")
        try Data(edited.utf8).write(to: scratch)
        let saved = Stopwatch.now()
        guard rename(scratch.path, file.path) == 0 else { throw BenchError.failed("rename", file.path) }
        return (saved, file, title)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func table(_ r: Result, hugo h: HugoResult?, roles: Int) -> String {
        func ms(_ s: Double) -> String { String(format: "%.0f ms", s * 1000) }
        func spread(_ v: [Double]) -> String { v.isEmpty ? "–" : "\(ms(median(v))) (\(ms(v.min()!))–\(ms(v.max()!)))" }
        func mb(_ kB: Int) -> String { "\(kB / 1024) MB" }
        var out = """
            | \(roles) roles, \(r.message.count) edits | `rolebook serve` | `hugo server` |
            | --- | ---: | ---: |
            | start-up (launch → first page served) | \(ms(r.startup)) | \(h.map { ms($0.startup) } ?? "–") |
            | save → reload message, median (min–max) | \(spread(r.message)) | \(h.map { spread($0.message) } ?? "–") |
            | save → changed page served, median (min–max) | \(spread(r.page)) | – |
            | rebuild time the server prints, median (min–max) | – | \(h.map { spread($0.reported) } ?? "–") |
            | memory after the edits (peak) | \(mb(r.rssKB)) (\(mb(r.peakKB))) | \(h.map { "\(mb($0.rssKB)) (\(mb($0.peakKB)))" } ?? "–") |

            """
        if let h, !h.message.isEmpty {
            out += String(format: "\nsave → reload: rolebook / Hugo = **%.2f** (Hugo's message), **%.2f** (Hugo's printed rebuild time)\n",
                          median(r.message) / median(h.message), h.reported.isEmpty ? .nan : median(r.message) / median(h.reported))
        }
        return out
    }
}

/// Output of a child process, collected from its pipe's handler thread.
final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// The loopback server under test through ``Loopback``: pages, and the live WebSocket.
final class LiveClient {
    let port: Int
    private var socketFD: Int32 = -1

    init(port: Int) { self.port = port }
    deinit { if socketFD >= 0 { close(socketFD) } }

    func get(_ path: String) throws -> (status: Int, body: String) {
        let text = String(decoding: try Loopback.exchange(port: port, target: path, timeout: 30), as: UTF8.self)
        let status = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }

    func openSocket(path: String = "/__rolebook/live", origin: String? = nil) throws {
        socketFD = try Loopback.openWebSocket(port: port, path: path, origin: origin, timeout: 30)
    }

    func send(_ text: String) { Loopback.sendTextFrame(socketFD, text) }

    /// The next text message.
    func nextMessage() throws -> String {
        guard let message = Loopback.readTextFrame(socketFD) else { throw BenchError.failed("live socket closed", "") }
        return message
    }
}
