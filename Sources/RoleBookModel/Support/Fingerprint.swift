import Foundation

/// An order-sensitive running hash.
package struct Fingerprint {
    package private(set) var value: UInt64
    package init(_ seed: UInt64) { value = seed }
    package mutating func add(_ v: UInt64) { value = StableHash.combine(value, v) }
    package mutating func add(optional v: UInt64?) {
        if let v { add(1); add(v) } else { add(0) }
    }
}
