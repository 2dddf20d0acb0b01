import RoleBookParsing
import RoleBookSite
import RoleBookTestSupport

extension DiffFixtures {
    /// ``base`` and ``head`` checked as `rolebook diff` reads them and compared in-process: what
    /// the command's output and the HTML report must show. (`RoleBookSiteTests` keeps its own
    /// copy: that target sits below this harness.)
    package static func compared() throws -> (diff: GraphDiff, base: DiffSide, head: DiffSide) {
        let base = DiffSide(try runCheck(DiffFixtures.base), displayRoot: shownRoot)
        let head = DiffSide(try runCheck(DiffFixtures.head), displayRoot: shownRoot)
        return (GraphDiff.compare(base: base, head: head), base, head)
    }
}
