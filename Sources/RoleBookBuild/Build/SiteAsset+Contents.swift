import RoleBookSite
import RoleBookSearch

extension SiteAsset {
    /// The file, embedded in the binary. Here, not beside the enum: the search client belongs to
    /// the search layer, which sits above the site layer.
    var contents: String {
        switch self {
        case .siteCSS: SiteStylesheet.css
        case .checklistCSS: ChecklistStylesheet.css
        case .searchScript: SearchClientAssets.script
        case .pageScript: PageScript.script
        case .azScript: PageScript.azScript
        }
    }
}
