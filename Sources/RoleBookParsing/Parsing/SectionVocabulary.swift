import RoleBookModel

/// Maps `##` heading text to a ``SectionKind``, in Chinese (both scripts) and English.
package struct SectionVocabulary: Sendable {
    private var table: [String: SectionKind]
    /// The same keys by their UTF-8 bytes: a heading written exactly as a key is found without
    /// hashing a String (which normalises Unicode, most of the lookup's cost for CJK headings).
    private var exact: [UInt64: (key: String, kind: SectionKind)]

    /// Headings as the source job descriptions write them; docs/content-format.md lists them all.
    /// Traditional forms need no entries: headings are folded to simplified script before lookup.
    package static let builtIn: [SectionKind: [String]] = [
        .summary: ["职责概述", "职位概要", "岗位概述", "岗位目的", "工作概述", "岗位概要", "职位概述", "概述", "工作职责概述", "职责概要",
                   "职位描述", "工作大纲", "summary", "purpose", "overview"],
        .responsibilities: ["岗位职责", "职责描述", "工作职责", "具体工作职责", "主要职责", "工作内容", "职责", "职责细则", "岗位职责与工作内容",
                            "工作职责描述", "职责与任务", "responsibilities", "duties", "duties and responsibilities", "key responsibilities"],
        .qualifications: ["任职资格", "任职要求", "任职条件", "岗位要求", "资格要求", "岗位资格", "基本任职资格", "技能要求", "工作经验要求",
                           "基本素质要求", "requirements", "qualifications"],
        .kpis: ["考核指标", "岗位考核指标", "绩效指标", "工作目标", "考核标准", "重点考核", "岗位考核", "岗位考核与评估", "kpi", "kpis",
                "performance", "performance indicators"],
        .authority: ["工作权限", "岗位权限", "权限", "权责", "工作权责", "authority", "authorities"],
        .hours: ["工作时间", "工作时间安排", "工作时间与休息安排", "working hours", "hours"],
        .standards: ["工作标准", "服务标准", "工作要求", "standards"],
        .relations: ["工作关系", "沟通渠道", "内外部关系", "工作协作", "工作协调关系", "隶属关系", "架构关系", "相关联系部门",
                     "relationships", "relations"],
        .duties: ["部门职责", "部门职能", "主要职能", "department duties", "functions"],
        .routine: ["日常工作", "每日工作", "日常工作流程", "工作流程", "daily routine", "routine"],
    ]

    /// - Parameter extra: headings from `rolebook.yml`'s `sections:` added to the built-in ones.
    package init(extra: [SectionKind: [String]] = [:]) {
        var table: [String: SectionKind] = [:]
        for (kind, headings) in Self.builtIn.merging(extra, uniquingKeysWith: +) {
            for heading in headings { table[Self.normalize(heading)] = kind }
        }
        self.table = table
        var exact: [UInt64: (key: String, kind: SectionKind)] = [:]
        var collisions: Set<UInt64> = []
        for (key, kind) in table {
            let hash = Self.byteHash(key)
            if exact.updateValue((key, kind), forKey: hash) != nil { collisions.insert(hash) }
        }
        // Keys sharing a hash go through the String table.
        for hash in collisions { exact[hash] = nil }
        self.exact = exact
    }

    /// FNV-1a over the UTF-8 bytes.
    private static func byteHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    private static func byteHash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8(byteHash)
    }

    /// The kind of a heading whose bytes are exactly those of a key.
    private func exactKind(of heading: String) -> SectionKind? {
        var heading = heading
        return heading.withUTF8 { bytes -> SectionKind? in
            guard let hit = exact[Self.byteHash(bytes)] else { return nil }
            var key = hit.key
            return key.withUTF8 { $0.elementsEqual(bytes) } ? hit.kind : nil
        }
    }

    package func kind(of heading: String) -> SectionKind {
        // Equal bytes are equal Strings, and the table holds each key once.
        if let kind = exactKind(of: heading) { return kind }
        // Keys are normalized and normalizing is idempotent, so an exact hit needs no normalizing.
        if let kind = table[heading] { return kind }
        return table[Self.normalize(heading)] ?? .other
    }

    /// Drops numbering (`一、`, `1.`, `（二）`, `第三条`, `IV.`), a trailing colon and spaces; folds case and script.
    static func normalize(_ heading: String) -> String {
        var out = droppingNumbering(Substring(heading.trimmingSpaces)).trimmingSpaces
        while let last = out.last, ":：".contains(last) { out.removeLast() }
        return CJKFolding.shared.simplify(out.trimmingSpaces).lowercased()
    }

    private static let cjkNumerals = Set("一二三四五六七八九十百零〇两")
    /// Roman numerals I–XXXIX, upper and lower case: enough for any list of sections, and no common word.
    private static let romanNumerals: Set<Substring> = {
        let tens = ["", "X", "XX", "XXX"], units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        let upper = (1...39).map { tens[$0 / 10] + units[$0 % 10] }
        return Set((upper + upper.map { $0.lowercased() }).map { Substring($0) })
    }()

    private static func isSeparator(_ c: Character) -> Bool { "、.．)）:：".contains(c) || c.isWhitespace }
    private static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
    private static func isDot(_ c: Character) -> Bool { c == "." || c == "．" }

    /// Drops one leading numbering prefix. A Latin word counts only when it is a Roman numeral or a
    /// single letter followed by a separator, so "Civic duties" or "Bad Performance" keep their letters.
    static func droppingNumbering(_ heading: Substring) -> Substring {
        let s = heading
        guard let first = s.first else { return s }
        // `（一）` / `(1)` / `(iv)` / `(a)`
        if first == "(" || first == "（", let close = s.firstIndex(where: { $0 == ")" || $0 == "）" }) {
            let inside = s[s.index(after: s.startIndex)..<close]
            let isNumber = !inside.isEmpty && (inside.allSatisfy(isDigit) || inside.allSatisfy(cjkNumerals.contains)
                || romanNumerals.contains(inside) || (inside.count == 1 && inside.first!.isASCII && inside.first!.isLetter))
            return isNumber ? s[s.index(after: close)...].drop(while: isSeparator) : s
        }
        // `第三条` / `第一部分`
        if first == "第", let end = s.firstIndex(where: { "章条节部篇".contains($0) }) {
            let inside = s[s.index(after: s.startIndex)..<end]
            guard !inside.isEmpty, inside.allSatisfy({ isDigit($0) || cjkNumerals.contains($0) }) else { return s }
            var rest = s[s.index(after: end)...]
            if rest.hasPrefix("分") { rest = rest.dropFirst() }
            return rest.drop(while: isSeparator)
        }
        // `①` `⑴` `⒈` `Ⅳ`: characters that are numbers by themselves.
        if let scalar = first.unicodeScalars.first, first.unicodeScalars.count == 1,
           (0x2160...0x217F).contains(scalar.value) || (0x2460...0x249B).contains(scalar.value) {
            return s.dropFirst().drop(while: isSeparator)
        }
        // `1.` `1、` `2.1` `1.0客户服务` (a dotted number may run straight into CJK text)
        if isDigit(first) {
            let number = s.prefix { isDigit($0) || isDot($0) }
            let rest = s.dropFirst(number.count)
            guard let next = rest.first else { return s }
            if isDot(number.last!) || isSeparator(next) || (number.contains(where: isDot) && !next.isASCII) {
                return rest.drop(while: isSeparator)
            }
            return s
        }
        // `一、` `IV.` `II ` `A.`
        let word = s.prefix { !isSeparator($0) }
        let rest = s.dropFirst(word.count)
        guard let next = rest.first else { return s }
        if !word.isEmpty, word.allSatisfy(cjkNumerals.contains) || romanNumerals.contains(word)
            || (word.count == 1 && first.isASCII && first.isLetter && !next.isWhitespace) {
            return rest.drop(while: isSeparator)
        }
        return s
    }
}
