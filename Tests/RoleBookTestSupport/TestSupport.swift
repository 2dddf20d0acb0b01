import Foundation
import Testing
import RoleBookModel
import RoleBookParsing

/// How the content root is shown in every diagnostic, so outputs never depend on temp dirs.
package let shownRoot = "content"

/// An entry of a content tree that is not a plain file.
package enum SpecialFile: Sendable, Hashable {
    /// A symbolic link with this target (relative to the link's folder, or absolute).
    case link(to: String)
    /// A named pipe.
    case fifo
    /// A file of this many zero bytes that takes no disk space.
    case sparse(bytes: Int)
}

/// A content tree: text files by content-root-relative path, plus files given as raw bytes.
package struct ContentTree: Sendable {
    package var files: [String: String]
    package var rawFiles: [String: [UInt8]] = [:]
    /// Links, pipes and sparse files, made after every other file.
    package var specials: [String: SpecialFile] = [:]

    package init(_ files: [String: String], raw: [String: [UInt8]] = [:]) {
        self.files = files
        self.rawFiles = raw
    }

    /// This tree with some files replaced or added; `nil` removes a file.
    package func with(_ changes: [String: String?]) -> ContentTree {
        var copy = self
        for (path, text) in changes { copy.files[path] = text }
        return copy
    }

    package func with(special path: String, _ kind: SpecialFile) -> ContentTree {
        var copy = self
        copy.files[path] = nil
        copy.specials[path] = kind
        return copy
    }

    package func with(raw path: String, _ bytes: [UInt8]) -> ContentTree {
        var copy = self
        copy.files[path] = nil
        copy.rawFiles[path] = bytes
        return copy
    }
}

/// Writes `files` (path → text) under a fresh temporary directory and returns it.
package func makeContent(_ files: [String: String]) throws -> URL {
    try makeContent(ContentTree(files))
}

package func makeContent(_ fixture: ContentTree) throws -> URL {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("rolebook-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let all = fixture.files.mapValues { Array($0.utf8) }.merging(fixture.rawFiles) { _, raw in raw }
    for (path, bytes) in all {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    for (path, kind) in fixture.specials {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let made: Int32
        switch kind {
        case .link(let target): made = symlink(target, url.path)
        case .fifo: made = mkfifo(url.path, 0o644)
        case .sparse(let bytes): made = FileManager.default.createFile(atPath: url.path, contents: nil) ? truncate(url.path, off_t(bytes)) : -1
        }
        guard made == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
    }
    return root
}

/// Runs `body` on a temporary content tree and removes the tree afterwards.
@discardableResult
package func withContent<T>(_ fixture: ContentTree, _ body: (URL) throws -> T) throws -> T {
    let root = try makeContent(fixture)
    defer { try? FileManager.default.removeItem(at: root) }
    return try body(root)
}

package func testLoader(_ root: URL) -> ContentLoader { ContentLoader(root: root, displayRoot: shownRoot) }

/// Loads, resolves and validates a tree, like `rolebook check`.
package func runCheck(_ fixture: ContentTree) throws -> Checker.Result {
    try withContent(fixture) { try Checker(loader: testLoader($0)).run() }
}

package func runCheck(_ files: [String: String]) throws -> Checker.Result { try runCheck(ContentTree(files)) }

/// Only the loading step: entities and file-level diagnostics.
package func loadTree(_ fixture: ContentTree) throws -> LoadedContent {
    try withContent(fixture) { try testLoader($0).load() }
}

package func loadTree(_ files: [String: String]) throws -> LoadedContent { try loadTree(ContentTree(files)) }

/// The resolved graph of a tree.
package func buildGraph(_ fixture: ContentTree) throws -> RoleGraph { try runCheck(fixture).graph }
package func buildGraph(_ files: [String: String]) throws -> RoleGraph { try runCheck(files).graph }

extension Checker.Result {
    /// Every diagnostic as `rolebook check` prints it (with notes), without the summary line.
    package var rendered: String { diagnostics.map(DiagnosticFormatter.line).joined() }
    package var codes: [DiagnosticCode] { diagnostics.map(\.code) }
    /// ``rendered`` split into lines, for readable array diffs.
    package var diagnosticLines: [String] {
        rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

extension RoleGraph {
    /// Index of a role by id; fails the test when it is missing.
    package func indexOfRole(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try #require(roleIndex[id], "no role '\(id)' in the graph", sourceLocation: sourceLocation)
    }

    package func indexOfDepartment(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try #require(departmentIndex[id], "no department '\(id)' in the graph", sourceLocation: sourceLocation)
    }

    package func ids(_ indices: [Int]) -> [String] { indices.map { roles[$0].id } }
    package func ids(_ indices: [Int?]) -> [String?] { indices.map { $0.map { roles[$0].id } } }
}

/// A location in the content tree as shown in diagnostics.
package func contentLoc(_ path: String, _ line: Int, _ column: Int) -> RoleBookModel.SourceLocation {
    RoleBookModel.SourceLocation(file: shownRoot + "/" + path, line: line, column: column)
}
