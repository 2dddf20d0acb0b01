import Foundation
import RoleBookModel
import RoleBookParsing

/// A store with a manager and a cashier; each test adds its procedures.
package enum ChecklistFixtures {
    package static let base = ContentTree([
        "rolebook.yml": "title: 门店手册\norganization: 示例连锁\nlanguage: zh-CN\n",
        "departments/store.md": "---\ntitle: 门店运营部\nhead: manager\n---\n## 部门职责\n\n1. 负责门店营业。\n",
        "roles/manager.md": "---\ntitle: 店长\ndepartment: store\ntop: true\n---\n## 岗位职责\n\n1. 管理门店。\n",
        "roles/cashier.md": "---\ntitle: 收银员\ndepartment: store\nreports_to: manager\n---\n## 岗位职责\n\n1. 负责收银。\n",
    ])

    /// `procedures/<id>.md` with the usual front matter; `frequency: nil` leaves the key out.
    package static func procedure(_ id: String, title: String = "开店检查", frequency: String? = "daily", roles: String = "[cashier]",
                                  extra: String = "", body: String) -> [String: String?] {
        var front = "title: \(title)\nowner: manager\nroles: \(roles)\n"
        if let frequency { front += "frequency: \(frequency)\n" }
        front += "version: \"2.1\"\neffective: 2026-03-01\n" + extra
        return ["procedures/\(id).md": "---\n\(front)---\n\(body)"]
    }

    package static func tree(_ procedures: [String: String?]...) -> ContentTree {
        procedures.reduce(base) { $0.with($1) }
    }

    /// Occurrences of `needle` in `haystack`.
    package static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
