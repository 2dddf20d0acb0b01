import RoleBookModel

/// A procedure as a card in a list shows it: title and link, frequency, step count, summary.
package struct ProcedureCard: Hashable, Sendable, Encodable {
    package var link: PageLink
    package var frequency: Frequency?
    package var steps: Int
    package var summary: String?

    package init(site: SiteMap, index p: Int) {
        let proc = site.graph.procedures[p]
        link = PageLink(.procedure(p), in: site)
        frequency = proc.frequency
        steps = proc.stepCount
        summary = proc.header.summary
    }
}

/// A list of procedures with frequency and step counts (department pages, the procedure index).
struct ProcedureList {
    var context: PageContext

    func render(_ cards: [ProcedureCard]) -> HTML {
        let s = context.strings
        return el("ul", ["class": "cards"], children: cards.map { card in
            el("li", ["class": "card"],
               el("a", ["href": context.href(card.link.url)], .text(card.link.title)),
               el("span", ["class": "muted"], .text([s.frequency(card.frequency), s.format(.steps, card.steps)].filter { !$0.isEmpty }.joined(separator: " · "))),
               card.summary.map { el("p", .text($0)) } ?? .empty)
        })
    }
}
