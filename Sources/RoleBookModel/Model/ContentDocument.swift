/// What a level-2 section of a body means, decided by the heading vocabulary.
public enum SectionKind: String, CaseIterable, Hashable, Sendable, Codable {
    case intro, summary, responsibilities, qualifications, kpis, authority, hours, standards, relations, duties, routine
    /// A heading the vocabulary does not know: kept and rendered under its own title.
    case other
}

/// A list item as a graph node: a responsibility, requirement, KPI or step.
public struct Item: Hashable, Sendable {
    public let inlines: [Inline]
    /// The item's own text (first paragraph), without nested items.
    public let text: String
    public let location: SourceLocation
    public let children: [Item]
    /// A leading time or time range such as `08:30` or `18:00-19:30`.
    public let time: TimeSpan?

    package init(inlines: [Inline], text: String, location: SourceLocation, children: [Item], time: TimeSpan?) {
        self.inlines = inlines
        self.text = text
        self.location = location
        self.children = children
        self.time = time
    }

    /// This item and all nested items, depth first.
    public var flattened: [Item] { [self] + children.flatMap(\.flattened) }
}

/// `08:30` or `18:00-19:30`, in minutes since midnight (`end` may pass 24:00 for overnight shifts).
public struct TimeSpan: Hashable, Sendable, Codable {
    public let start: Int
    public package(set) var end: Int?

    package init(start: Int, end: Int? = nil) {
        self.start = start
        self.end = end
    }

    public var label: String {
        func hm(_ m: Int) -> String {
            let h = (m / 60) % 24, mm = m % 60
            return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
        }
        if let end { return hm(start) + "–" + hm(end) }
        return hm(start)
    }
}

/// One `##` section of a body.
public struct Section: Hashable, Sendable {
    public let kind: SectionKind
    public let heading: String
    /// Stable anchor for the heading (`#responsibilities`, or a slug of the heading).
    public let anchor: String
    public let location: SourceLocation
    /// The blocks under the heading, the heading itself excluded.
    public package(set) var blocks: [Block]
    /// Top-level list items of the section, with nesting.
    public package(set) var items: [Item]

    package init(kind: SectionKind, heading: String, anchor: String, location: SourceLocation, blocks: [Block], items: [Item]) {
        self.kind = kind
        self.heading = heading
        self.anchor = anchor
        self.location = location
        self.blocks = blocks
        self.items = items
    }

    @inlinable public var isEmpty: Bool { blocks.isEmpty }
}

/// A link from a body to another content file, found in the AST.
public struct ContentLink: Hashable, Sendable {
    /// The destination as written.
    public let destination: String
    /// Resolved content path relative to the content root (without fragment), if it points at a `.md` file.
    public let target: String?
    public let location: SourceLocation

    /// The memberwise initializer, for the parsing layer (an implicit one would be internal to this module).
    package init(destination: String, target: String? = nil, location: SourceLocation) {
        self.destination = destination; self.target = target; self.location = location
    }
}

/// A parsed Markdown body split into sections.
public struct ContentDocument: Hashable, Sendable {
    public let sections: [Section]
    public let links: [ContentLink]

    package init(sections: [Section] = [], links: [ContentLink] = []) {
        self.sections = sections
        self.links = links
    }

    public func sections(_ kind: SectionKind) -> [Section] { sections.filter { $0.kind == kind } }

    /// All items of all sections of a kind, in order.
    public func items(_ kind: SectionKind) -> [Item] { sections(kind).flatMap(\.items) }
}
