import Foundation
import Testing
import RoleBookDevSupport
import RoleBookTestSupport

/// The `rolebook` binary that `swift build --build-tests` puts beside the test bundle, run as a
/// ``ChildProcess`` with a deadline, so a regression that hangs (a pipe read forever, a link loop)
/// fails the test instead of stopping the suite.
package enum RolebookProcess {
    package typealias Outcome = ChildProcess.Outcome

    package static var binary: URL {
        let tests = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return tests.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("rolebook")
    }

    /// `setpriv`, to run as `nobody` when the tests run as root (who reads every file).
    package static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `rolebook arguments` in `directory`; a child still running after `seconds` is killed.
    package static func run(_ arguments: [String], in directory: URL? = nil, asNobody: Bool = false, seconds: Double = 30,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let binary = binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build rolebook first (swift build --build-tests)", sourceLocation: sourceLocation)
        var child = ChildProcess(binary, arguments, in: directory)
        if asNobody {
            let setpriv = try #require(setpriv, sourceLocation: sourceLocation)
            child = ChildProcess(URL(fileURLWithPath: setpriv), ["--reuid=65534", "--regid=65534", "--clear-groups", "--", binary.path] + arguments, in: directory)
        }
        let outcome = try child.run(seconds: seconds)
        #expect(!outcome.timedOut, "rolebook \(arguments.joined(separator: " ")) still ran after \(seconds) s", sourceLocation: sourceLocation)
        return outcome
    }

    /// `rolebook check` of a content tree as the tests show it: paths start with `content/`, and
    /// messages are in English (the trees have no rolebook.yml, so the site's language would be
    /// zh-CN) unless `options` has a `--lang`.
    package static func check(_ root: URL, _ options: [String] = [], asNobody: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let name = root.lastPathComponent
        let language = options.contains("--lang") ? [] : ["--lang", "en"]
        var outcome = try run(["check"] + language + options + [name], in: root.deletingLastPathComponent(), asNobody: asNobody, sourceLocation: sourceLocation)
        outcome.stdout = outcome.stdout.replacingOccurrences(of: name + "/", with: shownRoot + "/")
        return outcome
    }
}
