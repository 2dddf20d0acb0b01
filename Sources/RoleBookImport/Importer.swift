import Foundation
import RoleBook

/// How `rolebook import` reads and names things.
package struct ImportOptions: Sendable {
    package var encoding: SourceEncoding?
    package var idPrefix: String
    package var force: Bool

    package init(encoding: SourceEncoding? = nil, idPrefix: String = "", force: Bool = false) {
        self.encoding = encoding
        self.idPrefix = idPrefix
        self.force = force
    }
}

/// A source document read into lines, or why it could not be.
package struct SourceDocument: Sendable {
    package var name: String
    package var lines: [SourceLine]
    package var notes: [ImportNote]
    package var unreadable: Bool
}

/// A role the import writes.
package struct PlannedRole: Sendable, Equatable {
    package var id: String
    package var title: String
    package var file: String
    package var line: Int
    package var responsibilities: Int
}

/// A procedure the import writes, from rules that are not a job description.
package struct PlannedProcedure: Sendable, Equatable {
    package var id: String
    package var title: String
    package var file: String
    package var line: Int
    package var steps: Int
}

/// Everything an import writes and reports, computed without touching OUT_DIR.
package struct ImportPlan: Sendable {
    /// Paths relative to OUT_DIR, and their contents.
    package var files: [(path: String, contents: String)] = []
    package var notes: [ImportNote] = []
    package var roles: [PlannedRole] = []
    package var procedures: [PlannedProcedure] = []
    package var departments: [(id: String, title: String)] = []
    package var sources: [String] = []
    package var unreadable = false

    package var problems: [ImportNote] { notes.filter { $0.kind == .problem || $0.kind == .unmapped } }
}

/// `rolebook import`: source documents → job descriptions → content files and a report.
package enum Importer {
    /// Extensions read from a walked folder.
    package static let extensions: Set<String> = ["txt", "text", "md", "markdown", "docx", "doc"]

    /// Reads one file by its extension: `.docx` through ``DocxReader``, `.doc` refused with
    /// advice, anything else as text in the detected or forced encoding.
    package static func read(path: String, name: String, options: ImportOptions) -> SourceDocument {
        let ext = (path as NSString).pathExtension.lowercased()
        func failed(_ message: String) -> SourceDocument {
            SourceDocument(name: name, lines: [], notes: [ImportNote(.problem, file: name, line: 0, message)], unreadable: true)
        }
        if ext == "doc" {
            return failed("old binary Word document (.doc) cannot be read: open it in Word or LibreOffice and save it as .docx")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return failed("cannot be read") }
        if ext == "docx" {
            do {
                return SourceDocument(name: name, lines: try DocxReader.lines(data), notes: [], unreadable: false)
            } catch {
                return failed("not a readable .docx: \(error)")
            }
        }
        do {
            let decoded = try TextDecoding.decode([UInt8](data), forcing: options.encoding)
            var notes: [ImportNote] = []
            if decoded.encoding != .utf8 || decoded.hadByteOrderMark {
                notes.append(ImportNote(.imported, file: name, line: 0,
                                        "decoded as \(decoded.encoding.rawValue)\(decoded.hadByteOrderMark ? " (byte order mark)" : "")"))
            }
            var lines = textLines(decoded.text)
            if ext == "md" || ext == "markdown" { lines = MarkdownSource.plainLines(lines) }
            return SourceDocument(name: name, lines: lines, notes: notes, unreadable: false)
        } catch {
            return failed("\(error)")
        }
    }

    static func textLines(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var n = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            n += 1
            out.append(SourceLine(String(line), line: n))
        }
        return out
    }

    /// Files to import from the arguments: files as given, folders walked (sorted, hidden names skipped).
    package static func inputs(_ arguments: [String]) -> (files: [(path: String, name: String)], missing: [String]) {
        var files: [(String, String)] = []
        var missing: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { missing.append(argument); continue }
            guard isDirectory.boolValue else { files.append((argument, argument)); continue }
            // An explicit stack: folder depth is the user's.
            var stack = [argument]
            var found: [String] = []
            while let folder = stack.popLast() {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
                    let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                    var dir: ObjCBool = false
                    _ = FileManager.default.fileExists(atPath: path, isDirectory: &dir)
                    if dir.boolValue { stack.append(path) } else if extensions.contains((name as NSString).pathExtension.lowercased()) { found.append(path) }
                }
            }
            files += found.sorted().map { ($0, $0) }
        }
        return (files, missing)
    }

    /// Reads, maps and resolves every document; the result says what to write and what to report.
    package static func plan(_ documents: [SourceDocument], options: ImportOptions) -> ImportPlan {
        var plan = ImportPlan()
        var jobs: [ImportedJob] = []
        var departments: [ImportedDepartment] = []
        var procedures: [ImportedProcedure] = []
        for document in documents {
            plan.sources.append(document.name)
            plan.notes += document.notes
            if document.unreadable { plan.unreadable = true; continue }
            let (lines, noise) = NoiseFilter().clean(document.lines, file: document.name)
            plan.notes += noise
            let result = LayoutReader(file: document.name).read(lines)
            plan.notes += result.notes
            jobs += result.jobs
            departments += result.departments
            procedures += result.procedures
        }
        jobs = droppingRepeats(jobs, notes: &plan.notes)
        Resolver(options: options).resolve(jobs: jobs, departments: departments, procedures: procedures, into: &plan)
        plan.notes.sort()
        return plan
    }

    /// Repeated copies: a job whose title and text equal an earlier one's, and lines repeated within a section.
    static func droppingRepeats(_ jobs: [ImportedJob], notes: inout [ImportNote]) -> [ImportedJob] {
        var seen: [String: ImportedJob] = [:]
        var out: [ImportedJob] = []
        for var job in jobs {
            for s in job.sections.indices {
                var lineSeen: Set<String> = []
                job.sections[s].lines = job.sections[s].lines.filter { line in
                    let key = LayoutReader.fold(line.text)
                    if lineSeen.insert(key).inserted { return true }
                    notes.append(ImportNote(.noise, file: job.file, line: line.line, column: line.column, "repeated copy of a line dropped: \(NoiseFilter.quote(line.text))"))
                    return false
                }
            }
            let key = LayoutReader.fold(job.title) + "\u{1}" + job.sections.map { $0.lines.map { LayoutReader.fold($0.text) }.joined(separator: "\u{2}") }.joined(separator: "\u{3}")
            if let first = seen[key] {
                notes.append(ImportNote(.noise, file: job.file, line: job.line, column: job.column,
                                        "repeated copy of '\(job.title)' (first at \(first.file):\(first.line)) dropped"))
                continue
            }
            // A copy whose sections are all already in the earlier job with the same title.
            if let earlier = out.firstIndex(where: { LayoutReader.fold($0.title) == LayoutReader.fold(job.title) }),
               !job.sections.isEmpty,
               job.sections.allSatisfy({ s in out[earlier].sections.contains { $0.kind == s.kind && $0.lines.map(\.text) == s.lines.map(\.text) } || s.lines.isEmpty }) {
                notes.append(ImportNote(.noise, file: job.file, line: job.line, column: job.column,
                                        "repeated copy of '\(job.title)' (first at \(out[earlier].file):\(out[earlier].line)) dropped"))
                continue
            }
            seen[key] = job
            out.append(job)
        }
        return out
    }
}
