import RoleBookModel

/// A job description: the body section by section, and a side panel placing the role in the organisation.
package struct RolePage {
    var context: PageContext
    var model: RolePageModel

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext, model: RolePageModel) { self.context = context; self.model = model }

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
        let s = context.strings
        let role = model.role
        let layout = Layout(context: context)
        let crumbs = layout.crumbs(path: model.departmentPath, current: role.title)

        var facts = Facts()
        if let d = model.department { facts.add(s[.department], context.link(d)) }
        if let sup = model.superior { facts.add(s[.reportsTo], context.link(sup)) } else if role.top { facts.add(s[.reportsTo], .text(s[.top])) }
        facts.add(s[.headcount], role.isVacant ? el("span", ["class": "badge badge-vacant"], .text(s[.vacant])) : .text(s.format(.people, role.headcount)))
        if let grade = role.grade { facts.add(s[.grade], .text(grade)) }
        if let code = role.code { facts.add(s[.code], .text(code)) }
        if let place = role.place { facts.add(s[.location], .text(place)) }
        if let hours = role.hours { facts.add(s[.hours], .text(hours)) }

        let header = PageHeader(title: role.title, eyebrow: s[.role], printLabel: s[.print],
                                subtitle: role.aliases.isEmpty ? nil : s[.aliases] + s[.colon] + role.aliases.joined(separator: s[.nameSeparator]),
                                lede: role.header.summary, details: [facts.html]).html

        let sections = SectionsHTML(context: context, links: model.links)
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
        let pageRule = PrintPageRule.css(strings: s, topLeft: context.config.title, topRight: role.title)
        return layout.page(title: role.title, bodyClass: "page-role", crumbs: crumbs, main: main,
                           extraHead: [el("style", ["media": "print"], .raw(pageRule)),
                                       // Data, not a script: the CSP does not apply, and `<` is escaped inside it.
                                       el("script", ["type": "application/ld+json"], .raw(OccupationJSONLD.pageBlock(role)))])
    }

    /// The chain of command, top down to this role: in the side panel, or (`phone`) in the article
    /// after the header, shown only on narrow screens where the side panel falls below the duties.
    private func chainPanel(phone: Bool) -> HTML {
        let s = context.strings, m = model
        guard !m.chainNearest.isEmpty else { return .empty }
        let omitted = m.chainOmitted > 0 ? [el("li", ["class": "chain-omitted"], .text(s.format(.chainOmitted, m.chainOmitted)))] : []
        return el("section", ["class": phone ? "panel panel-chain chain-phone" : "panel panel-chain chain-side"], el("h2", .text(s[.chain])),
            el("ol", ["class": "chain"], children: m.chainTop.map { el("li", [:], context.link($0)) } + omitted
                + m.chainNearest.map { el("li", [:], context.link($0)) }
                + [el("li", ["class": "is-self"], el("span", .text(m.role.title)))]))
    }

    private func aside() -> HTML {
        let s = context.strings
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
        let m = model
        panels.append(chainPanel(phone: false))
        panel(s[.directReports], m.directReports.map(context.link))
        panel(s[.dottedLine], m.dottedLine.map(context.link))
        panel(s[.dottedReports], m.dottedReports.map(context.link))
        panel(s[.peers], m.peers.map(context.link) + (m.morePeers > 0 && m.superior != nil
            ? [el("a", ["class": "more-link", "href": context.href(m.superior!.url)], .text(s.format(.morePeers, m.morePeers)))] : []))
        panel(s[.ownedProcedures], m.ownedProcedures.map(plainLink))
        panel(s[.performedProcedures], m.performedProcedures.map(plainLink))
        if let checklist = m.checklistURL {
            panels.append(el("p", ["class": "panel-action"], el("a", ["class": "button", "href": context.href(checklist)], .text(s[.printChecklist]))))
        }
        panel(s[.mentionedIn], m.mentions.map { mention in
            el("span", [:], plainLink(mention.from), el("span", ["class": "quote"], .text(mention.text)))
        }, collapsible: true)
        panel(s[.linkedFrom], m.linkedFrom.map(plainLink), collapsible: true)
        return el("aside", ["class": "side"], children: panels)
    }

    /// A link showing only the title (procedures, mentions, backlinks).
    private func plainLink(_ page: PageLink) -> HTML { el("a", ["href": context.href(page.url)], .text(page.title)) }
}
