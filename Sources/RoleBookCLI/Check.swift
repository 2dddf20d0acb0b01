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

    @Option(help: "Output format: text, json or github (workflow annotations).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print how long each phase took (to standard error).")
    var timings = false

    func run() throws {
        let result = try CLI.check(content.contentDirectory)
        defer { CLI.skipTeardown(result) }
        print(DiagnosticFormatter(format: format).report(result.diagnostics, fileCount: result.fileCount), terminator: "")
        if timings { FileHandle.standardError.write(result.timings.report) }
        if result.diagnostics.containsErrors || (strict && result.diagnostics.warningCount > 0) {
            throw ExitCode.failure
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Shared steps of the commands.
enum CLI {
    private final class Box<T>: @unchecked Sendable { let value: T; init(_ value: T) { self.value = value } }

    /// Keeps `value` alive until the process exits: freeing a 10,000-role graph piece by piece
    /// took a seventh of `check`'s time, and the operating system reclaims it at once.
    static func skipTeardown<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }

    /// Loads and validates; an unreadable content folder is an I/O failure (exit 2).
    static func check(_ directory: String) throws -> Checker.Result {
        let url = URL(fileURLWithPath: directory)
        do {
            return try Checker(loader: ContentLoader(root: url, displayRoot: directory)).run()
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
