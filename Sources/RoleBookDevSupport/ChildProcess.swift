import Foundation
import RoleBook

/// Runs a program to completion with a deadline: the one process runner of the tests and
/// `rolebook-bench`. Output goes to files, not pipes, so nothing has to be drained while
/// waiting and a child that fills a pipe cannot hang; a child still running at the deadline
/// is killed, so a regression that hangs fails instead of stopping the caller.
package struct ChildProcess: Sendable {
    package var executable: URL
    package var arguments: [String]
    package var directory: URL?
    /// The child's whole environment; nil inherits ours.
    package var environment: [String: String]?
    /// Written to the child's standard input, which is then closed; nil: no input (`/dev/null`).
    package var input: Data?
    /// Standard error into ``Outcome/stdout`` too, in the order written (one file for both).
    package var mergesOutput = false

    package struct Outcome: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
        package var timedOut: Bool
        package var seconds: Double
    }

    package init(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, input: Data? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.input = input
    }

    /// A program found on `PATH` (through `/usr/bin/env`).
    package init(searching command: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, input: Data? = nil) {
        self.init(URL(fileURLWithPath: "/usr/bin/env"), [command] + arguments, in: directory, environment: environment, input: input)
    }

    /// Starts the child, waits at most `seconds`, and returns what it printed.
    package func run(seconds: Double = 600) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err"), stdin = scratch.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let outHandle = try FileHandle(forWritingTo: out)
        process.standardOutput = outHandle
        process.standardError = mergesOutput ? outHandle : try FileHandle(forWritingTo: err)
        if let input {
            // From a file as well: a child that does not read its input cannot block us.
            try input.write(to: stdin)
            process.standardInput = try FileHandle(forReadingFrom: stdin)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Stopwatch.now()
        try process.run()
        let timedOut = done.wait(timeout: .now() + seconds) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        let elapsed = Stopwatch.now() - start
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
                       timedOut: timedOut, seconds: elapsed)
    }
}
