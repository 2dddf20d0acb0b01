import RoleBookModel

/// The stored fields of two graphs that differ, by label: every field of ``RoleGraph`` is
/// compared through `Mirror`, so a field added later is compared too, without a change here.
///
/// Used wherever a graph made one way (a patch, a cache) must equal a full build's.
package func graphDifferences(_ a: RoleGraph, _ b: RoleGraph) -> [String] {
    var out: [String] = []
    for (x, y) in zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children) {
        let label = x.label ?? "?"
        // An identity: a patch keeps it, a build makes a new one.
        if label == "layout" { continue }
        let same: Bool
        // Dictionaries: their order depends on how they were filled.
        if let p = x.value as? [String: Int], let q = y.value as? [String: Int] {
            same = p == q
        } else if let p = x.value as? [NodeRef: [LinkEdge]], let q = y.value as? [NodeRef: [LinkEdge]] {
            same = p == q
        } else if let p = x.value as? SiteConfig, let q = y.value as? SiteConfig {
            same = p == q
        } else {
            var s = "", t = ""
            dump(x.value, to: &s)
            dump(y.value, to: &t)
            same = s == t
        }
        if !same { out.append(label) }
    }
    return out
}
