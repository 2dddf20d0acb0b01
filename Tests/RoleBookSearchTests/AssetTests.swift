import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSearch
@testable import RoleBookSite
import RoleBookDevSupport
import RoleBookTestSupport

/// The site's JavaScript and CSS are real files under `Sources/*/Assets`, embedded into the
/// binary at build time by the EmbedAssets plugin; these tests hold the two together. Each
/// layer target embeds the assets it uses, in its own `EmbeddedAssets`.
@Suite("Assets", .offPool)
struct AssetTests {
    static func assetFolder(_ target: String) -> URL { packageRoot.appendingPathComponent("Sources/\(target)/Assets") }
    static let searchAssets = assetFolder("RoleBookSearch")
    /// Per target: its Assets folder and what the plugin embedded from it.
    static let embedded: [(folder: URL, all: [String: String])] = [
        (assetFolder("RoleBookParsing"), RoleBookParsing.EmbeddedAssets.all),
        (assetFolder("RoleBookSite"), RoleBookSite.EmbeddedAssets.all),
        (searchAssets, RoleBookSearch.EmbeddedAssets.all),
    ]

    static func files(in folder: URL, _ extensions: Set<String>) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    @Test("every asset file is embedded exactly as it is on disk")
    func embedded() throws {
        var count = 0
        for (folder, all) in Self.embedded {
            let files = try Self.files(in: folder, ["js", "css", "html", "json", "md"])
            count += files.count
            #expect(Set(all.keys) == Set(files.map(\.lastPathComponent)), "\(folder.path)")
            for file in files {
                #expect(all[file.lastPathComponent] == (try String(contentsOf: file, encoding: .utf8)), "\(file.lastPathComponent)")
            }
        }
        #expect(count >= 5)
    }

    @Test("Swift reads the search format from search-format.json")
    func searchFormat() throws {
        let data = try Data(contentsOf: Self.searchAssets.appendingPathComponent("search-format.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? Int == SearchIndexBuilder.version)
        #expect(json["maxCompound"] as? Int == SearchTokenizer.maxCompound)
        #expect((json["finalDigits"] as? String).map { Array($0.utf8) } == SearchIndexBuilder.finalDigits)
        #expect((json["moreDigits"] as? String).map { Array($0.utf8) } == SearchIndexBuilder.moreDigits)
        // The client holds no copy of these numbers: it reads them from rbSearchFormat.
        let client = RoleBookSearch.EmbeddedAssets.searchJS
        #expect(client.contains("FORMAT.version") && client.contains("FORMAT.maxCompound") && client.contains("FORMAT.finalDigits"))
        #expect(!client.contains(json["finalDigits"] as! String))
    }

    @Test("node --check accepts every script (site and benchmark)")
    func syntax() throws {
        let node = try #require(SearchFixture.node, "node is not installed: make test installs Debian's nodejs")
        let scripts = try Self.embedded.flatMap { try Self.files(in: $0.folder, ["js"]) }
        #expect(scripts.count >= 2)
        for script in scripts {
            let checked = try ChildProcess(URL(fileURLWithPath: node), ["--check", script.path]).run(seconds: 60)
            #expect(checked.status == 0, "\(script.lastPathComponent): \(checked.stderr)")
        }
    }
}
