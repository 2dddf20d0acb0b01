import Foundation
import RoleBookDevSupport

// rolebook-bench: `make bench` runs it. See docs/benchmarks.md for what it measures and why.
//   rolebook-bench [--sizes 1000,10000] [--runs 5] [--out docs/benchmarks.md] [--work DIR]
//                  [--rolebook PATH] [--no-hugo] [--no-search]
//   rolebook-bench generate N DIR     writes a synthetic content tree of N roles
//   rolebook-bench quality [--roles N] [--out docs/benchmarks.md] [--work DIR] [--rolebook PATH] [--reuse]
//                                     only the search-quality section (recall and false hits per query)
//   rolebook-bench serve N [--edits 20] [--work DIR] [--rolebook PATH] [--no-hugo]
//                                     `rolebook serve`: start-up, save-to-reload latency, memory

let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String, in arguments: [String] = CommandLine.arguments) -> String? {
    guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
func log(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

do {
    if arguments.first == "generate" {
        guard arguments.count == 3, let n = Int(arguments[1]) else { throw BenchError.missing("arguments: generate N DIR") }
        let stats = try SyntheticContent(roles: n).write(to: URL(fileURLWithPath: arguments[2]))
        print("\(stats.roles) roles, \(stats.departments) departments, \(stats.procedures) procedures, \(stats.bytes) bytes")
        exit(0)
    }
    if arguments.first == "quality" {
        let roles = Int(value("--roles") ?? "10000") ?? 10_000
        let out = URL(fileURLWithPath: value("--out") ?? "docs/benchmarks.md")
        let work = URL(fileURLWithPath: value("--work") ?? ".build/bench").standardizedFileURL
        let rolebook = URL(fileURLWithPath: value("--rolebook") ?? ".build/release/rolebook").standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: rolebook) else { throw BenchError.missing(rolebook) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { throw BenchError.missing("/usr/bin/time (Debian package 'time')") }
        let rows = try SearchQuality(roles: roles, work: work, rolebook: rolebook, reuse: arguments.contains("--reuse")).run(log: log)
        let table = SearchQuality.table(rows, roles: roles)
        print(table)
        try Report.replaceSection(in: out, begin: "<!-- quality:begin -->", end: "<!-- quality:end -->", with: table)
        log("wrote \(out.path)")
        exit(0)
    }
    if arguments.first == "serve" {
        guard arguments.count >= 2, let n = Int(arguments[1]) else { throw BenchError.missing("arguments: serve N [--edits 20]") }
        let rolebook = URL(fileURLWithPath: value("--rolebook") ?? ".build/release/rolebook").standardizedFileURL.path
        let work = URL(fileURLWithPath: value("--work") ?? ".build/bench").standardizedFileURL
        let bench = ServeBenchmark(roles: n, edits: Int(value("--edits") ?? "20") ?? 20, work: work, rolebook: rolebook,
                                   withHugo: !arguments.contains("--no-hugo"))
        let result = try bench.run(log: log)
        let hugo = bench.withHugo ? try bench.runHugo(log: log) : nil
        print(ServeBenchmark.table(result, hugo: hugo, roles: n), terminator: "")
        exit(0)
    }
    let sizes = (value("--sizes") ?? "1000,10000").split(separator: ",").compactMap { Int($0) }
    // `--runs 0`: one cold build and the search measurement only (for trying search changes).
    let runs = max(0, Int(value("--runs") ?? "5") ?? 5)
    let out = URL(fileURLWithPath: value("--out") ?? "docs/benchmarks.md")
    let work = URL(fileURLWithPath: value("--work") ?? ".build/bench").standardizedFileURL
    let rolebook = URL(fileURLWithPath: value("--rolebook") ?? ".build/release/rolebook").standardizedFileURL.path
    let withHugo = !arguments.contains("--no-hugo")
    let withSearch = !arguments.contains("--no-search")
    guard FileManager.default.isExecutableFile(atPath: rolebook) else { throw BenchError.missing(rolebook) }
    for tool in ["cmark"] + (withHugo ? ["hugo"] : []) where !Runner.available(tool) { throw BenchError.missing(tool) }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { throw BenchError.missing("/usr/bin/time (Debian package 'time')") }

    SizeBenchmark.emptyTrash(work: work)   // a previous run's, before anything is measured
    defer { SizeBenchmark.emptyTrash(work: work) }
    var results: [SizeResult] = []
    for n in sizes {
        // Sizes above 20,000 are the scaling run: one round, no browser.
        let bench = SizeBenchmark(roles: n, runs: n > 20_000 ? 1 : runs, work: work, rolebook: rolebook, withHugo: withHugo, withSearch: withSearch && n <= 20_000)
        results.append(try bench.run(log: log))
    }
    func first(_ command: String) -> String {
        (try? Runner.run(["sh", "-c", command], in: work).1)?.split(separator: "\n").first.map(String.init) ?? "?"
    }
    let environment: [(String, String)] = [
        ("date", ISO8601DateFormatter().string(from: Date()).prefix(10).description),
        ("machine", "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, " + first("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'")),
        ("rolebook", first("git -C '\(FileManager.default.currentDirectoryPath)' describe --always --dirty 2>/dev/null || echo unknown") + ", release build"),
        ("Hugo", withHugo ? first("hugo version") : "not run"),
        ("cmark", first("cmark --version")),
        ("Chromium", first("chromium --version 2>/dev/null || echo none")),
        ("Pagefind", first("python3 -m pip show pagefind 2>/dev/null | grep -m1 Version || echo 'not installed'")),
    ]
    try Report(results: results, runs: runs, environment: environment).write(into: out)
    log("wrote \(out.path)")
} catch {
    log("rolebook-bench: \(error)")
    exit(1)
}
