import Foundation
import RoleBook
import RoleBookDevSupport

/// One measured run of a command: wall time from our own clock, peak memory from `/usr/bin/time -v`.
struct Sample {
    var seconds: Double
    var peakKB: Int
}

/// Runs commands and measures them.
enum Runner {
    /// Runs `arguments` (argv[0] searched on PATH) under `/usr/bin/time -v`; fails loudly on a non-zero exit.
    static func measure(_ arguments: [String], in directory: URL) throws -> Sample {
        let timeFile = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-bench-time-\(getpid()).txt")
        let start = Stopwatch.now()
        let (status, output) = try run(["/usr/bin/time", "-v", "-o", timeFile.path] + arguments, in: directory)
        let seconds = Stopwatch.now() - start
        guard status == 0 else { throw BenchError.failed(arguments.joined(separator: " "), output) }
        let report = (try? String(contentsOf: timeFile, encoding: .utf8)) ?? ""
        let peak = report.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            .flatMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) } ?? 0
        return Sample(seconds: seconds, peakKB: peak)
    }

    /// Runs a process to completion, returning its status and combined output (the tail, for errors).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> (Int32, String) {
        var child = ChildProcess(searching: arguments[0], Array(arguments.dropFirst()), in: directory, environment: environment)
        child.mergesOutput = true
        let outcome = try child.run(seconds: 4 * 3600)
        return (outcome.status, String(outcome.stdout.suffix(20_000)))
    }

    static func shell(_ script: String, in directory: URL) throws {
        let (status, output) = try run(["sh", "-c", script], in: directory)
        guard status == 0 else { throw BenchError.failed(script, output) }
    }

    /// Total bytes and file count of a folder tree.
    static func size(of folder: URL) -> (bytes: Int, files: Int) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) else { return (0, 0) }
        var bytes = 0, files = 0
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { bytes += values?.fileSize ?? 0; files += 1 }
        }
        return (bytes, files)
    }

    static func available(_ command: String) -> Bool {
        ((try? run(["sh", "-c", "command -v \(command)"], in: URL(fileURLWithPath: "/")))?.0 ?? 1) == 0
    }
}

enum BenchError: Error, CustomStringConvertible {
    case failed(String, String)
    case missing(String)

    var description: String {
        switch self {
        case .failed(let command, let output): "benchmark command failed: \(command)\n\(output)"
        case .missing(let what): "missing \(what) (run `make bench`, which installs it)"
        }
    }
}

extension Array where Element == Double {
    var median: Double {
        guard !isEmpty else { return .nan }
        let s = sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
