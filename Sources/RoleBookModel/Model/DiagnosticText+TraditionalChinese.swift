extension DiagnosticText {
    /// 繁體中文：用語依台灣習慣（檔案、資料夾、編碼），「檔頭」指檔案開頭兩行 `---` 之間的 YAML（front matter）。
    var traditionalChinese: String {
        switch self {
        case .invalidUTF8File: "檔案不是有效的 UTF-8 編碼"
        case .legacyEncoding(let encoding): "檔案是以 \(encoding) 編碼儲存的，不是 UTF-8"
        case .emptyFile: "檔案是空的"
        case .noFrontMatter: "檔案沒有檔頭（front matter）"
        case .frontMatterNotClosed: "檔頭沒有結束"
        case .invalidYAML(let problem): "檔頭不是有效的 YAML：\(YAMLProblemText.translate(problem, to: .zhTW))"
        case .duplicateKeys(let keys): "檔頭裡的 \(keys.map { "'\($0)'" }.joined(separator: "、")) 寫了不只一次"
        case .yamlAnchor: "檔頭不能使用錨點（&名稱），請把值直接寫出來"
        case .yamlAlias: "檔頭不能使用別名參照（*名稱），請把值直接寫出來"
        case .yamlTooDeep(let depth): "檔頭巢狀超過 \(depth) 層"
        case .frontMatterNotMapping: "檔頭必須是「鍵: 值」的形式"
        case .tabIndent: "YAML 不允許用 Tab 縮排，請改用空格"
        case .fullWidthColon(let key): "'\(key)' 後面用了全形冒號 '：'，YAML 只認半形冒號 ':'"
        case .emptyListItem(let key): "'\(key)' 的清單裡有一項是空的"
        case .commaSeparatedList(let key): "'\(key)' 是清單，要用方括號括起來"
        case .nestingFlattened(let levels): "清單、引用或強調巢狀超過 \(levels) 層，多出的層級被攤平"
        case .invalidID(let id, let problem): "編號 '\(id)' \(problem.traditionalChinese)"
        case .missingTitle(let kind, let id): "\(kind.traditionalChinese) '\(id)' 沒有標題"
        case .unknownFrequency(let value): "無法辨識的頻率 '\(value)'"
        case .unknownKind(let value): "無法辨識的類型 '\(value)'"
        case .noKind: "看不出這個檔案是崗位、部門還是流程"
        case .rawHTMLBlock: "HTML 程式碼區塊不會顯示在網站上"
        case .rawHTMLInline(let html): "HTML 程式碼 '\(html)' 不會顯示在網站上"
        case .invalidValue(let key, let expected): "'\(key)' 必須是\(expected.traditionalChinese)"
        case .valueTooLong(let key, let count, let max): "'\(key)' 太長（\(count) 個字，最多 \(max) 個）"
        case .unknownKey(let key, let kind): "\(kind.traditionalChinese)檔案裡沒有 '\(key)' 這一項"
        case .duplicateID(let kind, let id): "\(kind.traditionalChinese)編號 '\(id)' 重複"
        case .unreadableFolder(let path, let reason): "無法讀取資料夾 '\(path)'：\(reason)"
        case .brokenSymlink(let path, let reason): "無法讀取檔案 '\(path)'：捷徑（符號連結）已失效（\(reason)）"
        case .unreadableFile(let path, let reason): "無法讀取檔案 '\(path)'：\(reason)"
        case .notRegularFile(let path, let what): "無法讀取檔案 '\(path)'：它是 \(what)，不是一般檔案"
        case .fileTooLarge(let mb): "檔案超過 \(mb) MB"
        case .linkOutsideContent(let path, let target): "符號連結 '\(path)' 指向內容資料夾之外的 '\(target)'"
        case .folderNameNotUTF8(let name): "資料夾名稱 '\(name)' 不是有效的 UTF-8，其中的檔案沒有讀取"
        case .fileNameNotUTF8(let name): "檔名 '\(name)' 不是有效的 UTF-8"
        case .configNotUTF8: "rolebook.yml 不是有效的 UTF-8 編碼"
        case .configNotYAML(let problem): "rolebook.yml 不是有效的 YAML：\(problem)"
        case .unsupportedLanguage(let value): "不支援的語言 '\(value)'"
        case .unknownSection(let name): "無法辨識的欄目 '\(name)'"
        case .notAMap(let key): "'\(key)' 下面必須是「鍵: 值」的形式"
        case .ambiguousRole(let field, let name, let count): "\(field) 寫的 '\(name)' 對應 \(count) 個崗位"
        case .ambiguousDepartment(let field, let name, let count): "\(field) 寫的 '\(name)' 對應 \(count) 個部門"
        case .unknownReference(let field, let kind, let name): "\(field) 指向不存在的\(kind.traditionalChinese) '\(name)'"
        case .missingDepartment(let role): "崗位 '\(role)' 沒有填寫所屬部門"
        case .brokenLink(let destination): "連結 '\(destination)' 指向的檔案不存在"
        case .topWithSuperior(let role, let superior): "崗位 '\(role)' 標了 'top: true'，卻又匯報給 '\(superior)'"
        case .selfReport(let role): "崗位 '\(role)' 匯報給自己"
        case .missingSuperior(let role): "崗位 '\(role)' 沒有填寫 'reports_to'，也沒有標 'top: true'"
        case .reportingCycle(let ids): "匯報關係繞成了一個圈：\(ids.joined(separator: " → "))"
        case .directReportMismatch(let manager, let report, let actual):
            "'\(manager)' 把 '\(report)' 列為直接下級，但 '\(report)' \(actual.map { "匯報給 '\($0)'" } ?? "沒有上級")"
        case .unlistedDirectReport(let role, let manager): "'\(role)' 匯報給 '\(manager)'，但 '\(manager)' 的 'direct_reports' 裡沒有它"
        case .headOutsideDepartment(let head, let department, let actual):
            "'\(department)' 的負責人 '\(head)' \(actual.map { "屬於 '\($0)'" } ?? "沒有所屬部門")"
        case .departmentCycle(let ids): "上級部門繞成了一個圈：\(ids.joined(separator: " → "))"
        case .emptyDepartment(let id): "部門 '\(id)' 沒有崗位，也沒有下屬部門"
        case .spanOfControl(let role, let count, let max): "'\(role)' 有 \(count) 個直接下級，超過 \(max) 個"
        case .chainTooDeep(let role, let depth, let max): "'\(role)' 在最高崗位之下第 \(depth) 級，超過 \(max) 級"
        case .crossDepartmentSuperior(let role, let department, let superior, let superiorDepartment):
            "'\(department)' 的 '\(role)' 匯報給 '\(superiorDepartment)' 的 '\(superior)'，但它不是本部門負責人"
        case .positionsNotInDepartment(let role, let department): "'positions' 列了 '\(role)'，但它不屬於 '\(department)'"
        case .positionsHeadcount(let planned, let role, let headcount): "'positions' 給 '\(role)' 定編 \(planned) 人，但該崗位的編制是 \(headcount) 人"
        case .positionsOmits(let department, let role): "'\(department)' 的 'positions' 漏了本部門崗位 '\(role)'"
        case .vacantWithReports(let role, let count): "空缺崗位 '\(role)' 有 \(count) 個直接下級"
        case .sectionWithoutItems(let heading, let hasText): "'\(heading)' 一節\(hasText ? "只有段落，沒有逐條列出" : "沒有內容")"
        case .noResponsibilitiesSection(let role): "崗位 '\(role)' 沒有「崗位職責」一節"
        case .emptySection(let heading): "'\(heading)' 一節是空的"
        case .procedureWithoutSteps(let id): "流程 '\(id)' 沒有步驟"
        case .emptyPhase(let phase, let procedure): "流程 '\(procedure)' 的階段 '\(phase)' 沒有步驟"

        case .didYouMean(let name): "是不是要寫 '\(name)'？"
        case .didYouMeanTitle(let title, let id): "是不是要寫 '\(title)'（編號 '\(id)'）？"
        case .startWithFrontMatter: "檔案第一行寫 '---'，接著寫 'title: …'，再寫一行 '---'"
        case .closeFrontMatter: "在檔頭最後一項之後、正文之前加一行 '---'"
        case .saveAsUTF8: "請將檔案另存為 UTF-8（記事本：另存新檔，編碼選 UTF-8）"
        case .useHalfWidthColon(let key): "改用半形冒號，後面空一格：'\(key): '"
        case .writeListInBrackets(let key, let suggestion): "寫成 '\(key): \(suggestion)'"
        case .removeEmptyItem: "刪掉這一行 '-'，或在後面寫上內容"
        case .flattenedTextKept: "文字都保留，只是更深的縮排沒有了"
        case .shortenID(let max): "縮短到 \(max) 位元組以內（約 \(max) 個字母或數字，或 \(max / 3) 個漢字）"
        case .useIDCharacters(let suggestion): "只用字母、數字、'-'、'_' 或 '.'，例如 '\(suggestion)'"
        case .addTitle: "在檔頭裡加上 'title: …'"
        case .useFrequency(let values): "可用的值：" + values.joined(separator: "、")
        case .addKind: "加上 'kind: role'（或 department、procedure），或把檔案移到 roles/、departments/ 或 procedures/ 資料夾"
        case .writeMarkdownInstead: "請改用 Markdown 書寫"
        case .alreadyUsedHere(let id): "'\(id)' 已在這裡使用"
        case .addDepartment: "加上 'department: <部門編號>'"
        case .onlyRegularFiles: "只讀取一般檔案；請刪除它，或改名使它不以 .md 結尾"
        case .splitLargeFile: "請拆成幾個檔案，或把不是崗位說明的內容移出內容資料夾"
        case .copyIntoContent: "rolebook 只讀取內容資料夾裡的檔案；請把要發布的內容複製進來"
        case .renameFolder: "請重新命名該資料夾；不是 UTF-8 的位元組顯示為 \\xNN"
        case .renameFile: "請重新命名該檔案；不是 UTF-8 的位元組顯示為 \\xNN"
        case .useLanguage: "可用 zh-CN、zh-TW 或 en"
        case .sectionsAre(let names): "可用的欄目：" + names.joined(separator: "、")
        case .couldBe(let id): "可能是 '\(id)'"
        case .writeIDInsteadOfTitle: "請改寫崗位編號，而不是崗位名稱"
        case .makeHeadOrDottedLine(let department): "設為 '\(department)' 的負責人、調到對方部門，或用 'dotted_line_to' 表示業務上的虛線匯報"
        case .removeReportsToOrTop: "刪掉 'reports_to' 或 'top' 其中一項"
        case .addReportsTo: "加上 'reports_to: <崗位編號>'；如果是整個組織的最高崗位，加上 'top: true'"
        case .reportsToHere(let role, let superior): "'\(role)' 在這裡寫了匯報給 '\(superior)'"
        case .writeStepsAsList: "請把步驟寫成編號清單"
        case .reportsToIt(let id): "'\(id)' 匯報給它"
        case .setsSuperiorHere(let id): "'\(id)' 在這裡填寫了上級"
        case .listsDirectReportsHere(let id): "'\(id)' 在這裡列出直接下級"
        case .setsDepartmentHere(let id): "'\(id)' 在這裡填寫了所屬部門"
        case .setsParentHere(let id): "'\(id)' 在這裡填寫了上級部門"
        case .raiseMaxSpan: "調高 rolebook.yml 裡的 'validation.max_span'，或增加一個管理層級"
        case .chain(let ids): "匯報鏈：" + ids.joined(separator: " → ")
        case .startEachResponsibility: "每條職責單獨一行，以 '1、'、'（1）'、'①' 或 '- ' 開頭"
        case .addResponsibilitiesSection: "加上「## 崗位職責」一節，並逐條列出職責"
        case .headcountSetHere: "編制在這裡填寫"
        case .roleDefinedHere: "崗位在這裡定義"
        case .frontMatterFailed: "可能是這個檔案：它的檔頭沒能讀出（見它的錯誤）"
        case .overlayErrorCount(let n): "內容有 \(n) 個錯誤"
        case .overlayShowsLastGood: "頁面顯示的是最後一個沒有錯誤的版本。改好檔案並儲存後，這個提示會自動消失。"
        case .overlayHideUntilSave: "隱藏，直到下次儲存"
        case .verbatim(let text): text
        }
    }
}

extension DiagnosticText.IDProblem {
    var traditionalChinese: String {
        switch self {
        case .tooLong(let bytes, let max): "太長（作為檔名有 \(bytes) 位元組，最多 \(max) 位元組）"
        case .empty: "是空的"
        case .slash: "含有斜線"
        case .dotDot: "含有 '..'"
        case .leadingDot: "以 '.' 開頭"
        case .space: "含有空格"
        case .character(let c): "含有 '\(c)'"
        }
    }
}

extension DiagnosticText.ExpectedValue {
    var traditionalChinese: String {
        switch self {
        case .singleValue: "單一值"
        case .wholeNumber(let from, let to): " \(from) 到 \(to) 之間的整數"
        case .boolean: " true 或 false"
        case .listOfAtMost(let n): "最多 \(n) 個名稱的清單"
        case .listOfNames: "名稱清單"
        case .list: "清單"
        case .date: "寫成 YYYY-MM-DD 的日期，例如 2026-01-01"
        case .headcountMap: "「崗位: 人數」的對照表"
        }
    }
}

extension EntityKind {
    var traditionalChinese: String {
        switch self {
        case .role: "崗位"
        case .department: "部門"
        case .procedure: "流程"
        }
    }
}
