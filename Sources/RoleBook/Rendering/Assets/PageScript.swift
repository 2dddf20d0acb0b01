/// `assets/page.js` (from `Sources/RoleBook/Assets/page.js`): behaviour every page shares,
/// attached from a file because the pages' Content-Security-Policy (``Layout/contentSecurityPolicy``)
/// allows no inline script or event-handler attributes.
enum PageScript {
    static var script: String { EmbeddedAssets.pageJS }
}
