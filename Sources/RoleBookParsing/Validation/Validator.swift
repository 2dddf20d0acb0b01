import RoleBookModel

/// One validation rule over the resolved graph.
package protocol Rule: Sendable {
    func check(_ graph: RoleGraph) -> [Diagnostic]
}

/// Runs every rule and returns all diagnostics, sorted.
package struct Validator: Sendable {
    package var rules: [any Rule]

    package static let standard: [any Rule] = [
        ReportingLineRule(), DirectReportsRule(), DepartmentStructureRule(), SpanAndDepthRule(),
        CrossDepartmentRule(), PositionsRule(), VacantWithReportsRule(), SectionContentRule(), ProcedureStepsRule(),
    ]

    package init(rules: [any Rule] = Validator.standard) { self.rules = rules }

    /// The rules run side by side (each reads the graph only), their diagnostics kept in rule order.
    package func validate(_ graph: RoleGraph) -> [Diagnostic] {
        rules.parallelMap { $0.check(graph) }.flatMap { $0 }
    }
}

/// Loads, resolves and validates a content folder in one call.
public struct Checker: Sendable {
    public var loader: ContentLoader

    public init(loader: ContentLoader) { self.loader = loader }

    public struct Result: Sendable {
        public var graph: RoleGraph
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        /// Wall time of loading, resolving and validating.
        public var timings = Stopwatch()
    }

    public func run() throws -> Result {
        var timings = Stopwatch()
        var content = try loader.load()
        timings.lap("load + parse")
        // The graph takes the entities over: no copy of each one, and none to release afterwards.
        let (graph, resolution) = GraphBuilder().build(taking: &content)
        timings.lap("graph")
        let all = content.diagnostics + resolution + Validator().validate(graph)
        timings.lap("validate")
        return Result(graph: graph, diagnostics: all.sorted(), fileCount: content.paths.count, timings: timings)
    }
}
