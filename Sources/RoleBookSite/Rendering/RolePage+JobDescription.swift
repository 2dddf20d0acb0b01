import RoleBookModel
/// The parts that make a printed role page a formal 岗位说明书: a document-control block at the
/// head and sign-off lines at the foot. Both are print-only; on screen the page stays a web page.
extension RolePage {
    /// 岗位说明书, the organisation, and a one-row table of 文件编号 / 版本 / 生效日期 / 批准人 for
    /// the fields the role's front matter gives (the table is left out when it gives none).
    func documentControl() -> HTML {
        let s = context.strings, config = context.config
        let role = model.role
        let fields: [(UIKey, String)] = [(.docNo, role.documentCode), (.version, role.version), (.effective, role.effective),
                                         (.approvedBy, role.approvedBy)].compactMap { key, value in value.map { (key, $0) } }
        let table: HTML = fields.isEmpty ? .empty : el("table", ["class": "jd-control-table"],
            el("caption", .text(s[.documentControl])),
            el("tr", children: fields.map { el("th", ["scope": "col"], .text(s[$0.0])) }),
            el("tr", children: fields.map { el("td", .text($0.1)) }))
        return el("div", ["class": "jd-control print-only"],
                  el("p", ["class": "jd-kind"], .text((config.organization ?? config.title) + " · " + s[.jobDescription])),
                  table)
    }

    /// 任职者, 直接上级 and 人力资源部 each sign and date: the three parties a job description binds.
    func signOffLines() -> HTML {
        let s = context.strings
        return el("section", ["class": "jd-sign-off print-only"],
            el("h2", .text(s[.signOff])),
            el("table", ["class": "jd-sign-table"], children: [UIKey.incumbent, .reportsTo, .hrDepartment].map { party in
                el("tr",
                   el("th", ["scope": "row"], .text(s[party])),
                   el("td", ["class": "jd-line"], el("span", ["class": "jd-label"], .text(s[.sign]))),
                   el("td", ["class": "jd-line jd-date"], el("span", ["class": "jd-label"], .text(s[.date]))))
            }))
    }
}
