import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookBuild
@testable import RoleBookCLI
import RoleBookTestSupport

/// A procedure long enough to run over several A4 pages: 90 steps in three phases,
/// every 7th with sub-steps (one nested twice), every 5th with text that wraps, every 3rd timed, one with a very long word.
enum LongProcedure {
    static let id = "deep-clean"
    static let title = "门店月度深度清洁"

    struct Step {
        var text: String
        /// What the step is written with, and what the time column shows.
        var written: String?, label: String?
        var children: [Step] = []
    }

    static let filler = "，使用中性清洁剂擦拭台面、货架、玻璃与把手，重点处理顾客经常接触的位置，完成后用干布擦干并目视检查无水渍、无污垢、无遗漏，发现设施损坏时拍照记录并报店长安排维修"

    static let phases: [(heading: String, steps: [Step])] = ["准备", "清洁", "收尾"].enumerated().map { phase, heading in
        (heading, (1...30).map { k in step(phase * 30 + k) })
    }

    /// Step `n`: unique text (`检查点L007…`) so each can be found exactly once in the PDF text.
    static func step(_ n: Int) -> Step {
        let tag = "检查点L" + String(n).leftPadded(to: 3)
        var s = Step(text: tag + "清洁区域\(n)" + (n % 5 == 0 ? filler : "") + "。", written: nil, label: nil)
        // An unbreakable word must wrap inside the step column, not push the remarks column off the page.
        // (No full stop after it: pdftotext puts a lone CJK "。" on a line of its own.)
        if n == 44 { s.text += "设备编号" + String(repeating: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", count: 3) }
        if n % 3 == 0 {
            let start = 8 * 60 + n * 5, end = start + 15
            func hm(_ m: Int, colon: String = ":") -> String { String(m / 60).leftPadded(to: 2) + colon + String(m % 60).leftPadded(to: 2) }
            switch n % 9 {
            case 0: (s.written, s.label) = (hm(start) + "-" + hm(end), hm(start) + "–" + hm(end))
            case 3: (s.written, s.label) = (hm(start, colon: "："), hm(start))
            default: (s.written, s.label) = (hm(start) + "～" + hm(end), hm(start) + "–" + hm(end))
            }
        }
        if n % 7 == 0 {
            s.children = (1...2).map { Step(text: tag + "子项\($0)确认完成。", written: nil, label: nil) }
            if n == 14 { s.children[0].children = [Step(text: tag + "子项1细节已拍照存档。", written: nil, label: nil)] }
        }
        return s
    }

    static var markdown: String {
        var out = "---\ntitle: \(title)\nowner: store-manager\nroles: [cashier]\nfrequency: monthly\nversion: \"3.0\"\neffective: 2026-04-01\n---\n"
        func write(_ steps: [Step], indent: String, ordered: Bool) {
            for (i, step) in steps.enumerated() {
                let marker = ordered ? "\(i + 1). " : "- "
                out += indent + marker + (step.written.map { $0 + " " } ?? "") + step.text + "\n"
                write(step.children, indent: indent + String(repeating: " ", count: marker.count), ordered: false)
            }
        }
        for phase in phases {
            out += "\n## \(phase.heading)\n\n"
            write(phase.steps, indent: "", ordered: true)
        }
        return out
    }

    /// Every step with the number the sheet gives it: `1` … `90` through all phases, `14.1.1` below.
    static var numberedSteps: [(number: String, step: Step)] {
        func flatten(_ s: Step, _ number: String) -> [(number: String, step: Step)] {
            [(number, s)] + s.children.enumerated().flatMap { flatten($1, number + ".\($0 + 1)") }
        }
        return phases.flatMap(\.steps).enumerated().flatMap { flatten($1, String($0 + 1)) }
    }
}

/// Forty short phases of one to three steps, so that some page break falls right after a phase heading
/// unless the stylesheet keeps a heading with its first step.
enum ManyPhases {
    static let id = "many-phases"
    static let phases: [(heading: String, steps: [String])] = (1...40).map { k in
        let tag = String(k).leftPadded(to: 2)
        // Texts start with CJK: pdftotext may move a leading Latin run to a line of its own.
        return ("巡检区域\(tag)", (1...(k % 3 + 1)).map { "区域\(tag)第\($0)项核对并记录" })
    }

    static var markdown: String {
        var out = "---\ntitle: 分阶段巡检\nowner: store-manager\nfrequency: weekly\n---\n"
        for phase in phases {
            out += "\n## \(phase.heading)\n\n" + phase.steps.enumerated().map { "\($0 + 1). \($1)\n" }.joined()
        }
        return out
    }
}

/// Prints the `checklists` fixture plus ``LongProcedure`` and ``ManyPhases`` once with `rolebook print --pdf`.
enum PrintedChecklists {
    static let root = Browser.artefacts.appendingPathComponent("checklists")
    static var pdf: URL { root.appendingPathComponent("pdf") }
    static var pages: URL { root.appendingPathComponent("png") }

    static let chromiumInstalled = (try? PDFPrinter.locate()) != nil

    struct MissingTool: Error, CustomStringConvertible {
        var name: String
        var description: String { "'\(name)' not found: run 'make test' (it installs Debian's poppler-utils)" }
    }

    /// Runs once for the whole suite; every test reads the same PDFs.
    static let run: Result<URL, any Error> = Result {
        let fm = FileManager.default
        let content = root.appendingPathComponent("content")
        try? fm.removeItem(at: root)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: fixtureContent("checklists", in: "RoleBookEndToEndTests"), to: content)
        try Data(LongProcedure.markdown.utf8).write(to: content.appendingPathComponent("procedures/\(LongProcedure.id).md"))
        try Data(ManyPhases.markdown.utf8).write(to: content.appendingPathComponent("procedures/\(ManyPhases.id).md"))
        try Print.parse([content.path, "--pdf", pdf.path]).run()
        // Page images to look at: .build/e2e/checklists/png/<pdf name>-<page>.png
        try fm.createDirectory(at: pages, withIntermediateDirectories: true)
        for name in try pdfNames() {
            _ = try tool("pdftoppm", ["-png", "-r", "60", pdf.appendingPathComponent(name).path,
                                      pages.appendingPathComponent(name.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".pdf", with: "")).path])
        }
        return pdf
    }

    static func pdfNames() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: pdf.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    /// A poppler tool's standard output; fails clearly when the tool is missing.
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let dir = path.split(separator: ":").first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }) else {
            throw MissingTool(name: name)
        }
        return try Browser.command("\(dir)/\(name)", arguments)
    }

    /// One printed PDF: its page count and size from pdfinfo, and its text page by page.
    struct Document {
        var pageCount: Int
        var pageSize: (width: Double, height: Double)
        /// `pdftotext -layout` per page, with all white space removed (CJK text gets spaces between glyphs).
        var pages: [String]
        var text: String { pages.joined() }
    }

    static func document(_ name: String) throws -> Document {
        let file = try run.get().appendingPathComponent(name)
        try #require(FileManager.default.fileExists(atPath: file.path), "\(name) was not printed")
        let info = try tool("pdfinfo", [file.path])
        func field(_ key: String) -> String? {
            info.split(separator: "\n").first { $0.hasPrefix(key + ":") }.map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        let count = Int(field("Pages") ?? "") ?? -1
        let size = (field("Page size") ?? "").split(separator: " ").compactMap { Double($0) }
        var pages = try tool("pdftotext", ["-layout", file.path, "-"]).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return Document(pageCount: count, pageSize: (size.first ?? 0, size.dropFirst().first ?? 0),
                        pages: pages.map { $0.filter { !$0.isWhitespace } })
    }
}

/// Prints checklists to PDF with the real `rolebook print` and a headless Chromium, then reads them back with poppler.
@Suite("Checklist PDFs", .serialized, .enabled(if: PrintedChecklists.chromiumInstalled, "headless Chromium is not installed"), .offPool)
struct PDFEndToEndTests {
    typealias P = PrintedChecklists

    /// The steps of the fixture's `open-store.md`.
    static let shortSteps = ["到岗签到，换好工服。", "打开收银系统，核对备用金。", "清点零钱并登记。", "检查验钞机。",
                             "检查灯光与空调，异常报告店长。", "午间高峰，开启第二收银台。", "清点现金，按闭店交接交班。"]

    @Test("every checklist is printed: procedures, weekly grids of daily ones, roles")
    func files() throws {
        _ = try P.run.get()
        #expect(try P.pdfNames() == ["close-store.pdf", "deep-clean.pdf", "many-phases.pdf", "open-store.pdf", "roles/cashier.pdf",
                                     "roles/store-manager.pdf", "week/close-store.pdf", "week/open-store.pdf"])
        for name in try P.pdfNames() {
            let bytes = try Data(contentsOf: P.pdf.appendingPathComponent(name))
            #expect(bytes.starts(with: Array("%PDF".utf8)), "\(name) is not a PDF")
        }
    }

    @Test("a short procedure fits on one A4 page with header, columns, sign-off and page number")
    func shortProcedure() throws {
        let doc = try P.document("open-store.pdf")
        #expect(doc.pageCount == 1 && doc.pages.count == 1)
        #expect(abs(doc.pageSize.width - 595) < 2 && abs(doc.pageSize.height - 842) < 2, "not A4 portrait: \(doc.pageSize)")
        for step in Self.shortSteps {
            #expect(ChecklistFixtures.count(step, in: doc.text) == 1, "\(step)")
        }
        for part in ["开店检查", "组织：示例连锁", "部门：门店运营部", "岗位：收银员", "版本：2.1", "生效日期：2026-03-01", "频率：每日",
                     "日期：", "班次：", "姓名：", "完成时间步骤备注", "开店前", "营业时间内", "打烊前",
                     "08:301到岗签到", "08:30–08:452打开收银系统", "12:00–13:004午间高峰", "21:30–22:005清点现金",
                     "执行人：", "复核人：", "第1页/共1页"] {
            #expect(doc.text.contains(part), "missing \(part)")
        }
        // No site chrome on paper: header, navigation, breadcrumbs, footer, print button.
        for chrome in ["示例门店手册", "岗位索引", "流程与制度", "首页", "打印", "周检查表", "rolebook"] {
            #expect(!doc.text.contains(chrome), "printed \(chrome)")
        }
    }

    @Test("a long procedure runs over several pages, each with the header and 第 X 页 / 共 N 页")
    func longProcedure() throws {
        let doc = try P.document("\(LongProcedure.id).pdf")
        #expect(doc.pageCount > 1)
        #expect(doc.pages.count == doc.pageCount)
        for (i, page) in doc.pages.enumerated() {
            #expect(ChecklistFixtures.count(LongProcedure.title, in: page) == 1, "page \(i + 1) header")
            #expect(page.contains("完成时间步骤备注"), "page \(i + 1) column heads")
            #expect(page.contains("姓名："), "page \(i + 1) blanks")
            #expect(page.contains("第\(i + 1)页/共\(doc.pageCount)页"), "page \(i + 1) number")
        }
        // A row split over two pages would have the footer and header inside its text.
        let steps = LongProcedure.numberedSteps
        #expect(steps.count > 80)
        for (number, step) in steps {
            #expect(ChecklistFixtures.count(step.text, in: doc.text) == 1, "step \(number): \(step.text)")
            // The time column is printed on the same page (pdftotext may put a cell's glyphs on neighbouring lines).
            if let label = step.label, let page = doc.pages.first(where: { $0.contains(step.text) }) {
                #expect(page.contains(label), "time \(label) of step \(number)")
            }
        }
        #expect(steps.contains { $0.number == "14.1.1" })
        #expect(ChecklistFixtures.count("执行人：", in: doc.text) == 1)
        #expect(doc.pages.last?.contains("执行人：") == true)
    }

    @Test("a phase heading is never left alone at the bottom of a page")
    func phaseKeptWithFirstStep() throws {
        let doc = try P.document("\(ManyPhases.id).pdf")
        #expect(doc.pageCount > 2)
        func page(of text: String) -> Int? { doc.pages.firstIndex { $0.contains(text) } }
        for phase in ManyPhases.phases {
            let heading = try #require(page(of: phase.heading), "\(phase.heading) missing")
            #expect(page(of: phase.steps[0]) == heading, "\(phase.heading) on page \(heading + 1), its first step elsewhere")
        }
    }

    @Test("a role's sheet starts each procedure on a new page, daily before monthly and by time")
    func roleSheet() throws {
        let doc = try P.document("roles/cashier.pdf")
        let long = try P.document("\(LongProcedure.id).pdf")
        #expect(doc.pageCount == 2 + long.pageCount)
        #expect(doc.pages.count == doc.pageCount)
        // A sheet's header is its title followed by the organisation.
        func head(_ title: String) -> String { title + "组织：示例连锁" }
        #expect(doc.pages.first?.contains(head("开店检查")) == true && doc.pages.first?.contains(head("闭店交接")) == false)
        #expect(doc.pages.dropFirst().first?.contains(head("闭店交接")) == true)
        for (i, page) in doc.pages.enumerated() {
            #expect(page.contains("第\(i + 1)页/共\(doc.pageCount)页"), "page \(i + 1) number")
            #expect(page.contains("岗位：收银员"), "page \(i + 1) role")
        }
        #expect(doc.pages.dropFirst(2).allSatisfy { $0.contains(head(LongProcedure.title)) })
        #expect(ChecklistFixtures.count("执行人：", in: doc.text) == 3)
    }

    @Test("the weekly grid of a daily procedure prints on one landscape page with Mon–Sun columns")
    func weekGrid() throws {
        let doc = try P.document("week/open-store.pdf")
        #expect(doc.pageCount == 1)
        #expect(doc.pageSize.width > doc.pageSize.height, "not landscape: \(doc.pageSize)")
        #expect(doc.text.contains("开店检查·周检查表"))
        #expect(doc.text.contains("步骤一二三四五六日"))
        for step in Self.shortSteps {
            #expect(ChecklistFixtures.count(step, in: doc.text) == 1, "\(step)")
        }
        #expect(doc.text.contains("第1页/共1页"))
        #expect(!FileManager.default.fileExists(atPath: P.pdf.appendingPathComponent("week/\(LongProcedure.id).pdf").path))
    }

    @Test("page images are written for inspection")
    func pageImages() throws {
        _ = try P.run.get()
        for name in try P.pdfNames() {
            let doc = try P.document(name)
            let prefix = name.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".pdf", with: "-")
            let images = try FileManager.default.contentsOfDirectory(atPath: P.pages.path).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".png") }
            #expect(images.count == doc.pageCount, "\(name): \(images)")
            for image in images {
                let size = (try? FileManager.default.attributesOfItem(atPath: P.pages.appendingPathComponent(image).path)[.size] as? Int) ?? 0
                #expect(size > 5_000, "\(image) looks empty")
            }
        }
    }
}
