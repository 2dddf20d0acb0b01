import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookServe
import RoleBookDevSupport

/// A copy of a fixture's content in a temporary folder, for tests that edit it.
func copyFixtureContent(_ fixture: String) throws -> URL {
    let source = Browser.packageRoot.appendingPathComponent("Tests/RoleBookTests/Fixtures/\(fixture)/content")
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-serve-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: source, to: copy)
    return copy
}

/// Collects values handed over from other threads (watcher callbacks, rebuilds).
final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func append(_ item: T) { lock.withLock { items.append(item) } }
    var all: [T] { lock.withLock { items } }
    func removeAll() { lock.withLock { items.removeAll() } }
}

/// Polls `condition` every 10 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = Stopwatch.now() + seconds
    while Stopwatch.now() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}

/// HTTP/1.1 and WebSocket for the server under test, through ``Loopback`` (shared with the
/// serve benchmark), with the answer parsed and blocking calls kept off Swift's pool.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// ``request(port:method:target:)`` on a thread outside Swift's cooperative pool: a blocking
    /// read there would starve the server under test, which runs on that pool.
    static func fetch(port: Int, method: String = "GET", target: String) async throws -> Response {
        try await offPool { try request(port: port, method: method, target: target) }
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func request(port: Int, method: String = "GET", target: String) throws -> Response {
        parse(try Loopback.exchange(port: port, method: method, target: target), head: method == "HEAD")
    }

    static func parse(_ data: Data, head: Bool) -> Response {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = data.range(of: separator) else { return Response(status: 0, headers: [:], body: data) }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: head ? Data() : Data(data[end.upperBound...]))
    }

    static func openWebSocket(port: Int) throws -> Int32 { try Loopback.openWebSocket(port: port) }
    static func sendTextFrame(_ fd: Int32, _ text: String) { Loopback.sendTextFrame(fd, text) }
    static func readTextFrame(_ fd: Int32) -> String? { Loopback.readTextFrame(fd) }
}
