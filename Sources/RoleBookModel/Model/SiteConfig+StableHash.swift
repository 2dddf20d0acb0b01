/// The settings' fingerprint: part of every page's (the build's `BuildIdentity`) and the key of
/// the build's mention cache file, so it lives with the settings.
extension SiteConfig {
    /// Every setting, in a fixed order (`Hasher` is seeded per process, and dictionaries have no order).
    package var stableHash: UInt64 {
        var f = Fingerprint(0x636F_6E66_6967)
        for s in [title, organization ?? "\u{0}", language] + exclude { f.add(StableHash.string(s)) }
        f.add(UInt64(exclude.count))
        f.add(UInt64(bitPattern: Int64(maxSpan)))
        f.add(UInt64(bitPattern: Int64(maxDepth)))
        for (kind, names) in extraSections.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            f.add(StableHash.string(kind.rawValue))
            f.add(UInt64(names.count))
            for n in names { f.add(StableHash.string(n)) }
        }
        return f.value
    }
}
