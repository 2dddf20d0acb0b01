import RoleBookModel

/// The search client, written to `assets/search.js` from `Sources/RoleBookSearch/Assets/search.js`.
///
/// Plain ES2017 with no modules and no network API other than `<script>` insertion, so it runs
/// from `file://`. It expects `search/meta.js` (``SearchIndexBuilder/pageScripts``) to be loaded
/// first and the `#rb-search` markup of `search.html`. Its tokenizer repeats ``SearchTokenizer``
/// step for step; `SearchTests` runs both on the same strings under node to keep them equal.
///
/// Besides drawing the page it exposes `window.rbSearch` (`normalize`, `terms`, `needles`,
/// `search`, `fragment`, `marks`, `snippet`, and the replaceable `loadScript`) for tests and tools.
package enum SearchClientAssets {
    /// The client, after a first line that defines `rbSearchFormat` from `search-format.json`.
    package static let script: String = "var rbSearchFormat = " + SearchFormat.json + ";\n" + EmbeddedAssets.searchJS
}
