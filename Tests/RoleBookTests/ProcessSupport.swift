import Foundation
import Testing

/// The `rolebook` binary that `swift build --build-tests` puts beside the test bundle, run as a
/// child process with a deadline, so a regression that hangs (a pipe read forever, a link loop)
/// fails the test instead of stopping the suite.
enum RolebookProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    static var binary: URL {
        let tests = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return tests.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("rolebook")
    }

    /// `setpriv`, to run as `nobody` when the tests run as root (who reads every file).
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `rolebook arguments` in `directory`; a child still running after `seconds` is killed.
    static func run(_ arguments: [String], in directory: URL? = nil, asNobody: Bool = false, seconds: Double = 30,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let binary = binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build rolebook first (swift build --build-tests)", sourceLocation: sourceLocation)
        let process = Process()
        if asNobody {
            let setpriv = try #require(setpriv, sourceLocation: sourceLocation)
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        // Files, not pipes: nothing to drain while waiting.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let timedOut = done.wait(timeout: .now() + seconds) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        #expect(!timedOut, "rolebook \(arguments.joined(separator: " ")) still ran after \(seconds) s", sourceLocation: sourceLocation)
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
                       timedOut: timedOut)
    }

    /// `rolebook check` of a content tree as the tests show it: paths start with `content/`, and
    /// messages are in English (the trees have no rolebook.yml, so the site's language would be
    /// zh-CN) unless `options` has a `--lang`.
    static func check(_ root: URL, _ options: [String] = [], asNobody: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let name = root.lastPathComponent
        let language = options.contains("--lang") ? [] : ["--lang", "en"]
        var outcome = try run(["check"] + language + options + [name], in: root.deletingLastPathComponent(), asNobody: asNobody, sourceLocation: sourceLocation)
        outcome.stdout = outcome.stdout.replacingOccurrences(of: name + "/", with: shownRoot + "/")
        return outcome
    }
}
