extension DiagnosticText {
    /// English: lowercase phrases, names quoted, no final period.
    var english: String {
        switch self {
        case .invalidUTF8File: "file is not valid UTF-8"
        case .legacyEncoding(let encoding): "file is saved as \(encoding), not UTF-8"
        case .emptyFile: "file is empty"
        case .noFrontMatter: "file has no front matter"
        case .frontMatterNotClosed: "front matter is not closed"
        case .invalidYAML(let problem): "front matter is not valid YAML: \(problem)"
        case .duplicateKeys(let keys): "front matter is not valid YAML: duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", "))"
        case .yamlAnchor: "front matter is not valid YAML: anchors (&name) are not allowed in front matter; write the value out"
        case .yamlAlias: "front matter is not valid YAML: aliases (*name) are not allowed in front matter; write the value out"
        case .yamlTooDeep(let depth): "front matter is not valid YAML: front matter is nested deeper than \(depth) levels"
        case .frontMatterNotMapping: "front matter must be a mapping of keys to values"
        case .tabIndent: "YAML does not allow tabs for indentation; indent with spaces"
        case .fullWidthColon(let key): "full-width colon '：' after '\(key)': YAML needs ':'"
        case .emptyListItem(let key): "'\(key)' has an empty list item"
        case .commaSeparatedList(let key): "'\(key)' is a list written without brackets"
        case .nestingFlattened(let levels): "lists, quotes or emphasis nested deeper than \(levels) levels are flattened"
        case .invalidID(let id, let problem): "id '\(id)' \(problem.english)"
        case .missingTitle(let kind, let id): "\(kind.rawValue) '\(id)' has no title"
        case .unknownFrequency(let value): "unknown frequency '\(value)'"
        case .unknownKind(let value): "unknown kind '\(value)'"
        case .noKind: "cannot tell whether this file is a role, a department or a procedure"
        case .rawHTMLBlock: "raw HTML block is not rendered"
        case .rawHTMLInline(let html): "raw HTML '\(html)' is not rendered"
        case .invalidValue(let key, let expected): "'\(key)' must be \(expected.english)"
        case .valueTooLong(let key, let count, let max): "'\(key)' is too long (\(count) characters; at most \(max))"
        case .unknownKey(let key, let kind): "unknown key '\(key)' for a \(kind.rawValue)"
        case .duplicateID(let kind, let id): "duplicate \(kind.rawValue) id '\(id)'"
        case .unreadableFolder(let path, let reason): "cannot read folder '\(path)': \(reason)"
        case .brokenSymlink(let path, let reason): "cannot read file '\(path)': the symbolic link is broken (\(reason))"
        case .unreadableFile(let path, let reason): "cannot read file '\(path)': \(reason)"
        case .notRegularFile(let path, let what): "cannot read file '\(path)': it is \(what), not a regular file"
        case .fileTooLarge(let mb): "file is larger than \(mb) MB"
        case .linkOutsideContent(let path, let target): "symbolic link '\(path)' points outside the content folder, to '\(target)'"
        case .folderNameNotUTF8(let name): "folder name '\(name)' is not valid UTF-8; its files are not read"
        case .fileNameNotUTF8(let name): "file name '\(name)' is not valid UTF-8"
        case .configNotUTF8: "rolebook.yml is not valid UTF-8"
        case .configNotYAML(let problem): "rolebook.yml is not valid YAML: \(problem)"
        case .unsupportedLanguage(let value): "unsupported language '\(value)'"
        case .unknownSection(let name): "unknown section '\(name)'"
        case .notAMap(let key): "'\(key)' must be a map"
        case .ambiguousRole(let field, let name, let count): "'\(field)' name '\(name)' matches \(count) roles"
        case .ambiguousDepartment(let field, let name, let count): "'\(field)' name '\(name)' matches \(count) departments"
        case .unknownReference(let field, let kind, let name): "'\(field)' names unknown \(kind.rawValue) '\(name)'"
        case .missingDepartment(let role): "role '\(role)' has no department"
        case .brokenLink(let destination): "link to '\(destination)' points to no content file"
        case .topWithSuperior(let role, let superior): "role '\(role)' is 'top: true' but reports to '\(superior)'"
        case .selfReport(let role): "role '\(role)' reports to itself"
        case .missingSuperior(let role): "role '\(role)' has no 'reports_to' and is not 'top: true'"
        case .reportingCycle(let ids): "reporting lines form a cycle: \(ids.joined(separator: " → "))"
        case .directReportMismatch(let manager, let report, let actual):
            "'\(manager)' lists '\(report)' as a direct report, but '\(report)' reports to \(actual.map { "'\($0)'" } ?? "no one")"
        case .unlistedDirectReport(let role, let manager): "'\(role)' reports to '\(manager)', which does not list it in 'direct_reports'"
        case .headOutsideDepartment(let head, let department, let actual):
            "head '\(head)' of '\(department)' belongs to \(actual.map { "'\($0)'" } ?? "no department")"
        case .departmentCycle(let ids): "department parents form a cycle: \(ids.joined(separator: " → "))"
        case .emptyDepartment(let id): "department '\(id)' has no roles and no sub-departments"
        case .spanOfControl(let role, let count, let max): "'\(role)' has \(count) direct reports, more than \(max)"
        case .chainTooDeep(let role, let depth, let max): "'\(role)' is \(depth) levels below the top, deeper than \(max)"
        case .crossDepartmentSuperior(let role, let department, let superior, let superiorDepartment):
            "'\(role)' in '\(department)' reports to '\(superior)' in '\(superiorDepartment)' but is not its department's head"
        case .positionsNotInDepartment(let role, let department): "'positions' lists '\(role)', which is not in '\(department)'"
        case .positionsHeadcount(let planned, let role, let headcount): "'positions' plans \(planned) for '\(role)', but its headcount is \(headcount)"
        case .positionsOmits(let department, let role): "'positions' of '\(department)' omits its role '\(role)'"
        case .vacantWithReports(let role, let count): "vacant role '\(role)' has \(count) direct report(s)"
        case .sectionWithoutItems(let heading, let hasText): "section '\(heading)' \(hasText ? "has text but no list items" : "has no list items")"
        case .noResponsibilitiesSection(let role): "role '\(role)' has no '岗位职责' section"
        case .emptySection(let heading): "section '\(heading)' is empty"
        case .procedureWithoutSteps(let id): "procedure '\(id)' has no steps"
        case .emptyPhase(let phase, let procedure): "phase '\(phase)' of procedure '\(procedure)' has no steps"

        case .didYouMean(let name): "did you mean '\(name)'?"
        case .didYouMeanTitle(let title, let id): "did you mean '\(title)' (id '\(id)')?"
        case .startWithFrontMatter: "start the file with a '---' line, then 'title: …', then '---'"
        case .closeFrontMatter: "end the front matter with a '---' line after its last key, before the text"
        case .saveAsUTF8: "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
        case .useHalfWidthColon(let key): "write '\(key):' with the half-width colon, then a space"
        case .writeListInBrackets(let key, let suggestion): "write '\(key): \(suggestion)'"
        case .removeEmptyItem: "remove the '-' line, or write a value after it"
        case .flattenedTextKept: "the text is kept; only the deeper indentation is lost"
        case .shortenID(let max): "shorten it to at most \(max) bytes (as many letters or digits, or about \(max / 3) Chinese characters)"
        case .useIDCharacters(let suggestion): "use letters, digits, '-', '_' or '.', e.g. '\(suggestion)'"
        case .addTitle: "add 'title: …' to the front matter"
        case .useFrequency(let values): "use one of: " + values.joined(separator: ", ")
        case .addKind: "add 'kind: role' (or department, procedure), or move it under a roles/, departments/ or procedures/ folder"
        case .writeMarkdownInstead: "write it as Markdown instead"
        case .alreadyUsedHere(let id): "'\(id)' is already used here"
        case .addDepartment: "add 'department: <department id>'"
        case .onlyRegularFiles: "only regular files are read; remove it or rename it so it does not end in .md"
        case .splitLargeFile: "split it into several files, or move what is not a job description out of the content folder"
        case .copyIntoContent: "rolebook reads only files inside the content folder; copy what it should publish into the folder"
        case .renameFolder: "rename the folder; bytes that are not UTF-8 are shown as \\xNN"
        case .renameFile: "rename the file; bytes that are not UTF-8 are shown as \\xNN"
        case .useLanguage: "use zh-CN, zh-TW or en"
        case .sectionsAre(let names): "sections are: " + names.joined(separator: ", ")
        case .couldBe(let id): "could be '\(id)'"
        case .writeIDInsteadOfTitle: "write the role's id instead of its title"
        case .makeHeadOrDottedLine(let department): "make it the head of '\(department)', move it, or use 'dotted_line_to' for a functional line"
        case .removeReportsToOrTop: "remove 'reports_to' or 'top'"
        case .addReportsTo: "add 'reports_to: <role id>', or 'top: true' for the head of the organisation"
        case .reportsToHere(let role, let superior): "'\(role)' reports to '\(superior)' here"
        case .writeStepsAsList: "write the steps as a numbered list"
        case .reportsToIt(let id): "'\(id)' reports to it"
        case .setsSuperiorHere(let id): "'\(id)' sets its superior here"
        case .listsDirectReportsHere(let id): "'\(id)' lists its direct reports here"
        case .setsDepartmentHere(let id): "'\(id)' sets its department here"
        case .setsParentHere(let id): "'\(id)' sets its parent here"
        case .raiseMaxSpan: "raise 'validation.max_span' in rolebook.yml, or add a management layer"
        case .chain(let ids): "chain: " + ids.joined(separator: " → ")
        case .startEachResponsibility: "start each responsibility on a line of its own with '1、', '（1）', '①' or '- '"
        case .addResponsibilitiesSection: "add a '## 岗位职责' (or '## Responsibilities') section with a list"
        case .headcountSetHere: "headcount set here"
        case .roleDefinedHere: "role defined here"
        case .frontMatterFailed: "perhaps it is this file, whose front matter could not be read (see its error)"
        case .verbatim(let text): text
        }
    }
}

extension DiagnosticText.IDProblem {
    package var english: String {
        switch self {
        case .tooLong(let bytes, let max): "is too long (\(bytes) bytes in a file name; at most \(max))"
        case .empty: "is empty"
        case .slash: "contains a slash"
        case .dotDot: "contains '..'"
        case .leadingDot: "starts with '.'"
        case .space: "contains a space"
        case .character(let c): "contains '\(c)'"
        }
    }
}

extension DiagnosticText.ExpectedValue {
    package var english: String {
        switch self {
        case .singleValue: "a single value"
        case .wholeNumber(let from, let to): "a whole number from \(from) to \(to)"
        case .boolean: "true or false"
        case .listOfAtMost(let n): "a list of at most \(n) names"
        case .listOfNames: "a list of names"
        case .list: "a list"
        case .headcountMap: "a map of role to headcount"
        }
    }
}
