import Foundation

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
///
/// A section loaded from the build cache holds its blocks and items still encoded
/// (``DeferredSectionContent``) until something reads them: a build after one edit renders a
/// handful of pages, and decoding every section of 10,000 files was a third of its time.
public struct Section: Hashable, Sendable {
    public let kind: SectionKind
    public let heading: String
    /// Stable anchor for the heading (`#responsibilities`, or a slug of the heading).
    public let anchor: String
    public let location: SourceLocation
    private var content: Content

    private enum Content: Sendable {
        case decoded(blocks: [Block], items: [Item])
        case deferred(DeferredSectionContent)
    }

    package init(kind: SectionKind, heading: String, anchor: String, location: SourceLocation, blocks: [Block], items: [Item]) {
        self.kind = kind
        self.heading = heading
        self.anchor = anchor
        self.location = location
        content = .decoded(blocks: blocks, items: items)
    }

    /// A section whose blocks and items are decoded when first read.
    package init(kind: SectionKind, heading: String, anchor: String, location: SourceLocation, deferred: DeferredSectionContent) {
        self.kind = kind
        self.heading = heading
        self.anchor = anchor
        self.location = location
        content = .deferred(deferred)
    }

    /// The blocks under the heading, the heading itself excluded.
    public package(set) var blocks: [Block] {
        get {
            switch content {
            case .decoded(let blocks, _): blocks
            case .deferred(let d): d.value.blocks
            }
        }
        set { content = .decoded(blocks: newValue, items: items) }
    }

    /// Top-level list items of the section, with nesting.
    public package(set) var items: [Item] {
        get {
            switch content {
            case .decoded(_, let items): items
            case .deferred(let d): d.value.items
            }
        }
        set { content = .decoded(blocks: blocks, items: newValue) }
    }

    /// Whether the section has no blocks (known without decoding them).
    public var isEmpty: Bool {
        switch content {
        case .decoded(let blocks, _): blocks.isEmpty
        case .deferred(let d): d.blockCount == 0
        }
    }

    /// Whether the section has list items (known without decoding them).
    public var hasItems: Bool {
        switch content {
        case .decoded(_, let items): !items.isEmpty
        case .deferred(let d): d.itemCount > 0
        }
    }

    /// How many items the section has, nested ones included (known without decoding them).
    public var nestedItemCount: Int {
        switch content {
        case .decoded(_, let items): Self.nestedCount(items)
        case .deferred(let d): d.nestedItemCount
        }
    }

    /// Items and their nested items, counted without recursion (nesting depth is the content's).
    package static func nestedCount(_ items: [Item]) -> Int {
        var count = 0
        var stack: [[Item]] = [items]
        while let level = stack.popLast() {
            count += level.count
            for item in level where !item.children.isEmpty { stack.append(item.children) }
        }
        return count
    }

    public static func == (a: Section, b: Section) -> Bool {
        guard a.kind == b.kind, a.heading == b.heading, a.anchor == b.anchor, a.location == b.location else { return false }
        if case .deferred(let x) = a.content, case .deferred(let y) = b.content, x === y { return true }
        return a.blocks == b.blocks && a.items == b.items
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(heading)
        hasher.combine(anchor)
        hasher.combine(location)
        hasher.combine(blocks)
        hasher.combine(items)
    }
}

/// A section's blocks and items as the build cache stored them, decoded once, on first use, by
/// whichever thread reads them first (the others wait for it).
///
/// Unchecked: `decoded` is read and written only under `lock`; `decode` is a `@Sendable` function.
package final class DeferredSectionContent: @unchecked Sendable {
    package let blockCount: Int
    package let itemCount: Int
    package let nestedItemCount: Int
    private let decode: @Sendable () -> (blocks: [Block], items: [Item])
    private let lock = NSLock()
    private var decoded: (blocks: [Block], items: [Item])?

    /// `decode` must answer `blockCount` blocks and `itemCount` items (`nestedItemCount` with
    /// the nested ones): the counts are what ``Section/isEmpty``, ``Section/hasItems`` and
    /// ``Section/nestedItemCount`` say without calling it.
    package init(blockCount: Int, itemCount: Int, nestedItemCount: Int, decode: @escaping @Sendable () -> (blocks: [Block], items: [Item])) {
        self.blockCount = blockCount
        self.itemCount = itemCount
        self.nestedItemCount = nestedItemCount
        self.decode = decode
    }

    var value: (blocks: [Block], items: [Item]) {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let made = decode()
        decoded = made
        return made
    }
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
