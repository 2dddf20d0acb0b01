import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookBuild
import RoleBookSite
import RoleBookTestSupport

/// `serve` makes its pages from a patched graph, reusing the last pages' tables of paths when
/// the graph's layout is the same (``SitePages/init(graph:reusing:)``). After random edits the
/// site must be the one a fresh check and a fresh site make: same pages, same bytes, same
/// fingerprints (a role gaining its first procedure gains a checklist page, a retitled role
/// changes the pages that mention it).
@Suite("pages of a patched graph")
struct PatchedSiteTests {
    @Test("the pages of a patched graph are those of a full build", arguments: [UInt64(11), 12])
    func randomEdits(seed: UInt64) throws {
        var org = RandomOrganisation(seed: seed)
        try withContent(ContentTree(org.files())) { root in
            var cache = ParseCache()
            var pages = SitePages(graph: try Checker(loader: testLoader(root)).run(cache: &cache).result.graph, renderer: 0)
            var reused = 0
            let steps = 60
            for step in 0..<steps {
                let changed = try org.edit(in: root)
                let incremental = try Checker(loader: testLoader(root)).run(cache: &cache, changed: changed).result
                let full = try Checker(loader: testLoader(root)).run()
                if incremental.graph.layout === pages.site.graph.layout { reused += 1 }
                pages = SitePages(graph: incremental.graph, renderer: 0, reusing: pages)
                let fresh = SitePages(graph: full.graph, renderer: 0)
                #expect(pages.paths == fresh.paths, "seed \(seed), step \(step): \(changed)")
                // Sort keys kept from the previous site map only for titles that did not change.
                #expect(pages.site.roleSortKeys == fresh.site.roleSortKeys, "seed \(seed), step \(step): \(changed)")
                let differing = fresh.paths.filter { path in
                    let (mine, theirs) = (pages.page(path), fresh.page(path))
                    return mine?.fingerprint != theirs?.fingerprint || mine?.render() != theirs?.render()
                }
                #expect(differing == [], "seed \(seed), step \(step): \(changed)")
                #expect(pages.graphJSON() == fresh.graphJSON(), "seed \(seed), step \(step): \(changed)")
                if !differing.isEmpty || pages.paths != fresh.paths { return }
            }
            // The reuse must have been exercised, not only fresh tables.
            #expect(reused >= steps / 5, "seed \(seed): \(reused) of \(steps) graphs patched")
        }
    }
}
