import RoleBookModel
import RoleBookParsing

/// What a procedure page shows: the procedure, where it sits, who owns and performs it.
package struct ProcedurePageModel: PageModel {
    package let procedure: Procedure
    package let departmentPath: [PageLink]
    package let owner: PageLink?
    package let performers: [PageLink]
    package let checklistURL: String
    package let links: ResolvedLinks

    package init(site: SiteMap, index: Int) {
        let g = site.graph
        procedure = g.procedures[index]
        departmentPath = PageLink.departmentPath(g.procedureDepartment[index], in: site)
        owner = g.procedureOwner[index].map { PageLink(.role($0), in: site) }
        // Performers as names only (no vacancy badge), as the page has always shown them.
        performers = g.procedurePerformers[index].map { PageLink(title: g.roles[$0].title, url: site.url(.role($0))) }
        checklistURL = site.url(for: .checklist(index))
        links = ResolvedLinks(procedure.header, in: site)
    }
}

/// A procedure: who owns and performs it, and its phases and steps.
package struct ProcedurePage {
    var context: PageContext
    var model: ProcedurePageModel

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext, model: ProcedurePageModel) { self.context = context; self.model = model }

    package func render() -> String {
        let s = context.strings
        let proc = model.procedure
        let layout = Layout(context: context)
        let crumbs = layout.crumbs(path: model.departmentPath, current: proc.title)

        var facts = Facts()
        if let o = model.owner { facts.add(s[.owner], context.link(o)) }
        let performers = model.performers
        if !performers.isEmpty { facts.add(s[.performers], .fragment(performers.enumerated().map { i, r in .fragment([i > 0 ? .text(s[.nameSeparator]) : .empty, el("a", ["href": context.href(r.url)], .text(r.title))]) })) }
        if let f = proc.frequency { facts.add(s[.frequency], .text(s.frequency(f))) }
        if let v = proc.version { facts.add(s[.version], .text(v)) }
        if let e = proc.effective { facts.add(s[.effective], .text(e)) }
        // The numbers the printed checklist gives, in the same walk order, so page and paper agree.
        let checklist = Checklist(proc)
        var numbers = checklist.steps.map(\.number)[...]
        // "N 个步骤" is the last top-level number shown, not a count that includes sub-steps.
        facts.add(s[.step], .text(s.format(.steps, checklist.steps.count { $0.depth == 0 })))

        let markdown = MarkdownHTML(context: context, headingIDs: HeadingIDs.assign(proc.header.document), links: model.links)
        var body: [HTML] = []
        for section in proc.header.document.sections {
            let isPhase = section.kind != .intro || !section.items.isEmpty
            if !isPhase { body.append(el("div", ["class": "intro"], markdown.render(section.blocks))); continue }
            var children: [HTML] = []
            if !section.heading.isEmpty {
                children.append(el("h2", [:], el("a", ["class": "anchor", "href": "#" + section.anchor, "aria-hidden": "true"], "#"), .text(section.heading)))
            }
            // Prose around the steps is kept; lists are rendered as steps with their times.
            for block in section.blocks {
                if case .list(let ordered, _, let listItems, let style) = block.kind {
                    let items = DocumentItems.items(of: block, in: section)
                    let classes = MarkdownHTML.classes(for: style).map { "steps " + $0 } ?? "steps"
                    children.append(.element(ordered ? "ol" : "ul", [.init("class", classes)],
                                             items.enumerated().map { step($1, source: $0 < listItems.count ? listItems[$0] : nil, numbers: &numbers) }))
                } else {
                    children.append(markdown.render(block))
                }
            }
            body.append(el("section", ["class": "phase", "id": section.anchor], children: children))
        }

        let main = el("article", ["class": "doc"],
            PageHeader(title: proc.title, eyebrow: s[.procedure], lede: proc.header.summary,
                       details: [facts.html, el("a", ["class": "button", "href": context.href(model.checklistURL)], .text(s[.printChecklist]))]).html,
            .fragment(body))
        return layout.page(title: proc.title, bodyClass: "page-procedure", crumbs: crumbs, main: main)
    }

    /// - Parameter source: the list item the step was parsed from, whose sub-list says how the
    ///   sub-steps were numbered (`（1）` under `1、` stays `（1）`).
    /// - Parameter numbers: the checklist's numbers still to hand out (`5`, `5.1`, …), consumed in order.
    private func step(_ item: Item, source: ListItem?, numbers: inout ArraySlice<String>) -> HTML {
        let markdown = MarkdownHTML(context: context, links: model.links)
        var subStyle = ListStyle.markdown
        var subSources: [ListItem] = []
        for block in source?.blocks ?? [] {
            guard case .list(_, _, let listItems, let style) = block.kind else { continue }
            if subSources.isEmpty { subStyle = style }
            subSources += listItems
        }
        let subClasses = MarkdownHTML.classes(for: subStyle).map { "substeps " + $0 } ?? "substeps"
        // The parent takes its number before its sub-steps take theirs, as on the checklist.
        let number = numbers.popFirst() ?? ""
        var substeps: [HTML] = []
        for (i, child) in item.children.enumerated() {
            substeps.append(step(child, source: i < subSources.count ? subSources[i] : nil, numbers: &numbers))
        }
        return el("li", ["class": item.time == nil ? "step" : "step is-timed"],
                  // Shown for lists numbered 1. 2.; lists written 一、 or （1） show the document's marker instead (CSS).
                  el("span", ["class": "step-no", "aria-hidden": "true"], .text(number)),
                  item.time.map { el("time", ["class": "step-time"], .text($0.label)) } ?? .empty,
                  el("span", ["class": "step-text"], children: markdown.render(item.inlines)),
                  substeps.isEmpty ? .empty : el("ol", ["class": subClasses], children: substeps))
    }
}

/// Maps a list block back to its parsed items (same order as ``Section/items``).
enum DocumentItems {
    static func items(of block: Block, in section: Section) -> [Item] {
        var offset = 0
        for b in section.blocks {
            guard case .list(_, _, let listItems, _) = b.kind else { continue }
            if b == block { return Array(section.items[offset..<min(section.items.count, offset + listItems.count)]) }
            offset += listItems.count
        }
        return []
    }
}
