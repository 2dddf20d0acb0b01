/// What a diagnostic or a note says, as a typed key with its values; the words come from
/// ``rendered(in:)``, one exhaustive `switch` per language, so a case without a translation
/// does not compile.
///
/// Values are content (ids, titles, keys, quoted text) and are never translated; text from the
/// system or from Yams (`reason`, `problem`) is passed through as it is.
package enum DiagnosticText: Hashable, Sendable {
    // Files, encodings and front matter
    case invalidUTF8File
    /// The bytes look like a Chinese legacy encoding (`GBK` or `Big5`).
    case legacyEncoding(encoding: String)
    case emptyFile
    case noFrontMatter
    case frontMatterNotClosed
    case invalidYAML(problem: String)
    case duplicateKeys([String])
    case yamlAnchor
    case yamlAlias
    case yamlTooDeep(maxDepth: Int)
    case frontMatterNotMapping
    /// Hints for the usual hand-written YAML mistakes.
    case tabIndent
    case fullWidthColon(key: String)
    case emptyListItem(key: String)
    case commaSeparatedList(key: String)
    case nestingFlattened(levels: Int)
    case invalidID(id: String, problem: IDProblem)
    case missingTitle(kind: EntityKind, id: String)
    case unknownFrequency(String)
    case unknownKind(String)
    case noKind
    case rawHTMLBlock
    case rawHTMLInline(String)
    case invalidValue(key: String, expected: ExpectedValue)
    case valueTooLong(key: String, count: Int, max: Int)
    case unknownKey(key: String, kind: EntityKind)
    case duplicateID(kind: EntityKind, id: String)
    // The content folder
    case unreadableFolder(path: String, reason: String)
    case brokenSymlink(path: String, reason: String)
    case unreadableFile(path: String, reason: String)
    case notRegularFile(path: String, what: String)
    case fileTooLarge(megabytes: Int)
    case linkOutsideContent(path: String, target: String)
    case folderNameNotUTF8(String)
    case fileNameNotUTF8(String)
    // rolebook.yml
    case configNotUTF8
    case configNotYAML(problem: String)
    case unsupportedLanguage(String)
    case unknownSection(String)
    case notAMap(key: String)
    // References and structure
    case ambiguousRole(field: String, name: String, count: Int)
    case ambiguousDepartment(field: String, name: String, count: Int)
    case unknownReference(field: String, kind: EntityKind, name: String)
    case missingDepartment(role: String)
    case brokenLink(String)
    case topWithSuperior(role: String, superior: String)
    case selfReport(role: String)
    case missingSuperior(role: String)
    case reportingCycle([String])
    case directReportMismatch(manager: String, report: String, actual: String?)
    case unlistedDirectReport(role: String, manager: String)
    case headOutsideDepartment(head: String, department: String, actual: String?)
    case departmentCycle([String])
    case emptyDepartment(String)
    // Warnings
    case spanOfControl(role: String, count: Int, max: Int)
    case chainTooDeep(role: String, depth: Int, max: Int)
    case crossDepartmentSuperior(role: String, department: String, superior: String, superiorDepartment: String)
    case positionsNotInDepartment(role: String, department: String)
    case positionsHeadcount(planned: Int, role: String, headcount: Int)
    case positionsOmits(department: String, role: String)
    case vacantWithReports(role: String, count: Int)
    case sectionWithoutItems(heading: String, hasText: Bool)
    case noResponsibilitiesSection(role: String)
    case emptySection(String)
    case procedureWithoutSteps(String)
    case emptyPhase(phase: String, procedure: String)

    // Notes
    case didYouMean(String)
    /// A suggestion that is a title or an alias: names the id it stands for.
    case didYouMeanTitle(title: String, id: String)
    case startWithFrontMatter
    case closeFrontMatter
    case saveAsUTF8
    case useHalfWidthColon(key: String)
    case writeListInBrackets(key: String, suggestion: String)
    case removeEmptyItem
    case flattenedTextKept
    case shortenID(maxBytes: Int)
    case useIDCharacters(suggestion: String)
    case addTitle
    case useFrequency([String])
    case addKind
    case writeMarkdownInstead
    case alreadyUsedHere(String)
    case addDepartment
    case onlyRegularFiles
    case splitLargeFile
    case copyIntoContent
    case renameFolder
    case renameFile
    case useLanguage
    case sectionsAre([String])
    case couldBe(String)
    case writeIDInsteadOfTitle
    case makeHeadOrDottedLine(department: String)
    case removeReportsToOrTop
    case addReportsTo
    case reportsToHere(role: String, superior: String)
    case writeStepsAsList
    case reportsToIt(String)
    case setsSuperiorHere(String)
    case listsDirectReportsHere(String)
    case setsDepartmentHere(String)
    case setsParentHere(String)
    case raiseMaxSpan
    case chain([String])
    case startEachResponsibility
    case addResponsibilitiesSection
    case headcountSetHere
    case roleDefinedHere
    case frontMatterFailed

    // The error overlay of `rolebook serve`, in the language of its diagnostics.
    case overlayErrorCount(Int)
    case overlayShowsLastGood
    case overlayHideUntilSave

    /// Text from outside the library (tools built on it, tests), shown as it is in every language.
    case verbatim(String)

    /// What ``IDRules`` finds wrong with an id.
    package enum IDProblem: Hashable, Sendable {
        case tooLong(bytes: Int, max: Int)
        case empty
        case slash
        case dotDot
        case leadingDot
        case space
        case character(String)
    }

    /// What a front matter value must be (RB004).
    package enum ExpectedValue: Hashable, Sendable {
        case singleValue
        case wholeNumber(from: Int, to: Int)
        case boolean
        case listOfAtMost(Int)
        case listOfNames
        case list
        case headcountMap
        /// `YYYY-MM-DD`, a day that exists.
        case date
    }

    /// The text in `language`.
    package func rendered(in language: DiagnosticLanguage) -> String {
        switch language {
        case .en: english
        case .zhCN: simplifiedChinese
        case .zhTW: traditionalChinese
        }
    }
}

// Synthesized, so a new case is stored without anyone listing it: the parse cache on disk
// (`.rolebook-cache/parse-*.cache`) keeps the diagnostics of each file's parse in this form.
extension DiagnosticText: Codable {}
extension DiagnosticText.IDProblem: Codable {}
extension DiagnosticText.ExpectedValue: Codable {}
