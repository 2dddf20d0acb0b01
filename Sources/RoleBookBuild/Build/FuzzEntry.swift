import Foundation
import RoleBookModel
import RoleBookParsing
import RoleBookSite
import RoleBookSearch

/// One content file through everything `check` and `build` do with it: the libFuzzer target
/// (`rolebook-fuzz`, `make fuzz`) and the fuzz regression tests call this.
///
/// The input's first byte chooses how the rest is read: `r`, `d` or `p` put the file under
/// `roles/`, `departments/` or `procedures/` (any other byte picks by its value, in
/// `EntityKind.allCases` order), and an uppercase letter switches the pages to English and the
/// front matter to Yams alone (so the fuzzer reaches both YAML readers). The file joins a few fixed companion files, so its
/// references can resolve, its superior can exist and a procedure can name it; the graph is
/// validated, the diagnostics formatted, and the file's pages, the home and A–Z pages,
/// `graph.json` and its search document rendered. Nothing is printed or kept between runs.
package enum FuzzEntry {
    /// What one run produced, for the regression tests.
    package struct Outcome: Sendable {
        /// Every diagnostic of the run (companions included), sorted.
        package var diagnostics: [Diagnostic]
        /// The text report `check` would print.
        package var report: String
        /// Rendered files by site path (empty when the file did not become an entity).
        package var pages: [String: String]
        /// The search document's fragment (its JSON), nil when the file did not become an entity.
        package var searchFragment: String?
    }

    /// Runs one input and discards what it produced.
    package static func run(_ bytes: UnsafeRawBufferPointer) {
        _ = outcome(bytes)
    }

    /// Runs one input (see the type's summary for how the first byte is read).
    @discardableResult
    package static func outcome(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard let selector = bytes.first else { return Outcome(diagnostics: [], report: "", pages: [:], searchFragment: nil) }
        let kind = kind(selector)
        let english = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(selector)
        let path = kind.folder + "/fuzz.md"

        var parser = FileParser(path: path, displayPath: "content/" + path, vocabulary: Companions.vocabulary)
        parser.frontMatterFastPath = !english
        let (entity, fileDiagnostics) = parser.parse(bytes: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()).bindMemory(to: UInt8.self))

        var config = SiteConfig()
        if english { config.language = "en" }
        let companions = Companions.shared
        var entities = companions.entities
        if let entity { entities.append(entity) }
        entities.sort { $0.header.path < $1.header.path }
        var content = LoadedContent(config: config, entities: entities, diagnostics: companions.diagnostics + fileDiagnostics,
                                    paths: Set(Companions.files.map(\.path) + [path]))
        let (graph, resolution) = GraphBuilder().build(taking: &content)
        let diagnostics = (content.diagnostics + resolution + Validator().validate(graph)).sorted()
        var report = DiagnosticFormatter(format: .text).report(diagnostics, fileCount: content.paths.count)
        report += DiagnosticFormatter(format: .json).report(diagnostics, fileCount: content.paths.count)
        report += DiagnosticFormatter(format: .github).report(diagnostics, fileCount: content.paths.count)

        let site = SiteMap(graph: graph)
        guard let node = site.node(forContentPath: path) else {
            return Outcome(diagnostics: diagnostics, report: report, pages: [:], searchFragment: nil)
        }
        var jobs: [SiteRenderer.Job] = [.home, .az]
        let search = SearchIndexBuilder(graph: graph, urls: site.searchURLs)
        let record: SearchRecord
        switch node {
        case .role(let i):
            jobs.append(.role(i))
            if !graph.roleProcedures[i].isEmpty { jobs.append(.roleChecklist(i)) }
            record = search.roleRecord(i, group: 0)
        case .department(let i):
            jobs.append(.department(i))
            record = search.departmentRecord(i, group: 0)
        case .procedure(let i):
            jobs += [.procedure(i), .checklist(i)]
            if graph.procedures[i].hasWeekGrid { jobs.append(.weekChecklist(i)) }
            record = search.procedureRecord(i, group: 0)
        }
        let strings = UIStrings(language: config.language)
        var pages: [String: String] = [:]
        for job in jobs {
            pages[SiteRenderer.path(of: job, site: site)] = SiteRenderer.contents(of: job, site: site, strings: strings, indexScripts: SearchIndexBuilder.pageScripts)
        }
        pages["graph.json"] = GraphJSON(site: site).render()
        // The index's token weights run the tokenizer and pinyin over every field of the document.
        _ = SearchIndexBuilder.weights(record)
        return Outcome(diagnostics: diagnostics, report: report, pages: pages, searchFragment: SearchIndexBuilder.fragment(record).json)
    }

    static func kind(_ selector: UInt8) -> EntityKind {
        switch selector | 0x20 {
        case UInt8(ascii: "r"): .role
        case UInt8(ascii: "d"): .department
        case UInt8(ascii: "p"): .procedure
        default: EntityKind.allCases[Int(selector) % EntityKind.allCases.count]
        }
    }

    /// The fixed files beside the fuzzed one, parsed once: a department headed by a top role,
    /// a clerk reporting to `fuzz` (the fuzzed file's id when its front matter sets none) and a
    /// daily procedure performed by `fuzz`.
    struct Companions: Sendable {
        var entities: [Entity]
        var diagnostics: [Diagnostic]

        /// Built once, as a content load does (normalising every heading was a fifth of a run).
        static let vocabulary = SectionVocabulary(extra: [:])

        static let shared: Companions = {
            var entities: [Entity] = [], diagnostics: [Diagnostic] = []
            for file in files {
                let parser = FileParser(path: file.path, displayPath: "content/" + file.path, vocabulary: vocabulary)
                let (entity, found) = parser.parse(Data(file.text.utf8))
                if let entity { entities.append(entity) }
                diagnostics += found
            }
            return Companions(entities: entities, diagnostics: diagnostics)
        }()

        static let files: [(path: String, text: String)] = [
            ("departments/ops.md", """
                ---
                title: 运营部
                short: 运营
                head: ops-lead
                ---
                ## 部门职责

                - 门店日常运营
                """),
            ("roles/ops-lead.md", """
                ---
                title: 运营经理
                department: ops
                top: true
                aliases: [店长]
                ---
                ## 岗位职责

                1. 督导[店员](clerk.md)的工作
                2. 每日巡店
                """),
            ("roles/clerk.md", """
                ---
                title: 店员
                department: ops
                reports_to: fuzz
                headcount: 3
                ---
                ## 岗位职责

                - 收银结账，协助运营经理
                """),
            ("procedures/daily-open.md", """
                ---
                title: 开店流程
                owner: ops-lead
                roles: [fuzz, clerk]
                frequency: daily
                ---
                ## 步骤

                1. 08:30 开灯、开收银机（5 分钟）
                2. 09:00 开门迎客
                """),
        ]
    }
}
