import Foundation
import RoleBookModel

/// Collects values handed over from other threads (watcher callbacks, rebuilds).
package final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    package init() {}
    package func append(_ item: T) { lock.withLock { items.append(item) } }
    package var all: [T] { lock.withLock { items } }
    package func removeAll() { lock.withLock { items.removeAll() } }
}

/// Polls `condition` every 10 ms until it holds or `seconds` pass; returns whether it held.
package func eventually(within seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = Stopwatch.now() + seconds
    while Stopwatch.now() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}
