import Foundation
import Testing

/// Compares output with files under a test target's `Golden/`, read from its bundle.
///
/// When a golden file is missing, or `RECORD_SNAPSHOTS` is set, the actual output is written
/// into the `Golden/` folder beside the calling test file (`#filePath`), so into the source tree
/// of the target that owns it, and the test fails so a human reviews the new file (then
/// rebuilds, so the bundle picks it up, and runs the tests again).
package enum GoldenFile {
    package static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

    package static func sourceDirectory(_ filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden", isDirectory: true)
    }

    /// - Parameter bundle: the calling target's `Bundle.module` (each target bundles its own goldens).
    package static func expect(_ actual: String, matches name: String, _ ext: String, in bundle: Bundle,
                               filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bundled = bundle.url(forResource: name, withExtension: ext, subdirectory: "Golden")
        if !recording, let bundled {
            let expected = try String(contentsOf: bundled, encoding: .utf8)
            #expect(lines(actual) == lines(expected), "output differs from Golden/\(name).\(ext); to accept it run with RECORD_SNAPSHOTS=1",
                    sourceLocation: sourceLocation)
            return
        }
        let target = sourceDirectory(filePath).appendingPathComponent("\(name).\(ext)")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: target, atomically: true, encoding: .utf8)
        Issue.record("recorded \(target.path): review it, rebuild and run the tests again without RECORD_SNAPSHOTS",
                     sourceLocation: sourceLocation)
    }

    /// Lines including a final empty one, so a missing trailing newline is a difference too.
    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
