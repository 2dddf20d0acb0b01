import RoleBookModel
import RoleBookParsing

/// What one page shows, built from the graph: the renderer reads the model (and the site's chrome:
/// strings, settings, the path to the root), never the graph. The model's ``StableHasher`` hash is
/// the page's fingerprint, so a page whose model is unchanged is kept, and a page cannot be left
/// stale by an input someone forgot to list: whatever the renderer can read is in the model.
///
/// Entities in a model hash by file path and content hash (their `Encodable` conformance);
/// everything taken from another node (a title, a URL, a vacancy) is copied into the model.
package protocol PageModel: Hashable, Sendable, Encodable {}

extension PageModel {
    /// The fingerprint recorded in the manifest: the model, and `global` (settings and renderer).
    package func fingerprint(global: UInt64) -> UInt64 { StableHasher.hash(self, seed: global) }
}

/// Another page as a page shows it: title, site-root-relative URL, and whether the post is vacant.
package struct PageLink: Hashable, Sendable, Encodable {
    package var title: String
    package var url: String
    package var vacant: Bool = false

    package init(title: String, url: String, vacant: Bool = false) {
        self.title = title; self.url = url; self.vacant = vacant
    }

    // `borrowing`: an initializer takes its arguments owned, so each call copied the site map
    // (a retain of each of its and its graph's arrays, and a release after), 51,230 times per build.
    package init(_ node: NodeRef, in site: borrowing SiteMap) {
        // Read through `site.graph` in place: a local copy of the graph retains each of its
        // arrays, and pages build these on all cores at once, so the counts bounce between them.
        switch node {
        case .role(let i): self.init(title: site.graph.roles[i].title, url: site.url(node), vacant: site.graph.roles[i].isVacant)
        case .department, .procedure: self.init(title: site.graph.header(node).title, url: site.url(node))
        }
    }

    /// The breadcrumbs of a department and its ancestors (short names where given).
    package static func departmentPath(_ d: Int?, in site: borrowing SiteMap) -> [PageLink] {
        guard let d else { return [] }
        return site.graph.departmentPath(d).map { x in
            let dept = site.graph.departments[x]
            return PageLink(title: dept.short ?? dept.title, url: site.url(.department(x)))
        }
    }
}

/// The links of a document that point at other content files, resolved to site-root-relative
/// hrefs (with the target section's anchor), or to nothing when the target is not a page.
package struct ResolvedLinks: Hashable, Sendable, Encodable {
    package struct Entry: Hashable, Sendable, Encodable {
        package var destination: String
        package var href: String?
    }

    /// Sorted by destination, each once: the order the model hashes in.
    package let entries: [Entry]
    private let table: [String: String?]

    package init(_ header: EntityHeader, in site: borrowing SiteMap) {
        var table: [String: String?] = [:]
        for link in header.document.links {
            let d = link.destination.trimmingSpaces
            guard table[d] == nil, let target = LinkResolver.contentTarget(d, from: header.path) else { continue }
            table[d] = .some(Self.resolve(d, target: target, in: site))
        }
        self.table = table
        entries = table.keys.sorted().map { Entry(destination: $0, href: table[$0] ?? nil) }
    }

    /// The href of a content link, nil to drop it; `.none` when the document has no such link.
    package func href(_ destination: String) -> String?? { table[destination] }

    /// The site-root-relative href of a link to the content file `target`, or nil when it is not a page.
    package static func resolve(_ destination: String, target: String, in site: borrowing SiteMap) -> String? {
        guard let node = site.node(forContentPath: target) else { return nil }
        return site.url(node) + (LinkResolver.fragment(destination).map { "#" + anchor($0, in: site.graph.header(node).document) } ?? "")
    }

    /// A fragment written against the Markdown heading (`#岗位职责`, as a git forge shows the file)
    /// points at that section's stable anchor (`#responsibilities`); others are kept.
    static func anchor(_ fragment: String, in document: ContentDocument) -> String {
        let sections = document.sections
        let wanted = fragment.removingPercentEncodingIfPossible
        if sections.contains(where: { $0.anchor == wanted }) { return wanted }
        let slug = Slug.make(wanted)
        return sections.first { $0.kind != .intro && Slug.make($0.heading) == slug }?.anchor ?? fragment
    }

    private enum CodingKeys: CodingKey { case entries }
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entries, forKey: .entries)
    }
}
