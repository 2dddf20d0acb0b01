import ArgumentParser
import Foundation
import RoleBook

/// `rolebook export --format csv|drawio|dot|json-ld`: the org chart for other tools.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the org chart as CSV, draw.io CSV, Graphviz DOT or schema.org JSON-LD.",
        discussion: "Refuses to export content with errors (a half-resolved org chart), unless --allow-errors."
    )

    @OptionGroup var content: ContentOptions

    @Option(help: "csv (spreadsheets, org-chart tools), drawio (draw.io's CSV import), dot (Graphviz) or json-ld (schema.org).")
    var format: ExportFormat

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @Option(help: "Prefix for role page URLs (where the site is published), e.g. https://hr.example.com/handbook/.")
    var baseURL = ""

    @Flag(help: "Export even when the content has errors.")
    var allowErrors = false

    func run() throws {
        let result = try CLI.check(content.contentDirectory)
        if result.diagnostics.containsErrors && !allowErrors {
            FileHandle.standardError.write(DiagnosticFormatter(format: .text).report(result.diagnostics.filter { $0.severity == .error }, fileCount: result.fileCount))
            FileHandle.standardError.write("error: not exporting because the content has errors (use --allow-errors to export anyway)\n")
            throw ExitCode.failure
        }
        let text = GraphExport(graph: result.graph, baseURL: baseURL).render(format)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
            FileHandle.standardError.write("error: cannot write '\(output)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
