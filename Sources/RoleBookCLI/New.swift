import ArgumentParser
import Foundation
import RoleBook

/// `rolebook new role|department|procedure`: a new content file from the templates.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a role, department or procedure file from the template.",
        discussion: """
            References are checked against the content first; when one does not resolve nothing is \
            written and the command exits 1. An existing file is never overwritten. A new role is \
            added to its superior's direct_reports list when that role has one. Prints the new file's path.
            """
    )

    @Argument(help: "What to create: role, department or procedure.")
    var kind: EntityKind

    @Argument(help: "The new id (default: from the title's pinyin).")
    var id: String?

    @Option(help: "The title.")
    var title: String

    @Option(help: "The department: a role's or procedure's department, or a new department's parent (id or title).")
    var department: String?

    @Option(help: "A role's superior, or a procedure's owner (id, title or alias).")
    var reportsTo: String?

    @Option(help: "The content folder.", completion: .directory)
    var content = "content"

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title must not be empty") }
        switch kind {
        case .role:
            guard department != nil, reportsTo != nil else { throw ValidationError("a role needs --department and --reports-to") }
        case .department:
            guard department != nil else { throw ValidationError("a department needs --department (its parent)") }
            guard reportsTo == nil else { throw ValidationError("--reports-to applies to roles and procedures; name the department's head in its file") }
        case .procedure:
            guard department != nil || reportsTo != nil else { throw ValidationError("a procedure needs --reports-to (its owner) or --department") }
        }
        if let id, let problem = Scaffold.problem(withID: id) { throw ValidationError("id '\(id)' \(problem)") }
    }

    func run() throws {
        let result = try CLI.check(content)
        defer { CLI.skipTeardown(result) }
        let graph = result.graph
        var failures: [String] = []
        let departmentIndex = department.flatMap { resolve($0, kind: .department, in: graph, failures: &failures) }
        let superiorIndex = reportsTo.flatMap { resolve($0, kind: .role, in: graph, failures: &failures) }
        guard failures.isEmpty else {
            FileHandle.standardError.write(failures.joined())
            throw ExitCode.failure
        }
        guard let newID = id ?? Scaffold.id(fromTitle: title) else {
            FileHandle.standardError.write("error: cannot make an id from the title '\(title)'; give one: rolebook new \(kind.rawValue) ID --title …\n")
            throw ExitCode.failure
        }
        if Self.index(of: kind, in: graph)[newID] != nil {
            FileHandle.standardError.write("error: a \(kind.rawValue) with the id '\(newID)' already exists; give another id\n")
            throw ExitCode.failure
        }
        let fields = Scaffold.Fields(kind: kind, id: newID, title: title,
                                     department: departmentIndex.map { graph.departments[$0].id },
                                     superior: superiorIndex.map { graph.roles[$0].id })
        // The new file goes beside its organisation's files: those of its department, else its owner.
        let anchor = departmentIndex.map { graph.departments[$0].header.path } ?? superiorIndex.map { graph.roles[$0].header.path } ?? ""
        let relative = Scaffold.path(for: kind, id: newID, besides: anchor)
        let root = URL(fileURLWithPath: content)
        let file = root.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Fails when the file exists, even when it appeared after the check.
            try Data(Scaffold.text(fields).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            let exists = FileManager.default.fileExists(atPath: file.path)
            FileHandle.standardError.write(exists
                ? "error: '\(displayPath(relative))' already exists; not overwriting it\n"
                : "error: cannot write '\(displayPath(relative))': \(error.localizedDescription)\n")
            throw ExitCode.failure
        }
        if kind == .role, let superiorIndex {
            addToDirectReports(newID, superior: graph.roles[superiorIndex], root: root)
        }
        print(displayPath(relative))
    }

    private func displayPath(_ relative: String) -> String {
        ContentLoader(root: URL(fileURLWithPath: content), displayRoot: content).displayPath(relative)
    }

    /// The superior's file with the new id in its `direct_reports` list, when it keeps one.
    private func addToDirectReports(_ newID: String, superior: Role, root: URL) {
        let path = root.appendingPathComponent(superior.header.path)
        guard let data = FileManager.default.contents(atPath: path.path), let text = String(data: data, encoding: .utf8) else { return }
        switch Scaffold.addingDirectReport(newID, to: text) {
        case .noList:
            return
        case .unrecognised(let line):
            FileHandle.standardError.write("warning: \(displayPath(superior.header.path)):\(line): add '\(newID)' to direct_reports by hand (the list is not in a form this command edits)\n")
        case .edited(let edited):
            do {
                try Data(edited.utf8).write(to: path, options: .atomic)
                FileHandle.standardError.write("added '\(newID)' to direct_reports in \(displayPath(superior.header.path))\n")
            } catch {
                FileHandle.standardError.write("warning: cannot update \(displayPath(superior.header.path)): \(error.localizedDescription)\n")
            }
        }
    }

    static func index(of kind: EntityKind, in graph: RoleGraph) -> [String: Int] {
        switch kind {
        case .role: graph.roleIndex
        case .department: graph.departmentIndex
        case .procedure: graph.procedureIndex
        }
    }

    /// The entity that `reference` names: its id, or a title (or a role's alias) that names
    /// exactly one. Appends an error with a did-you-mean to `failures` otherwise.
    func resolve(_ reference: String, kind: EntityKind, in graph: RoleGraph, failures: inout [String]) -> Int? {
        if let i = Self.index(of: kind, in: graph)[reference] { return i }
        let headers: [(id: String, names: [String])] = switch kind {
        case .role: graph.roles.map { ($0.id, [$0.title] + $0.aliases) }
        case .department: graph.departments.map { ($0.id, [$0.title] + ($0.short.map { [$0] } ?? [])) }
        case .procedure: graph.procedures.map { ($0.header.id, [$0.header.title]) }
        }
        let matches = headers.indices.filter { headers[$0].names.contains(reference) }
        if matches.count == 1 { return matches[0] }
        let option = kind == .role ? "--reports-to" : "--department"
        if matches.count > 1 {
            let ids = matches.map { "'\(headers[$0].id)'" }.joined(separator: ", ")
            failures.append("error: \(option) '\(reference)' names \(matches.count) \(kind.folder): \(ids)\nnote: write the id\n")
        } else {
            var line = "error: \(option) names unknown \(kind.rawValue) '\(reference)'\n"
            if let guess = Suggestions.closest(to: reference, among: headers.map(\.id) + headers.flatMap(\.names)) {
                line += "note: did you mean '\(guess)'?\n"
            }
            failures.append(line)
        }
        return nil
    }
}

extension EntityKind: ExpressibleByArgument {}
