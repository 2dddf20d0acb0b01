import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The encodings `rolebook import` reads plain text in, and `check` recognises in a content file
/// that is not UTF-8 (RB001 names it).
package enum SourceEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
    case big5
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Accepts the usual spellings (`UTF8`, `gbk`, `gb2312`, `big-5`, `utf16le`).
    package init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "big5", "cp950": self = .big5
        case "utf16le", "utf16": self = .utf16le
        case "utf16be": self = .utf16be
        default: return nil
        }
    }

    /// The name HR knows it by, in messages: Chinese Windows calls GB18030 files "GBK".
    package var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GBK"
        case .big5: "Big5"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        }
    }

    /// The name iconv knows it by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .big5: "BIG5"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        }
    }
}

/// Text decoded from a file, with how it was decoded.
package struct DecodedText: Sendable, Equatable {
    package var text: String
    package var encoding: SourceEncoding
    package var hadByteOrderMark: Bool
}

/// Decodes the bytes of a text file: byte order marks first, then UTF-8, then GB18030 or Big5,
/// whichever reads as more common Chinese.
///
/// Foundation on Linux has no Big5 and only partial GB support, so everything but UTF-8 goes
/// through iconv from the C library.
package enum TextDecoding {
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case undecodable(SourceEncoding)
        case unknown

        package var description: String {
            switch self {
            case .undecodable(let e): "the bytes are not valid \(e.rawValue)"
            case .unknown: "the encoding is none of UTF-8, UTF-16 (with a byte order mark), GB18030/GBK or Big5; pass --encoding"
            }
        }
    }

    package static func decode(_ bytes: [UInt8], forcing forced: SourceEncoding? = nil) throws -> DecodedText {
        let bom = byteOrderMark(bytes)
        if let forced {
            var body = bytes[...]
            if let bom, bom.encoding == forced { body = bytes.dropFirst(bom.length) }
            guard let text = convert(Array(body), from: forced) else { throw Failure.undecodable(forced) }
            return DecodedText(text: text, encoding: forced, hadByteOrderMark: bom?.encoding == forced)
        }
        if let bom {
            guard let text = convert(Array(bytes.dropFirst(bom.length)), from: bom.encoding) else {
                throw Failure.undecodable(bom.encoding)
            }
            return DecodedText(text: text, encoding: bom.encoding, hadByteOrderMark: true)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: .utf8, hadByteOrderMark: false)
        }
        // Both legacy encodings accept most byte sequences: pick the reading with more
        // frequent characters (a GBK file read as Big5 is full of rare ideographs and errors).
        let candidates = [SourceEncoding.gb18030, .big5].compactMap { e in convert(bytes, from: e).map { (e, $0) } }
        guard let best = candidates.max(by: { commonness($0.1) < commonness($1.1) }) else { throw Failure.unknown }
        return DecodedText(text: best.1, encoding: best.0, hadByteOrderMark: false)
    }

    /// For RB001: the legacy Chinese encoding that bytes which are not UTF-8 were saved in, when
    /// they read as Chinese in it at all (broken UTF-8 usually reads as neither).
    package static func legacyEncoding(of bytes: [UInt8]) -> SourceEncoding? {
        guard let decoded = try? decode(bytes), decoded.encoding == .gb18030 || decoded.encoding == .big5,
              commonness(decoded.text) > 0 else { return nil }
        return decoded.encoding
    }

    static func byteOrderMark(_ b: [UInt8]) -> (encoding: SourceEncoding, length: Int)? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if b.starts(with: [0xFF, 0xFE]) { return (.utf16le, 2) }
        if b.starts(with: [0xFE, 0xFF]) { return (.utf16be, 2) }
        return nil
    }

    /// How much of the text is characters that office documents use all the time.
    static func commonness(_ text: String) -> Int {
        // Punctuation and characters of job descriptions in both scripts.
        let common: Set<Character> = Set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍們個會經與職務責這為對業門關實發時處從應當進總長開問題員負責崗位職責")
        return text.reduce(0) { $0 + (common.contains($1) ? 1 : ($1 == "\u{FFFD}" ? -8 : 0)) }
    }

    /// iconv conversion to UTF-8; nil when the input is not valid in `encoding`.
    static func convert(_ bytes: [UInt8], from encoding: SourceEncoding) -> String? {
        if encoding == .utf8 { return String(validating: bytes, as: UTF8.self) }
        if bytes.isEmpty { return "" }
        let cd = iconv_open("UTF-8", encoding.iconvName)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        // UTF-8 takes at most twice the bytes of GB18030, Big5 or UTF-16 (3 bytes for a 2-byte character).
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard result != -1 || inLeft == 0 else { return false }
                written = outBuf.count - outLeft
                return inLeft == 0
            }
        }
        guard ok else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
