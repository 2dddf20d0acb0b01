/// Maps `##` heading text to a ``SectionKind``, in Chinese (both scripts) and English.
public struct SectionVocabulary: Sendable {
    private var table: [String: SectionKind]

    public static let builtIn: [SectionKind: [String]] = [
        .summary: ["职责概述", "职位概要", "岗位概述", "岗位目的", "工作概述", "岗位概要", "职位概述", "概述", "summary", "purpose", "overview"],
        .responsibilities: ["岗位职责", "职责描述", "工作职责", "具体工作职责", "主要职责", "工作内容", "职责", "职责细则", "岗位职责与工作内容", "responsibilities", "duties and responsibilities", "key responsibilities"],
        .qualifications: ["任职资格", "任职要求", "任职条件", "岗位要求", "资格要求", "岗位资格", "requirements", "qualifications"],
        .kpis: ["考核指标", "岗位考核指标", "绩效指标", "工作目标", "考核标准", "重点考核", "kpi", "kpis", "performance", "performance indicators"],
        .authority: ["工作权限", "岗位权限", "权限", "权责", "authority", "authorities"],
        .hours: ["工作时间", "工作时间安排", "工作时间与休息安排", "working hours", "hours"],
        .standards: ["工作标准", "服务标准", "工作要求", "standards"],
        .relations: ["工作关系", "沟通渠道", "内外部关系", "工作协作", "relationships", "relations"],
        .duties: ["部门职责", "部门职能", "主要职能", "department duties", "functions"],
        .routine: ["日常工作", "每日工作", "日常工作流程", "daily routine", "routine"],
    ]

    /// - Parameter extra: headings from `rolebook.yml`'s `sections:` added to the built-in ones.
    public init(extra: [SectionKind: [String]] = [:]) {
        var table: [String: SectionKind] = [:]
        for (kind, headings) in Self.builtIn.merging(extra, uniquingKeysWith: +) {
            for heading in headings { table[Self.normalize(heading)] = kind }
        }
        self.table = table
    }

    public func kind(of heading: String) -> SectionKind {
        table[Self.normalize(heading)] ?? .other
    }

    /// Drops numbering (`一、`, `1.`, `（二）`, `第三条`), a trailing colon and spaces; folds case and script.
    static func normalize(_ heading: String) -> String {
        var s = Substring(heading.trimmingSpaces)
        let numerals = Set("0123456789一二三四五六七八九十百零〇ABCDEFGHIVXabcdefghivx")
        // `（一）` / `(1)`
        if let f = s.first, f == "(" || f == "（", let close = s.firstIndex(where: { $0 == ")" || $0 == "）" }),
           s[s.index(after: s.startIndex)..<close].allSatisfy({ numerals.contains($0) }) {
            s = s[s.index(after: close)...]
        }
        // `第三条` / `第一部分`
        if s.first == "第", let end = s.firstIndex(where: { "章条节部篇".contains($0) }),
           s[s.index(after: s.startIndex)..<end].allSatisfy({ numerals.contains($0) }) {
            s = s[s.index(after: end)...]
            if s.hasPrefix("分") { s = s.dropFirst() }
        }
        // `1.` `一、` `2.1`
        let prefix = s.prefix { numerals.contains($0) || $0 == "." }
        if !prefix.isEmpty, let next = s.dropFirst(prefix.count).first, "、.．) ）:：".contains(next) || prefix.last == "." {
            s = s.dropFirst(prefix.count)
            s = s.drop { "、.．) ）".contains($0) }
        }
        var out = s.trimmingSpaces
        while let last = out.last, ":：".contains(last) { out.removeLast() }
        return CJKFolding.shared.simplify(out.trimmingSpaces).lowercased()
    }
}
