import Foundation
import RoleBook
import RoleBookDevSupport

/// `rolebook-bench serve N [--edits 20] [--work DIR] [--rolebook PATH]`: `rolebook serve` on a
/// synthetic tree of N roles. Measures start-up (launch to the first page served), the time
/// from saving one role file (written beside it and renamed over it, as editors save) to the
/// reload message arriving on the live WebSocket and to the changed page being served, and
/// the server's memory. Prints a Markdown table; not part of `make bench`'s report.
struct ServeBenchmark {
    var roles: Int
    var edits: Int
    var work: URL
    var rolebook: String

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
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.contains("/roles/") && $0.hasSuffix(".md") }.sorted()
        guard !files.isEmpty else { throw BenchError.failed("no role files under \(content.path)", "") }
        var message: [Double] = [], page: [Double] = []
        for i in 0..<edits {
            let relative = files[(i * 7919) % files.count]
            let file = content.appendingPathComponent(relative)
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let titleLine = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { continue }
            let newTitle = "title: 编辑\(i)" + titleLine.dropFirst("title: ".count)
            let edited = text.replacingOccurrences(of: String(titleLine), with: newTitle)
            let scratch = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).swp")
            try Data(edited.utf8).write(to: scratch)
            let saved = Stopwatch.now()
            guard rename(scratch.path, file.path) == 0 else { throw BenchError.failed("rename", relative) }
            var reply = ""
            repeat { reply = try client.nextMessage() } while !reply.contains("\"type\":\"rebuilt\"")
            message.append(Stopwatch.now() - saved)
            let pagePath = "roles/" + file.deletingPathExtension().lastPathComponent + ".html"
            guard reply.contains(pagePath) else { throw BenchError.failed("rebuild did not list \(pagePath)", String(reply.prefix(300))) }
            let served = try client.get("/" + pagePath)
            guard served.body.contains(String(newTitle.dropFirst("title: ".count))) else { throw BenchError.failed("page not updated", pagePath) }
            page.append(Stopwatch.now() - saved)
            log(String(format: "edit %2d: message %.1f ms, page %.1f ms", i + 1, message.last! * 1000, page.last! * 1000))
            usleep(100_000)
        }
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        func kB(_ key: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(key) }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        }
        return Result(startup: startup, message: message, page: page, rssKB: kB("VmRSS:"), peakKB: kB("VmHWM:"))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func table(_ r: Result, roles: Int) -> String {
        func ms(_ s: Double) -> String { String(format: "%.0f ms", s * 1000) }
        return """
            | \(roles) roles | value |
            | --- | --- |
            | start-up (launch → first page served) | \(ms(r.startup)) |
            | save → reload message, median of \(r.message.count) (min–max) | \(ms(median(r.message))) (\(ms(r.message.min() ?? 0))–\(ms(r.message.max() ?? 0))) |
            | save → changed page served, median (min–max) | \(ms(median(r.page))) (\(ms(r.page.min() ?? 0))–\(ms(r.page.max() ?? 0))) |
            | memory after the edits (peak) | \(r.rssKB / 1024) MB (\(r.peakKB / 1024) MB) |

            """
    }
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

    func openSocket() throws { socketFD = try Loopback.openWebSocket(port: port, timeout: 30) }

    /// The next text message.
    func nextMessage() throws -> String {
        guard let message = Loopback.readTextFrame(socketFD) else { throw BenchError.failed("live socket closed", "") }
        return message
    }
}
