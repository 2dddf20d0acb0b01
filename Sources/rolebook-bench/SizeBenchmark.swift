import Foundation
import RoleBookDevSupport

/// Everything measured for one content size.
struct SizeResult {
    var roles: Int
    var files: Int
    var contentBytes: Int
    /// Per command: the samples of every round.
    var samples: [String: [Sample]] = [:]
    var siteBytes = 0, siteFiles = 0
    var hugoBytes = 0, hugoFiles = 0
    var searchIndexBytes = 0, searchIndexFiles = 0
    var pagefindBytes = 0, pagefindFiles = 0
    var search: SearchMeasurement?

    func median(_ command: String) -> Double { (samples[command] ?? []).map(\.seconds).median }
    func peakMB(_ command: String) -> Double { Double((samples[command] ?? []).map(\.peakKB).max() ?? 0) / 1024 }
}

/// Times rolebook against Hugo and the cmark floor on one generated content tree.
struct SizeBenchmark {
    static let commands = ["check", "build (cold)", "build (first edit after cold)", "build (warm, one role edited)", "hugo", "cmark floor"]

    var roles: Int
    var runs: Int
    var work: URL
    var rolebook: String
    var withHugo: Bool
    var withSearch: Bool

    func run(log: (String) -> Void) throws -> SizeResult {
        let fm = FileManager.default
        let base = work.appendingPathComponent("n\(roles)")
        let content = base.appendingPathComponent("content")
        Self.discard(base, work: work)
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        let stats = try SyntheticContent(roles: roles).write(to: content)
        var result = SizeResult(roles: stats.roles, files: stats.roles + stats.departments + stats.procedures, contentBytes: stats.bytes)
        log("\(roles): generated \(result.files) files, \(stats.bytes / 1024) KB")
        let hugo = try HugoSite.prepare(in: base.appendingPathComponent("hugo"), content: content)

        // The role whose edit the warm build measures: a middle-of-the-tree role.
        let edited = try editTarget(in: content)
        var round = 0
        let steps: [(String, () throws -> Void, [String])] = [
            ("check", {}, [rolebook, "check", "content"]),
            ("build (cold)", { Self.discard(base.appendingPathComponent("site"), work: work); Self.discard(base.appendingPathComponent(".rolebook-cache"), work: work) },
             [rolebook, "build", "content", "-o", "site", "--quiet"]),
            // Two edits after each cold build: the first one also makes the cache's spare copy of the
            // site (a cold build leaves none), the second is what every later save costs.
            ("build (first edit after cold)", { try Self.edit(edited, round: 2 * round) }, [rolebook, "build", "content", "-o", "site", "--quiet"]),
            ("build (warm, one role edited)", { try Self.edit(edited, round: 2 * round + 1) }, [rolebook, "build", "content", "-o", "site", "--quiet"]),
            ("hugo", { Self.discard(hugo.appendingPathComponent("public"), work: work) }, ["hugo", "--quiet", "-s", hugo.path]),
            ("cmark floor", {}, ["sh", "-c", "find content -name '*.md' -print0 | xargs -0 cmark > /dev/null"]),
        ]
        if runs == 0 { _ = try Runner.measure([rolebook, "build", "content", "-o", "site", "--quiet", "--no-cache"], in: base) }
        for r in stride(from: 1, through: runs, by: 1) {
            round = r
            for (name, prepare, command) in steps where withHugo || name != "hugo" {
                try prepare()
                let sample = try Runner.measure(command, in: base)
                result.samples[name, default: []].append(sample)
                log(String(format: "%d roles, round %d: %@ %.3f s, %d MB", roles, r, name, sample.seconds, sample.peakKB / 1024))
            }
        }
        (result.siteBytes, result.siteFiles) = Runner.size(of: base.appendingPathComponent("site"))
        (result.searchIndexBytes, result.searchIndexFiles) = Runner.size(of: base.appendingPathComponent("site/search"))
        if withHugo { (result.hugoBytes, result.hugoFiles) = Runner.size(of: hugo.appendingPathComponent("public")) }
        if withSearch {
            let pagefind = base.appendingPathComponent("pagefind-site")
            if let indexed = try SearchBenchmark.pagefindIndex(site: base.appendingPathComponent("site"), into: pagefind) {
                (result.pagefindBytes, result.pagefindFiles) = indexed
                result.search = try SearchBenchmark(site: base.appendingPathComponent("site"), pagefindSite: pagefind).measure(log: log)
            }
        }
        return result
    }

    /// Where outputs go between rounds; deleted after the last measurement (``emptyTrash(work:)``).
    static func trash(_ work: URL) -> URL { work.appendingPathComponent("trash") }

    /// Moves a previous output out of the way instead of deleting it. On this machine's ext4
    /// (no journal), creating files within minutes of deleting many is slowed by the inode
    /// allocator skipping recently freed inodes, so deleting between rounds made every timing,
    /// Hugo's and rolebook's alike, depend on what the step before had deleted.
    static func discard(_ folder: URL, work: URL) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.path) else { return }
        let bin = trash(work)
        try? fm.createDirectory(at: bin, withIntermediateDirectories: true)
        if rename(folder.path, bin.appendingPathComponent(UUID().uuidString).path) != 0 { try? fm.removeItem(at: folder) }
    }

    /// Deletes everything ``discard(_:work:)`` set aside.
    static func emptyTrash(work: URL) { try? FileManager.default.removeItem(at: trash(work)) }

    /// A role at the middle of the tree, so the edit touches a superior's chart and subordinates.
    func editTarget(in content: URL) throws -> URL {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.contains("/roles/") }.sorted()
        return content.appendingPathComponent(paths[paths.count / 2])
    }

    /// Changes the role's title and one responsibility, as an HR edit would.
    static func edit(_ file: URL, round: Int) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        if let range = text.range(of: #"title: [^\n]*"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "title: 编辑后的岗位名称第\(round)版")
        }
        text += "\n- 第\(round)次修订：补充一条职责。\n"
        try Data(text.utf8).write(to: file)
    }
}

/// A Hugo site over the same Markdown files with the smallest sensible layout.
enum HugoSite {
    static func prepare(in folder: URL, content: URL) throws -> URL {
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
        let files = [
            "hugo.toml": """
            baseURL = "/"
            title = "bench"
            contentDir = "\(content.path)"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "section", "404", "robotsTXT"]

            """,
            // One page per Markdown file: title and content.
            "layouts/_default/single.html": "<!doctype html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
            // One list page: every page by title.
            "layouts/index.html": "<!doctype html><html><head><meta charset=\"utf-8\"><title>{{ .Site.Title }}</title></head><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
        ]
        for (path, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(path)) }
        return folder
    }
}
