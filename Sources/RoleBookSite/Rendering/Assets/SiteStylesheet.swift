import RoleBookModel

/// `assets/site.css` (from `Sources/RoleBookSite/Assets/site.css`): system fonts only (CJK-aware
/// stacks), responsive to phones, clean print.
package enum SiteStylesheet {
    package static var css: String { EmbeddedAssets.siteCSS }
}
