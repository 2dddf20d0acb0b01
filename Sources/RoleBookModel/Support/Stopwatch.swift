import Foundation

/// Wall-clock phase timings for `--timings`; a value, so each command owns its own.
public struct Stopwatch: Sendable {
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private var last = Stopwatch.now()

    public init() {}

    /// Seconds on the monotonic clock: the one clock of phase timings, the tests and the benchmarks.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Ends the current phase under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let t = Self.now()
        phases.append((name, t - last))
        last = t
    }

    public mutating func append(_ other: Stopwatch) { phases += other.phases; last = Self.now() }

    /// One line per phase, `  load      123.4 ms`.
    public var report: String {
        phases.map { "  " + $0.name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", $0.seconds * 1000) }
            .joined(separator: "\n") + "\n"
    }
}
