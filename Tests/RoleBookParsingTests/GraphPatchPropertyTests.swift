import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Random edits of a small organisation, each checked twice: through the parse cache told which
/// files changed (patching the last graph when it deems that safe) and from scratch. The two
/// must agree on the graph, field by field, and on every diagnostic; the hand-picked edits of
/// ``GraphPatchTests`` cannot think of every interplay (shared titles, aliases, moved owners,
/// links into edited files, broken front matter, several files in one save).
@Suite("graph patches, random edits")
struct GraphPatchPropertyTests {
    @Test("a patched or rebuilt graph equals a full build's", arguments: [UInt64(1), 2, 3])
    func randomEdits(seed: UInt64) throws {
        var org = RandomOrganisation(seed: seed)
        try withContent(ContentTree(org.files())) { root in
            var cache = ParseCache()
            _ = try Checker(loader: testLoader(root)).run(cache: &cache)
            var patched = 0
            let steps = 100
            for step in 0..<steps {
                let changed = try org.edit(in: root)
                let loader = testLoader(root)
                let incremental = try Checker(loader: loader).run(cache: &cache, changed: changed).result
                let full = try Checker(loader: loader).run()
                if incremental.timings.phases.contains(where: { $0.name == "graph patch" }) { patched += 1 }
                let fields = graphDifferences(incremental.graph, full.graph)
                let missing = full.diagnostics.filter { !incremental.diagnostics.contains($0) }
                let extra = incremental.diagnostics.filter { !full.diagnostics.contains($0) }
                if !fields.isEmpty || incremental.diagnostics != full.diagnostics || incremental.fileCount != full.fileCount {
                    let files = changed.map { "\($0):\n\(org.files()[$0] ?? "")" }.joined(separator: "\n")
                    Issue.record("""
                        seed \(seed), step \(step): fields \(fields); diagnostics only in the full check \(missing.map(\.message)), \
                        only in the incremental one \(extra.map(\.message)) (same set, other order: \(missing.isEmpty && extra.isEmpty))
                        \(files)
                        """)
                    return
                }
            }
            // The fast path must have been exercised, not only the fallback.
            #expect(patched >= steps / 3, "seed \(seed): \(patched) of \(steps) edits patched")
        }
    }
}
