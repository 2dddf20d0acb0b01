import Foundation

/// Blocking HTTP/1.1 and WebSocket on a socket to 127.0.0.1: the client of the tests and of
/// `rolebook-bench serve` for the server under test. It sends exactly the bytes given, so paths
/// reach the server unnormalised (no URL type in between).
package enum Loopback {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// A connected socket; reads give up after `timeout` seconds of silence.
    package static func connect(port: Int, timeout: Int = 60) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "no socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { close(fd); throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        return fd
    }

    package static func send(_ fd: Int32, _ text: String) { send(fd, bytes: Array(text.utf8)) }

    package static func send(_ fd: Int32, bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Reads until the peer closes (requests ask for `Connection: close`).
    package static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }

    /// One request on a fresh connection; the raw answer, head and body.
    package static func exchange(port: Int, method: String = "GET", target: String, timeout: Int = 60) throws -> Data {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        return readAll(fd)
    }

    /// Opens a WebSocket at `path` and returns the socket after the server's 101 answer.
    package static func openWebSocket(port: Int, path: String = "/__rolebook/live", origin: String? = nil, timeout: Int = 60) throws -> Int32 {
        let fd = try connect(port: port, timeout: timeout)
        send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             + (origin.map { "Origin: \($0)\r\n" } ?? "")
             + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        // Byte by byte: nothing of the first frame is read along with the head.
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !(head.count >= 4 && head.suffix(4) == [13, 10, 13, 10]), recv(fd, &byte, 1, 0) == 1 { head.append(byte) }
        guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else {
            close(fd)
            throw Failure(description: "no WebSocket at \(path): \(String(decoding: head.prefix(200), as: UTF8.self))")
        }
        return fd
    }

    /// Sends a text frame as a browser does (masked; a zero key leaves the payload as it is).
    package static func sendTextFrame(_ fd: Int32, _ text: String) {
        let payload = Array(text.utf8)
        var frame: [UInt8] = [0x81]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else {
            frame += [0x80 | 126, UInt8(payload.count >> 8 & 0xFF), UInt8(payload.count & 0xFF)]
        }
        send(fd, bytes: frame + [0, 0, 0, 0] + payload)
    }

    /// The next text frame the server sends (server frames are not masked); nil when the
    /// connection closes or falls silent past its timeout.
    package static func readTextFrame(_ fd: Int32) -> String? {
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
            if length == 126 { guard let l = read(2) else { return nil }; length = l.reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { guard let l = read(8) else { return nil }; length = l.reduce(0) { $0 << 8 | Int($1) } }
            guard let payload = read(length) else { return nil }
            if header[0] & 0x0F == 1 { return String(decoding: payload, as: UTF8.self) }
        }
    }
}
