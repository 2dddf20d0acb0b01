import Foundation

/// Writes a whole file; the one place that does, below the search index cache and the site writer.
package enum FileWriter {
    /// Plain open/write/close: Foundation's `Data.write` fsyncs every file, which made writing
    /// a 27,000-file site take seconds; durability comes from the final rename instead.
    /// - Returns: an error message, or nil.
    package static func write(_ contents: String, to path: String) -> String? {
        var info: stat?
        return write(contents, to: path, info: &info)
    }

    /// Writes bytes made by hand (the cache's lists), without a `String` in between.
    /// - Returns: an error message, or nil.
    package static func write(_ bytes: [UInt8], to path: String) -> String? {
        withFile(path) { fd in bytes.withUnsafeBytes { writeAll(fd, $0) } }
    }

    /// Writes the file and sets `info` to its `stat` once written (the site manifest's stamp).
    /// - Returns: an error message, or nil.
    package static func write(_ contents: String, to path: String, info: inout stat?) -> String? {
        var contents = contents
        return contents.withUTF8 { write(UnsafeRawBufferPointer($0), to: path, info: &info) }
    }

    /// Writes the bytes (a file's text or bytes made by hand, ``OutputFile``) and sets `info` to
    /// the file's `stat` once written.
    /// - Returns: an error message, or nil.
    package static func write(_ buffer: UnsafeRawBufferPointer, to path: String, info: inout stat?) -> String? {
        var written = stat()
        let problem = withFile(path) { fd -> String? in
            if let problem = writeAll(fd, buffer) { return problem }
            return fstat(fd, &written) == 0 ? nil : String(cString: strerror(errno))
        }
        if problem == nil { info = written }
        return problem
    }

    /// Opens `path` for writing (created or truncated), runs `body` on it, closes it.
    private static func withFile(_ path: String, _ body: (Int32) -> String?) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return body(fd)
    }

    /// Writes all of `bytes` to the open `fd` (the parse cache writes its file part by part).
    /// - Returns: an error message, or nil.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Writes all of `buffer`, again after a short write or an interrupted call.
    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += n
        }
        return nil
    }
}
