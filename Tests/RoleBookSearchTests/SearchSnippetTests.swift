import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
import RoleBookTestSupport

/// Snippets come from duties and summaries, never from the editors' notes about their sources.
@Suite(.offPool) struct SearchSnippetTests {
    @Test func sentencesAboutTheSourceAreDropped() {
        #expect(EditorialNotes.readerText("负责行政事务部工作，是前台接待的直接领导。来源没有给出本岗位的岗位说明，以下职责取自《规范细则》。")
                == "负责行政事务部工作，是前台接待的直接领导。")
        #expect(EditorialNotes.readerText("空缺岗位：列在主管的直接下级中，来源未提供岗位说明；属服务督导线，负责医护室物资。")
                == "属服务督导线，负责医护室物资。")
        #expect(EditorialNotes.readerText("直接上级：来源未写；本知识库中由事业部总经理承接。") == nil)
        #expect(EditorialNotes.readerText("協助經理處理客訴。來源文件未為本崗位編寫崗位說明。") == "協助經理處理客訴。")
    }

    @Test func noteParenthesesAreDropped() {
        #expect(EditorialNotes.readerText("在医护室提供服务（护士在医护室工作是编辑根据这一点做的推断）。") == "在医护室提供服务。")
        #expect(EditorialNotes.readerText("每日巡查两次（注：原文为“每日一次”）。") == "每日巡查两次。")
        #expect(EditorialNotes.readerText("Greets visitors (editor's note: the source says 'guests').") == "Greets visitors.")
        #expect(EditorialNotes.readerText("Welcomes guests at the desk. The source gave no job description for this post.") == "Welcomes guests at the desk.")
        #expect(EditorialNotes.readerText("Source candidates for open posts.") == "Source candidates for open posts.")
        // A parenthesis that is part of the duty stays.
        #expect(EditorialNotes.readerText("受理投诉（含电话、网络投诉），2 个工作日内答复。") == "受理投诉（含电话、网络投诉），2 个工作日内答复。")
    }

    @Test func dutiesThatMentionEditingStay() {
        #expect(EditorialNotes.readerText("能熟练运用计算机进行文字编辑、书写等工作。") == "能熟练运用计算机进行文字编辑、书写等工作。")
        #expect(EditorialNotes.readerText("编辑宣传稿件并报经理审核。") == "编辑宣传稿件并报经理审核。")
        #expect(EditorialNotes.readerText("统计客户来源渠道与资金来源。") == "统计客户来源渠道与资金来源。")
    }

    @Test func fragmentsShowDutiesNotNotes() throws {
        var files = SearchFixture.files
        files["roles/clerk.md"] = """
            ---
            title: 行政文员
            department: cs
            reports_to: cs-manager
            summary: 部门的文书与接待工作。来源未提供本岗位的说明书。
            ---
            ## 职责概述

            来源没有给出本岗位的岗位说明，以下职责取自经理职责中与文员有关的内容。

            ## 岗位职责

            1. 收发部门文件并登记（注：来源写作“收文”）。
            2. 接待来访客户。
            """
        let index = try SearchFixture.index(files)
        let meta = try SearchFixture.meta(index)
        var found = false
        for doc in 0..<meta.docs {
            let fragment = try SearchFixture.fragment(index, doc)
            guard fragment.title == "行政文员" else { continue }
            found = true
            #expect(fragment.text == ["部门的文书与接待工作。", "收发部门文件并登记。", "接待来访客户。"])
        }
        #expect(found)
        // The notes are still found by search.
        #expect(try SearchFixture.search(index, "以下职责取自").contains("行政文员"))
    }
}

/// The search page's department chips: grouped by organisation, names told apart.
@Suite(.offPool) struct SearchFilterGroupTests {
    static let files: [String: String] = [
        "rolebook.yml": "title: 示例\nlanguage: zh-CN\n",
        "departments/group.md": "---\ntitle: 华衡集团\n---\n",
        "departments/retail.md": "---\ntitle: 商业零售事业部\nparent: group\n---\n",
        "departments/property.md": "---\ntitle: 物业服务事业部\nparent: group\n---\n",
        "departments/mall.md": "---\ntitle: 购物中心客户服务部\nparent: retail\n---\n",
        "departments/agent.md": "---\ntitle: 市场中心\nparent: retail\n---\n",
        "departments/agent-cs.md": "---\ntitle: 客户服务部（代理商渠道公司）\nparent: agent\n---\n",
        "departments/tw.md": "---\ntitle: 物業項目管理處\nparent: property\n---\n",
        "departments/tw-cs.md": "---\ntitle: 客戶服務部\nparent: tw\n---\n",
    ]

    @Test func chipsAreGroupedByOrganisationInTreeOrder() throws {
        let groups = SearchPage.filterGroups(try SearchFixture.graph(Self.files))
        // Content order is file order: property.md before retail.md, agent.md before mall.md.
        #expect(groups.map(\.label) == ["华衡集团", "物业服务事业部", "商业零售事业部"])
        #expect(groups[1].departments.map(\.id) == ["property", "tw", "tw-cs"])
        #expect(groups[2].departments.map(\.id) == ["retail", "agent", "agent-cs", "mall"])
    }

    @Test func alikeNamesAreQualifiedByTheirParent() throws {
        let groups = SearchPage.filterGroups(try SearchFixture.graph(Self.files))
        let labels = Dictionary(uniqueKeysWithValues: groups.flatMap(\.departments).map { ($0.id, $0.label) })
        #expect(labels["tw-cs"] == "客戶服務部（物業項目管理處）")
        #expect(labels["agent-cs"] == "客户服务部（代理商渠道公司）")   // already qualified
        #expect(labels["mall"] == "购物中心客户服务部")
    }

    @Test func theSearchPageCarriesTheGroups() throws {
        let graph = try buildGraph(Self.files), site = SiteMap(graph: graph)
        // The search page as the build renders it: the site layer's page with the index's scripts.
        let context = PageContext(site: site, strings: UIStrings(language: graph.config.language), page: .search)
        let page = SearchPage(context: context, indexScripts: SearchIndexBuilder.pageScripts).render()
        let attribute = try #require(page.range(of: "data-groups=\"").map { page[$0.upperBound...].prefix { $0 != "\"" } })
        let json = String(attribute).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["n"] as? String } == ["华衡集团", "物业服务事业部", "商业零售事业部"])
        #expect(json.contains("[\"tw-cs\",\"客戶服務部（物業項目管理處）\"]"))
    }
}

@Suite("Editorial notes prefilter", .offPool)
struct EditorialNotesPrefilterTests {
    /// What the scalar pass replaced: Foundation's searches, kept here as the reference.
    static func reference(_ line: String) -> Bool {
        line.contains("源") || line.contains("知识库") || line.contains("知識庫")
            || line.contains("编") || line.contains("編") || line.contains("注") || line.contains("註")
            || line.localizedCaseInsensitiveContains("editor") || line.localizedCaseInsensitiveContains("source")
            || line.localizedCaseInsensitiveContains("knowledge base")
    }

    @Test("agrees with Foundation's case-insensitive search on every line of the shipped content and on edge cases")
    func agreesWithReference() throws {
        var lines = ["", "客户来源", "图书库管理", "本知识库整理", "本知識庫", "EDITOR's note", "The Source gave", "Knowledge Base",
                     "knowledge  base", "sources", "édition", "编辑", "注：", "仓库", "ｅｄｉｔｏｒ", "resource planning", "Editor"]
        let content = packageRoot.appendingPathComponent("content")
        for path in try FileManager.default.subpathsOfDirectory(atPath: content.path) where path.hasSuffix(".md") {
            lines += try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(lines.count > 1000)
        for line in lines { #expect(EditorialNotes.mayHaveNote(line) == Self.reference(line), "\(line)") }
    }
}
