import RoleBookModel

/// Printable sign-off sheets: one per procedure, one per role, a weekly grid for daily procedures, and an index.
package struct ChecklistPages {
    var context: PageContext

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext) { self.context = context }

    private var g: RoleGraph { context.graph }
    private var s: UIStrings { context.strings }

    // MARK: Pages

    package func procedureSheet(_ model: ProcedureSheetModel) -> String {
        let sheet = model.sheet, proc = sheet.procedure
        let main = el("div", ["class": "sheet-page"],
            toolbar(extra: sheet.weekURL.map { [el("a", ["class": "button button-ghost", "href": context.href($0)], .text(s[.weekGrid]))] } ?? []),
            el("article", ["class": "sheet"],
               table(sheet, head: sheetHead(title: proc.title, department: model.department, roles: model.roles, procedure: proc)),
               signOff()))
        return page(title: proc.title, main: main, crumbs: [.init(title: proc.title, href: context.href(sheet.url))])
    }

    package func weekSheet(_ model: ProcedureSheetModel) -> String {
        let sheet = model.sheet, proc = sheet.procedure
        let checklist = Checklist(proc)
        let days = [UIKey.mon, .tue, .wed, .thu, .fri, .sat, .sun].map { s[$0] }
        let head = sheetHead(title: proc.title + " · " + s[.weekGrid], department: model.department, roles: model.roles, procedure: proc, week: true)
        let markdown = markdown(for: sheet)
        let rows: [HTML] = checklist.rows.map { row in
            if row.kind == .phase {
                return el("tr", ["class": "row-phase"], el("td", ["colspan": String(days.count + 1)], children: markdown.render(row.text)))
            }
            return el("tr", ["class": "row-step depth-\(min(row.depth, 3))"], children: [
                el("td", ["class": "col-step"], stepCell(row, markdown: markdown, inlineTime: true)),
            ] + days.map { _ in el("td", ["class": "col-day"], row.isTickable ? el("span", ["class": "box"]) : .empty) })
        }
        // Whoever did the day's round initials it once, under that day's column.
        let initials = el("tr", ["class": "row-initials"], children: [el("th", ["class": "col-step", "scope": "row"], .text(s[.initials]))]
                                                                 + days.map { _ in el("td", ["class": "col-day"]) })
        let table = el("table", ["class": "sheet-table week"],
            el("colgroup", children: [el("col", ["class": "col-step"])] + days.map { _ in el("col", ["class": "col-day"]) }),
            el("thead", [:], el("tr", el("th", ["colspan": String(days.count + 1), "class": "head-cell"], head)),
               el("tr", children: [el("th", ["class": "col-step"], .text(s[.step]))] + days.map { el("th", ["class": "col-day"], .text($0)) })),
            el("tbody", children: rows),
            el("tfoot", [:], initials))
        let main = el("div", ["class": "sheet-page"], toolbar(extra: []), el("article", ["class": "sheet sheet-landscape"], table, signOff()))
        return page(title: proc.title + " · " + s[.weekGrid], main: main, crumbs: [.init(title: proc.title, href: context.href(sheet.url))], landscape: true)
    }

    /// Every procedure a role performs or owns, by frequency then by earliest time.
    package func roleSheet(_ model: RoleSheetModel) -> String {
        var blocks: [HTML] = []
        for sheet in model.sheets {
            // Each procedure starts a printed page and is signed off on its own.
            blocks.append(el("section", ["class": "sheet-section"],
                table(sheet, head: sheetHead(title: sheet.procedure.title, department: model.department, roles: [model.role.title], procedure: sheet.procedure)),
                signOff()))
        }
        let main = el("div", ["class": "sheet-page"], toolbar(extra: []),
                      el("article", ["class": "sheet"], .fragment(blocks)))
        return page(title: model.role.title + " · " + s[.checklists], main: main, crumbs: [.init(title: model.role.title, href: context.href(model.role.url))])
    }

    package func index(_ model: ChecklistIndexModel) -> String {
        let main = el("article", ["class": "doc doc-wide"],
            PageHeader(title: s[.checklistIndex]).html,
            el("section", [:], el("h2", .text(s[.byDepartment])),
               el("div", ["class": "cards-columns"], children: model.groups.map { group in
                   el("div", ["class": "card"],
                      el("h3", group.department.map(context.link) ?? .text(s[.other])),
                      el("ul", children: group.sheets.map { sheet in
                          el("li", [:], context.link(sheet.link),
                             el("span", ["class": "muted"], .text(" " + s.frequency(sheet.frequency))))
                      }))
               })),
            el("section", [:], el("h2", .text(s[.byRole])),
               el("ul", ["class": "cards"], children: model.roles.map { role in
                   el("li", ["class": "card"], context.link(role.link),
                      el("span", ["class": "muted"], .text(s.format(.roleChecklist, role.procedureCount))))
               })))
        return Layout(context: context).page(title: s[.checklistIndex], bodyClass: "page-checklists",
                                             crumbs: [.init(title: s[.home], href: context.href(for: .home)), .init(title: s[.checklists], href: nil)], main: main)
    }

    static func orderedProcedures(for r: Int, in g: RoleGraph) -> [Int] {
        g.roleProcedures[r].sorted { a, b in
            let fa = g.procedures[a].frequency ?? .onDemand, fb = g.procedures[b].frequency ?? .onDemand
            if fa != fb { return fa < fb }
            let ta = Checklist(graph: g, procedure: a).firstTime ?? Int.max, tb = Checklist(graph: g, procedure: b).firstTime ?? Int.max
            if ta != tb { return ta < tb }
            return g.procedures[a].id < g.procedures[b].id
        }
    }

    // MARK: Parts

    private func page(title: String, main: HTML, crumbs: [Layout.Crumb], landscape: Bool = false) -> String {
        let layout = Layout(context: context)
        var all = [Layout.Crumb(title: s[.home], href: context.href(for: .home)), .init(title: s[.checklists], href: context.href(for: .checklistIndex))]
        all += crumbs
        let pageCSS = PrintPageRule.css(strings: s, sheet: .checklist(landscape: landscape))
        return layout.page(title: title, bodyClass: "page-checklist", crumbs: all, main: main,
                           extraHead: [el("link", ["rel": "stylesheet", "href": context.href(.checklistCSS)]),
                                       el("style", [:], .raw(pageCSS))])
    }

    private func toolbar(extra: [HTML]) -> HTML {
        el("div", ["class": "sheet-toolbar"], children: [el("button", ["class": "button", "type": "button", "data-action": "print"], .text(s[.print]))] + extra)
    }

    /// Organisation, department, roles, title, version, effective date, and blanks for date / shift / name.
    private func sheetHead(title: String, department: String?, roles: [String], procedure proc: Procedure, week: Bool = false) -> HTML {
        var meta: [HTML] = []
        func item(_ label: String, _ value: String) {
            meta.append(el("span", ["class": "meta-item"], el("span", ["class": "meta-label"], .text(label + s[.colon])), .text(value)))
        }
        item(s[.organization], g.config.organization ?? g.config.title)
        if let d = department { item(s[.department], d) }
        if !roles.isEmpty { item(s[.role], roles.joined(separator: s[.nameSeparator])) }
        if let v = proc.version { item(s[.version], v) }
        if let e = proc.effective { item(s[.effective], e) }
        if let f = proc.frequency { item(s[.frequency], s.frequency(f)) }
        // A shift past midnight is worked on two dates; the sheet asks for both so it files under the right day.
        let dates = !week && Checklist(proc).crossesMidnight ? [UIKey.dateStart, .dateEnd] : [UIKey.date]
        let blanks = (week ? [UIKey.date, .name] : dates + [.shift, .name]).map { key in
            el("span", ["class": "blank"], el("span", .text(s[key] + s[.colon])), el("span", ["class": "blank-line"]))
        }
        return el("div", ["class": "sheet-head"],
                  el("div", ["class": "sheet-title"], .text(title)),
                  el("div", ["class": "sheet-meta"], children: meta),
                  el("div", ["class": "sheet-blanks"], children: blanks))
    }

    /// The checklist table; its `thead` repeats the header on every printed page.
    private func table(_ sheet: SheetProcedure, head: HTML) -> HTML {
        let checklist = Checklist(sheet.procedure)
        let markdown = markdown(for: sheet)
        let rows: [HTML] = checklist.rows.map { row in
            if row.kind == .phase {
                return el("tr", ["class": "row-phase"], el("td", ["colspan": "4"], children: markdown.render(row.text)))
            }
            return el("tr", ["class": "row-step depth-\(min(row.depth, 3))"],
                      el("td", ["class": "col-check"], row.isTickable ? el("span", ["class": "box"]) : .empty),
                      el("td", ["class": "col-time"], .text(row.time?.label ?? "")),
                      el("td", ["class": "col-step"], stepCell(row, markdown: markdown, inlineTime: false)),
                      el("td", ["class": "col-remarks"]))
        }
        return el("table", ["class": "sheet-table"],
            // Fixed layout with explicit widths: a long unbroken word wraps instead of pushing the remarks column off the page.
            el("colgroup", el("col", ["class": "col-check"]), el("col", ["class": "col-time"]), el("col", ["class": "col-step"]), el("col", ["class": "col-remarks"])),
            el("thead", [:],
               el("tr", el("th", ["colspan": "4", "class": "head-cell"], head)),
               el("tr", el("th", ["class": "col-check"], .text(s[.done])), el("th", ["class": "col-time"], .text(s[.time])),
                  el("th", ["class": "col-step"], .text(s[.step])), el("th", ["class": "col-remarks"], .text(s[.remarks])))),
            el("tbody", children: rows))
    }

    /// Number and text side by side, so wrapped lines hang under the text rather than under the number.
    private func stepCell(_ row: Checklist.Row, markdown: MarkdownHTML, inlineTime: Bool) -> HTML {
        el("div", ["class": "step-line"],
           el("span", ["class": "num"], .text(row.number)),
           el("div", ["class": "step-text"], children: [
               inlineTime ? row.time.map { el("span", ["class": "time-inline"], .text($0.label)) } ?? .empty : .empty,
           ] + markdown.render(row.text)))
    }

    /// Step links are relative to the procedure's file, also when the sheet is a role's.
    private func markdown(for sheet: SheetProcedure) -> MarkdownHTML {
        var c = context
        c.contentPath = sheet.procedure.header.path
        return MarkdownHTML(context: c, links: sheet.links)
    }

    /// 执行人 / 复核人 / 日期.
    private func signOff() -> HTML {
        el("div", ["class": "sign-off"], children: [UIKey.executor, .reviewer, .date].map { key in
            el("div", ["class": "sign"], el("span", .text(s[key] + s[.colon])), el("span", ["class": "blank-line"]))
        })
    }
}

/// One procedure as a checklist sheet shows it.
package struct SheetProcedure: Hashable, Sendable, Encodable {
    package let procedure: Procedure
    /// The procedure's page, and its weekly grid when it has one.
    package let url: String
    package let weekURL: String?
    package let links: ResolvedLinks

    package init(site: SiteMap, index p: Int) {
        procedure = site.graph.procedures[p]
        url = site.url(.procedure(p))
        weekURL = site.weekChecklistURL(procedure: p)
        links = ResolvedLinks(procedure.header, in: site)
    }
}

/// A procedure's sign-off sheet or weekly grid: the procedure, its department, who performs it.
package struct ProcedureSheetModel: PageModel {
    package let sheet: SheetProcedure
    package let department: String?
    /// The performers' titles, or the owner's when nobody else is named.
    package let roles: [String]

    package init(site: SiteMap, index p: Int) {
        let g = site.graph
        sheet = SheetProcedure(site: site, index: p)
        department = g.procedureDepartment[p].map { g.departments[$0].title }
        var roles = g.procedurePerformers[p]
        if roles.isEmpty, let o = g.procedureOwner[p] { roles = [o] }
        self.roles = roles.map { g.roles[$0].title }
    }
}

/// The sheets of every procedure a role performs or owns, in the order they are worked.
package struct RoleSheetModel: PageModel {
    package let role: PageLink
    package let department: String?
    package let sheets: [SheetProcedure]

    package init(site: SiteMap, index r: Int) {
        let g = site.graph
        role = PageLink(title: g.roles[r].title, url: site.url(.role(r)))
        department = g.roleDepartment[r].map { g.departments[$0].title }
        sheets = ChecklistPages.orderedProcedures(for: r, in: g).map { SheetProcedure(site: site, index: $0) }
    }
}
