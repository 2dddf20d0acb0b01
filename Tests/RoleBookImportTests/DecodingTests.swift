import Foundation
import Testing
@testable import RoleBookImport
@testable import RoleBookParsing

@Suite struct DecodingTests {
    @Test(arguments: [
        ("jd-utf8.txt", SourceEncoding.utf8, false, "岗位名称"),
        ("jd-utf8-bom.txt", .utf8, true, "岗位名称"),
        ("jd-gb18030.txt", .gb18030, false, "岗位名称"),
        ("jd-big5.txt", .big5, false, "崗位名稱"),
        ("jd-utf16le.txt", .utf16le, true, "岗位名称"),
        ("jd-utf16be.txt", .utf16be, true, "崗位名稱"),
    ])
    func detects(file: String, encoding: SourceEncoding, bom: Bool, start: String) throws {
        let bytes = [UInt8](try Data(contentsOf: fixture("encodings/" + file)))
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == encoding)
        #expect(decoded.hadByteOrderMark == bom)
        #expect(decoded.text.hasPrefix(start))
        #expect(decoded.text.contains("入库验收") || decoded.text.contains("入庫驗收"))
    }

    @Test func forcedEncodingWins() throws {
        let bytes = [UInt8](try Data(contentsOf: fixture("encodings/jd-big5.txt")))
        #expect(try TextDecoding.decode(bytes, forcing: .big5).text.hasPrefix("崗位名稱"))
        // UTF-8 forced on GB bytes is an error, not mojibake.
        let gb = [UInt8](try Data(contentsOf: fixture("encodings/jd-gb18030.txt")))
        #expect(throws: TextDecoding.Failure.undecodable(.utf8)) { try TextDecoding.decode(gb, forcing: .utf8) }
    }

    @Test func encodingNames() {
        #expect(SourceEncoding(name: "GBK") == .gb18030)
        #expect(SourceEncoding(name: "big-5") == .big5)
        #expect(SourceEncoding(name: "UTF-16LE") == .utf16le)
        #expect(SourceEncoding(name: "latin1") == nil)
    }

    @Test func everyEncodingImportsTheSameRole() {
        for file in ["jd-utf8.txt", "jd-utf8-bom.txt", "jd-gb18030.txt", "jd-big5.txt", "jd-utf16le.txt", "jd-utf16be.txt"] {
            let p = plan(["encodings/" + file])
            #expect(p.roles.count == 1, "\(file)")
            #expect(p.roles.first?.responsibilities == 2, "\(file)")
            #expect(p.roles.first.map { ["仓库管理员", "倉庫管理員"].contains($0.title) } == true, "\(file)")
            #expect(p.roles.first?.id == "cangkuguanliyuan", "\(file)")
        }
    }
}
