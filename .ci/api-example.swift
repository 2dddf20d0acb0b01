// An outside tool using the RoleBook library product, type-checked against the built modules by
// .ci/check-api: it sees only the public API, so narrowing that API cannot remove what such a tool
// needs (load and check content, read the graph, render diagnostics, build a site).
import Foundation
import RoleBook

let folder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "content"

// Load and check.
let result: Checker.Result
do {
    result = try Checker(loader: ContentLoader(root: URL(fileURLWithPath: folder), displayRoot: folder)).run()
} catch let error as ContentFolderError {
    print("cannot read \(folder): \(error.description)")
    exit(2)
}
for diagnostic in result.diagnostics {
    let location: SourceLocation = diagnostic.location
    print("\(location.file):\(location.line):\(location.column): \(diagnostic.severity.rawValue) \(diagnostic.code.rawValue): \(diagnostic.message(in: .en))")
    for note in diagnostic.notes { print("  note: \(note.message) \(note.location?.description ?? "")") }
}
let formatter = DiagnosticFormatter(format: .text, language: .zhCN)
print(formatter.report(result.diagnostics, fileCount: result.fileCount), terminator: "")
if result.diagnostics.containsErrors { print("\(result.diagnostics.errorCount) errors") }

// Read the graph: roles and their superiors, departments, procedures.
let graph: RoleGraph = result.graph
print(graph.config.title)
for (index, role) in graph.roles.enumerated() {
    let superior = graph.superior[index].map { graph.roles[$0].title } ?? "-"
    let chain = graph.chainOfCommand(index).map { graph.roles[$0].id }.joined(separator: " > ")
    print("\(role.id)\t\(role.title)\t\(superior)\t\(chain)\t\(role.headcount)\t\(role.reportsTo?.value ?? "")")
    for item in role.responsibilities { print("  - \(item.text) \(item.location)") }
}
for department in graph.departments { print(department.id, department.title, department.parent?.value ?? "", department.header.path) }
for procedure in graph.procedures {
    print(procedure.id, procedure.frequency?.rawValue ?? "", procedure.steps.count, procedure.owner?.value ?? "")
    for section in procedure.header.document.sections { print("  ", section.heading, section.kind.rawValue, section.blocks.count) }
}
for mention in graph.mentions { print(mention.text, graph.header(mention.from).id, graph.roles[mention.role].id, mention.location) }
for link in graph.links { print(graph.header(link.from).id, "->", graph.header(link.to).id) }
let encoded = try JSONEncoder().encode(graph.roles.first)  // entities are Encodable
print(encoded.count)

// The search tokenizer.
print(SearchTokenizer.tokens("前厅经理 Front Office Manager"))

// Build a site into a temporary folder, as `rolebook build --no-cache` does.
let output = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-api-example")
var writer = SiteWriter(output: output)
writer.waitForLock = true
var timings = Stopwatch()
let summary: SiteWriter.Summary = try SiteBuild(renderer: SiteRenderer(graph: graph), writer: writer, cache: nil).run(timings: &timings)
print("wrote \(summary.written) files into \(output.path)")
print(timings.report)
