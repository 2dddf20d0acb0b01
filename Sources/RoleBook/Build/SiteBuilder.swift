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
        jobs += graph.procedures.indices.filter { graph.procedures[$0].hasWeekGrid }.map(Job.weekChecklist)
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
            return OutputFile(path: SiteMap.filePath(site.weekChecklistURL(procedure: i)!), contents: ChecklistPages(context: context(2, g.procedures[i].header.path)).weekSheet(i))
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
    /// The folders the files go into, sorted (parents first). Written by hand: NSString's
    /// `deletingLastPathComponent` traps on one-character paths in this Foundation.
    static func folders(of files: [OutputFile]) -> [String] {
        Set(files.compactMap { file in file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } }).filter { !$0.isEmpty }.sorted()
    }

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

    /// What a write did.
    public struct Summary: Sendable, Equatable {
        /// False when the whole site was written into a new folder and swapped in.
        public var incremental: Bool
        public var written: Int
        public var unchanged: Int
        public var removed: Int
    }

    /// Writes the site, updating it in place when `cache` holds the manifest of the build that
    /// produced the current folder (only changed files are rewritten, each atomically by rename,
    /// stale files removed); otherwise writes a new folder and swaps it in. Every file is rendered
    /// before anything is written, so a failed build never touches the previous site.
    public func write(_ files: [OutputFile], cache: URL?) throws -> Summary {
        let manifest = SiteManifest(files: files)
        guard let cache else {
            try write(files, buildID: manifest.buildID)
            return Summary(incremental: false, written: files.count, unchanged: 0, removed: 0)
        }
        let fm = FileManager.default
        let manifestURL = SiteManifest.location(cache: cache, output: output)
        let summary: Summary
        if let old = (try? String(contentsOf: manifestURL, encoding: .utf8)).flatMap(SiteManifest.parse),
           markerBuildID() == old.buildID {
            do {
                summary = try update(files, from: old, to: manifest)
            } catch {
                // An update that cannot finish (a folder where a file must now go, …) falls back to
                // writing a whole new folder, which replaces the site only if it completes.
                try write(files, buildID: manifest.buildID)
                summary = Summary(incremental: false, written: files.count, unchanged: 0, removed: 0)
            }
        } else {
            try write(files, buildID: manifest.buildID)
            summary = Summary(incremental: false, written: files.count, unchanged: 0, removed: 0)
        }
        do {
            try fm.createDirectory(at: cache, withIntermediateDirectories: true)
            let temporary = manifestURL.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
            if let problem = Self.writeFile(manifest.text, to: temporary.path) { throw SiteWriteError.io(temporary.path, problem) }
            guard rename(temporary.path, manifestURL.path) == 0 else { throw SiteWriteError.io(manifestURL.path, String(cString: strerror(errno))) }
        } catch let error as SiteWriteError {
            throw error
        } catch {
            throw SiteWriteError.io(cache.path, error.localizedDescription)
        }
        // The marker last: until it names this build, the next build will not trust the manifest.
        try writeAtomically(Self.markerText(manifest.buildID), to: Self.marker)
        return summary
    }

    static func markerText(_ buildID: String) -> String {
        "generated by rolebook; this folder is replaced on every build\nbuild \(buildID)\n"
    }

    /// The build id in the output's marker, if any.
    func markerBuildID() -> String? {
        guard let text = try? String(contentsOf: output.appendingPathComponent(Self.marker), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("build ") }.map { String($0.dropFirst(6)) }
    }

    static let temporarySuffix = ".rolebook-tmp"

    /// Writes `contents` to a temporary name beside `path` and renames it over, so readers never see half a file.
    func writeAtomically(_ contents: String, to path: String) throws {
        let target = output.appendingPathComponent(path).path
        let temporary = target + Self.temporarySuffix
        if let problem = Self.writeFile(contents, to: temporary) { throw SiteWriteError.io(target, problem) }
        guard rename(temporary, target) == 0 else { throw SiteWriteError.io(target, String(cString: strerror(errno))) }
    }

    /// Rewrites changed and missing files, removes files the new build no longer has.
    func update(_ files: [OutputFile], from old: SiteManifest, to new: SiteManifest) throws -> Summary {
        let fm = FileManager.default
        // Files someone deleted by hand are written again even when their hash is unchanged.
        var present = Set<String>()
        if let walker = fm.enumerator(atPath: output.path) {
            while let path = walker.nextObject() as? String { present.insert(path) }
        }
        let changed = files.filter { old.hashes[$0.path] != new.hashes[$0.path] || !present.contains($0.path) }
        let directories = Self.folders(of: changed)
        for d in directories { try? fm.createDirectory(at: output.appendingPathComponent(d), withIntermediateDirectories: true) }
        // Two phases, so a failed write (disk full, permissions) leaves the previous site intact:
        // first every changed file goes to a temporary name beside its target…
        let root = output.path
        let failures = changed.parallelMap { file -> String? in
            Self.writeFile(file.contents, to: root + "/" + file.path + Self.temporarySuffix).map { "\(file.path): \($0)" }
        }.compactMap { $0 }
        if let first = failures.first {
            for file in changed { unlink(root + "/" + file.path + Self.temporarySuffix) }
            throw SiteWriteError.io(output.path, first)
        }
        // …then, with the marker no longer naming a build (an interruption from here on makes the
        // next build distrust the manifest and write everything), each is renamed over its target.
        let stale = old.hashes.keys.filter { new.hashes[$0] == nil }.sorted()
        if !changed.isEmpty || !stale.isEmpty { try writeAtomically(Self.markerText("updating"), to: Self.marker) }
        for file in changed {
            let target = root + "/" + file.path
            guard rename(target + Self.temporarySuffix, target) == 0 else { throw SiteWriteError.io(target, String(cString: strerror(errno))) }
        }
        for path in stale { try? fm.removeItem(at: output.appendingPathComponent(path)) }
        return Summary(incremental: true, written: changed.count, unchanged: files.count - changed.count, removed: stale.count)
    }

    /// Writes a complete new folder and swaps it in.
    public func write(_ files: [OutputFile]) throws {
        try write(files, buildID: SiteManifest(files: files).buildID)
    }

    func write(_ files: [OutputFile], buildID: String) throws {
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
            let directories = Self.folders(of: files)
            for d in directories { try fm.createDirectory(at: staging.appendingPathComponent(d), withIntermediateDirectories: true) }
            let failures = files.parallelMap { file -> String? in
                Self.writeFile(file.contents, to: staging.path + "/" + file.path).map { "\(file.path): \($0)" }
            }.compactMap { $0 }
            if let first = failures.first { throw SiteWriteError.io(output.path, first) }
            try Data(Self.markerText(buildID).utf8).write(to: staging.appendingPathComponent(Self.marker))
            try? fm.removeItem(at: retired)
            if exists { try fm.moveItem(at: output, to: retired) }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                // Put the previous site back rather than leave no site at all.
                if exists { try? fm.moveItem(at: retired, to: output) }
                throw error
            }
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
