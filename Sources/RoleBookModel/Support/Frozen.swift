/// An immutable value in a shared box: copying it costs one reference count whatever the value
/// holds. Equal when the values are (the same box is equal at once, without comparing fields).
final class Frozen<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: Frozen, b: Frozen) -> Bool { a === b || a.value == b.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
