import Foundation
import Testing

/// Blocking test work kept off Swift's cooperative thread pool.
///
/// The pool has one thread per core (two on the project's machine). A synchronous test runs on
/// it and holds its thread for as long as the test takes, so two long ones (a 10-second site
/// build, a SIGKILLed child, a billion-laughs check in a loaded run) stall everything else that
/// needs the pool: the FlyingFox servers of the serve and browser tests then miss their 60 s
/// listening timeout, and short tests with a time limit exceed it while waiting for a thread.
package enum OffPool {
    /// Runs `work` on a thread of its own and waits without holding a pool thread: for short
    /// blocking calls that must never queue behind other tests (a read from a server under test).
    package static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// The threads the ``OffPoolTrait`` runs tests on: as many as the pool has, so the blocking
    /// tests together take at most the cores they took before, beside a pool left free.
    static let executor = BlockingExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// The name of the executor's threads (a test checks its body runs there).
    /// (At most 15 bytes: Linux refuses longer thread names, and a thread created unnamed
    /// carries its creator's name.)
    package static let threadName = "off-pool-tests"
}

/// `@Suite(.offPool)` or `@Test(.offPool)`: each test (every test of the suite, recursively) runs
/// on ``OffPool``'s threads instead of Swift's pool. For tests that block for long: building
/// sites, running processes, waiting on files.
package struct OffPoolTrait: SuiteTrait, TestTrait, TestScoping {
    package var isRecursive: Bool { true }

    package func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await withTaskExecutorPreference(OffPool.executor) {
            // The preference moves the task only when it is next enqueued: until it suspends, it
            // stays on the pool thread it started on, and a synchronous test never suspends. So
            // suspend once, resumed from another thread: the task resumes on the executor.
            await withCheckedContinuation { continuation in Thread { continuation.resume() }.start() }
            try await function()
        }
    }
}

extension Trait where Self == OffPoolTrait {
    /// Runs the tests on threads of their own (``OffPool``).
    package static var offPool: Self { OffPoolTrait() }
}

/// A task executor over a fixed set of threads of its own, taking jobs in order.
final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []   // guarded by `condition`

    init(threads: Int) {
        for _ in 0..<threads {
            Thread {
                Thread.current.name = OffPool.threadName
                self.work()
            }.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
