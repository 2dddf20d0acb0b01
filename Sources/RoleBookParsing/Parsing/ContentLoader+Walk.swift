import Foundation
import RoleBookModel

/// Why the content folder itself cannot be read: nothing is checked (exit 2).
public enum ContentFolderError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(String)
    case notAFolder(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): "content folder '\(path)' does not exist"
        case .notAFolder(let path): "content folder '\(path)' is a file, not a folder"
        case .unreadable(let path, let reason): "cannot read content folder '\(path)': \(reason)"
        }
    }
}

extension ContentLoader {
    /// The Markdown files of a content folder and what was found wrong while looking for them.
    struct Walk: Sendable {
        /// Sorted content-root-relative paths of `.md` files to read.
        var paths: [String] = []
        /// Folders and files that could not be read, links out of the root, names that are not UTF-8.
        var diagnostics: [Diagnostic] = []
    }

    /// A folder as the file system knows it, whatever path led to it.
    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The content folder resolved through any links (the bytes `realpath` returns), after
    /// checking that it exists and is a folder.
    func resolvedRoot() throws(ContentFolderError) -> [UInt8] {
        var info = stat()
        guard stat(root.path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing(displayRoot) }
            throw .unreadable(displayRoot, reason: Self.reason(code))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(displayRoot) }
        guard let resolved = Self.realPath(Array(root.path.utf8)) else { throw .unreadable(displayRoot, reason: Self.reason(errno)) }
        return resolved
    }

    /// Finds the `.md` files under the root, skipping `_name`, `.name` and excluded paths.
    ///
    /// Iterative, with every folder read once by device and inode, so a link back up
    /// (`roles/loop -> ..`) ends the branch instead of repeating the tree without end. Links are
    /// followed only when they resolve inside the root. A folder or entry that cannot be used is
    /// reported where it is and the walk goes on. readdir's file types spare a `stat` per file:
    /// only links and entries of unknown type cost one.
    func markdownFiles(excluding excluded: Set<String>, resolvedRoot realRoot: [UInt8]) throws(ContentFolderError) -> Walk {
        let rootPath = root.path
        var walk = Walk()
        var visited = Set<FolderID>()
        // Folders still to read, relative to the root; the last is read next. Folders reached
        // through a link wait until every other folder is read, so a link to `roles/` from
        // elsewhere neither renames its files nor hides them from their real path.
        var pending = [""]
        var linked: [String] = []
        while let relative = pending.popLast() ?? linked.popLast() {
            let path = relative.isEmpty ? rootPath : rootPath + "/" + relative
            guard let directory = opendir(path) else {
                let code = errno
                if relative.isEmpty { throw .unreadable(displayRoot, reason: Self.reason(code)) }
                walk.diagnostics.append(Diagnostic(.unreadable, .unreadableFolder(path: relative, reason: Self.reason(code)),
                                                   at: SourceLocation(file: displayPath(relative))))
                continue
            }
            defer { closedir(directory) }
            var info = stat()
            guard fstat(dirfd(directory), &info) == 0 else {
                walk.diagnostics.append(Diagnostic(.unreadable, .unreadableFolder(path: relative, reason: Self.reason(errno)),
                                                   at: SourceLocation(file: displayPath(relative))))
                continue
            }
            // Met before through another path (a link): its files are already listed.
            guard visited.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { continue }
            var folders: [String] = [], linkedFolders: [String] = []
            while let entry = readdir(directory) {
                let type = Int32(entry.pointee.d_type)
                let decoded = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(validatingCString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard let name = decoded else {
                    let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                    reportUndecodableName(bytes, type: type, in: relative, path: path, into: &walk.diagnostics)
                    continue
                }
                // `.`, `..`, hidden files and `_drafts`-like folders are not content.
                guard let first = name.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "_") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                guard excluded.isEmpty || !excluded.contains(child) else { continue }
                let isMarkdown = name.hasSuffix(".md")
                var mode = Self.mode(ofDirectoryEntryType: type)
                if type == Int32(DT_UNKNOWN) {
                    // Some file systems do not fill in d_type.
                    var entryInfo = stat()
                    guard lstat(path + "/" + name, &entryInfo) == 0 else { continue }
                    mode = entryInfo.st_mode & S_IFMT
                }
                if mode == S_IFLNK {
                    guard let target = followLink(child, isMarkdown: isMarkdown, realRoot: realRoot, into: &walk.diagnostics) else { continue }
                    if target == S_IFDIR {
                        linkedFolders.append(child)
                        continue
                    }
                    mode = target
                }
                switch mode {
                case S_IFREG: if isMarkdown { walk.paths.append(child) }
                case S_IFDIR: folders.append(child)
                default:
                    if isMarkdown {
                        walk.diagnostics.append(diagnostic(for: .notRegular(Self.fileTypeName(mode)), reading: child))
                    }
                }
            }
            // Sorted, so which of two paths to one folder is kept does not depend on readdir's order.
            pending += folders.sorted(by: >)
            linked.insert(contentsOf: linkedFolders.sorted(by: >), at: 0)
        }
        walk.paths.sort()
        return walk
    }

    /// Where the link at `relative` leads: the file type of its target when that is inside the
    /// root, nil (after reporting it when it matters) when it is broken or leads outside.
    private func followLink(_ relative: String, isMarkdown: Bool, realRoot: [UInt8], into diagnostics: inout [Diagnostic]) -> mode_t? {
        let path = root.path + "/" + relative
        let at = SourceLocation(file: displayPath(relative))
        guard let target = Self.realPath(Array(path.utf8)) else {
            // A broken link to something that is not a `.md` file is not content either way.
            if isMarkdown {
                diagnostics.append(Diagnostic(.unreadable, .brokenSymlink(path: relative, reason: Self.reason(errno)), at: at))
            }
            return nil
        }
        var info = stat()
        let mode = stat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
        guard Self.isInside(target, realRoot) else {
            if isMarkdown || mode == S_IFDIR { diagnostics.append(linkOutsideDiagnostic(relative, target: target)) }
            return nil
        }
        return mode
    }

    /// RB014 for the link at `relative`, naming where it resolves to.
    func linkOutsideDiagnostic(_ relative: String, target: [UInt8]) -> Diagnostic {
        Diagnostic(.linkOutsideContent, .linkOutsideContent(path: relative, target: Self.escapedName(target)),
                   at: SourceLocation(file: displayPath(relative)),
                   notes: [Diagnostic.Note(.copyIntoContent)])
    }

    /// Reports a `.md` file or a folder whose name is not UTF-8 (other files are not content).
    private func reportUndecodableName(_ name: [UInt8], type: Int32, in relative: String, path: String, into diagnostics: inout [Diagnostic]) {
        guard let first = name.first, first != UInt8(ascii: "."), first != UInt8(ascii: "_") else { return }
        var mode = type == Int32(DT_UNKNOWN) ? 0 : Self.mode(ofDirectoryEntryType: type)
        if type == Int32(DT_UNKNOWN) {
            var info = stat()
            let full = Array(path.utf8) + [UInt8(ascii: "/")] + name + [0]
            if full.withUnsafeBufferPointer({ lstat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &info) }) == 0 {
                mode = info.st_mode & S_IFMT
            }
        }
        let shown = Self.escapedName(name)
        let child = relative.isEmpty ? shown : relative + "/" + shown
        let at = SourceLocation(file: displayPath(child))
        if mode == S_IFDIR {
            diagnostics.append(Diagnostic(.invalidUTF8, .folderNameNotUTF8(child), at: at, notes: [Diagnostic.Note(.renameFolder)]))
        } else if name.count >= 3 && name.suffix(3).elementsEqual(".md".utf8) {
            diagnostics.append(Diagnostic(.invalidUTF8, .fileNameNotUTF8(child), at: at, notes: [Diagnostic.Note(.renameFile)]))
        }
    }

    /// The file type bits for a readdir type.
    private static func mode(ofDirectoryEntryType type: Int32) -> mode_t {
        switch type {
        case Int32(DT_REG): S_IFREG
        case Int32(DT_DIR): S_IFDIR
        case Int32(DT_LNK): S_IFLNK
        case Int32(DT_FIFO): S_IFIFO
        case Int32(DT_CHR): S_IFCHR
        case Int32(DT_BLK): S_IFBLK
        case Int32(DT_SOCK): S_IFSOCK
        default: 0
        }
    }

    /// Whether a resolved path is the resolved root or below it.
    static func isInside(_ target: [UInt8], _ realRoot: [UInt8]) -> Bool {
        guard target.starts(with: realRoot) else { return false }
        return target.count == realRoot.count || realRoot.last == UInt8(ascii: "/") || target[realRoot.count] == UInt8(ascii: "/")
    }

    /// `realpath` of a path given as bytes (names need not be UTF-8); nil with `errno` set.
    static func realPath(_ path: [UInt8]) -> [UInt8]? {
        let terminated = path + [0]
        let resolved = terminated.withUnsafeBufferPointer { realpath(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), nil) }
        guard let resolved else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// A file name or path for messages: UTF-8 as it is, every byte that is not part of valid
    /// UTF-8 as `\xNN` (never U+FFFD, which would hide which bytes they were).
    static func escapedName(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length > 0, i + length <= bytes.count, let scalar = String(validating: bytes[i..<i + length], as: UTF8.self) {
                out += scalar
                i += length
            } else {
                out += "\\x" + String(b, radix: 16).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }
}
