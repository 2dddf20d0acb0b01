import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookServe

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
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}

/// A bare HTTP/1.1 client over a blocking socket: sends exactly the bytes given, so paths
/// reach the server unnormalised (no URL type in between).
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Reads until the peer closes (the request asks for `Connection: close`).
    static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
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
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        return parse(readAll(fd), head: method == "HEAD")
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

    /// Opens the live-reload WebSocket and returns the socket, after the 101 answer.
    static func openWebSocket(port: Int) throws -> Int32 {
        let fd = try connect(port: port)
        send(fd, "GET /__rolebook/live HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        var head = Data()
        var byte: UInt8 = 0
        while !head.hasSuffix("\r\n\r\n"), recv(fd, &byte, 1, 0) == 1 { head.append(byte) }
        guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else { close(fd); throw POSIXError(.EPROTO) }
        return fd
    }

    /// Sends a text frame as a browser does (masked; a zero key leaves the payload as it is).
    static func sendTextFrame(_ fd: Int32, _ text: String) {
        let payload = Array(text.utf8)
        precondition(payload.count < 126)
        let frame: [UInt8] = [0x81, 0x80 | UInt8(payload.count), 0, 0, 0, 0] + payload
        _ = frame.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// The next text frame the server sends (server frames are not masked).
    static func readTextFrame(_ fd: Int32) -> String? {
        func read(_ count: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let n = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
                if n <= 0 { return nil }
                got += n
            }
            return out
        }
        while true {
            guard let header = read(2) else { return nil }
            var length = Int(header[1] & 0x7F)
            if length == 126 { guard let l = read(2) else { return nil }; length = Int(l[0]) << 8 | Int(l[1]) }
            if length == 127 { guard let l = read(8) else { return nil }; length = l.reduce(0) { $0 << 8 | Int($1) } }
            guard let payload = read(length) else { return nil }
            if header[0] & 0x0F == 1 { return String(decoding: payload, as: UTF8.self) }
        }
    }
}

extension Data {
    func hasSuffix(_ text: String) -> Bool { count >= text.utf8.count && suffix(text.utf8.count).elementsEqual(text.utf8) }
}
