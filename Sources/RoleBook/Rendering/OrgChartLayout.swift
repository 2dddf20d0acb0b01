/// A tidy tree layout for org charts, linear in the number of boxes.
///
/// Children are laid out side by side under their parent, and the parent is centred over
/// them; a parent whose children are all leaves stacks them vertically instead, so a
/// manager with twelve reports stays narrow enough to read.
public struct OrgChartLayout: Sendable {
    public struct Box: Hashable, Sendable {
        public var node: Int
        public var x: Double
        public var y: Double
    }

    public struct Edge: Hashable, Sendable {
        public var from: Int
        public var to: Int
        /// Polyline points from the parent's box to the child's box.
        public var points: [(Double, Double)]

        public static func == (a: Edge, b: Edge) -> Bool {
            a.from == b.from && a.to == b.to && a.points.elementsEqual(b.points) { $0 == $1 }
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(from); hasher.combine(to) }
    }

    public static let boxWidth = 176.0
    public static let boxHeight = 58.0
    static let hGap = 20.0
    static let vGap = 44.0
    static let stackIndent = 28.0
    static let stackGap = 12.0
    static let margin = 12.0

    public var boxes: [Box] = []
    public var edges: [Edge] = []
    public var width = 0.0
    public var height = 0.0

    /// - Parameters:
    ///   - roots: the top boxes, left to right.
    ///   - children: each box's children, in order (must form a forest).
    public init(roots: [Int], children: (Int) -> [Int]) {
        var sizes: [Int: (w: Double, h: Double, stacked: Bool)] = [:]
        // Post-order sizes, iteratively so deep charts cannot overflow the stack.
        var order: [Int] = []
        var kids: [Int: [Int]] = [:]
        var claimed = Set(roots)
        var stack = Array(roots.reversed())
        while let n = stack.popLast() {
            order.append(n)
            // Each box belongs to the first parent that reaches it, so the drawing is always a forest.
            let c = children(n).filter { claimed.insert($0).inserted }
            kids[n] = c
            stack += c.reversed()
        }
        for n in order.reversed() {
            let c = kids[n] ?? []
            if c.isEmpty { sizes[n] = (Self.boxWidth, Self.boxHeight, false); continue }
            let allLeaves = c.allSatisfy { (kids[$0] ?? []).isEmpty }
            if allLeaves && c.count >= 3 {
                let h = Self.boxHeight + Double(c.count) * (Self.boxHeight + Self.stackGap)
                sizes[n] = (Self.boxWidth + Self.stackIndent, h, true)
            } else {
                let w = c.reduce(0.0) { $0 + (sizes[$1]?.w ?? Self.boxWidth) } + Self.hGap * Double(c.count - 1)
                let h = Self.boxHeight + Self.vGap + (c.map { sizes[$0]?.h ?? Self.boxHeight }.max() ?? 0)
                sizes[n] = (max(Self.boxWidth, w), h, false)
            }
        }

        // Pre-order placement.
        var x = Self.margin
        var maxY = 0.0
        var placed: [Int: Box] = [:]
        func place(_ n: Int, left: Double, top: Double) {
            let size = sizes[n]!
            let c = kids[n] ?? []
            if size.stacked {
                placed[n] = Box(node: n, x: left, y: top)
                var y = top + Self.boxHeight + Self.stackGap
                let trunkX = left + Self.stackIndent / 2
                for child in c {
                    placed[child] = Box(node: child, x: left + Self.stackIndent, y: y)
                    edges.append(Edge(from: n, to: child, points: [(trunkX, top + Self.boxHeight), (trunkX, y + Self.boxHeight / 2), (left + Self.stackIndent, y + Self.boxHeight / 2)]))
                    maxY = max(maxY, y + Self.boxHeight)
                    y += Self.boxHeight + Self.stackGap
                }
                return
            }
            let childrenWidth = c.reduce(0.0) { $0 + sizes[$1]!.w } + Self.hGap * Double(max(0, c.count - 1))
            var cx = left + (size.w - childrenWidth) / 2
            let childTop = top + Self.boxHeight + Self.vGap
            var anchors: [Double] = []
            for child in c {
                place(child, left: cx, top: childTop)
                anchors.append(placed[child]!.x + Self.boxWidth / 2)
                cx += sizes[child]!.w + Self.hGap
            }
            let center = anchors.isEmpty ? left + size.w / 2 : (anchors.first! + anchors.last!) / 2
            placed[n] = Box(node: n, x: center - Self.boxWidth / 2, y: top)
            maxY = max(maxY, top + Self.boxHeight)
            let midY = top + Self.boxHeight + Self.vGap / 2
            for (child, ax) in zip(c, anchors) {
                edges.append(Edge(from: n, to: child, points: [(center, top + Self.boxHeight), (center, midY), (ax, midY), (ax, childTop)]))
            }
        }
        for r in roots {
            place(r, left: x, top: Self.margin)
            x += sizes[r]!.w + Self.hGap * 2
        }
        boxes = order.compactMap { placed[$0] }
        width = max(Self.boxWidth, x - Self.hGap * 2 + Self.margin)
        height = maxY + Self.margin
    }

    public func box(for node: Int) -> Box? { boxes.first { $0.node == node } }
}
