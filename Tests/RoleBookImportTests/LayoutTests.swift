import Foundation
import Testing
@testable import RoleBookImport

@Suite struct LayoutTests {
    @Test func labelAndValueOnSeparateLines() throws {
        let p = plan(["layouts/label-next-line.txt"])
        #expect(p.roles.map(\.title) == ["客户服务经理"])
        let file = try #require(roleFile(p, "kehufuwujingli"))
        #expect(file == """
        ---
        title: "客户服务经理"
        department: kehufuwubu
        reports_to: "总经理"
        headcount: 1
        code: "KF-01"
        grade: "M3"
        ---

        ## 职责概述

        统筹客户服务部的订单及投诉处理。

        ## 岗位职责

        - 管理部门日常运作；
        - 处理重大投诉；
        - 培训部门员工。

        """)
        #expect(p.notes.contains { $0.kind == .problem && $0.message.contains("直接上级 '总经理'") })
    }

    @Test func labelColonValueAndUnmappedLabels() throws {
        let p = plan(["layouts/label-colon.txt"])
        let file = try #require(roleFile(p, "qiantaijiedai"))
        #expect(file.contains("department: xingzhengbu\n"))
        #expect(file.contains("reports_to: \"行政经理\"\n"))
        #expect(file.contains("location: \"总部一楼\"\n"))
        #expect(file.contains("## 岗位职责\n\n- 接听电话并转接;\n- 登记来访客户;\n- 收发快递。\n"))
        #expect(file.contains("## 任职资格\n\n- 大专以上学历;\n- 一年以上前台工作经验。\n"))
        #expect(file.contains("## 考核指标\n\n- 来访登记完整率。\n"))
        // A label with no mapping is kept as a section, and reported.
        #expect(file.contains("## 着装要求\n\n- 统一工装。\n"))
        #expect(p.notes.contains { $0.kind == .unmapped && $0.message.contains("'着装要求' has no mapping") })
    }

    @Test func severalJobDescriptionsInOneFile() throws {
        let p = plan(["layouts/several-jds.txt"])
        #expect(p.roles.map(\.title) == ["仓储部经理", "理货员", "配送主管", "司机"])
        #expect(p.roles.map(\.responsibilities) == [2, 2, 3, 2])
        #expect(p.departments.map(\.title) == ["仓储部", "配送部"])
        #expect(roleFile(p, "siji")?.contains("department: peisongbu\n") == true)
        #expect(roleFile(p, "peisongzhuguan")?.contains("- 安排每日配送路线；\n- 跟踪配送异常；\n- 统计配送时效。\n") == true)
    }

    @Test func chineseMarkersNest() throws {
        let p = plan(["layouts/markers.txt"])
        let file = try #require(roleFile(p, "dianzhang"))
        #expect(file.contains("""
        ## 岗位职责

        - 门店运营
          - 制定门店月度计划；
          - 检查陈列与卫生。
        - 人员管理
          - 排班；
          - 培训新员工；
          - 考核店员。
        - 店长对门店安全负责。

        """))
    }

    @Test func rulesBecomeAProcedureAndAreReported() throws {
        let p = plan(["layouts/rules.txt"])
        // A duty that mentions `管理制度` is not a rules heading inside a job description.
        #expect(p.roles.map(\.title) == ["收银员"])
        #expect(p.roles.map(\.responsibilities) == [5])
        #expect(roleFile(p, "shouyinyuan")?.contains("- 检查设备\n  - 收银机；\n  - 扫码枪。\n") == true)
        #expect(p.procedures.map(\.title) == ["收银台管理制度"])
        let file = try #require(p.files.first { $0.path == "procedures/shouyintaiguanlizhidu.md" }?.contents)
        #expect(file == """
        ---
        title: "收银台管理制度"
        ---

        为规范收银工作，特制定本制度。

        ## 营业前

        - 清点备用金；
        - 检查收银机。

        ## 营业中

        - 唱收唱付；
        - 大额纸币验钞。

        ## 交班

        - 填写交班表；
        - 双人复核。

        """)
        let note = try #require(p.notes.first { $0.message.contains("reads as rules") })
        #expect(note.line == 9)
        #expect(note.message.hasPrefix("warning: '收银台管理制度' reads as rules or a procedure (管理制度, 须知, 细则), not a job description: imported as procedures/shouyintaiguanlizhidu.md with 6 steps in 3 phases"))
    }

    @Test func rulesRunTogetherOnOneLine() throws {
        let p = plan(["layouts/rules-one-line.txt"])
        #expect(p.roles.isEmpty)
        let file = try #require(p.files.first { $0.path == "procedures/qiantaiguanlizhidu.md" }?.contents)
        // `工作时间:` inside a rule is its text, not a field.
        #expect(file.hasSuffix("""
        为规范前台工作,特制定此制度。

        ## 日常工作

        - 每天8:50到岗,工作时间:8:50-17:30。
        - 保持前台清洁。

        ## 仪容仪表

        - 穿着工作服。
        - 佩戴工牌。

        """))
    }

    @Test func numberedBlocksOutOfOrderMoveIntoTheirGap() throws {
        let p = plan(["layouts/shuffled.txt"])
        let file = try #require(roleFile(p, "kefuzhuanyuan"))
        #expect(file.contains("## 岗位职责\n\n- 接听客户来电;\n- 处理客户投诉;\n- 接待来访客户并登记;\n- 回访老客户;\n- 整理客户档案;\n- 完成上级交办的其他工作。\n"))
        #expect(file.hasSuffix("## 工作权限\n\n- 对客户资料有查阅权。\n- 对服务问题有上报权。\n- 要求相关部门配合工作的权力。\n"))
        #expect(p.notes.contains { $0.line == 11 && $0.message.contains("items 3–5 break the numbering of '工作权限' and fill the gap in '岗位职责'") })
    }

    @Test func dutiesUnderRelationsMoveToResponsibilities() throws {
        let p = plan(["layouts/relations-duties.txt"])
        let file = try #require(roleFile(p, "wuliujingli"))
        #expect(file.contains("跟进核心客户的发货要求,及时反馈至管理层;"))
        #expect(!(file.components(separatedBy: "## 工作关系").last ?? "").contains("核心客户"))
        #expect(p.notes.contains { $0.line == 13 && $0.message.contains("read as duties, not relations: moved to 岗位职责") })
    }

    @Test func leadInStaysProseAndMixedFamiliesNest() throws {
        let p = plan(["layouts/lead-in.txt"])
        #expect(p.roles.map(\.responsibilities) == [5])
        let file = try #require(roleFile(p, "chuna"))
        #expect(file.contains("""
        ## 岗位职责

        主要职责如下：

        - 现金收付；
        - 银行对账
          - 每日核对；
          - 月末调节；
        - 保管印章。

        ## 任职资格

        具备以下条件：

        - 会计专业；
        - 两年经验。

        """))
    }

    @Test func dutiesRunTogetherUnderADutiesHeading() throws {
        let p = plan(["layouts/duties-run-together.txt"])
        #expect(p.roles.map(\.responsibilities) == [5])
        let file = try #require(roleFile(p, "yunyingdudao"))
        #expect(!file.contains("## 职责概述"))
        #expect(file.contains("- 监督所管辖餐厅的营运;\n- 训练餐厅经理;\n- 协调区域内人员、物料;\n- 面试和招聘管理组成员;\n- 完成现金审核。\n"))
    }

    @Test func markdownWithoutFrontMatter() throws {
        let p = plan(["layouts/wiki.md"])
        let file = try #require(roleFile(p, "caigouzhuanyuan"))
        #expect(file.contains("department: caigoubu\n"))
        #expect(file.contains("## 岗位职责\n\n- 寻找并评估供应商；\n- 跟进采购订单；\n- 核对到货与发票。\n"))
        #expect(file.contains("## 任职资格\n\n- 本科以上学历。\n"))
    }

    @Test func oldWordDocumentsAreRefused() {
        let p = plan(["layouts/old.doc"])
        #expect(p.unreadable)
        #expect(p.notes.contains { $0.message.contains("save it as .docx") })
    }

    @Test func idsArePinyinUniqueAndPrefixed() {
        #expect(Resolver.id(for: "客服VIP服务经理", prefix: "") == "kefu-vip-fuwujingli")
        #expect(Resolver.id(for: "倉庫管理員", prefix: "acme-") == "acme-cangkuguanliyuan")
        var used: Set<String> = ["siji"]
        #expect(Resolver.unique("siji", &used) == "siji-2")
    }

    @Test func superiorsWrittenWithAlternatives() {
        #expect(Resolver.names("环境主管/副主管") == [["环境主管", "环境副主管"]])
        #expect(Resolver.names("客户服务经理/副经理") == [["客户服务经理", "客户服务副经理"]])
        #expect(Resolver.names("会议服务助理、(上市大厅、典藏博览)服务助理") == [["会议服务助理"], ["(上市大厅、典藏博览)服务助理"]])
        #expect(Resolver.names("无") == [])
    }
}
