import Foundation
import Testing
@testable import RoleBook
import RoleBookDevSupport

/// The site's JavaScript and CSS are real files under `Sources/*/Assets`, embedded into the
/// binary at build time by the EmbedAssets plugin; these tests hold the two together.
@Suite("Assets")
struct AssetTests {
    static let assetFolder = Browser.packageRoot.appendingPathComponent("Sources/RoleBook/Assets")

    static func files(in folder: URL, _ extensions: Set<String>) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    @Test("every asset file is embedded exactly as it is on disk")
    func embedded() throws {
        let files = try Self.files(in: Self.assetFolder, ["js", "css", "html", "json", "md"])
        #expect(files.count >= 5)
        #expect(Set(EmbeddedAssets.all.keys) == Set(files.map(\.lastPathComponent)))
        for file in files {
            #expect(EmbeddedAssets.all[file.lastPathComponent] == (try String(contentsOf: file, encoding: .utf8)), "\(file.lastPathComponent)")
        }
    }

    @Test("the site writes the embedded assets, the search client after its format line")
    func written() throws {
        let site = try RenderingTests.site(RenderingTests.base)
        #expect(site["assets/site.css"] == EmbeddedAssets.siteCSS)
        #expect(site["assets/checklist.css"] == EmbeddedAssets.checklistCSS)
        #expect(site["assets/page.js"] == EmbeddedAssets.pageJS)
        #expect(site["assets/search.js"] == "var rbSearchFormat = " + SearchFormat.json + ";\n" + EmbeddedAssets.searchJS)
    }

    @Test("Swift reads the search format from search-format.json")
    func searchFormat() throws {
        let data = try Data(contentsOf: Self.assetFolder.appendingPathComponent("search-format.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? Int == SearchIndexBuilder.version)
        #expect(json["maxCompound"] as? Int == SearchTokenizer.maxCompound)
        #expect((json["finalDigits"] as? String).map { Array($0.utf8) } == SearchIndexBuilder.finalDigits)
        #expect((json["moreDigits"] as? String).map { Array($0.utf8) } == SearchIndexBuilder.moreDigits)
        // The client holds no copy of these numbers: it reads them from rbSearchFormat.
        let client = EmbeddedAssets.searchJS
        #expect(client.contains("FORMAT.version") && client.contains("FORMAT.maxCompound") && client.contains("FORMAT.finalDigits"))
        #expect(!client.contains(json["finalDigits"] as! String))
    }

    @Test("node --check accepts every script (site and benchmark)")
    func syntax() throws {
        let node = try #require(SearchFixture.node, "node is not installed: make test installs Debian's nodejs")
        let scripts = try Self.files(in: Self.assetFolder, ["js"])
        #expect(scripts.count >= 2)
        for script in scripts {
            let checked = try ChildProcess(URL(fileURLWithPath: node), ["--check", script.path]).run(seconds: 60)
            #expect(checked.status == 0, "\(script.lastPathComponent): \(checked.stderr)")
        }
    }
}
