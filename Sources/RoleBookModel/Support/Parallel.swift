import Dispatch

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
