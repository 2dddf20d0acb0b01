import Foundation
import RoleBookModel

extension ContentLoader {
    /// Largest content file read: 20 MB (MiB). The biggest real job description is a few hundred
    /// kilobytes; the cap stops a stray export, or a link to a device, from filling memory.
    public static let maxFileSize = 20 << 20

    /// Why a file was not read.
    enum ReadFailure: Error, Hashable {
        /// `open`, `fstat` or `read` failed with this `errno`.
        case system(Int32)
        /// Not a regular file: a named pipe, a device, a socket, a folder (named in the message).
        case notRegular(String)
        /// Larger than the limit (before or while reading).
        case tooLarge
    }

    /// Reads a whole regular file of at most `limit` bytes with POSIX calls into a buffer that lives
    /// only while `body` runs (FileManager's `Data` cost a copy and an object per file).
    ///
    /// Opened with `O_NONBLOCK`, so a named pipe called `x.md` fails the `S_ISREG` check instead of
    /// waiting for a writer; the size is checked before reading and again while reading, since a
    /// file can grow (and `/proc`-like files report 0).
    static func readRegularFile<R>(_ path: String, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> Result<R, ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.system(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(fileTypeName(info.st_mode))) }
        let size = max(Int(info.st_size), 0)
        guard size <= limit else { return .failure(.tooLarge) }
        // One byte more than the size, so a file read whole ends with a read of 0 bytes, not a regrow;
        // never more than one byte past the limit, which is enough to tell that the file is too large.
        let ceiling = limit == .max ? limit : limit + 1
        var capacity = min(size + 1, ceiling)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            if count == capacity {
                // The file grew while being read.
                guard capacity < ceiling else { return .failure(.tooLarge) }
                let grown = capacity > ceiling / 2 ? ceiling : capacity * 2
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
                larger.update(from: buffer, count: count)
                buffer.deallocate()
                buffer = larger
                capacity = grown
            }
            let n = read(fd, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { return .failure(.tooLarge) }
        return .success(body(UnsafeBufferPointer(start: buffer, count: count)))
    }

    /// Reads a whole regular file of any size; nil when it cannot be read.
    package static func withContents<R>(ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        try? readRegularFile(path, limit: .max, body).get()
    }

    /// The diagnostic for a content file (`relative` to the root) that could not be read.
    func diagnostic(for failure: ReadFailure, reading relative: String) -> Diagnostic {
        let at = SourceLocation(file: displayPath(relative))
        switch failure {
        case .system(let code):
            return Diagnostic(.unreadable, .unreadableFile(path: relative, reason: Self.reason(code)), at: at)
        case .notRegular(let what):
            return Diagnostic(.unreadable, .notRegularFile(path: relative, what: what), at: at, notes: [Diagnostic.Note(.onlyRegularFiles)])
        case .tooLarge:
            return Diagnostic(.fileTooLarge, .fileTooLarge(megabytes: Self.maxFileSize >> 20), at: at, notes: [Diagnostic.Note(.splitLargeFile)])
        }
    }

    /// `strerror` as a message phrase: "permission denied".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// What a file that is not regular nor a folder is, for messages.
    static func fileTypeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a named pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }
}
