import Foundation
import RoleBookModel
import RoleBookParsing

/// `rolebook build`'s parse cache on disk (``ParseCache/load(from:loader:identity:)``), tied to
/// the running rolebook: a rebuilt binary may parse differently, so it starts from an empty cache.
package enum BuildParseCache {
    /// The cache the last build in `directory` stored for `loader`'s content; nil when the binary
    /// cannot be identified (then nothing is stored either).
    package static func load(_ directory: URL, loader: ContentLoader) -> ParseCache? {
        guard let identity = BuildIdentity.rendererIdentity else { return nil }
        return ParseCache.load(from: directory, loader: loader, identity: identity)
    }

    /// Stores `cache` for the next build: call after the site is written, as the other caches
    /// (``SiteRenderer/remember(_:)``), so a failed write leaves the cache describing the site there.
    package static func store(_ cache: ParseCache, in directory: URL, loader: ContentLoader) {
        guard let identity = BuildIdentity.rendererIdentity else { return }
        cache.store(in: directory, loader: loader, identity: identity)
    }
}
