extension HomePage {
    /// Procedures listed under 最近生效的流程: the latest eight by effective date, newest first.
    /// When every dated procedure took effect the same day the list says nothing a reader can use
    /// (eight identical dates), so it is empty and the panel is left out.
    static func recentProcedures(_ g: RoleGraph, limit: Int = 8) -> [Int] {
        let dated = g.procedures.indices.filter { g.procedures[$0].effective != nil }
        guard Set(dated.map { g.procedures[$0].effective! }).count > 1 else { return [] }
        return Array(dated.sorted { (g.procedures[$0].effective!, g.procedures[$1].id) > (g.procedures[$1].effective!, g.procedures[$0].id) }
            .prefix(limit))
    }
}
