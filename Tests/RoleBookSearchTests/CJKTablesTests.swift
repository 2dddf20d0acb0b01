import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookSearch
import RoleBookTestSupport

/// The generated ``CJKTables`` must agree with ICU, so regenerate them (`make tables`) when Foundation's ICU changes.
@Suite(.offPool)
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

    /// The A–Z sort key is the syllables joined by spaces, words and digits lower-cased between them.
    @Test func pinyinKeyIsTheSyllablesJoined() {
        for title in ["客服经理", "IT支持工程师", "HR BP（人力資源）", "3D設計師-Level2", "", "—", "Ünïcode 主管"] {
            #expect(CJKFolding.shared.pinyinKey(title) == CJKFolding.shared.pinyinSyllables(title).joined(separator: " "), "\(title)")
        }
        #expect(CJKFolding.shared.pinyinKey("IT支持") == "it zhi chi")
    }
}

/// The fast normalization path must give exactly what NFKC + lowercase + folding gives.
struct NormalizeFastPathTests {
    static func general(_ text: String) -> String {
        String(String.UnicodeScalarView(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.map { CJKFolding.shared.simplify($0) }))
    }

    @Test func fullWidthAndPunctuationAgreeWithNFKC() throws {
        var samples = (0xFF01...0xFF5E).map { String(Unicode.Scalar($0)!) }
        samples += (UInt32(0)...0xFFFF).filter { SearchTokenizer.isStablePunctuation($0) }.map { String(Unicode.Scalar($0)!) }
        samples += ["客服經理（KF－０１）：负责《前台》接待、收银。", "Front Desk\u{3000}RECEPTIONIST", "營運總監·運營督導——“出品”"]
        for text in samples {
            let fast = try #require(SearchTokenizer.normalizeCommon(text), "fast path refused \(text)")
            #expect(fast == Self.general(text), "\(text)")
        }
    }

    @Test func otherScriptsTakeTheGeneralPath() {
        #expect(SearchTokenizer.normalizeCommon("café") == nil)
        #expect(SearchTokenizer.normalizeCommon("\u{F900}") == nil)   // compatibility ideograph
        #expect(SearchTokenizer.normalize("Café…") == Self.general("Café…"))
    }
}
