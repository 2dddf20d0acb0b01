import RoleBookModel

/// What a role page shows: the job description, and the role's place in the organisation as
/// titles and links (superiors, reports, dotted lines, peers, procedures, mentions, backlinks).
package struct RolePageModel: PageModel {
    /// A sentence of another page that names this role.
    package struct Mention: Hashable, Sendable, Encodable {
        package let from: PageLink
        package let text: String
    }

    package let role: Role
    package let departmentPath: [PageLink]
    package let department: PageLink?
    package let superior: PageLink?
    /// The chain of command as listed (``RolePage/listedChain(_:)``): the top, how many levels
    /// are left out, the nearest superiors.
    package let chainTop: [PageLink]
    package let chainOmitted: Int
    package let chainNearest: [PageLink]
    package let directReports: [PageLink]
    package let dottedLine: [PageLink]
    package let dottedReports: [PageLink]
    package let peers: [PageLink]
    package let morePeers: Int
    package let ownedProcedures: [PageLink]
    package let performedProcedures: [PageLink]
    /// The role's checklist sheet, when it has procedures.
    package let checklistURL: String?
    package let mentions: [Mention]
    package let linkedFrom: [PageLink]
    package let links: ResolvedLinks

    package init(site: borrowing SiteMap, index i: Int) {
        let g = site.graph
        func role(_ r: Int) -> PageLink { PageLink(.role(r), in: site) }
        self.role = g.roles[i]
        departmentPath = PageLink.departmentPath(g.roleDepartment[i], in: site)
        department = g.roleDepartment[i].map { PageLink(.department($0), in: site) }
        superior = g.superior[i].map(role)
        let chain = RolePage.listedChain(g.chainOfCommand(i))
        chainTop = chain.top.map(role)
        chainOmitted = chain.omitted
        chainNearest = chain.nearest.map(role)
        directReports = g.subordinates[i].map(role)
        dottedLine = g.dotted[i].map(role)
        dottedReports = g.dottedReports[i].map(role)
        let peers = g.peers(i, limit: RolePage.listedPeers)
        self.peers = peers.shown.map(role)
        morePeers = peers.more
        let procedures = g.roleProcedures[i]
        ownedProcedures = procedures.filter { g.procedureOwner[$0] == i }.map { PageLink(.procedure($0), in: site) }
        performedProcedures = procedures.filter { g.procedureOwner[$0] != i }.map { PageLink(.procedure($0), in: site) }
        checklistURL = procedures.isEmpty ? nil : site.url(for: .roleChecklist(i))
        // Each page that mentions or links here once, in content order.
        var seen: Set<NodeRef> = []
        mentions = g.mentionedIn[i].map { g.mentions[$0] }.filter { seen.insert($0.from).inserted }
            .map { Mention(from: PageLink(node: $0.from, in: site), text: $0.text) }
        var seenLinks: Set<NodeRef> = []
        linkedFrom = g.backlinks(.role(i)).map(\.from).filter { seenLinks.insert($0).inserted }.map { PageLink(node: $0, in: site) }
        links = ResolvedLinks(self.role.header, in: site)
    }
}

extension PageLink {
    /// A link to any page by title only, as mentions and backlinks show it (no vacancy badge).
    package init(node: NodeRef, in site: borrowing SiteMap) {
        self.init(title: site.graph.header(node).title, url: site.url(node))
    }
}
