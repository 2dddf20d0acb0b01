import RoleBookModel

/// A tidy tree layout for org charts, linear in the number of boxes.
///
/// Children are laid out side by side under their parent, and the parent is centred over
/// them. A parent whose children are all leaves stacks them vertically instead, in columns of
/// at most ``stackRows`` boxes, so a manager with twelve or forty reports stays narrow enough
/// to read. Edges are orthogonal polylines that run only through the gaps between boxes.
package struct OrgChartLayout: Sendable {
    package struct Box: Hashable, Sendable {
        package var node: Int
        package var x: Double
        package var y: Double
    }

    package struct Edge: Hashable, Sendable {
        package var from: Int
        package var to: Int
        /// Polyline points from the parent's box to the child's box.
        package var points: [(Double, Double)]

        package static func == (a: Edge, b: Edge) -> Bool {
            a.from == b.from && a.to == b.to && a.points.elementsEqual(b.points) { $0 == $1 }
        }

        package func hash(into hasher: inout Hasher) { hasher.combine(from); hasher.combine(to) }
    }

    package static let boxWidth = 176.0
    package static let boxHeight = 58.0
    static let hGap = 20.0
    static let vGap = 44.0
    static let stackIndent = 28.0
    static let stackGap = 12.0
    /// Leaves per stacked column: beyond this a team gets a second column rather than a tall strip.
    static let stackRows = 8
    static let margin = 12.0

    /// Boxes in pre-order (a parent before its children, children left to right).
    package var boxes: [Box] = []
    package var edges: [Edge] = []
    package var width = 0.0
    package var height = 0.0
    /// The drawn tree: top boxes, and each box's children as placed.
    package var roots: [Int] = []
    package var children: [Int: [Int]] = [:]
    private var parents: [Int: Int] = [:]
    private var boxIndex: [Int: Int] = [:]

    /// How a subtree is drawn, computed bottom-up.
    private struct Size {
        var w: Double
        var h: Double
        /// Stacked leaf columns (0 when the children are laid out side by side).
        var columns: Int
    }

    /// - Parameters:
    ///   - roots: the top boxes, left to right.
    ///   - children: each box's children, in order (must form a forest).
    package init(roots: [Int], children: (Int) -> [Int]) {
        let W = Self.boxWidth, H = Self.boxHeight
        // Pre-order walk, iteratively so deep charts cannot overflow the stack.
        var order: [Int] = []
        var kids: [Int: [Int]] = [:]
        var claimed: Set<Int> = []
        let roots = roots.filter { claimed.insert($0).inserted }
        var stack = Array(roots.reversed())
        while let n = stack.popLast() {
            order.append(n)
            // Each box belongs to the first parent that reaches it, so the drawing is always a forest.
            let c = children(n).filter { claimed.insert($0).inserted }
            kids[n] = c
            stack += c.reversed()
        }
        self.roots = roots
        self.children = kids.filter { !$0.value.isEmpty }
        for (p, c) in kids { for x in c { parents[x] = p } }

        var sizes: [Int: Size] = [:]
        for n in order.reversed() {
            let c = kids[n] ?? []
            if c.isEmpty { sizes[n] = Size(w: W, h: H, columns: 0); continue }
            let allLeaves = c.allSatisfy { (kids[$0] ?? []).isEmpty }
            if allLeaves && c.count >= 3 {
                let columns = (c.count + Self.stackRows - 1) / Self.stackRows
                let rows = (c.count + columns - 1) / columns
                let columnWidth = W + Self.stackIndent
                let w = Double(columns) * columnWidth + Double(columns - 1) * Self.hGap
                // One column hangs from the parent's left edge; several hang from a bar below it.
                let top = columns == 1 ? Self.stackGap : Self.vGap
                sizes[n] = Size(w: max(W, w), h: H + top + Double(rows) * (H + Self.stackGap) - Self.stackGap, columns: columns)
            } else {
                let w = c.reduce(0.0) { $0 + sizes[$1]!.w } + Self.hGap * Double(c.count - 1)
                let h = H + Self.vGap + (c.map { sizes[$0]!.h }.max() ?? 0)
                sizes[n] = Size(w: max(W, w), h: h, columns: 0)
            }
        }

        // Placement, parents before children: an explicit work list instead of recursion.
        var placed: [Int: Box] = [:]
        var maxY = 0.0
        var edges: [Edge] = []
        // A side-by-side parent is visited twice: to queue its children, then (`done`) to centre
        // itself over them once they are placed.
        var work: [(node: Int, left: Double, top: Double, done: Bool)] = []
        var left = Self.margin
        for r in roots {
            work.insert((r, left, Self.margin, false), at: 0)
            left += sizes[r]!.w + Self.hGap * 2
        }

        while let item = work.popLast() {
            let n = item.node, size = sizes[n]!, c = kids[n] ?? [], top = item.top
            maxY = max(maxY, top + size.h)
            if c.isEmpty {
                placed[n] = Box(node: n, x: item.left + (size.w - W) / 2, y: top)
                continue
            }
            if size.columns == 1 {
                // A single stack: the trunk drops from the parent's left part, each leaf hangs off it.
                placed[n] = Box(node: n, x: item.left, y: top)
                let trunkX = item.left + Self.stackIndent / 2
                var y = top + H + Self.stackGap
                for child in c {
                    placed[child] = Box(node: child, x: item.left + Self.stackIndent, y: y)
                    edges.append(Edge(from: n, to: child, points: [(trunkX, top + H), (trunkX, y + H / 2), (item.left + Self.stackIndent, y + H / 2)]))
                    y += H + Self.stackGap
                }
                continue
            }
            if size.columns > 1 {
                // Several stacks under a bar: the parent is centred over the columns.
                let columnWidth = W + Self.stackIndent
                let center = item.left + size.w / 2
                placed[n] = Box(node: n, x: center - W / 2, y: top)
                let barY = top + H + Self.vGap / 2
                let rows = (c.count + size.columns - 1) / size.columns
                for (i, child) in c.enumerated() {
                    let column = i / rows, row = i % rows
                    let columnLeft = item.left + (size.w - (Double(size.columns) * columnWidth + Double(size.columns - 1) * Self.hGap)) / 2
                        + Double(column) * (columnWidth + Self.hGap)
                    let x = columnLeft + Self.stackIndent, y = top + H + Self.vGap + Double(row) * (H + Self.stackGap)
                    placed[child] = Box(node: child, x: x, y: y)
                    let trunkX = columnLeft + Self.stackIndent / 2
                    edges.append(Edge(from: n, to: child, points: [(center, top + H), (center, barY), (trunkX, barY), (trunkX, y + H / 2), (x, y + H / 2)]))
                }
                continue
            }
            if item.done {
                // Children are placed: centre the parent over the first and last child and draw the bus.
                let anchors = c.map { placed[$0]!.x + W / 2 }
                let center = (anchors.first! + anchors.last!) / 2
                placed[n] = Box(node: n, x: center - W / 2, y: top)
                let midY = top + H + Self.vGap / 2, childTop = top + H + Self.vGap
                for (child, ax) in zip(c, anchors) {
                    edges.append(Edge(from: n, to: child, points: [(center, top + H), (center, midY), (ax, midY), (ax, childTop)]))
                }
                continue
            }
            let childrenWidth = c.reduce(0.0) { $0 + sizes[$1]!.w } + Self.hGap * Double(c.count - 1)
            var cx = item.left + (size.w - childrenWidth) / 2
            var childItems: [(node: Int, left: Double, top: Double, done: Bool)] = []
            for child in c {
                childItems.append((child, cx, top + H + Self.vGap, false))
                cx += sizes[child]!.w + Self.hGap
            }
            work.append((n, item.left, top, true))
            work += childItems.reversed()
        }

        // Edges in pre-order of their parent, then child order, whatever order placement finished in.
        var edgeIndex: [Int: Int] = [:]
        for (i, e) in edges.enumerated() { edgeIndex[e.to] = i }
        self.edges = order.compactMap { edgeIndex[$0].map { edges[$0] } }
        boxes = order.map { placed[$0]! }
        for (i, b) in boxes.enumerated() { boxIndex[b.node] = i }
        width = max(W + 2 * Self.margin, left - Self.hGap * 2 + Self.margin)
        height = maxY + Self.margin
    }

    package func box(for node: Int) -> Box? { boxIndex[node].map { boxes[$0] } }

    /// The box a node hangs from in the drawing.
    package func parent(of node: Int) -> Int? { parents[node] }
}
