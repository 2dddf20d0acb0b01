import ArgumentParser
import Foundation
import RoleBook

/// `rolebook print --pdf OUT`: one PDF per checklist through headless Chromium.
struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every procedure checklist (and each role's combined checklist) to PDF.",
        discussion: """
        Writes OUT/<procedure-id>.pdf, OUT/week/<procedure-id>.pdf (weekly grid of daily and \
        per-shift procedures) and OUT/roles/<role-id>.pdf. Needs a headless Chromium \
        (Debian package 'chromium'; 'fonts-noto-cjk' for Chinese).
        """
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions

    @Option(help: "Folder for the PDFs.", completion: .directory)
    var pdf: String

    @Option(help: "Path to the Chromium binary (default: found on PATH).")
    var chromium: String?

    @Option(help: "Print only these procedure ids (repeatable).")
    var procedure: [String] = []

    @Flag(help: "Skip the per-role combined checklists.")
    var noRoles = false

    @Flag(help: "Skip the weekly grids of daily and per-shift procedures.")
    var noWeekGrids = false

    func run() throws {
        let printer: PDFPrinter
        do { printer = try PDFPrinter.locate(explicit: chromium) } catch {
            FileHandle.standardError.write("error: \(error)\n")
            throw ExitCode(2)
        }
        let result = try CLI.check(content.contentDirectory)
        if result.diagnostics.containsErrors {
            let formatter = DiagnosticFormatter(format: .text, language: language.resolved(result.graph.config), colored: color.enabled(for: STDERR_FILENO))
            FileHandle.standardError.write(formatter.report(result.diagnostics.filter { $0.severity == .error }, fileCount: result.fileCount))
            throw ExitCode.failure
        }
        let g = result.graph
        for id in procedure where g.procedureIndex[id] == nil {
            throw ValidationError("unknown procedure '\(id)'")
        }
        // Render only the sheets to print (and their stylesheets) into a scratch folder (its lock
        // and staging siblings inside it too, so removing it leaves nothing), then print them.
        let scratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratchRoot) }
        let scratch = scratchRoot.appendingPathComponent("site")
        let site = SiteMap(graph: g)
        let pages = site.checklistPages(procedures: procedure.isEmpty ? nil : procedure.compactMap { g.procedureIndex[$0] },
                                        weekGrids: !noWeekGrids, roles: !noRoles)
        try SiteWriter(output: scratch).write(SiteRenderer(graph: g).render(pages: pages, assets: [.siteCSS, .checklistCSS]))
        let out = URL(fileURLWithPath: pdf)
        PDFPrinter.removeLeftovers(in: out)
        let jobs: [(page: String, pdf: String)] = pages.compactMap { page in
            switch page {
            case .checklist(let p): (site.path(for: page), g.procedures[p].id + ".pdf")
            case .weekChecklist(let p): (site.path(for: page), "week/" + g.procedures[p].id + ".pdf")
            case .roleChecklist(let r): (site.path(for: page), "roles/" + g.roles[r].id + ".pdf")
            default: nil
            }
        }
        for folder in Set(jobs.map { ($0.pdf as NSString).deletingLastPathComponent }) {
            try FileManager.default.createDirectory(at: out.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let progress = ProgressLine.forStandardError()
        let done = Counter()
        let total = jobs.count
        let failures = PrintQueue.run(jobs.map { job in
            { () -> String? in
                defer { let n = done.increment(); progress.update("printing \(n) of \(total) checklists") }
                do {
                    try printer.print(page: scratch.appendingPathComponent(job.page), to: out.appendingPathComponent(job.pdf))
                    return nil
                } catch { return "\(error)" }
            }
        })
        progress.finish()
        for failure in failures { FileHandle.standardError.write("error: \(failure)\n") }
        print("printed \(jobs.count - failures.count) of \(jobs.count) checklists to \(pdf)/")
        if !failures.isEmpty { throw ExitCode.failure }
    }
}

/// How many print jobs have finished, counted from the queue's threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int { lock.withLock { value += 1; return value } }
}

/// Runs print jobs two at a time: each Chromium is itself multi-process.
enum PrintQueue {
    static func run(_ jobs: [@Sendable () -> String?]) -> [String] {
        let lock = NSLock()
        nonisolated(unsafe) var failures: [(Int, String)] = []
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 2
        for (i, job) in jobs.enumerated() {
            queue.addOperation {
                if let failure = job() { lock.lock(); failures.append((i, failure)); lock.unlock() }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        return failures.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
