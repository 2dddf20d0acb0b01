import Foundation
import RoleBookModel

/// What `rolebook new` writes: a new content file from the templates of docs/writing-roles.md.
///
/// Pure functions of their arguments; the command resolves references and touches the disk.
package enum Scaffold {
    /// The fields of a new file; references are ids that the caller has already resolved.
    package struct Fields: Sendable, Equatable {
        package var kind: EntityKind
        package var id: String
        package var title: String
        /// A role's or procedure's department, or a department's parent.
        package var department: String?
        /// A role's superior or a procedure's owner.
        package var superior: String?

        package init(kind: EntityKind, id: String, title: String, department: String? = nil, superior: String? = nil) {
            self.kind = kind
            self.id = id
            self.title = title
            self.department = department
            self.superior = superior
        }
    }

    /// An id made from a title: Han characters become toneless pinyin syllables, other letters
    /// and digits are kept lower-cased, everything joined by '-' (`VIP客户经理` → `vip-ke-hu-jing-li`).
    /// Nil when nothing usable is left (a title of punctuation only).
    package static func id(fromTitle title: String) -> String? {
        let words = CJKFolding.shared.pinyinSyllables(title)
            .map { word in String(String.UnicodeScalarView(word.unicodeScalars.filter { $0.isASCII && IDRules.isAllowed($0) && $0 != "." })) }
            .filter { !$0.isEmpty }
        var id = ""
        for word in words {
            // Stay within the id limit by whole syllables rather than cutting one in half.
            guard id.utf8.count + word.utf8.count + 1 <= IDRules.maxBytes else { break }
            id += id.isEmpty ? word : "-" + word
        }
        return id.isEmpty ? nil : id
    }

    /// Why `id` cannot be an id (`contains a space`), or nil when it can.
    package static func problem(withID id: String) -> String? { IDRules.problem(with: id) }

    /// The content-root-relative path of the new file: beside the files of the organisation
    /// that `anchorPath` (the department's, parent's or owner's file) belongs to, in the
    /// folder of `kind` (`hotel/departments/hotel-marketing.md` → `hotel/roles/ID.md`).
    package static func path(for kind: EntityKind, id: String, besides anchorPath: String) -> String {
        var folders = anchorPath.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(String.init)
        if let last = folders.last, EntityKind.allCases.contains(where: { $0.folder == last }) { folders.removeLast() }
        return (folders + [kind.folder, id + ".md"]).joined(separator: "/")
    }

    /// The text of the new file.
    package static func text(_ fields: Fields) -> String {
        var front = ["title: \(yamlScalar(fields.title))"]
        switch fields.kind {
        case .role:
            if let d = fields.department { front.append("department: \(yamlScalar(d))") }
            if let r = fields.superior { front.append("reports_to: \(yamlScalar(r))") }
            front.append("headcount: 1")
        case .department:
            if let d = fields.department { front.append("parent: \(yamlScalar(d))") }
        case .procedure:
            if let o = fields.superior { front.append("owner: \(yamlScalar(o))") }
            if let o = fields.superior { front.append("roles: [\(yamlScalar(o))]") }
            if let d = fields.department { front.append("department: \(yamlScalar(d))") }
            front.append("frequency: daily")
        }
        front.append("summary: 一句话：\(summaryHint(fields.kind))。")
        return "---\n" + front.joined(separator: "\n") + "\n---\n" + body(fields.kind)
    }

    private static func summaryHint(_ kind: EntityKind) -> String {
        switch kind {
        case .role: "岗位做什么"
        case .department: "部门负责什么"
        case .procedure: "什么时候、由谁、做什么"
        }
    }

    /// The body of each template. Lists hold one '……' item each, so the new file passes
    /// `check` (a responsibility, a step) while showing what is still to be written.
    private static func body(_ kind: EntityKind) -> String {
        switch kind {
        case .role:
            """
            本页根据《……岗位说明书》编写。

            ## 职责概述

            ……

            ## 岗位职责

            1. ……

            ## 任职资格

            1. 学历：……
            2. 工作经验：……
            3. 技能：……

            ## 考核指标

            1. ……

            ## 工作关系

            - 直接上级：……
            - 直接下级：……

            """
        case .department:
            """
            ……

            ## 部门职责

            1. ……

            """
        case .procedure:
            """
            适用范围、来源和注意事项。

            ## 到岗

            1. ……

            """
        }
    }

    /// `value` as a YAML scalar, quoted when plain style would change its meaning.
    static func yamlScalar(_ value: String) -> String {
        let specialStart: Set<Character> = ["[", "]", "{", "}", "*", "&", "!", "%", "@", "`", "#", "|", ">", "'", "\"", ",", "?", "-", ":"]
        let needsQuotes = value.isEmpty || value.contains(": ") || value.contains(" #") || value.hasSuffix(":")
            || value.first.map { specialStart.contains($0) || $0.isWhitespace } == true || value.last?.isWhitespace == true
            || ["true", "false", "yes", "no", "null", "~", "on", "off"].contains(value.lowercased())
            || Double(value) != nil || value.contains(where: \.isNewline)
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + escaped + "\""
    }
}
