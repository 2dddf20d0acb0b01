import ArgumentParser
import Foundation
import RoleBook

/// `rolebook diff BASE [HEAD]`: what an edit changes in the organisation.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed in the organisation between two versions of the content.",
        discussion: """
            BASE and HEAD are content folders or git revisions of the repository the content folder \
            (--content) is in; HEAD defaults to the content folder as it is. Revisions are read with \
            'git archive' into a temporary folder: the work tree is not touched. Exit status: 0, or \
            with --exit-code 1 when something changed; 2 on usage or I/O failure.
            """
    )

    @Argument(help: "The version before: a content folder or a git revision (main, HEAD~1, origin/main…).")
    var base: String

    @Argument(help: "The version after (default: the content folder's work tree).")
    var head: String?

    @Option(help: "The content folder, and for revisions its path inside the repository.", completion: .directory)
    var content = "content"

    @OptionGroup var language: LanguageOptions

    @Option(help: "Output format: text, markdown (pull-request comment / job summary), json or html (needs -o).")
    var format: DiffFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.", completion: .file())
    var output: String?

    @Flag(help: "Exit 1 when something changed, like 'git diff --exit-code'.")
    var exitCode = false

    func validate() throws {
        if format == .html && output == nil { throw ValidationError("--format html needs -o FILE") }
    }

    func run() throws {
        var scratch: [URL] = []
        defer { for folder in scratch { try? FileManager.default.removeItem(at: folder) } }
        let baseSide = try side(base, scratch: &scratch)
        let headSide = try head.map { try side($0, scratch: &scratch) } ?? side(folder: content, shown: content)
        let lang = language.resolved(headSide.graph.config)
        let diff = GraphDiff.compare(base: baseSide, head: headSide, language: lang)
        let report = DiffReport(diff, language: lang)
        let text: String
        switch format {
        case .text: text = report.text
        case .markdown: text = report.markdown(title: "rolebook diff \(base)…\(head ?? "work tree")")
        case .json: text = report.json
        case .html: text = DiffHTMLReport(diff: diff, base: baseSide.graph, head: headSide.graph,
                                          title: "\(base) → \(head ?? "work tree")", language: lang).render()
        }
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                FileHandle.standardError.write("error: cannot write '\(output)': \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
            if format == .html { print(report.summaryLine) }
        } else {
            print(text, terminator: "")
        }
        if exitCode && !diff.isEmpty { throw ExitCode.failure }
    }

    /// A folder as it is, or a revision unpacked into a temporary folder; diagnostics show the
    /// content folder's path on both sides so they compare.
    private func side(_ spec: String, scratch: inout [URL]) throws -> DiffSide {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue {
            return try side(folder: spec, shown: content)
        }
        let folder = try GitRevision.export(spec, content: content)
        scratch.append(folder.scratch)
        return try side(folder: folder.content.path, shown: content)
    }

    private func side(folder: String, shown: String) throws -> DiffSide {
        do {
            let result = try Checker(loader: ContentLoader(root: URL(fileURLWithPath: folder), displayRoot: shown)).run()
            return DiffSide(result, displayRoot: shown)
        } catch {
            FileHandle.standardError.write("error: cannot read content folder '\(folder)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}

extension DiffFormat: ExpressibleByArgument {}

/// Reads a revision of the content folder with `git archive`, without touching the work tree.
enum GitRevision {
    /// Unpacks `content` at `revision` into a new temporary folder.
    /// - Returns: the folder to remove afterwards and the content folder inside it.
    static func export(_ revision: String, content: String) throws -> (scratch: URL, content: URL) {
        guard !revision.hasPrefix("-") else { throw fail("'\(revision)' is neither a folder nor a git revision") }
        let directory = URL(fileURLWithPath: content)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw fail("'\(revision)' is not a folder, and the content folder '\(content)' to find its git repository does not exist")
        }
        _ = try git(["rev-parse", "--show-prefix"], in: directory, failure: "'\(revision)' is not a folder, and '\(content)' is not in a git repository")
        _ = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: directory, failure: "'\(revision)' is neither a folder nor a git revision")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-diff-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let archive = scratch.appendingPathComponent("content.tar")
        do {
            // Run inside the content folder, `git archive … -- .` holds that folder only, with paths relative to it.
            _ = try git(["archive", "--format=tar", "-o", archive.path, revision, "--", "."], in: directory)
            try run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", scratch.path], in: scratch)
            try FileManager.default.removeItem(at: archive)
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        return (scratch, scratch)
    }

    /// Prints the problem and returns the exit status for it: a wrong revision is an input error (2).
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write("error: \(message)\n")
        return ExitCode(2)
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: URL, failure: String? = nil) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: directory, failure: failure)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL, failure: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            FileHandle.standardError.write("error: cannot run \(arguments.first ?? executable): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if let failure { throw fail(failure) }
            FileHandle.standardError.write("error: \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
            throw ExitCode(2)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
