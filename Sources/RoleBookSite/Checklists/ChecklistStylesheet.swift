import RoleBookModel

/// `assets/checklist.css` plus the per-language `@page` rule with "第 X 页 / 共 Y 页".
package enum ChecklistStylesheet {
    /// Page numbers go in a margin box; the wording comes from the UI strings.
    static func pageRule(strings: UIStrings, landscape: Bool) -> String {
        let parts = strings[.pageOf].components(separatedBy: "{p}")
        let before = parts.first ?? ""
        let middle = parts.count > 1 ? parts[1].components(separatedBy: "{t}") : ["", ""]
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return "@page { size: A4\(landscape ? " landscape" : ""); margin: 14mm 12mm 16mm; "
            + "@bottom-center { content: \(q(before)) counter(page) \(q(middle.first ?? "")) counter(pages) \(q(middle.count > 1 ? middle[1] : "")); font-size: 9pt; color: #000; } }"
    }

    /// `assets/checklist.css`, from `Sources/RoleBookSite/Assets/checklist.css`.
    package static var css: String { EmbeddedAssets.checklistCSS }
}
