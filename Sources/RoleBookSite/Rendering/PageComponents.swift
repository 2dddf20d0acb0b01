import RoleBookModel

/// The heading block at the top of a page's main column (`<header class="page-header">`):
/// an optional print button, the kind of page, the title, a subtitle, the lede, then details
/// (facts, totals, a button). Every page builds it here, so they all share one shape.
struct PageHeader {
    var title: String
    /// The kind of page above the title (岗位, 部门 …).
    var eyebrow: String? = nil
    /// Label of a print button shown first, for pages meant to be printed.
    var printLabel: String? = nil
    /// A line under the title (a role's aliases).
    var subtitle: String? = nil
    /// The summary paragraph.
    var lede: String? = nil
    /// What follows the lede, in order.
    var details: [HTML] = []

    var html: HTML {
        var children: [HTML] = []
        if let printLabel { children.append(el("button", ["class": "print-button", "type": "button", "data-action": "print"], .text(printLabel))) }
        if let eyebrow { children.append(el("p", ["class": "eyebrow"], .text(eyebrow))) }
        children.append(el("h1", .text(title)))
        if let subtitle { children.append(el("p", ["class": "aliases"], .text(subtitle))) }
        if let lede { children.append(el("p", ["class": "lede"], .text(lede))) }
        return el("header", ["class": "page-header"], children: children + details)
    }
}

/// Label–value pairs shown in a page header (`<dl class="facts">`), in the order added.
struct Facts {
    private var items: [HTML] = []

    mutating func add(_ label: String, _ value: HTML) {
        items.append(el("div", ["class": "fact"], el("dt", .text(label)), el("dd", value)))
    }

    var html: HTML { el("dl", ["class": "facts"], children: items) }
}
