import Foundation
import RoleBookModel

/// `search.html`: the search UI; results are drawn by `assets/search.js` from the `search/` index.
package struct SearchPage {
    var context: PageContext
    /// Site-root-relative scripts the client needs before `assets/search.js`.
    var indexScripts: [String]

    /// The memberwise initializer, for the build layer (an implicit one would be internal to this module).
    package init(context: PageContext, indexScripts: [String]) { self.context = context; self.indexScripts = indexScripts }

    /// Strings the client shows, passed as JSON in `data-strings`.
    func clientStrings() -> String {
        let s = context.strings
        var table: [String: String] = [:]
        for key in [UIKey.noResults, .didYouMean, .nameSeparator, .results, .all, .role, .department, .procedure, .loading, .more] { table[key.rawValue] = s[key] }
        table["placeholder"] = s[.searchPlaceholder]
        return JSONWriter().text(.object(table.mapValues(JSONValue.string)))
    }

    package func render() -> String {
        let s = context.strings
        let main = el("article", ["class": "doc doc-wide"],
            PageHeader(title: s[.search]).html,
            el("div", ["id": "rb-search", "data-root": context.root, "data-strings": clientStrings(), "data-groups": filterGroupsJSON()],
               el("form", ["class": "rb-search-form", "action": "search.html", "role": "search"],
                  el("input", ["id": "rb-q", "name": "q", "type": "search", "autocomplete": "off", "placeholder": s[.searchPlaceholder], "aria-label": s[.search], "autofocus": nil])),
               el("div", ["id": "rb-filters"]),
               el("ol", ["id": "rb-results"])))
        return Layout(context: context).page(title: s[.search], bodyClass: "page-search",
                                             crumbs: [.init(title: s[.home], href: context.href(for: .home)), .init(title: s[.search], href: nil)],
                                             main: main, scripts: indexScripts.map(context.href) + [context.href(.searchScript), context.href("search/fold.js")])
    }
}
