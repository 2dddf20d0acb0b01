import Foundation

/// One output file of the site.
public struct OutputFile: Sendable {
    /// Site-root-relative path (`roles/cs-manager.html`).
    public var path: String
    public var contents: String
}

/// Renders every page of the site from the graph, in parallel, with deterministic output.
public struct SiteRenderer: Sendable {
    public var graph: RoleGraph

    public init(graph: RoleGraph) { self.graph = graph }

    /// A page to render; pages are independent, so they render on all cores.
    enum Job: Sendable {
        case home, az, procedures, search, checklistIndex
        case role(Int), department(Int), procedure(Int), checklist(Int), weekChecklist(Int), roleChecklist(Int)
    }

    var jobs: [Job] {
        var jobs: [Job] = [.home, .az, .procedures, .search, .checklistIndex]
        jobs += graph.roles.indices.map(Job.role)
        jobs += graph.departments.indices.map(Job.department)
        jobs += graph.procedures.indices.map(Job.procedure)
        jobs += graph.procedures.indices.map(Job.checklist)
        jobs += graph.procedures.indices.filter { [.daily, .perShift].contains(graph.procedures[$0].frequency) }.map(Job.weekChecklist)
        jobs += graph.roles.indices.filter { !graph.roleProcedures[$0].isEmpty }.map(Job.roleChecklist)
        return jobs
    }

    /// Every file of the site, sorted by path.
    public func render() -> [OutputFile] {
        var timings = Stopwatch()
        return render(timings: &timings)
    }

    /// Every file of the site, recording the phases in `timings`.
    public func render(timings: inout Stopwatch) -> [OutputFile] {
        let site = SiteMap(graph: graph)
        let strings = UIStrings(language: graph.config.language)
        timings.lap("site map")
        let search = SearchIndexBuilder(graph: graph, strings: [:]).build()
        timings.lap("search index")
        let indexScripts = SearchIndexBuilder.pageScripts
        let pages = jobs.parallelMap { job in Self.render(job, site: site, strings: strings, indexScripts: indexScripts) }
        timings.lap("pages")
        var files = pages
        files.append(OutputFile(path: "assets/site.css", contents: SiteStylesheet.css))
        files.append(OutputFile(path: "assets/checklist.css", contents: ChecklistStylesheet.css))
        files.append(OutputFile(path: "assets/search.js", contents: SearchClientAssets.script))
        files.append(OutputFile(path: "graph.json", contents: GraphJSON(site: site).render()))
        files += search.map { OutputFile(path: $0.key, contents: $0.value) }
        timings.lap("graph.json")
        files.sort { $0.path < $1.path }
        return files
    }

    static func render(_ job: Job, site: SiteMap, strings: UIStrings, indexScripts: [String]) -> OutputFile {
        func context(_ depth: Int, _ path: String? = nil) -> PageContext { PageContext(site: site, strings: strings, depth: depth, contentPath: path) }
        let g = site.graph
        switch job {
        case .home: return OutputFile(path: "index.html", contents: HomePage(context: context(0)).render())
        case .az: return OutputFile(path: "az.html", contents: IndexPages(context: context(0)).azPage())
        case .procedures: return OutputFile(path: "procedures/index.html", contents: IndexPages(context: context(1)).proceduresPage())
        case .search: return OutputFile(path: "search.html", contents: SearchPage(context: context(0), indexScripts: indexScripts).render())
        case .checklistIndex: return OutputFile(path: "checklists/index.html", contents: ChecklistPages(context: context(1)).index())
        case .role(let i):
            return OutputFile(path: SiteMap.filePath(site.url(.role(i))), contents: RolePage(context: context(1, g.roles[i].header.path), index: i).render())
        case .department(let i):
            return OutputFile(path: SiteMap.filePath(site.url(.department(i))), contents: DepartmentPage(context: context(1, g.departments[i].header.path), index: i).render())
        case .procedure(let i):
            return OutputFile(path: SiteMap.filePath(site.url(.procedure(i))), contents: ProcedurePage(context: context(1, g.procedures[i].header.path), index: i).render())
        case .checklist(let i):
            return OutputFile(path: SiteMap.filePath(site.checklistURL(procedure: i)), contents: ChecklistPages(context: context(1, g.procedures[i].header.path)).procedureSheet(i))
        case .weekChecklist(let i):
            return OutputFile(path: "checklists/week/" + g.procedures[i].id + ".html", contents: ChecklistPages(context: context(2, g.procedures[i].header.path)).weekSheet(i))
        case .roleChecklist(let i):
            return OutputFile(path: SiteMap.filePath(site.checklistURL(role: i)), contents: ChecklistPages(context: context(2, g.roles[i].header.path)).roleSheet(i))
        }
    }
}

/// Failures of writing the site; content problems are diagnostics, not these.
public enum SiteWriteError: Error, CustomStringConvertible {
    case notOurs(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .notOurs(let path): "refusing to replace '\(path)': it was not created by rolebook (no \(SiteWriter.marker) file); remove it or choose another -o"
        case .io(let path, let message): "cannot write '\(path)': \(message)"
        }
    }
}

extension SiteWriter {
    /// Plain open/write/close: Foundation's `Data.write` fsyncs every file, which made writing
    /// a 27,000-file site take seconds; durability comes from the final rename instead.
    /// - Returns: an error message, or nil.
    static func writeFile(_ contents: String, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var contents = contents
        return contents.withUTF8 { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
    }
}

/// Writes files into a temporary folder and swaps it in only when complete,
/// so a failed build leaves the previous site intact.
public struct SiteWriter: Sendable {
    public static let marker = ".rolebook-site"
    public var output: URL

    public init(output: URL) { self.output = output.standardizedFileURL }

    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).rolebook-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).rolebook-old-\(pid)")

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains(Self.marker) else { throw SiteWriteError.notOurs(output.path) }
        }
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let directories = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
            for d in directories { try fm.createDirectory(at: staging.appendingPathComponent(d), withIntermediateDirectories: true) }
            let failures = files.parallelMap { file -> String? in
                Self.writeFile(file.contents, to: staging.path + "/" + file.path).map { "\(file.path): \($0)" }
            }.compactMap { $0 }
            if let first = failures.first { throw SiteWriteError.io(output.path, first) }
            try Data("generated by rolebook; this folder is replaced on every build\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
            if exists { try fm.moveItem(at: output, to: retired) }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: retired)
        } catch let error as SiteWriteError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw SiteWriteError.io(output.path, error.localizedDescription)
        }
    }
}
