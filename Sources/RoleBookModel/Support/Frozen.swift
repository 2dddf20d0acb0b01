/// An immutable value in a shared box: copying it costs one reference count whatever the value
/// holds. Equal when the values are (the same box is equal at once, without comparing fields).
@usableFromInline final class Frozen<Value: Hashable & Sendable>: Hashable, Sendable {
    @usableFromInline let value: Value

    @usableFromInline init(_ value: Value) { self.value = value }

    @usableFromInline static func == (a: Frozen, b: Frozen) -> Bool { a === b || a.value == b.value }

    @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
