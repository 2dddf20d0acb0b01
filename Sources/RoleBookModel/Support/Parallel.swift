import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` across all cores; results keep the input order, so output never depends on scheduling.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is written exactly once by one thread: no two threads touch the same slot.
            nonisolated(unsafe) let out = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: input.count) { i in
                    (out.baseAddress! + i).initialize(to: transform(input[i]))
                }
            }
            initialized = count
        }
    }
}

/// Work started on a thread of its own and waited for once (``value()``): a phase of a build
/// that needs nothing from the phases running beside it. A `Thread`, not a global queue: the
/// queue's threads are the ones `parallelMap` fills, so the work could wait for them to finish.
///
/// Unchecked: `result` is written once, on the worker, before the group is left, and read only
/// after waiting for it; the value (a `SiteOutput`, which is not `Sendable`) is used by one thread at a time.
package final class BackgroundWork<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<Value, any Error>?

    package init(_ body: @escaping @Sendable () throws -> Value) {
        group.enter()
        Thread.detachNewThread { [self] in
            result = Result { try body() }
            group.leave()
        }
    }

    /// Waits for the work, then returns what it made or throws what it threw.
    package func value() throws -> Value {
        group.wait()
        return try result!.get()
    }
}
