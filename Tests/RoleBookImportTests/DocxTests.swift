import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookImport

@Suite struct DocxTests {
    @Test func formTableMergedCellsAndWordNumbering() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("quality.docx")
        try SampleDocx.write(to: url)
        let lines = try DocxReader.lines(Data(contentsOf: url)).map(\.text)
        // Labels and values cell by cell; the vertically merged label read once; the line break
        // splits the cell; Word's numbers written out per level.
        #expect(lines == [
            "岗位说明书-质检员",
            "岗位名称", "质检员", "所属部门", "质量部",
            "直接上级", "质量经理",
            "岗位职责", "抽检来料；", "填写检验记录；",
            "隔离并上报不合格品。",
            "任职资格",
            "1、大专以上学历", "2、两年以上质检经验", "①熟悉抽样标准", "②会用卡尺", "3、责任心强",
        ])

        let document = Importer.read(path: url.path, name: "quality.docx", options: ImportOptions())
        let p = Importer.plan([document], options: ImportOptions())
        #expect(p.roles.map(\.title) == ["质检员"])
        let file = try #require(roleFile(p, "zhijianyuan"))
        #expect(file == """
        ---
        title: "质检员"
        department: zhiliangbu
        reports_to: "质量经理"
        ---

        ## 岗位职责

        - 抽检来料；
        - 填写检验记录；
        - 隔离并上报不合格品。

        ## 任职资格

        - 大专以上学历
        - 两年以上质检经验
          - 熟悉抽样标准
          - 会用卡尺
        - 责任心强

        """)
        try expectGolden(ImportReport.render(p, written: p.files.map(\.path), kept: [], checkSummary: nil), "docx-report.md")
    }

    @Test func notAZipArchive() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.docx")
        try Data("plain text".utf8).write(to: url)
        let document = Importer.read(path: url.path, name: "broken.docx", options: ImportOptions())
        #expect(document.unreadable)
        #expect(document.notes.first?.message == "not a readable .docx: not a ZIP archive")
    }

    @Test func numberFormats() {
        #expect(NumberingDefinitions.format(12, as: "chineseCounting") == "十二")
        #expect(NumberingDefinitions.format(20, as: "chineseCounting") == "二十")
        #expect(NumberingDefinitions.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(NumberingDefinitions.format(2, as: "lowerLetter") == "b")
        #expect(NumberingDefinitions.format(4, as: "upperRoman") == "IV")
    }
}
