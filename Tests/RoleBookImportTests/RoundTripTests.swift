import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookImport

/// Importing the real material (../shared/seeds/*.txt) and comparing it with content/, which was
/// written by hand from the same seeds (content/NOTES.md says which seed became which folder).
///
/// The measure, per organisation (content folder):
/// - **roles considered**: hand-made roles whose title or an alias heads a job description in the
///   seed (followed by 岗位职责/职责/岗位说明书/工作职责 — not a collection's `…岗位职责(共5篇)` —, or
///   after 岗位名称/职位名称/职位 and a colon). Roles the editors built from a mere mention, or
///   invented, are not counted; roles made from rules (a 管理制度, a 须知) are counted for their
///   responsibilities only (below).
/// - **rules**: what the import wrote as procedures from that seed (documents that read as 管理制度,
///   须知, 细则, not as job descriptions). A rule document that names a hand-made role (title or alias,
///   in its title or steps) is what the editors made that role's duties from, so its text counts
///   towards that role's responsibilities — what a careful HR person would expect from it: the rules
///   as a procedure, addressed to the role.
/// - **titles covered**: considered roles for which the import of that seed has a role with the same
///   title or alias (simplified and traditional folded).
/// - **responsibilities covered**: each responsibility item of a considered role (nested items too) is
///   covered when at least half of its distinct character bigrams occur in the imported role's
///   responsibilities or in the rules that name it; the editors rewrote the text in their own words, so exact equality would
///   measure their paraphrase, not the import.
@Suite struct RoundTripTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let seedsPresent = FileManager.default.fileExists(atPath: seeds.path)

    struct Figures: CustomStringConvertible {
        var folder: String
        var titles = 0, titlesCovered = 0, items = 0, itemsCovered = 0
        var missing: [String] = []
        /// Hand-made responsibilities the import does not cover, with the role's title.
        var missed: [String] = []

        var titleRatio: Double { titles == 0 ? 1 : Double(titlesCovered) / Double(titles) }
        var itemRatio: Double { items == 0 ? 1 : Double(itemsCovered) / Double(items) }
        var description: String {
            "\(folder): titles \(titlesCovered)/\(titles), responsibilities \(itemsCovered)/\(items) (\(Int((itemRatio * 100).rounded()))%)"
                + (missing.isEmpty ? "" : "; missing \(missing.joined(separator: ", "))")
        }
    }

    static func fold(_ s: String) -> String { LayoutReader.fold(s) }

    static func bigrams(_ s: String) -> Set<String> {
        let chars = Array(fold(s).filter { $0.isLetter || $0.isNumber })
        guard chars.count > 1 else { return [] }
        return Set((0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) })
    }

    static func flatten(_ items: [Item]) -> [Item] {
        var out: [Item] = []
        var stack = Array(items.reversed())
        while let item = stack.popLast() {
            out.append(item)
            stack.append(contentsOf: item.children.reversed())
        }
        return out
    }

    /// Seed number → content folders, from the `- **folder（前缀 …` lines of each `## 00N` section of NOTES.md.
    static func organisations() throws -> [String: [String]] {
        let notes = try String(contentsOf: packageRoot.appendingPathComponent("content/NOTES.md"), encoding: .utf8)
        var map: [String: [String]] = [:]
        var seed: String?
        for line in notes.split(separator: "\n") {
            if line.hasPrefix("## "), let n = line.dropFirst(3).split(separator: " ").first, n.count == 3, n.allSatisfy(\.isNumber) {
                seed = String(n)
            } else if let seed, line.hasPrefix("- **"), let end = line.range(of: "（前") {
                map[seed, default: []].append(String(line[line.index(line.startIndex, offsetBy: 4)..<end.lowerBound]))
            }
        }
        return map
    }

    /// Whether `name` heads a job description in the folded seed text.
    static func heads(_ name: String, in text: String) -> Bool {
        let n = fold(name)
        var from = text.startIndex
        while let r = text.range(of: n, range: from..<text.endIndex) {
            let after = text[r.upperBound...].drop { $0 == " " || $0 == ")" }
            let before = text[..<r.lowerBound].reversed().drop { $0 == " " }
            // `汇报职级:项目负责人 岗位职责:` names a superior, not a job description's title.
            let isValue = before.first == ":" || before.first == "："
            // `商场服务中心前台岗位职责(共5篇)` titles the collection, not a job description in it.
            let suffix = ["岗位职责", "职责", "岗位说明书", "工作职责"].first { after.hasPrefix($0) }
            if !isValue, let suffix, !after.dropFirst(suffix.count).hasPrefix("(共") { return true }
            if before.first == ":" || before.first == "：" {
                let label = String(before.dropFirst().prefix(4).reversed())
                if ["岗位名称", "职位名称"].contains(label) || label.hasSuffix("职位") { return true }
            }
            from = r.upperBound
        }
        return false
    }

    @Test(.enabled(if: seedsPresent, "../shared/seeds is absent: the round trip on the real material is skipped"))
    func seedsImportAndCoverHandMadeContent() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        let documents = files.map { Importer.read(path: Self.seeds.appendingPathComponent($0).path, name: $0, options: ImportOptions()) }
        let p = Importer.plan(documents, options: ImportOptions())
        #expect(!p.unreadable)

        // The imported tree passes check except for the sources' own gaps: superiors not among the
        // imported roles (RB101), job descriptions naming no superior (RB105) or no department (RB111).
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let (imported, result) = try loadWritten(p, into: out)
        let errors = Set(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue))
        #expect(errors.isSubset(of: ["RB101", "RB105", "RB111"]), "\(errors)")
        // Every duty of every imported JD is a list item on its page.
        let importedRoles: [String: Role] = Dictionary(uniqueKeysWithValues: imported.entities.compactMap {
            if case .role(let r) = $0 { return (r.id, r) } else { return nil }
        })
        for planned in p.roles {
            #expect(importedRoles[planned.id].map { Self.flatten($0.responsibilities).count } == planned.responsibilities, "\(planned.id)")
        }
        let importedProcedures: [String: Procedure] = Dictionary(uniqueKeysWithValues: imported.entities.compactMap {
            if case .procedure(let p) = $0 { return (p.id, p) } else { return nil }
        })
        for planned in p.procedures {
            #expect(importedProcedures[planned.id].map { $0.phases.flatMap { Self.flatten($0.items) }.count } == planned.steps, "\(planned.id)")
        }

        let handMade = try ContentLoader(root: Self.packageRoot.appendingPathComponent("content")).load()
        var figures: [Figures] = []
        for (seed, folders) in try Self.organisations().sorted(by: { $0.key < $1.key }) {
            guard let file = files.first(where: { $0.hasPrefix(seed + "_") }), let document = documents.first(where: { $0.name == file }) else { continue }
            let text = Self.fold(NoiseFilter().clean(document.lines, file: file).lines.map(\.text).joined(separator: "\n"))
            let fromSeed = p.roles.filter { $0.file == file }
            // Rules imported as procedures (a 须知, a 管理制度), with the text of their title and steps.
            let rules: [(text: String, pool: Set<String>)] = p.procedures.filter { $0.file == file }.compactMap { importedProcedures[$0.id] }.map { procedure in
                let texts = [procedure.title] + procedure.phases.flatMap { [$0.heading] + Self.flatten($0.items).map(\.text) }
                return (Self.fold(texts.joined(separator: "\n")), texts.reduce(into: Set<String>()) { $0.formUnion(Self.bigrams($1)) })
            }
            for folder in folders {
                var f = Figures(folder: folder)
                for case .role(let role) in handMade.entities where role.header.path.hasPrefix(folder + "/") {
                    let names = [role.title] + role.aliases
                    // Rules that name the role: the editors made its duties from them (001's 须知 for the
                    // 客户经理, 003's 管理制度 for the 客户中心前台), so they count towards its duties.
                    let naming = rules.filter { r in names.contains { r.text.contains(Self.fold($0)) } }
                    let headsJD = names.contains(where: { Self.heads($0, in: text) })
                    guard headsJD || !naming.isEmpty else { continue }
                    if headsJD {
                        f.titles += 1
                        if fromSeed.contains(where: { r in names.contains { Self.fold($0) == Self.fold(r.title) } }) { f.titlesCovered += 1 } else { f.missing.append(role.title) }
                    }
                    let matches = fromSeed.filter { r in names.contains { Self.fold($0) == Self.fold(r.title) } }
                    let pool = matches.compactMap { importedRoles[$0.id] }.flatMap { Self.flatten($0.responsibilities) }
                        .reduce(into: Set<String>()) { $0.formUnion(Self.bigrams($1.text)) }
                        .union(naming.reduce(into: Set<String>()) { $0.formUnion($1.pool) })
                    for item in Self.flatten(role.responsibilities) {
                        let b = Self.bigrams(item.text)
                        guard !b.isEmpty else { continue }
                        f.items += 1
                        if b.intersection(pool).count * 2 >= b.count { f.itemsCovered += 1 } else { f.missed.append("\(role.title): \(item.text)") }
                    }
                }
                figures.append(f)
            }
        }
        print(figures.map { "round trip: \($0)" }.joined(separator: "\n"))
        print("round trip: all titles \(figures.map(\.titlesCovered).reduce(0, +))/\(figures.map(\.titles).reduce(0, +)), responsibilities \(figures.map(\.itemsCovered).reduce(0, +))/\(figures.map(\.items).reduce(0, +))")
        // ROUNDTRIP_MISSES=1 lists the uncovered responsibilities, to see what the importer misses.
        if ProcessInfo.processInfo.environment["ROUNDTRIP_MISSES"] != nil {
            for f in figures where !f.missed.isEmpty { print("missed in \(f.folder):\n" + f.missed.map { "  - \($0)" }.joined(separator: "\n")) }
        }
        // Every considered title and 90% of the responsibilities, for every organisation (docs/import.md).
        for f in figures {
            #expect(f.titleRatio == 1, "\(f)")
            #expect(f.itemRatio >= 0.9, "\(f)")
        }
    }
}
