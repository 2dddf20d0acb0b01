import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite

/// Geometry of the org chart layout on generated trees: random, wide, deep and degenerate.
@Suite("Org chart layout")
struct OrgChartLayoutTests {
    typealias Tree = (roots: [Int], children: [Int: [Int]], count: Int)

    /// A named tree, shown by name in test output.
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var tree: Tree
        var testDescription: String { name }
    }

    /// A deterministic random forest: node i's parent is drawn among earlier nodes (a 64-bit LCG,
    /// so the same seed gives the same tree on every platform).
    static func randomForest(_ n: Int, seed: UInt64, maxChildren: Int, rootEvery: UInt64 = 23) -> Tree {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        var children: [Int: [Int]] = [:]
        var roots = [0]
        for i in 1..<n {
            if next() % rootEvery == 0 { roots.append(i); continue }
            var parent = Int(next() % UInt64(i))
            while (children[parent]?.count ?? 0) >= maxChildren { parent = (parent + 1) % i }
            children[parent, default: []].append(i)
        }
        return (roots, children, n)
    }

    /// A manager over `teams` supervisors, each with `size` leaves.
    static func wide(teams: Int, size: Int) -> Tree {
        var children: [Int: [Int]] = [0: []]
        var next = 1
        for _ in 0..<teams {
            let lead = next
            next += 1
            children[0]!.append(lead)
            children[lead] = Array(next..<(next + size))
            next += size
        }
        return ([0], children, next)
    }

    /// Every node with `fanout` children down to `depth` levels.
    static func complete(fanout: Int, depth: Int) -> Tree {
        var children: [Int: [Int]] = [:]
        var level = [0], next = 1
        for _ in 0..<depth {
            var nextLevel: [Int] = []
            for n in level {
                children[n] = Array(next..<(next + fanout))
                nextLevel += children[n]!
                next += fanout
            }
            level = nextLevel
        }
        return ([0], children, next)
    }

    static func layout(_ t: Tree) -> OrgChartLayout { OrgChartLayout(roots: t.roots, children: { t.children[$0] ?? [] }) }

    static let trees: [Sample] = [
        Sample(name: "random 40, ≤3 children", tree: randomForest(40, seed: 1, maxChildren: 3)),
        Sample(name: "random 150, ≤12 children", tree: randomForest(150, seed: 2, maxChildren: 12)),
        Sample(name: "random 250, ≤2 children (deep)", tree: randomForest(250, seed: 3, maxChildren: 2)),
        Sample(name: "random 80, ≤40 children (flat)", tree: randomForest(80, seed: 4, maxChildren: 40)),
        Sample(name: "random 300, many roots", tree: randomForest(300, seed: 5, maxChildren: 6, rootEvery: 7)),
        Sample(name: "12 teams of 5", tree: wide(teams: 12, size: 5)),
        Sample(name: "3 teams of 30", tree: wide(teams: 3, size: 30)),
        Sample(name: "one manager, 45 reports", tree: ([0], [0: Array(1...45)], 46)),
        Sample(name: "one manager, 2 reports", tree: ([0], [0: [1, 2]], 3)),
        Sample(name: "binary, 7 levels", tree: complete(fanout: 2, depth: 7)),
        Sample(name: "ternary, 4 levels", tree: complete(fanout: 3, depth: 4)),
        Sample(name: "chain of 60", tree: ([0], Dictionary(uniqueKeysWithValues: (0..<59).map { ($0, [$0 + 1]) }), 60)),
    ]

    static let W = OrgChartLayout.boxWidth, H = OrgChartLayout.boxHeight

    static func overlaps(_ a: OrgChartLayout.Box, _ b: OrgChartLayout.Box) -> Bool {
        a.x < b.x + W && b.x < a.x + W && a.y < b.y + H && b.y < a.y + H
    }

    @Test("no two boxes overlap", arguments: trees)
    func noOverlaps(sample: Sample) {
        let (name, tree) = (sample.name, sample.tree)
        let layout = Self.layout(tree)
        #expect(layout.boxes.count == tree.count, "\(name): every node drawn once")
        #expect(Set(layout.boxes.map(\.node)).count == layout.boxes.count)
        // Sweep by x: only boxes starting within one box width can overlap.
        let boxes = layout.boxes.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        var overlapping: [(Int, Int)] = []
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                if b.x >= a.x + Self.W { break }
                if Self.overlaps(a, b) { overlapping.append((a.node, b.node)) }
            }
        }
        #expect(overlapping.isEmpty, "\(name): overlapping boxes \(overlapping.prefix(5))")
    }

    @Test("children sit below their parent, and everything lies inside the drawing", arguments: trees)
    func childrenBelowParents(sample: Sample) throws {
        let (name, tree) = (sample.name, sample.tree)
        let layout = Self.layout(tree)
        var problems: [String] = []
        for (parent, kids) in tree.children {
            let p = try #require(layout.box(for: parent))
            for k in kids {
                let c = try #require(layout.box(for: k))
                if c.y < p.y + Self.H { problems.append("\(k) is not below its parent \(parent)") }
                if layout.parent(of: k) != parent { problems.append("\(k) hangs from \(String(describing: layout.parent(of: k))), not \(parent)") }
            }
        }
        for b in layout.boxes where b.x < 0 || b.y < 0 || b.x + Self.W > layout.width + 0.001 || b.y + Self.H > layout.height + 0.001 {
            problems.append("box \(b.node) at (\(b.x), \(b.y)) outside \(layout.width)×\(layout.height)")
        }
        #expect(problems.isEmpty, "\(name): \(problems.count) problems, first \(problems.prefix(5))")
    }

    @Test("edges are orthogonal, join parent to child, and never cross another box", arguments: trees)
    func edges(sample: Sample) throws {
        let (name, tree) = (sample.name, sample.tree)
        let layout = Self.layout(tree)
        #expect(layout.edges.count == tree.children.values.reduce(0) { $0 + $1.count })
        var problems: [String] = []
        for edge in layout.edges {
            let from = try #require(layout.box(for: edge.from)), to = try #require(layout.box(for: edge.to))
            let first = try #require(edge.points.first), last = try #require(edge.points.last)
            // Leaves the parent's bottom edge; arrives on the child's top or left edge.
            if !(first.1 == from.y + Self.H && first.0 > from.x && first.0 < from.x + Self.W) { problems.append("\(edge.from)→\(edge.to) starts off the parent") }
            let onTop = last.1 == to.y && last.0 > to.x && last.0 < to.x + Self.W
            let onLeft = last.0 == to.x && last.1 > to.y && last.1 < to.y + Self.H
            if !(onTop || onLeft) { problems.append("\(edge.from)→\(edge.to) ends at \(last), off the child") }
            for (a, b) in zip(edge.points, edge.points.dropFirst()) {
                if a.0 != b.0 && a.1 != b.1 { problems.append("\(edge.from)→\(edge.to) has a diagonal segment") }
                for box in layout.boxes where box.node != edge.from && box.node != edge.to && Self.crosses(a, b, box) {
                    problems.append("\(edge.from)→\(edge.to) crosses box \(box.node)")
                }
            }
        }
        #expect(problems.isEmpty, "\(name): \(problems.count) problems, first \(problems.prefix(5))")
    }

    /// Whether an axis-aligned segment passes through the inside of a box.
    static func crosses(_ a: (Double, Double), _ b: (Double, Double), _ box: OrgChartLayout.Box) -> Bool {
        let (x0, x1) = (min(a.0, b.0), max(a.0, b.0)), (y0, y1) = (min(a.1, b.1), max(a.1, b.1))
        return x0 < box.x + W && x1 > box.x && y0 < box.y + H && y1 > box.y
    }

    @Test("a parent with children side by side is centred over them")
    func centred() throws {
        let layout = Self.layout(Self.wide(teams: 4, size: 2))
        let root = try #require(layout.box(for: 0))
        let leads = try (layout.children[0] ?? []).map { try #require(layout.box(for: $0)) }
        #expect(leads.count == 4)
        let centre = (leads.first!.x + leads.last!.x + Self.W) / 2
        #expect(abs(root.x + Self.W / 2 - centre) < 0.001)
        #expect(Set(leads.map(\.y)).count == 1, "siblings share a row")
    }

    @Test("a large team of leaves is stacked in columns, not spread into one long row or strip")
    func stackedColumns() {
        let layout = Self.layout(([0], [0: Array(1...45)], 46))
        let rows = OrgChartLayout.stackRows
        // 45 reports in 6 columns of at most 8: about six boxes wide and eight high.
        #expect(layout.width < 7 * (Self.W + 48))
        #expect(layout.height < Self.H * 2 + OrgChartLayout.vGap + Double(rows) * (Self.H + OrgChartLayout.stackGap))
        let small = Self.layout(([0], [0: [1, 2, 3]], 4))
        #expect(small.width < 2 * Self.W, "three leaves stack in one column under the manager")
    }

    @Test("a deep chain lays out without recursion limits")
    func deepChain() {
        let n = 5000
        let layout = OrgChartLayout(roots: [0], children: { $0 + 1 < n ? [$0 + 1] : [] })
        #expect(layout.boxes.count == n)
        #expect(layout.width < Self.W * 2)
        #expect(layout.box(for: n - 1)!.y > layout.box(for: n - 2)!.y)
    }

    @Test("cycles and shared children are drawn once each, under the first parent that reaches them")
    func degenerateInput() {
        // 0 → 1 → 2 → 0 (a cycle), and 3 listed under both 1 and 2.
        let children: [Int: [Int]] = [0: [1], 1: [2, 3], 2: [0, 3]]
        let layout = OrgChartLayout(roots: [0, 0], children: { children[$0] ?? [] })
        #expect(layout.boxes.map(\.node).sorted() == [0, 1, 2, 3])
        #expect(layout.parent(of: 3) == 1)
        #expect(layout.parent(of: 0) == nil)
        #expect(OrgChartLayout(roots: [], children: { _ in [] }).boxes.isEmpty)
    }

    @Test("the same tree always gives the same drawing")
    func deterministic() {
        let t = Self.randomForest(200, seed: 9, maxChildren: 7)
        let a = Self.layout(t), b = Self.layout(t)
        #expect(a.boxes == b.boxes)
        #expect(a.edges == b.edges)
        #expect(a.width == b.width && a.height == b.height)
    }
}
