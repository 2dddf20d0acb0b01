extension DiagnosticText {
    /// 简体中文：写给 HR 看的话，“文件头”指文件开头两行 `---` 之间的 YAML（front matter）。
    var simplifiedChinese: String {
        switch self {
        case .invalidUTF8File: "文件不是有效的 UTF-8 编码"
        case .legacyEncoding(let encoding): "文件是按 \(encoding) 编码保存的，不是 UTF-8"
        case .emptyFile: "文件是空的"
        case .noFrontMatter: "文件没有文件头（front matter）"
        case .frontMatterNotClosed: "文件头没有结束"
        case .invalidYAML(let problem): "文件头不是有效的 YAML：\(YAMLProblemText.translate(problem, to: .zhCN))"
        case .duplicateKeys(let keys): "文件头里的 \(keys.map { "'\($0)'" }.joined(separator: "、")) 写了不止一次"
        case .yamlAnchor: "文件头不能使用锚点（&名称），请把值直接写出来"
        case .yamlAlias: "文件头不能使用别名引用（*名称），请把值直接写出来"
        case .yamlTooDeep(let depth): "文件头嵌套超过 \(depth) 层"
        case .frontMatterNotMapping: "文件头必须是“键: 值”的形式"
        case .tabIndent: "YAML 不允许用 Tab 缩进，请改用空格"
        case .fullWidthColon(let key): "'\(key)' 后面用了全角冒号 '：'，YAML 只认半角冒号 ':'"
        case .emptyListItem(let key): "'\(key)' 的列表里有一项是空的"
        case .commaSeparatedList(let key): "'\(key)' 是列表，要用方括号括起来"
        case .nestingFlattened(let levels): "列表、引用或强调嵌套超过 \(levels) 层，多出的层级被拉平"
        case .invalidID(let id, let problem): "编号 '\(id)' \(problem.simplifiedChinese)"
        case .missingTitle(let kind, let id): "\(kind.simplifiedChinese) '\(id)' 没有标题"
        case .unknownFrequency(let value): "无法识别的频率 '\(value)'"
        case .unknownKind(let value): "无法识别的类型 '\(value)'"
        case .noKind: "看不出这个文件是岗位、部门还是流程"
        case .rawHTMLBlock: "HTML 代码块不会显示在网站上"
        case .rawHTMLInline(let html): "HTML 代码 '\(html)' 不会显示在网站上"
        case .invalidValue(let key, let expected): "'\(key)' 必须是\(expected.simplifiedChinese)"
        case .valueTooLong(let key, let count, let max): "'\(key)' 太长（\(count) 个字，最多 \(max) 个）"
        case .unknownKey(let key, let kind): "\(kind.simplifiedChinese)文件里没有 '\(key)' 这一项"
        case .duplicateID(let kind, let id): "\(kind.simplifiedChinese)编号 '\(id)' 重复"
        case .unreadableFolder(let path, let reason): "无法读取文件夹 '\(path)'：\(reason)"
        case .brokenSymlink(let path, let reason): "无法读取文件 '\(path)'：快捷方式（符号链接）已失效（\(reason)）"
        case .unreadableFile(let path, let reason): "无法读取文件 '\(path)'：\(reason)"
        case .notRegularFile(let path, let what): "无法读取文件 '\(path)'：它是 \(what)，不是普通文件"
        case .fileTooLarge(let mb): "文件超过 \(mb) MB"
        case .linkOutsideContent(let path, let target): "符号链接 '\(path)' 指向内容文件夹之外的 '\(target)'"
        case .folderNameNotUTF8(let name): "文件夹名 '\(name)' 不是有效的 UTF-8，其中的文件没有读取"
        case .fileNameNotUTF8(let name): "文件名 '\(name)' 不是有效的 UTF-8"
        case .configNotUTF8: "rolebook.yml 不是有效的 UTF-8 编码"
        case .configNotYAML(let problem): "rolebook.yml 不是有效的 YAML：\(problem)"
        case .unsupportedLanguage(let value): "不支持的语言 '\(value)'"
        case .unknownSection(let name): "无法识别的栏目 '\(name)'"
        case .notAMap(let key): "'\(key)' 下面必须是“键: 值”的形式"
        case .ambiguousRole(let field, let name, let count): "\(field) 写的 '\(name)' 对应 \(count) 个岗位"
        case .ambiguousDepartment(let field, let name, let count): "\(field) 写的 '\(name)' 对应 \(count) 个部门"
        case .unknownReference(let field, let kind, let name): "\(field) 指向不存在的\(kind.simplifiedChinese) '\(name)'"
        case .missingDepartment(let role): "岗位 '\(role)' 没有填写所属部门"
        case .brokenLink(let destination): "链接 '\(destination)' 指向的文件不存在"
        case .topWithSuperior(let role, let superior): "岗位 '\(role)' 标了 'top: true'，却又汇报给 '\(superior)'"
        case .selfReport(let role): "岗位 '\(role)' 汇报给自己"
        case .missingSuperior(let role): "岗位 '\(role)' 没有填写 'reports_to'，也没有标 'top: true'"
        case .reportingCycle(let ids): "汇报关系绕成了一个圈：\(ids.joined(separator: " → "))"
        case .directReportMismatch(let manager, let report, let actual):
            "'\(manager)' 把 '\(report)' 列为直接下级，但 '\(report)' \(actual.map { "汇报给 '\($0)'" } ?? "没有上级")"
        case .unlistedDirectReport(let role, let manager): "'\(role)' 汇报给 '\(manager)'，但 '\(manager)' 的 'direct_reports' 里没有它"
        case .headOutsideDepartment(let head, let department, let actual):
            "'\(department)' 的负责人 '\(head)' \(actual.map { "属于 '\($0)'" } ?? "没有所属部门")"
        case .departmentCycle(let ids): "上级部门绕成了一个圈：\(ids.joined(separator: " → "))"
        case .emptyDepartment(let id): "部门 '\(id)' 没有岗位，也没有下属部门"
        case .spanOfControl(let role, let count, let max): "'\(role)' 有 \(count) 个直接下级，超过 \(max) 个"
        case .chainTooDeep(let role, let depth, let max): "'\(role)' 在最高岗位之下第 \(depth) 级，超过 \(max) 级"
        case .crossDepartmentSuperior(let role, let department, let superior, let superiorDepartment):
            "'\(department)' 的 '\(role)' 汇报给 '\(superiorDepartment)' 的 '\(superior)'，但它不是本部门负责人"
        case .positionsNotInDepartment(let role, let department): "'positions' 列了 '\(role)'，但它不属于 '\(department)'"
        case .positionsHeadcount(let planned, let role, let headcount): "'positions' 给 '\(role)' 定编 \(planned) 人，但该岗位的编制是 \(headcount) 人"
        case .positionsOmits(let department, let role): "'\(department)' 的 'positions' 漏了本部门岗位 '\(role)'"
        case .vacantWithReports(let role, let count): "空缺岗位 '\(role)' 有 \(count) 个直接下级"
        case .sectionWithoutItems(let heading, let hasText): "'\(heading)' 一节\(hasText ? "只有段落，没有逐条列出" : "没有内容")"
        case .noResponsibilitiesSection(let role): "岗位 '\(role)' 没有“岗位职责”一节"
        case .emptySection(let heading): "'\(heading)' 一节是空的"
        case .procedureWithoutSteps(let id): "流程 '\(id)' 没有步骤"
        case .emptyPhase(let phase, let procedure): "流程 '\(procedure)' 的阶段 '\(phase)' 没有步骤"

        case .didYouMean(let name): "是不是要写 '\(name)'？"
        case .didYouMeanTitle(let title, let id): "是不是要写 '\(title)'（编号 '\(id)'）？"
        case .startWithFrontMatter: "文件第一行写 '---'，接着写 'title: …'，再写一行 '---'"
        case .closeFrontMatter: "在文件头最后一项之后、正文之前加一行 '---'"
        case .saveAsUTF8: "请将文件另存为 UTF-8（记事本：另存为，编码选 UTF-8）"
        case .useHalfWidthColon(let key): "改用半角冒号，后面空一格：'\(key): '"
        case .writeListInBrackets(let key, let suggestion): "写成 '\(key): \(suggestion)'"
        case .removeEmptyItem: "删掉这一行 '-'，或在后面写上内容"
        case .flattenedTextKept: "文字都保留，只是更深的缩进没有了"
        case .shortenID(let max): "缩短到 \(max) 字节以内（约 \(max) 个字母或数字，或 \(max / 3) 个汉字）"
        case .useIDCharacters(let suggestion): "只用字母、数字、'-'、'_' 或 '.'，例如 '\(suggestion)'"
        case .addTitle: "在文件头里加上 'title: …'"
        case .useFrequency(let values): "可用的值：" + values.joined(separator: "、")
        case .addKind: "加上 'kind: role'（或 department、procedure），或把文件移到 roles/、departments/ 或 procedures/ 文件夹"
        case .writeMarkdownInstead: "请改用 Markdown 书写"
        case .alreadyUsedHere(let id): "'\(id)' 已在这里使用"
        case .addDepartment: "加上 'department: <部门编号>'"
        case .onlyRegularFiles: "只读取普通文件；请删除它，或改名使它不以 .md 结尾"
        case .splitLargeFile: "请拆成几个文件，或把不是岗位说明的内容移出内容文件夹"
        case .copyIntoContent: "rolebook 只读取内容文件夹里的文件；请把要发布的内容复制进来"
        case .renameFolder: "请重命名该文件夹；不是 UTF-8 的字节显示为 \\xNN"
        case .renameFile: "请重命名该文件；不是 UTF-8 的字节显示为 \\xNN"
        case .useLanguage: "可用 zh-CN、zh-TW 或 en"
        case .sectionsAre(let names): "可用的栏目：" + names.joined(separator: "、")
        case .couldBe(let id): "可能是 '\(id)'"
        case .writeIDInsteadOfTitle: "请改写岗位编号，而不是岗位名称"
        case .makeHeadOrDottedLine(let department): "设为 '\(department)' 的负责人、调到对方部门，或用 'dotted_line_to' 表示业务上的虚线汇报"
        case .removeReportsToOrTop: "删掉 'reports_to' 或 'top' 其中一项"
        case .addReportsTo: "加上 'reports_to: <岗位编号>'；如果是整个组织的最高岗位，加上 'top: true'"
        case .reportsToHere(let role, let superior): "'\(role)' 在这里写了汇报给 '\(superior)'"
        case .writeStepsAsList: "请把步骤写成编号列表"
        case .reportsToIt(let id): "'\(id)' 汇报给它"
        case .setsSuperiorHere(let id): "'\(id)' 在这里填写了上级"
        case .listsDirectReportsHere(let id): "'\(id)' 在这里列出直接下级"
        case .setsDepartmentHere(let id): "'\(id)' 在这里填写了所属部门"
        case .setsParentHere(let id): "'\(id)' 在这里填写了上级部门"
        case .raiseMaxSpan: "调高 rolebook.yml 里的 'validation.max_span'，或增加一个管理层级"
        case .chain(let ids): "汇报链：" + ids.joined(separator: " → ")
        case .startEachResponsibility: "每条职责单独一行，以 '1、'、'（1）'、'①' 或 '- ' 开头"
        case .addResponsibilitiesSection: "加上“## 岗位职责”一节，并逐条列出职责"
        case .headcountSetHere: "编制在这里填写"
        case .roleDefinedHere: "岗位在这里定义"
        case .frontMatterFailed: "可能是这个文件：它的文件头没能读出（见它的错误）"
        case .overlayErrorCount(let n): "内容有 \(n) 个错误"
        case .overlayShowsLastGood: "页面显示的是最后一个没有错误的版本。改好文件并保存后，这个提示会自动消失。"
        case .overlayHideUntilSave: "隐藏，直到下次保存"
        case .verbatim(let text): text
        }
    }
}

extension DiagnosticText.IDProblem {
    var simplifiedChinese: String {
        switch self {
        case .tooLong(let bytes, let max): "太长（作为文件名有 \(bytes) 字节，最多 \(max) 字节）"
        case .empty: "是空的"
        case .slash: "含有斜杠"
        case .dotDot: "含有 '..'"
        case .leadingDot: "以 '.' 开头"
        case .space: "含有空格"
        case .character(let c): "含有 '\(c)'"
        }
    }
}

extension DiagnosticText.ExpectedValue {
    var simplifiedChinese: String {
        switch self {
        case .singleValue: "单个值"
        case .wholeNumber(let from, let to): " \(from) 到 \(to) 之间的整数"
        case .boolean: " true 或 false"
        case .listOfAtMost(let n): "最多 \(n) 个名称的列表"
        case .listOfNames: "名称列表"
        case .list: "列表"
        case .date: "写成 YYYY-MM-DD 的日期，例如 2026-01-01"
        case .headcountMap: "“岗位: 人数”的对照表"
        }
    }
}

extension EntityKind {
    var simplifiedChinese: String {
        switch self {
        case .role: "岗位"
        case .department: "部门"
        case .procedure: "流程"
        }
    }
}
