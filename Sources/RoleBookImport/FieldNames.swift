import Foundation
import RoleBook

/// What a label in a job description means.
package enum FieldMeaning: Sendable, Equatable {
    case scalar(ScalarField)
    case section(SectionKindName)
    /// A line of a section: `学历：本科` kept as an item `学历：本科` of that section.
    case sectionItem(SectionKindName)
}

/// Labels of job descriptions and form templates, in simplified script: traditional labels
/// are folded before lookup. docs/import.md lists them.
package enum FieldNames {
    package static let table: [String: FieldMeaning] = {
        var t: [String: FieldMeaning] = [:]
        func add(_ meaning: FieldMeaning, _ labels: String...) { for l in labels { t[l] = meaning } }
        add(.scalar(.title), "岗位名称", "职位名称", "岗位名", "职务名称", "职位", "岗位")
        add(.scalar(.department), "所属部门", "部门", "隶属部门", "所在部门", "部门名称")
        add(.scalar(.reportsTo), "直接上级", "直属上级", "汇报对象", "汇报职级", "直接主管", "直接领导", "直接行政主管", "直接上司", "上级")
        add(.scalar(.directReports), "直接下级", "直接下属", "管理范围", "直属下级", "下属")
        add(.scalar(.code), "岗位编号", "职位编号", "岗位编码", "职位编码", "职位代码", "岗位代码")
        add(.scalar(.grade), "职级", "岗位等级", "薪资等级", "职位等级", "岗位级别")
        add(.scalar(.headcount), "定编人数", "编制", "岗位定编", "编制人数", "定员")
        add(.scalar(.location), "工作地点")
        add(.scalar(.hours), "工作时间")
        add(.scalar(.document), "文件编号")
        add(.scalar(.version), "文件版本", "版本", "版本号")
        add(.scalar(.effective), "生效日期", "生效时间")
        add(.section(.summary), "职责概述", "岗位概述", "岗位目的", "职位概述", "工作大纲", "工作概述", "岗位概要", "职位概要", "概述", "工作职责概述")
        add(.section(.responsibilities), "岗位职责", "工作职责", "职责描述", "主要职责", "具体工作职责", "职责细则", "职责", "工作内容",
            "岗位职责描述", "职责范围")
        add(.section(.qualifications), "任职资格", "任职要求", "任职条件", "岗位要求", "资格要求")
        add(.sectionItem(.qualifications), "教育背景", "工作经验", "专业技能", "学历", "专业", "专业及资格", "知识经验", "技能技巧",
            "性别", "年龄", "其它要求", "其他要求", "经验", "技能", "资格证书")
        add(.section(.kpis), "考核指标", "绩效指标", "考核标准", "岗位考核")
        add(.section(.authority), "工作权限", "审批权限", "岗位权限", "权限")
        add(.section(.relations), "工作关系", "架构关系", "隶属关系", "相关联系部门")
        add(.sectionItem(.relations), "内部协作", "外部联系", "内部关系", "外部关系", "协作关系")
        // Headings of form templates with no front-matter meaning: kept as sections of their own name.
        add(.section(.other), "工作流程", "工作标准", "工作目标")
        // Every heading the content parser knows reads as a label too (`工作职责描述`, `职位概要`, …).
        for (kind, headings) in SectionVocabulary.builtIn {
            let name: SectionKindName? = switch kind {
            case .summary: .summary
            case .responsibilities: .responsibilities
            case .qualifications: .qualifications
            case .kpis: .kpis
            case .authority: .authority
            case .hours: .hours
            case .relations: .relations
            default: nil
            }
            guard let name else { continue }
            for heading in headings where heading.unicodeScalars.contains(where: { CJKFolding.shared.pinyin($0) != nil }) {
                let key = normalize(heading)
                if t[key] == nil { t[key] = .section(name) }
            }
        }
        return t
    }()

    /// Labels read only with a colon and a value on the same line.
    package static let inlineOnly: Set<String> = ["职位", "岗位", "概述", "职责", "部门", "上级", "下属", "专业", "经验", "技能", "权限", "编制", "版本"]

    /// Simplified, without spaces, numbering or a trailing colon.
    package static func normalize(_ label: some StringProtocol) -> String {
        var s = CJKFolding.shared.simplify(String(label)).filter { !$0.isWhitespace }
        while let last = s.last, ":：".contains(last) { s.removeLast() }
        return s
    }

    package static func meaning(of label: some StringProtocol) -> FieldMeaning? {
        table[normalize(label)]
    }
}
