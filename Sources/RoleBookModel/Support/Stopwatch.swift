import Foundation

/// Wall and CPU time of consecutive phases (`--timings`, `ROLEBOOK_TRACE=1`).
public struct Stopwatch: Sendable {
    /// Each phase: its name, wall seconds and process CPU seconds (all threads).
    public private(set) var phases: [(name: String, seconds: Double, cpu: Double)] = []
    private var last = Stopwatch.now()
    private var lastCPU = Stopwatch.cpuNow()

    public init() {}

    /// Seconds on the monotonic clock: the one clock of phase timings, the tests and the benchmarks.
    package static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// CPU seconds the process has used so far, over all its threads.
    package static func cpuNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Whether `ROLEBOOK_TRACE` asks for per-phase timings on standard error (set and not `0`).
    public static var isTracing: Bool {
        guard let value = ProcessInfo.processInfo.environment["ROLEBOOK_TRACE"] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// Ends the current phase under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let t = Self.now(), c = Self.cpuNow()
        phases.append((name, t - last, c - lastCPU))
        last = t
        lastCPU = c
    }

    public mutating func append(_ other: Stopwatch) {
        phases += other.phases
        last = Self.now()
        lastCPU = Self.cpuNow()
    }

    /// One line per phase, `  load      123.4 ms   cpu 201.0 ms`, then the total.
    public var report: String {
        func line(_ name: String, _ wall: Double, _ cpu: Double) -> String {
            "  " + name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.1f ms   cpu %8.1f ms", wall * 1000, cpu * 1000)
        }
        let total = phases.reduce((0.0, 0.0)) { ($0.0 + $1.seconds, $0.1 + $1.cpu) }
        return (phases.map { line($0.name, $0.seconds, $0.cpu) } + [line("total", total.0, total.1)]).joined(separator: "\n") + "\n"
    }
}
