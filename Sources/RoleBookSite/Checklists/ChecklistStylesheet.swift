import RoleBookModel

/// `assets/checklist.css`; each sheet adds its `@page` rule (``PrintPageRule``) with "第 X 页 / 共 Y 页".
package enum ChecklistStylesheet {
    /// `assets/checklist.css`, from `Sources/RoleBookSite/Assets/checklist.css`.
    package static var css: String { EmbeddedAssets.checklistCSS }
}
