import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
import RoleBookTestSupport

/// `rolebook export`: CSV and DOT goldens of the diff fixture's head, draw.io's header, JSON-LD.
@Suite("rolebook export")
struct ExportTests {
    static func graph() throws -> RoleGraph {
        try buildGraph(DiffFixtures.exportHead)
    }

    @Test("golden: csv")
    func csv() throws {
        try GoldenFile.expect(GraphExport(graph: try Self.graph(), baseURL: "https://hr.example.com/handbook").csv(), matches: "export", "csv", in: .module)
    }

    @Test("csv: quoting, formula cells neutralised, CRLF")
    func csvFields() throws {
        #expect(GraphExport.csvField("a,b") == "\"a,b\"")
        #expect(GraphExport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(GraphExport.csvField("=SUM(A1)") == "'=SUM(A1)")
        #expect(GraphExport.csvField("-1") == "'-1")
        #expect(GraphExport.csvField("plain") == "plain")
        let text = GraphExport(graph: try Self.graph()).csv()
        #expect(text.hasPrefix("id,title,department,reports_to,dotted_line_to,headcount,vacant,grade,code,url\r\n"))
        #expect(text.contains("\r\ncashier,收银员,store,manager,logi-lead,2,false,,,roles/cashier.html\r\n"))
    }

    @Test("golden: dot")
    func dot() throws {
        let text = GraphExport(graph: try Self.graph()).dot()
        try GoldenFile.expect(text, matches: "export", "dot", in: .module)
        // logistics sits inside store's cluster, which sits inside ops's.
        let ops = try #require(text.range(of: "subgraph \"cluster_ops\"")), store = try #require(text.range(of: "subgraph \"cluster_store\""))
        let logistics = try #require(text.range(of: "subgraph \"cluster_logistics\""))
        #expect(ops.lowerBound < store.lowerBound && store.lowerBound < logistics.lowerBound)
        #expect(text.contains("\"logi-lead\" -> \"cashier\" [style=dashed, constraint=false];"))
        #expect(text.contains("\"司机, \\\"夜班\\\"\\n× 6\""))
    }

    @Test("draw.io: the import header, then one row per role linked to its manager")
    func drawio() throws {
        let text = GraphExport(graph: try Self.graph()).drawio()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("# identity: id"))
        #expect(lines.contains("# layout: verticaltree"))
        #expect(lines.contains { $0.hasPrefix("# connect: {\"from\": \"manager\", \"to\": \"id\", \"invert\": true") })
        #expect(lines.contains { $0.hasPrefix("# connect: {\"from\": \"dotted\", \"to\": \"id\"") && $0.contains("dashed=1") })
        let header = try #require(lines.firstIndex { !$0.hasPrefix("#") })
        #expect(lines[header] == "id,title,department,headcount,manager,dotted,stroke,fill,dashed,url")
        #expect(lines.count - header - 1 == (try Self.graph()).roles.count)
        #expect(lines.contains { $0.hasPrefix("clerk,理货员,物流部,3,logi-lead,,") })
        #expect(lines.contains { $0.hasPrefix("buyer,线上采购,线上业务部,0 (vacant),ceo,,#d9822b,#fffaf6,1,") })
    }

    @Test("json-ld: organisation, departments and occupations; occupationalCategory only for standard codes")
    func jsonLD() throws {
        let text = GraphExport(graph: try Self.graph()).jsonLD()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        let nodes = try #require(object["@graph"] as? [[String: Any]])
        let lead = try #require(nodes.first { $0["@id"] as? String == "#role-store-lead" })
        #expect(lead["@type"] as? String == "Occupation")
        #expect(lead["name"] as? String == "店长")
        #expect(lead["responsibilities"] as? [String] == ["负责门店经营"])
        #expect(lead["qualifications"] as? [String] == ["三年门店管理经验"])
        #expect((lead["occupationLocation"] as? [String: Any])?["name"] as? String == "深圳南山店")
        let category = try #require(lead["occupationalCategory"] as? [String: Any])
        #expect(category["codeValue"] as? String == "5221")
        #expect((category["inCodeSet"] as? [String: Any])?["name"] as? String == "ISCO-08")
        #expect(nodes.first { $0["@id"] as? String == "#role-driver" }?["occupationalCategory"] == nil)
        let logistics = try #require(nodes.first { $0["@id"] as? String == "#department-logistics" })
        #expect((logistics["parentOrganization"] as? [String: Any])?["@id"] as? String == "#department-store")
    }

    @Test("standard occupation codes", arguments: [
        ("5221", OccupationJSONLD.CodeSet.isco08), ("41-2031.00", .onetSOC), ("41-2031", .onetSOC), ("4-01-02-01", .chinaOccupations),
    ])
    func codeSets(code: String, set: OccupationJSONLD.CodeSet) {
        #expect(OccupationJSONLD.CodeSet(code: code) == set)
    }

    @Test("internal position codes are not classified", arguments: ["HH-CEO", "52210", "41-20310.00", "4-1-02-01", "", "KF-01"])
    func internalCodes(code: String) {
        #expect(OccupationJSONLD.CodeSet(code: code) == nil)
    }

    @Test("the role page's JSON-LD block cannot close its script element")
    func pageBlock() throws {
        let g = try buildGraph(RuleFixtures.base.with(["roles/manager.md": "---\ntitle: \"</script><!-- 经理 & <b>\"\ndepartment: ops\nreports_to: ceo\n---\n## 岗位职责\n\n- 管理\n"]))
        let block = OccupationJSONLD.pageBlock(g.roles[try g.indexOfRole("manager")])
        #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "</script><!-- 经理 & <b>")
        #expect(object["@context"] as? String == "https://schema.org")
    }
}
