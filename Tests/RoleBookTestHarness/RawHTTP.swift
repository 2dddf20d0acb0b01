import Foundation
import Testing
import RoleBookDevSupport
import RoleBookTestSupport

/// HTTP/1.1 and WebSocket for the server under test, through ``Loopback`` (shared with the
/// serve benchmark), with the answer parsed and blocking calls kept off Swift's pool.
package enum RawHTTP {
    package struct Response {
        package var status: Int
        package var headers: [String: String]
        package var body: Data
        package var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// ``request(port:method:target:)`` on a thread outside Swift's cooperative pool: a blocking
    /// read there would starve the server under test, which runs on that pool.
    package static func fetch(port: Int, method: String = "GET", target: String) async throws -> Response {
        try await OffPool.run { try request(port: port, method: method, target: target) }
    }

    package static func request(port: Int, method: String = "GET", target: String) throws -> Response {
        parse(try Loopback.exchange(port: port, method: method, target: target), head: method == "HEAD")
    }

    package static func parse(_ data: Data, head: Bool) -> Response {
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

    package static func openWebSocket(port: Int) throws -> Int32 { try Loopback.openWebSocket(port: port) }
    package static func sendTextFrame(_ fd: Int32, _ text: String) { Loopback.sendTextFrame(fd, text) }
    package static func readTextFrame(_ fd: Int32) -> String? { Loopback.readTextFrame(fd) }
}
