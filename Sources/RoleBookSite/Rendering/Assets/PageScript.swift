import RoleBookModel

/// `assets/page.js` (from `Sources/RoleBookSite/Assets/page.js`): behaviour every page shares,
/// attached from a file because the pages' Content-Security-Policy (``Layout/contentSecurityPolicy``)
/// allows no inline script or event-handler attributes.
package enum PageScript {
    package static var script: String { EmbeddedAssets.pageJS }
    /// `assets/az.js`: the A–Z page's department filter and letter bar.
    package static var azScript: String { EmbeddedAssets.azJS }
}
