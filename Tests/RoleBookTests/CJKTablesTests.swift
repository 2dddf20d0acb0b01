import Foundation
import Testing
@testable import RoleBook

/// The generated ``CJKTables`` must agree with ICU, so regenerate them (`make tables`) when Foundation's ICU changes.
struct CJKTablesTests {
    static let block: String = {
        var scalars = String.UnicodeScalarView()
        for value: UInt32 in 0x4E00...0x9FFF { scalars.append(Unicode.Scalar(value)!) }
        return String(scalars)
    }()

    @Test func simplifiedTableMatchesICU() throws {
        let icu = try #require(Self.block.applyingTransform(StringTransform("Traditional-Simplified"), reverse: false))
        #expect(CJKFolding.shared.simplify(Self.block) == icu)
        #expect(CJKFolding.shared.simplify("經理與員工") == "经理与员工")
    }

    @Test func pinyinTableMatchesICU() throws {
        let icu = try #require(Self.block.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false))
            .split(separator: " ").map { $0.lowercased() }
        let ours = Self.block.unicodeScalars.map { CJKFolding.shared.pinyin($0) ?? "" }
        #expect(ours.count == icu.count)
        let mismatches = zip(ours, icu).filter { $0 != $1 }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
        #expect(CJKFolding.shared.pinyinSyllables("客服经理") == ["ke", "fu", "jing", "li"])
    }
}
