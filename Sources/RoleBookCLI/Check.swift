import ArgumentParser
import Foundation
import RoleBook

/// `rolebook check`: validate the content, print every diagnostic, exit 0 / 1 / 2.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate roles, departments, procedures and reporting lines.",
        discussion: "Exit status: 0 when clean, 1 when errors were found (or warnings with --strict), 2 on usage or I/O failure."
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions

    @Option(help: "Output format: text, json, github (workflow annotations; with GITHUB_STEP_SUMMARY set, also a table of every diagnostic in the job summary) or sarif (SARIF 2.1.0 for code scanning).")
    var format: DiagnosticFormat = .text

    @Option(help: "With --format sarif: the repository URL, for rule help links (default: from GITHUB_SERVER_URL and GITHUB_REPOSITORY).")
    var informationUri: String?

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print how long each phase took (to standard error).")
    var timings = false

    func run() throws {
        let result = try CLI.check(content.contentDirectory)
        defer { CLI.skipTeardown(result) }
        let environment = ProcessInfo.processInfo.environment
        var formatter = DiagnosticFormatter(format: format, language: language.resolved(result.graph.config),
                                            colored: format == .text && color.enabled(for: STDOUT_FILENO, environment: environment))
        if format == .sarif {
            formatter.sarif = CLI.sarifFormatter(for: result.diagnostics, informationURI: informationUri, environment: environment)
        }
        print(formatter.report(result.diagnostics, fileCount: result.fileCount), terminator: "")
        if format == .github {
            let summaryWritten = try CLI.appendStepSummary(result.diagnostics, fileCount: result.fileCount, environment: environment,
                                                           language: formatter.language)
            if let notice = GitHubStepSummary.hiddenNotice(result.diagnostics, summaryWritten: summaryWritten) { print(notice) }
        }
        if timings || Stopwatch.isTracing { FileHandle.standardError.write(result.timings.report) }
        if result.diagnostics.containsErrors || (strict && result.diagnostics.warningCount > 0) {
            throw ExitCode.failure
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Shared steps of the commands.
enum CLI {
    /// SARIF paths relative to the current folder, columns converted with the files' text, and
    /// rule help linked to the repository GitHub Actions runs in.
    static func sarifFormatter(for diagnostics: [Diagnostic], informationURI: String?, environment: [String: String]) -> SARIFFormatter {
        var sources: [String: String] = [:]
        for file in Set(diagnostics.flatMap { [$0.location.file] + $0.notes.compactMap(\.location?.file) }) {
            if let text = try? String(contentsOfFile: file, encoding: .utf8) { sources[file] = text }
        }
        var uri = informationURI
        if uri == nil, let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"], !server.isEmpty, !repository.isEmpty {
            uri = server + "/" + repository
        }
        return SARIFFormatter(currentDirectory: FileManager.default.currentDirectoryPath, informationURI: uri, sources: sources)
    }

    /// Appends the Markdown table of every diagnostic to `$GITHUB_STEP_SUMMARY`; false when it is not set.
    static func appendStepSummary(_ diagnostics: [Diagnostic], fileCount: Int, environment: [String: String],
                                  language: DiagnosticLanguage = .en) throws -> Bool {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return false }
        do {
            try appendFile(path, GitHubStepSummary.markdown(diagnostics, fileCount: fileCount, language: language))
        } catch {
            FileHandle.standardError.write("error: cannot write the job summary '\(path)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        return true
    }

    /// Appends text to a file, creating it when missing (GitHub creates it, other runners may not).
    static func appendFile(_ path: String, _ text: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            try Data().write(to: URL(fileURLWithPath: path))
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// The loader of the content folder as given on the command line (its display root).
    static func contentLoader(_ directory: String) -> ContentLoader {
        ContentLoader(root: URL(fileURLWithPath: directory), displayRoot: directory)
    }

    private final class Box<T>: @unchecked Sendable { let value: T; init(_ value: T) { self.value = value } }

    /// Keeps `value` alive until the process exits: freeing a 10,000-role graph piece by piece
    /// took a seventh of `check`'s time, and the operating system reclaims it at once.
    static func skipTeardown<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }

    /// Loads and validates; an unreadable content folder is an I/O failure (exit 2).
    static func check(_ directory: String) throws -> Checker.Result {
        var none: ParseCache?
        return try check(directory, cache: &none)
    }

    /// ``check(_:)`` parsing only the files whose bytes `cache` (when given) does not hold;
    /// `cache` becomes this load's.
    static func check(_ directory: String, cache: inout ParseCache?) throws -> Checker.Result {
        do {
            let checker = Checker(loader: contentLoader(directory))
            guard var taken = cache else { return try checker.run() }
            cache = nil
            defer { cache = taken }
            // The mentions are kept for the cache folder's mentions.cache; the graph is not stored.
            return try checker.run(cache: &taken, keepingMentions: true, keepingGraph: false).result
        } catch let error as ContentFolderError {
            FileHandle.standardError.write("error: \(DiagnosticFormatter.escaped(error.description))\n")
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write("error: cannot read content folder '\(directory)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}

extension FileHandle {
    func write(_ string: String) {
        guard !string.isEmpty else { return }
        write(Data(string.utf8))
    }
}
