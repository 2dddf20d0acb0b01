import Foundation
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
import RoleBookTestHarness

/// Headless Chromium driven over `--remote-debugging-pipe`: the DevTools protocol as JSON
/// messages ending in NUL, written to the browser's fd 3 and read from its fd 4. Used for live
/// pages, which `--dump-dom` cannot watch: it returns one DOM and exits.
///
/// Blocking calls; run them off Swift's cooperative pool (``OffPool/run(_:)``).
final class DevToolsPipe: @unchecked Sendable {
    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var nextID = 0
    private var pending = Data()
    private let profile: URL

    struct Failure: Error, CustomStringConvertible { var description: String }

    init() throws {
        let browser = try Browser.printer().browser
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("rb-devtools-\(UUID().uuidString)")
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The browser reads commands on fd 3 and writes answers on fd 4.
        posix_spawn_file_actions_adddup2(&actions, input[0], 3)
        posix_spawn_file_actions_adddup2(&actions, output[1], 4)
        let null = Glibc.open("/dev/null", O_WRONLY)
        posix_spawn_file_actions_adddup2(&actions, null, 1)
        posix_spawn_file_actions_adddup2(&actions, null, 2)
        let arguments = [browser] + PDFPrinter.headlessArguments(profile: profile) + ["--remote-debugging-pipe", "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, browser, &actions, nil, &argv, environ)
        close(input[0]); close(output[1]); close(null)
        guard status == 0 else { close(input[1]); close(output[0]); throw Failure(description: "cannot start \(browser): \(status)") }
        pid = child
        toBrowser = input[1]
        fromBrowser = output[0]
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and returns its `result`, skipping events that arrive meanwhile.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double = 20) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        let written = data.withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
        guard written == data.count else { throw Failure(description: "cannot write to the browser") }
        let deadline = Stopwatch.now() + timeout
        while Stopwatch.now() < deadline {
            guard let reply = try readMessage(until: deadline) else { break }
            guard reply["id"] as? Int == nextID else { continue }
            if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
        throw Failure(description: "\(method): no answer within \(timeout) s")
    }

    private func readMessage(until deadline: Double) throws -> [String: Any]? {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[pending.index(after: end)...])
                return try JSONSerialization.jsonObject(with: message) as? [String: Any]
            }
            let wait = Int32(max(1, (deadline - Stopwatch.now()) * 1000))
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, wait) > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(fromBrowser, &buffer, buffer.count)
            guard n > 0 else { return nil }
            pending.append(contentsOf: buffer[0..<n])
        }
    }

    /// Opens `url` in a new tab and returns the session to talk to it.
    func open(_ url: String) throws -> String {
        let target = try send("Target.createTarget", ["url": url])
        guard let id = target["targetId"] as? String else { throw Failure(description: "no target id") }
        let attached = try send("Target.attachToTarget", ["targetId": id, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session id") }
        return session
    }

    /// The value of a JavaScript expression in the page (as JSON-compatible value), nil while it throws.
    func evaluate(_ expression: String, session: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session)
        if result["exceptionDetails"] != nil { return nil }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Evaluates `expression` every 50 ms until `accept` says yes; returns the last value.
    func waitFor(_ expression: String, session: String, seconds: Double = 40, _ accept: (Any?) -> Bool) throws -> Any? {
        let deadline = Stopwatch.now() + seconds
        var last: Any?
        while Stopwatch.now() < deadline {
            last = try? evaluate(expression, session: session)
            if accept(last) { return last }
            usleep(50_000)
        }
        return last
    }
}
