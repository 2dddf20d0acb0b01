import ArgumentParser
import Foundation
import RoleBook
import RoleBookImport

/// `rolebook import`: existing job descriptions (.txt, .md, .docx) into a content folder.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import existing job descriptions (.txt, .md, .docx) into a content folder.",
        discussion: """
        Writes one role file per job description under OUT_DIR/roles and a department file per department named, \
        never overwriting a file unless --force; prints the report, writes it to OUT_DIR/import-report.md and \
        runs check on OUT_DIR. Exit status: 0 when everything was imported, 1 when the report lists problems, \
        2 when an input cannot be read.
        """
    )

    @Argument(help: "Files or folders to import (.txt, .md, .docx; .doc is refused).", completion: .file())
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "The content folder to write (new or existing).", completion: .directory)
    var output: String

    @Option(help: "Encoding of text files: utf-8, gb18030 (gbk), big5, utf-16le, utf-16be. Detected when omitted.")
    var encoding: String?

    @Option(help: "Prefix for the ids of imported roles and departments (e.g. acme-).")
    var idPrefix: String = ""

    @Flag(help: "Overwrite files that already exist in the output folder.")
    var force = false

    func validate() throws {
        if let encoding, SourceEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)': use utf-8, gb18030, big5, utf-16le or utf-16be")
        }
        if !idPrefix.isEmpty, !idPrefix.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--id-prefix takes lower-case letters, digits and '-'")
        }
    }

    func run() throws {
        let options = ImportOptions(encoding: encoding.flatMap(SourceEncoding.init(name:)), idPrefix: idPrefix, force: force)
        let (files, missing) = Importer.inputs(inputs)
        for path in missing { FileHandle.standardError.write("error: no such file or folder '\(path)'\n") }
        let documents = files.map { Importer.read(path: $0.path, name: $0.name, options: options) }
        let plan = Importer.plan(documents, options: options)

        let root = URL(fileURLWithPath: output)
        var written: [String] = []
        var kept: [String] = []
        do {
            for (path, contents) in plan.files {
                let url = root.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path) && !force { kept.append(path); continue }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
                written.append(path)
            }
        } catch {
            FileHandle.standardError.write("error: cannot write to '\(output)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }

        var checkSummary: String?
        var checkFailed = false
        if FileManager.default.fileExists(atPath: output) {
            let result = try CLI.check(output)
            checkSummary = DiagnosticFormatter(format: .text).report(result.diagnostics, fileCount: result.fileCount)
            checkFailed = result.diagnostics.containsErrors
        }
        let report = ImportReport.render(plan, written: written, kept: kept, checkSummary: checkSummary)
        let reportURL = root.appendingPathComponent("import-report.md")
        // The report is the importer's own file: replaced each run unless someone else's file is there.
        let existing = (try? String(contentsOf: reportURL, encoding: .utf8)) ?? ImportReport.marker
        if existing.hasPrefix(ImportReport.marker) || force {
            try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data(report.utf8).write(to: reportURL)
        } else {
            FileHandle.standardError.write("warning: '\(reportURL.path)' is not an import report: not overwritten (use --force)\n")
        }
        print(report, terminator: "")
        if !missing.isEmpty || plan.unreadable { throw ExitCode(2) }
        if !plan.problems.isEmpty || !kept.isEmpty || checkFailed { throw ExitCode.failure }
    }
}
