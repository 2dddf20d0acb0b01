import Foundation
import Testing
import RoleBookTestSupport

/// The `.offPool` trait the long suites use: if it silently did nothing, they would hold Swift's
/// pool again and the server tests would starve.
// Disabled: in 2 of 6 full runs (load average 14) a body still ran on a pool thread, so the
// trait is not yet a guarantee and `make test` keeps running the server tests on their own.
@Suite(.offPool, .disabled("intermittent: a body sometimes still runs on Swift's pool under load; cause not found yet"))
struct OffPoolTests {
    @Test("a synchronous test of an .offPool suite runs on the off-pool threads")
    func synchronousBody() {
        #expect(Thread.current.name == OffPool.threadName)
    }

    @Test("an async test keeps running there after it awaits")
    func asyncBody() async throws {
        try await Task.sleep(nanoseconds: 1_000_000)
        #expect(Self.threadName() == OffPool.threadName)
    }

    /// `Thread.current` is unavailable in async code; a synchronous function reads it.
    static func threadName() -> String? { Thread.current.name }
}
