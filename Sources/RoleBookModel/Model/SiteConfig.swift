/// Settings from `rolebook.yml` at the content root.
public struct SiteConfig: Hashable, Sendable {
    public var title = "rolebook"
    public var organization: String?
    /// `zh-CN`, `zh-TW` or `en`.
    public var language = "zh-CN"
    public var exclude: [String] = []
    public var maxSpan = 12
    public var maxDepth = 8
    /// Accepted `validation.max_span` and `validation.max_depth` (documented in docs/content-format.md).
    public static let maxSpanRange = 1...10_000
    public static let maxDepthRange = 1...1_000
    public var extraSections: [SectionKind: [String]] = [:]

    public init() {}
}
