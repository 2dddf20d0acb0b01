import RoleBookModel

/// Printable sign-off sheets: one per procedure, one per role, a weekly grid for daily procedures, and an index.
package struct ChecklistPages {
    var context: PageContext

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext) { self.context = context }

    private var g: RoleGraph { context.graph }
    private var s: UIStrings { context.strings }

    // MARK: Pages

    package func procedureSheet(_ p: Int) -> String {
        let proc = g.procedures[p]
        let checklist = Checklist(graph: g, procedure: p)
        let roles = performers(p)
        let main = el("div", ["class": "sheet-page"],
            toolbar(extra: g.procedures[p].hasWeekGrid ? [el("a", ["class": "button button-ghost", "href": context.href(for: .weekChecklist(p))], .text(s[.weekGrid]))] : []),
            el("article", ["class": "sheet"],
               table(checklist, head: sheetHead(title: proc.title, department: g.procedureDepartment[p], roles: roles, procedure: p)),
               signOff()))
        return page(title: proc.title, main: main, crumbs: [.init(title: proc.title, href: context.href(.procedure(p)))])
    }

    package func weekSheet(_ p: Int) -> String {
        let proc = g.procedures[p]
        let checklist = Checklist(graph: g, procedure: p)
        let days = [UIKey.mon, .tue, .wed, .thu, .fri, .sat, .sun].map { s[$0] }
        let head = sheetHead(title: proc.title + " · " + s[.weekGrid], department: g.procedureDepartment[p], roles: performers(p), procedure: p, week: true)
        let markdown = MarkdownHTML(context: procedureContext(p))
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
        return page(title: proc.title + " · " + s[.weekGrid], main: main, crumbs: [.init(title: proc.title, href: context.href(.procedure(p)))], landscape: true)
    }

    /// Every procedure a role performs or owns, by frequency then by earliest time.
    package func roleSheet(_ r: Int) -> String {
        let role = g.roles[r]
        let procedures = Self.orderedProcedures(for: r, in: g)
        var blocks: [HTML] = []
        for p in procedures {
            let checklist = Checklist(graph: g, procedure: p)
            let proc = g.procedures[p]
            // Each procedure starts a printed page and is signed off on its own.
            blocks.append(el("section", ["class": "sheet-section"],
                table(checklist, head: sheetHead(title: proc.title, department: g.roleDepartment[r], roles: [r], procedure: p)),
                signOff()))
        }
        let main = el("div", ["class": "sheet-page"], toolbar(extra: []),
                      el("article", ["class": "sheet"], .fragment(blocks)))
        return page(title: role.title + " · " + s[.checklists], main: main, crumbs: [.init(title: role.title, href: context.href(.role(r)))])
    }

    package func index() -> String {
        let rolesWithSheets = g.roles.indices.filter { !g.roleProcedures[$0].isEmpty }
        let main = el("article", ["class": "doc doc-wide"],
            PageHeader(title: s[.checklistIndex]).html,
            el("section", [:], el("h2", .text(s[.byDepartment])),
               el("div", ["class": "cards-columns"], children: context.site.procedureGroups.map { group in
                   el("div", ["class": "card"],
                      el("h3", group.department.map { context.link(.department($0)) } ?? .text(s[.other])),
                      el("ul", children: group.procedures.map { p in
                          el("li", [:], el("a", ["href": context.href(for: .checklist(p))], .text(g.procedures[p].title)),
                             el("span", ["class": "muted"], .text(" " + s.frequency(g.procedures[p].frequency))))
                      }))
               })),
            el("section", [:], el("h2", .text(s[.byRole])),
               el("ul", ["class": "cards"], children: rolesWithSheets.map { r in
                   el("li", ["class": "card"], el("a", ["href": context.href(for: .roleChecklist(r))], .text(g.roles[r].title)),
                      el("span", ["class": "muted"], .text(s.format(.roleChecklist, g.roleProcedures[r].count))))
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

    private func performers(_ p: Int) -> [Int] {
        var roles = g.procedurePerformers[p]
        if roles.isEmpty, let o = g.procedureOwner[p] { roles = [o] }
        return roles
    }

    private func page(title: String, main: HTML, crumbs: [Layout.Crumb], landscape: Bool = false) -> String {
        let layout = Layout(context: context)
        var all = [Layout.Crumb(title: s[.home], href: context.href(for: .home)), .init(title: s[.checklists], href: context.href(for: .checklistIndex))]
        all += crumbs
        let pageCSS = ChecklistStylesheet.pageRule(strings: s, landscape: landscape)
        return layout.page(title: title, bodyClass: "page-checklist", crumbs: all, main: main,
                           extraHead: [el("link", ["rel": "stylesheet", "href": context.href(.checklistCSS)]),
                                       el("style", [:], .raw(pageCSS))])
    }

    private func toolbar(extra: [HTML]) -> HTML {
        el("div", ["class": "sheet-toolbar"], children: [el("button", ["class": "button", "type": "button", "data-action": "print"], .text(s[.print]))] + extra)
    }

    /// Organisation, department, roles, title, version, effective date, and blanks for date / shift / name.
    private func sheetHead(title: String, department: Int?, roles: [Int], procedure p: Int, week: Bool = false) -> HTML {
        let proc = g.procedures[p]
        var meta: [HTML] = []
        func item(_ label: String, _ value: String) {
            meta.append(el("span", ["class": "meta-item"], el("span", ["class": "meta-label"], .text(label + s[.colon])), .text(value)))
        }
        item(s[.organization], g.config.organization ?? g.config.title)
        if let d = department { item(s[.department], g.departments[d].title) }
        if !roles.isEmpty { item(s[.role], roles.map { g.roles[$0].title }.joined(separator: s[.nameSeparator])) }
        if let v = proc.version { item(s[.version], v) }
        if let e = proc.effective { item(s[.effective], e) }
        if let f = proc.frequency { item(s[.frequency], s.frequency(f)) }
        // A shift past midnight is worked on two dates; the sheet asks for both so it files under the right day.
        let dates = !week && Checklist(graph: g, procedure: p).crossesMidnight ? [UIKey.dateStart, .dateEnd] : [UIKey.date]
        let blanks = (week ? [UIKey.date, .name] : dates + [.shift, .name]).map { key in
            el("span", ["class": "blank"], el("span", .text(s[key] + s[.colon])), el("span", ["class": "blank-line"]))
        }
        return el("div", ["class": "sheet-head"],
                  el("div", ["class": "sheet-title"], .text(title)),
                  el("div", ["class": "sheet-meta"], children: meta),
                  el("div", ["class": "sheet-blanks"], children: blanks))
    }

    /// The checklist table; its `thead` repeats the header on every printed page.
    private func table(_ checklist: Checklist, head: HTML) -> HTML {
        let markdown = MarkdownHTML(context: procedureContext(checklist.procedure))
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
    private func procedureContext(_ p: Int) -> PageContext {
        var c = context
        c.contentPath = g.procedures[p].header.path
        return c
    }

    /// 执行人 / 复核人 / 日期.
    private func signOff() -> HTML {
        el("div", ["class": "sign-off"], children: [UIKey.executor, .reviewer, .date].map { key in
            el("div", ["class": "sign"], el("span", .text(s[key] + s[.colon])), el("span", ["class": "blank-line"]))
        })
    }
}
