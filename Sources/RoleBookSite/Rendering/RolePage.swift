import RoleBookModel

/// A job description: the body section by section, and a side panel placing the role in the organisation.
package struct RolePage {
    var context: PageContext
    var index: Int

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext, index: Int) { self.context = context; self.index = index }

    /// Backlink panels longer than this start folded.
    static let foldedPanelItems = 6
    /// Peers listed on a role page; the rest are on the superior's page, so that a superior
    /// with thousands of reports does not make every one of their pages list all the others.
    package static let listedPeers = 40
    /// Superiors listed in the chain of command: the top and the nearest ones, the levels
    /// between them counted (a chain thousands deep would otherwise be on every page under it).
    static let listedChain = 12

    /// The chain as listed: the top, then (when cut) how many levels are left out, then the nearest superiors.
    package static func listedChain(_ chain: [Int]) -> (top: [Int], omitted: Int, nearest: [Int]) {
        guard chain.count > listedChain else { return ([], 0, chain) }
        return ([chain[0]], chain.count - listedChain, Array(chain.suffix(listedChain - 1)))
    }

    package func render() -> String {
        let g = context.graph, s = context.strings
        let role = g.roles[index]
        let layout = Layout(context: context)
        let crumbs = layout.crumbs(under: g.roleDepartment[index], current: role.title)

        var facts = Facts()
        if let d = g.roleDepartment[index] { facts.add(s[.department], context.link(.department(d))) }
        if let sup = g.superior[index] { facts.add(s[.reportsTo], context.roleLink(sup)) } else if role.top { facts.add(s[.reportsTo], .text(s[.top])) }
        facts.add(s[.headcount], role.isVacant ? el("span", ["class": "badge badge-vacant"], .text(s[.vacant])) : .text(s.format(.people, role.headcount)))
        if let grade = role.grade { facts.add(s[.grade], .text(grade)) }
        if let code = role.code { facts.add(s[.code], .text(code)) }
        if let place = role.place { facts.add(s[.location], .text(place)) }
        if let hours = role.hours { facts.add(s[.hours], .text(hours)) }

        let header = PageHeader(title: role.title, eyebrow: s[.role], printLabel: s[.print],
                                subtitle: role.aliases.isEmpty ? nil : s[.aliases] + s[.colon] + role.aliases.joined(separator: s[.nameSeparator]),
                                lede: role.header.summary, details: [facts.html]).html

        let sections = SectionsHTML(context: context)
        let article = el("article", ["class": "doc"],
            documentControl(),
            header,
            // On phones the chain of command reads before the duties; the side panel's copy shows on wider screens.
            chainPanel(phone: true),
            sections.toc(role.header.document),
            sections.render(role.header.document),
            signOffLines())

        let main = el("div", ["class": "with-aside"], article, aside())
        // Printed job descriptions carry the organisation, the role and page numbers on every sheet.
        let pageRule = PrintPageRule.css(strings: s, topLeft: g.config.title, topRight: role.title)
        return layout.page(title: role.title, bodyClass: "page-role", crumbs: crumbs, main: main,
                           extraHead: [el("style", ["media": "print"], .raw(pageRule)),
                                       // Data, not a script: the CSP does not apply, and `<` is escaped inside it.
                                       el("script", ["type": "application/ld+json"], .raw(OccupationJSONLD.pageBlock(g, role: index)))])
    }

    /// The chain of command, top down to this role: in the side panel, or (`phone`) in the article
    /// after the header, shown only on narrow screens where the side panel falls below the duties.
    private func chainPanel(phone: Bool) -> HTML {
        let g = context.graph, s = context.strings
        let chain = Self.listedChain(g.chainOfCommand(index))
        guard !chain.nearest.isEmpty else { return .empty }
        let omitted = chain.omitted > 0 ? [el("li", ["class": "chain-omitted"], .text(s.format(.chainOmitted, chain.omitted)))] : []
        return el("section", ["class": phone ? "panel panel-chain chain-phone" : "panel panel-chain chain-side"], el("h2", .text(s[.chain])),
            el("ol", ["class": "chain"], children: chain.top.map { el("li", [:], context.roleLink($0)) } + omitted
                + chain.nearest.map { el("li", [:], context.roleLink($0)) }
                + [el("li", ["class": "is-self"], el("span", .text(g.roles[index].title)))]))
    }

    private func aside() -> HTML {
        let g = context.graph, s = context.strings
        var panels: [HTML] = []
        func panel(_ title: String, _ items: [HTML], collapsible: Bool = false) {
            guard !items.isEmpty else { return }
            let list = el("ul", children: items.map { el("li", [:], $0) })
            // Long backlink lists fold away so the organisational facts stay in view.
            if collapsible && items.count > Self.foldedPanelItems {
                panels.append(el("details", ["class": "panel panel-fold"],
                    el("summary", el("h2", .text(title), el("span", ["class": "count"], .text(String(items.count))))), list))
            } else {
                panels.append(el("section", ["class": "panel"], el("h2", .text(title)), list))
            }
        }
        panels.append(chainPanel(phone: false))
        panel(s[.directReports], g.subordinates[index].map(context.roleLink))
        panel(s[.dottedLine], g.dotted[index].map(context.roleLink))
        panel(s[.dottedReports], g.dottedReports[index].map(context.roleLink))
        let peers = g.peers(index, limit: Self.listedPeers)
        panel(s[.peers], peers.shown.map(context.roleLink) + (peers.more > 0 && g.superior[index] != nil
            ? [el("a", ["class": "more-link", "href": context.href(.role(g.superior[index]!))], .text(s.format(.morePeers, peers.more)))] : []))
        let procedures = g.roleProcedures[index]
        panel(s[.ownedProcedures], procedures.filter { g.procedureOwner[$0] == index }.map { context.link(.procedure($0)) })
        panel(s[.performedProcedures], procedures.filter { g.procedureOwner[$0] != index }.map { context.link(.procedure($0)) })
        if !procedures.isEmpty {
            panels.append(el("p", ["class": "panel-action"], el("a", ["class": "button", "href": context.href(for: .roleChecklist(index))], .text(s[.printChecklist]))))
        }
        var seen: Set<NodeRef> = []
        let mentions = g.mentionedIn[index].filter { seen.insert($0.from).inserted }
        panel(s[.mentionedIn], mentions.map { m in
            el("span", [:], context.link(m.from), el("span", ["class": "quote"], .text(m.text)))
        }, collapsible: true)
        let backlinks = g.backlinks(.role(index)).map(\.from)
        var seenLinks: Set<NodeRef> = []
        panel(s[.linkedFrom], backlinks.filter { seenLinks.insert($0).inserted }.map { context.link($0) }, collapsible: true)
        return el("aside", ["class": "side"], children: panels)
    }
}
