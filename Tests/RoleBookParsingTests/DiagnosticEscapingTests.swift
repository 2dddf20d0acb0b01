import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Issue 12: content reaches diagnostics (ids, quoted values, file names), so control characters
/// in it must not act on the terminal or the CI log that shows them.
@Suite("Escaping control characters in diagnostics")
struct DiagnosticEscapingTests {
    /// A title sequence (ESC ] 0 ; … BEL), a colour, CR, a fake diagnostic after LF and after
    /// U+2028, a C1 CSI, DEL and a right-to-left override.
    static let hostile = "a\u{1B}]0;pwned\u{07}b\u{1B}[31mc\rd\ncontent/x.md:1:1: error[RB001]: fake\u{2028}e\u{9B}f\u{7F}g\u{202E}h\ti"
    static let escaped = "a\\u{1B}]0;pwned\\u{7}b\\u{1B}[31mc\\rd\\ncontent/x.md:1:1: error[RB001]: fake\\u{2028}e\\u{9B}f\\u{7F}g\\u{202E}h\\ti"

    static let diagnostic = Diagnostic(.unknownReference, "'reports_to' names unknown role '\(hostile)'",
                                       at: contentLoc("roles/\u{1B}[2Jclerk.md", 4, 13),
                                       notes: [Diagnostic.Note("did you mean '\(hostile)'?", at: contentLoc("roles/m\u{85}.md", 1, 1))])

    /// Characters that act on a terminal or split a line.
    static func hasUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && DiagnosticFormatter.isUnsafe($0) }
    }

    @Test("the escaping: C0, DEL, C1, separators and bidirectional controls written out; everything else as it is")
    func escaping() {
        #expect(DiagnosticFormatter.escaped(Self.hostile) == Self.escaped)
        for plain in ["运营经理", "‘引号’ — “破折号” … ·", "Ärger «x» café", "العربية", "", "C:\\path"] {
            #expect(DiagnosticFormatter.escaped(plain) == plain)
        }
        for scalar in [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x2029, 0x80, 0x9F, 0x00] {
            let text = String(Unicode.Scalar(UInt32(scalar))!)
            #expect(DiagnosticFormatter.escaped(text) == "\\u{\(String(scalar, radix: 16, uppercase: true))}")
        }
    }

    @Test("text: one line per diagnostic and per note, nothing a terminal acts on")
    func text() {
        let report = DiagnosticFormatter(format: .text).report([Self.diagnostic], fileCount: 1)
        #expect(report == """
            content/roles/\\u{1B}[2Jclerk.md:4:13: error[RB101]: 'reports_to' names unknown role '\(Self.escaped)'
                content/roles/m\\u{85}.md:1:1: note: did you mean '\(Self.escaped)'?
            checked 1 file: 1 error, 0 warnings

            """)
        #expect(!Self.hasUnsafe(report))
    }

    @Test("github: the only line breaks are the %0A between message and notes")
    func github() {
        let report = DiagnosticFormatter(format: .github).report([Self.diagnostic], fileCount: 1)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty, "\(lines)")
        #expect(lines[0].hasPrefix("::error file=content/roles/\\u{1B}[2Jclerk.md,line=4,col=13,title=RB101::"))
        #expect(lines[0].components(separatedBy: "%0A").count == 2)
        #expect(!Self.hasUnsafe(report))
    }

    @Test("json: still valid JSON holding the original text, with nothing raw a terminal acts on")
    func json() throws {
        let report = DiagnosticFormatter(format: .json).report([Self.diagnostic], fileCount: 1)
        #expect(!Self.hasUnsafe(report))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let item = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(item["message"] as? String == Self.diagnostic.message)
        #expect(item["file"] as? String == Self.diagnostic.location.file)
        let note = try #require((item["notes"] as? [[String: Any]])?.first)
        #expect(note["message"] as? String == Self.diagnostic.notes[0].message)
        #expect(note["file"] as? String == "content/roles/m\u{85}.md")
    }

    @Test("from content to the printed line: an id with a terminal title sequence")
    func fromContent() throws {
        let tree = RuleFixtures.base.with([
            "roles/clerk.md": RuleFixtures.role("id: \"a\\e]0;pwned\\ab\"\ntitle: 店员\ndepartment: ops\nreports_to: \"x\\ry\\u2028z\""),
        ])
        let result = try runCheck(tree)
        #expect(result.diagnostics.contains { $0.message.contains("\u{1B}]0;pwned\u{07}") })
        #expect(result.diagnosticLines.contains("content/roles/clerk.md:2:5: error[RB006]: id 'a\\u{1B}]0;pwned\\u{7}b' contains '\\u{1B}'"))
        #expect(result.diagnosticLines.contains("content/roles/clerk.md:5:13: error[RB101]: 'reports_to' names unknown role 'x\\ry\\u{2028}z'"))
        #expect(!Self.hasUnsafe(result.rendered))
    }
}
