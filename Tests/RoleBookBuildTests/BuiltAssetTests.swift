import Foundation
import Testing
import RoleBookTestSupport
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild

/// The embedded assets as a build writes them (the assets themselves: RoleBookSearchTests' AssetTests).
@Suite("Assets in the built site", .offPool)
struct BuiltAssetTests {
    @Test("the site writes the embedded assets, the search client after its format line")
    func written() throws {
        let site = try RenderingTests.site(RenderingTests.base)
        #expect(site["assets/site.css"] == RoleBookSite.EmbeddedAssets.siteCSS)
        #expect(site["assets/checklist.css"] == RoleBookSite.EmbeddedAssets.checklistCSS)
        #expect(site["assets/page.js"] == RoleBookSite.EmbeddedAssets.pageJS)
        #expect(site["assets/search.js"] == "var rbSearchFormat = " + SearchFormat.json + ";\n" + RoleBookSearch.EmbeddedAssets.searchJS)
    }
}
