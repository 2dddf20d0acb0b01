import RoleBookModel

// The values page models hold most of feed their hash without an `Encoder` (``StableHashDirect``):
// the same fields in the same order as their synthesized `encode(to:)`, so the fingerprints are
// unchanged; `PageModelTests` compares each with the encoder's hash and its stored properties.

extension PageLink: StableHashFields {
    private static let keys = (title: StableHasher.Key("title"), url: StableHasher.Key("url"), vacant: StableHasher.Key("vacant"))
    package func stableHashFields(_ fields: StableHasher.Fields) {
        fields.add(Self.keys.title, title)
        fields.add(Self.keys.url, url)
        fields.add(Self.keys.vacant, vacant)
    }
}

extension ResolvedLinks: StableHashFields {
    private static let entriesKey = StableHasher.Key("entries")
    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        try fields.add(Self.entriesKey, entries)
    }
}

extension ResolvedLinks.Entry: StableHashFields {
    private static let keys = (destination: StableHasher.Key("destination"), href: StableHasher.Key("href"))
    package func stableHashFields(_ fields: StableHasher.Fields) {
        fields.add(Self.keys.destination, destination)
        fields.addIfPresent(Self.keys.href, href)
    }
}

extension RolePageModel.Mention: StableHashFields {
    private static let keys = (from: StableHasher.Key("from"), text: StableHasher.Key("text"))
    package func stableHashFields(_ fields: StableHasher.Fields) throws {
        try fields.add(Self.keys.from, from)
        fields.add(Self.keys.text, text)
    }
}
