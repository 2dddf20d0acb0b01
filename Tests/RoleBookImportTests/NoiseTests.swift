import Foundation
import Testing
@testable import RoleBookImport

@Suite struct NoiseTests {
    @Test func pinyinInBrackets() {
        #expect(NoiseFilter.removingPinyin("千文網(wǎng)小編").0 == "千文網小編")
        #expect(NoiseFilter.removingPinyin("業(yè)務運營戰(zhàn)略").0 == "業務運營戰略")
        // Brackets that are text stay.
        #expect(NoiseFilter.removingPinyin("物业管理员(巡楼)").0 == "物业管理员(巡楼)")
        #expect(NoiseFilter.removingPinyin("客服(VIP)经理").0 == "客服(VIP)经理")
    }

    @Test func pageNumbers() {
        for line in ["- 3 -", "— 12 —", "第 3 页 共 5 页", "第3页", "共5页", "页数:共3页", "Page 2 of 9"] {
            #expect(NoiseFilter.isPageNumber(line), "\(line)")
        }
        for line in ["3、负责盘点", "第三篇:营运部", "每周3次"] {
            #expect(!NoiseFilter.isPageNumber(line), "\(line)")
        }
        #expect(NoiseFilter.removingInlinePageNumbers("做好交接。 第 2 页 共 5 页").0 == "做好交接。")
    }

    @Test func convertersLineNumbersAreRejoined() throws {
        let lines = ["1、商场前台岗位职责 一、日常工作1、开启背景音", "2、乐；2、保管钥", "3、匙。", "4、二、仪容", "5、仪表"].enumerated()
            .map { SourceLine($0.element, line: $0.offset + 1) }
        let joined = NoiseFilter.rejoiningNumberedLines(lines)
        #expect(joined?.map(\.text) == ["商场前台岗位职责 一、日常工作1、开启背景音乐；2、保管钥匙。二、仪容仪表"])
        // Each source line's start is kept: a piece cut from the joined text knows its real line and column.
        let line = try #require(joined?.first)
        #expect(line.origins.map(\.line) == [1, 2, 3, 4, 5])
        #expect(line.origins.map(\.offset) == [0, 22, 29, 31, 35])
        #expect(line.origins.allSatisfy { $0.column == 5 })
        // `保管钥` starts line 2 after `2、乐；2、` (4 + 3 + 3 + 4 bytes).
        #expect(line.position(at: 26) == (2, 15))
        #expect(line.piece("匙。二、仪容仪表", at: 29).origins.map(\.line) == [4, 5])
        #expect(line.suffix("仪表").line == 5)
    }

    @Test func columnsCountTheRemovedPinyin() throws {
        let (lines, _) = NoiseFilter().clean([SourceLine("直屬上級:事業(yè)部總經(jīng)理", line: 7)], file: "x")
        #expect(lines.map(\.text) == ["直屬上級:事業部總經理"])
        // `部` follows `直屬上級:事業(yè)` in the source: 12 + 1 + 3 + 3 + 5 bytes.
        let value = lines[0].suffix("部總經理")
        #expect(value.line == 7 && value.column == 25)
    }

    @Test func rejoinedFileReportsRealLines() throws {
        let p = plan(["noise/numbered.txt"])
        let lines = p.notes.filter { $0.kind != .noise }.map { "\($0.line):\($0.column ?? 1)" }
        #expect(!lines.isEmpty)
        #expect(!p.notes.filter { $0.kind != .noise }.allSatisfy { $0.line == 1 })
        #expect(p.notes.contains { $0.message.hasPrefix("'理货员' →") && $0.line == 3 && $0.column == 38 }, "\(lines)")
    }

    @Test func scrapedFileIsCleanedAndReported() throws {
        let p = plan(["noise/scraped.txt"])
        #expect(p.roles.map(\.title) == ["收銀員"])
        let file = try #require(roleFile(p, "shouyinyuan"))
        #expect(file.contains("- 負責收銀工作，保證賬目準確；\n- 做好交接班記錄。\n"))
        let noise = p.notes.filter { $0.kind == .noise }.map(\.message)
        #expect(noise.contains { $0.hasPrefix("site boilerplate dropped") })
        #expect(noise.contains { $0.hasPrefix("pinyin in brackets dropped") })
        #expect(noise.filter { $0.hasPrefix("page number dropped") }.count == 2)
        #expect(noise.contains { $0.hasPrefix("repeated copy of '收銀員'") })
    }
}
