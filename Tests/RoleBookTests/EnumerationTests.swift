import Foundation
import Testing
@testable import RoleBook

/// Markers of Chinese office documents (`1、` `（一）` `①` `第一条` …) at the start of a line.
@Suite("Enumeration markers")
struct EnumerationMarkerTests {
    typealias Family = EnumerationMarker.Family

    @Test("every marker kind, full-width and half-width", arguments: [
        ("1、负责", Family.arabic, 1, 2), ("1.负责", .arabic, 1, 2), ("1. 负责", .arabic, 1, 3), ("1．负责", .arabic, 1, 2),
        ("1）负责", .arabic, 1, 2), ("1)负责", .arabic, 1, 2), ("１２、负责", .arabic, 12, 3), ("12、负责", .arabic, 12, 3),
        ("（1）负责", .parenArabic, 1, 3), ("(1)负责", .parenArabic, 1, 3), ("（1)负责", .parenArabic, 1, 3), ("(12) 负责", .parenArabic, 12, 5),
        ("①负责", .circled, 1, 1), ("⑩ 负责", .circled, 10, 2), ("⑳负责", .circled, 20, 1), ("⑴负责", .parenArabic, 1, 1), ("⒊负责", .arabic, 3, 1),
        ("一、外联", .chineseNumeral, 1, 2), ("十二、考核", .chineseNumeral, 12, 3), ("二十、考核", .chineseNumeral, 20, 3),
        ("一百零五、考核", .chineseNumeral, 105, 5), ("三．考核", .chineseNumeral, 3, 2),
        ("（一）前台", .parenChineseNumeral, 1, 3), ("(二)前台", .parenChineseNumeral, 2, 3), ("（十一）前台", .parenChineseNumeral, 11, 4),
        ("a)参与", .latinLower, 1, 2), ("a、参与", .latinLower, 1, 2), ("c.参与", .latinLower, 3, 2), ("b）参与", .latinLower, 2, 2),
        ("A)电话", .latinUpper, 1, 2), ("B、其它", .latinUpper, 2, 2), ("C. Other", .latinUpper, 3, 3),
        ("第一条 为了", .article, 1, 4), ("第十二条　为了", .article, 12, 5), ("第3条为了", .article, 3, 3),
    ])
    func markers(text: String, family: Family, ordinal: Int, length: Int) throws {
        let marker = try #require(Enumeration.marker(atStartOf: Substring(text)))
        #expect(marker.family == family)
        #expect(marker.ordinal == ordinal)
        #expect(marker.length == length)
    }

    @Test("leading spaces count in the length, so dropFirst(length) is the text")
    func leadingSpaces() throws {
        let text: Substring = "  \u{3000}② 参与项目工程例会"
        let marker = try #require(Enumeration.marker(atStartOf: text))
        #expect(marker.family == .circled && marker.ordinal == 2)
        #expect(text.dropFirst(marker.length) == "参与项目工程例会")
    }

    @Test("text that only looks like a marker", arguments: [
        "2024.1.1起执行", "3.5%的提成", "1.5倍工资", "2024.年度", "2024、年度", "1234）", "e.g. this", "a.m. shift",
        "十分重要", "一般要求", "二二、", "零、", "(a) letter", "(无)", "第条", "（）", "负责1、", "Hello", "", "1", "①", "(1", "I am",
    ])
    func notMarkers(text: String) {
        let marker = Enumeration.marker(atStartOf: Substring(text))
        // `①`, `1` alone: a lone circled number is a marker, a lone digit is not.
        if text == "①" { #expect(marker?.family == .circled) } else { #expect(marker == nil) }
    }

    @Test("Chinese numerals as documents write them", arguments: [
        ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("一十二", 12), ("二十", 20), ("九十九", 99), ("一百", 100), ("一百零五", 105),
        ("三百二十一", 321),
    ])
    func chineseNumerals(text: String, value: Int) {
        #expect(Enumeration.chineseValue(Substring(text)) == value)
    }

    @Test("runs of numerals that are not one number", arguments: ["十十", "二二", "零", "百", "一百十", "五零", "甲"])
    func notChineseNumerals(text: String) {
        #expect(Enumeration.chineseValue(Substring(text)) == nil)
    }
}

/// One line split into items: `①…；②…；③…`.
@Suite("Enumeration runs in one line")
struct EnumerationRunsTests {
    func runs(_ line: String) -> [(family: EnumerationMarker.Family, ordinal: Int, text: String, offset: Int)] {
        Enumeration.runs(inLine: Substring(line)).map { ($0.marker.family, $0.marker.ordinal, String($0.text), $0.offset) }
    }

    @Test("circled numbers run together, as in the seeds")
    func circled() {
        let r = runs("②参与公司客户关系管理,组织开展客户活动。③做好接待人员礼仪培训。④迎接陪同客户考察。")
        #expect(r.map(\.ordinal) == [2, 3, 4])
        #expect(r.map(\.text) == ["参与公司客户关系管理,组织开展客户活动。", "做好接待人员礼仪培训。", "迎接陪同客户考察。"])
        #expect(r.map(\.offset) == [0, 21, 33])
    }

    @Test("arabic numbers separated by semicolons keep their punctuation")
    func arabic() {
        let r = runs("1、制定计划；2、组织实施；3、检查结果。")
        #expect(r.map(\.text) == ["制定计划；", "组织实施；", "检查结果。"])
        #expect(r.allSatisfy { $0.family == .arabic })
    }

    @Test("latin letters after a space or a full stop")
    func latin() {
        let r = runs("b)负责策划市场调研工作; c)策划编制部门工作(质量)计划")
        #expect(r.map(\.ordinal) == [2, 3])
        #expect(r.map(\.text) == ["负责策划市场调研工作;", "策划编制部门工作(质量)计划"])
        #expect(r[1].offset == 14)
    }

    @Test("a line without a marker has no runs", arguments: ["负责收银。", "  ", "2024.1.1起①执行"])
    func none(line: String) {
        #expect(runs(line).isEmpty)
    }

    @Test("splits only at the next ordinal of the same family", arguments: [
        ("1、按第1条规定执行，提成3.5%，加班1.5倍", 1),
        ("1、负责12、13号柜台", 1),
        ("1、负责(2)号柜台", 1),
        ("①负责③号柜台", 1),
        ("一、分为一、二、三级", 1),
        ("第一条 依照第二条执行", 1),
        ("第一条 总则。第二条 职责。", 2),
        ("1、前台整理、清洁2、接待来访客人", 2),
        ("1、a2、b3、c", 3),
        ("a)see abc) and b) here", 2),
        ("(1)甲(2)乙(3)丙", 3),
        ("（一）甲（二）乙", 2),
    ])
    func sameFamilyNextOrdinal(line: String, count: Int) {
        #expect(runs(line).count == count)
    }

    @Test("offsets are Characters from the start of the line, after leading spaces")
    func offsets() {
        let r = runs("  ①甲；②乙")
        #expect(r.map(\.offset) == [2, 5])
        #expect(r.map(\.text) == ["甲；", "乙"])
    }
}
