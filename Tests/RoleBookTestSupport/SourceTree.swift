import Foundation

/// The package's root folder (this file is `Tests/RoleBookTestSupport/SourceTree.swift`), for
/// tests that read the source tree: assets, fixtures shared by several test targets.
package let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `Tests/<target>/Fixtures/<fixture>/content` in the source tree. The `e2e` site is bundled by
/// RoleBookBuildTests (the incremental-build and integrity tests) and read from there by path by
/// the serve and end-to-end tests, so it exists once.
package func fixtureContent(_ fixture: String, in target: String = "RoleBookBuildTests") -> URL {
    packageRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(fixture)/content", isDirectory: true)
}

/// A copy of a fixture's content in a temporary folder, for tests that edit it.
package func copyFixtureContent(_ fixture: String) throws -> URL {
    let source = fixtureContent(fixture)
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-serve-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: source, to: copy)
    return copy
}

/// Every regular file under `folder`, path → bytes, except the paths in `excluding` (a site's
/// marker file, say), for comparing two written sites.
package func filesUnder(_ folder: URL, excluding: Set<String> = []) throws -> [String: Data] {
    var out: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else {
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
    }
    while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
        if !isDirectory.boolValue, !excluding.contains(path) { out[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
    }
    return out
}
