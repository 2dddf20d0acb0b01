import Foundation
import RoleBookModel
import RoleBookSite

/// One fingerprint per page of everything it is rendered from, so a rebuild renders only the
/// pages whose inputs changed.
///
/// A page's inputs are the source files of its own node and of every node it shows (titles,
/// vacancies, headcounts, links), the shape of the relations it walks (the lists themselves, so
/// a new direct report or a reordered peer list changes the fingerprint), the site settings and
/// the rolebook binary. Each `inputs…` function below mirrors one renderer and errs on the side
/// of listing too much: an input listed needlessly costs a re-render, one missed would leave a
/// stale page, which the incremental-build tests (random edits, compared with a fresh build)
/// exist to catch. Pages that list everything (home, A–Z, indexes) have no fingerprint and
/// render on every build.
struct PageInputs: Sendable {
    let site: SiteMap
    /// Settings and renderer; nil when the binary cannot be identified (then nothing is reused).
    let global: UInt64?
    private let roleHashes: [UInt64]
    private let departmentHashes: [UInt64]
    private let procedureHashes: [UInt64]
    private let departmentProcedures: [[Int]]

    var graph: RoleGraph { site.graph }

    init(site: SiteMap, renderer: UInt64? = PageInputs.rendererIdentity) {
        self.site = site
        let g = site.graph
        func identity(_ tag: UInt64, _ header: EntityHeader) -> UInt64 {
            StableHash.combine(StableHash.combine(tag, StableHash.string(header.path)), header.sourceHash)
        }
        roleHashes = g.roles.map { identity(1, $0.header) }
        departmentHashes = g.departments.map { identity(2, $0.header) }
        procedureHashes = g.procedures.map { identity(3, $0.header) }
        departmentProcedures = site.procedures.byDepartment
        global = renderer.map { StableHash.combine($0, g.config.stableHash) }
    }

    /// The running binary's size and modification time: a rebuilt rolebook renders everything again.
    /// Foundation's file attributes, not `/proc/self/exe` and glibc's `st_mtim`, so it holds on
    /// every platform Package.swift names.
    static let rendererIdentity: UInt64? = {
        guard let path = Bundle.main.executableURL?.resolvingSymlinksInPath().path,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.uint64Value,
              let modified = attributes[.modificationDate] as? Date else { return nil }
        let nanoseconds = UInt64(max(0, modified.timeIntervalSince1970 * 1_000_000_000))
        return StableHash.combine(StableHash.combine(0x726F_6C65_626F_6F6B, size), nanoseconds)
    }()

    /// Every source file in order, the settings and the renderer: what `graph.json` is made from.
    var wholeGraph: UInt64? {
        guard let global else { return nil }
        var f = Fingerprint(global)
        for hashes in [roleHashes, departmentHashes, procedureHashes] {
            f.add(UInt64(hashes.count))
            for h in hashes { f.add(h) }
        }
        return f.value
    }

    /// The fingerprint of a page, or nil for pages rendered on every build.
    func fingerprint(_ job: SiteRenderer.Job) -> UInt64? {
        guard let global else { return nil }
        var f = Fingerprint(global)
        switch job {
        case .home, .az, .procedureIndex, .search, .checklistIndex: return nil
        // Fingerprinted by their models (``ModelledPage``).
        case .role, .procedure, .checklist, .weekChecklist, .roleChecklist: return nil
        case .department(let i): f.add(2); inputsOfDepartmentPage(i, &f)
        }
        return f.value
    }

    // MARK: What each renderer reads

    /// ``DepartmentPage`` and its ``OrgChartSVG``: the department path, its roles with their
    /// superiors (and theirs' departments), reports and dotted lines, every role of its tree
    /// (headcounts and vacancies are summed), its sub-departments with their heads, and its procedures.
    private func inputsOfDepartmentPage(_ d: Int, _ f: inout Fingerprint) {
        let g = graph
        departmentPath(d, &f)
        f.add(UInt64(g.departmentRoles[d].count))
        for r in g.departmentRoles[d] {
            f.add(node(.role(r)))
            roleWithDepartment(g.superior[r], &f)
            roles(g.subordinates[r], &f)
            roles(g.dotted[r], &f)
        }
        roles(g.rolesInTree(d), &f)
        f.add(UInt64(g.departmentChildren[d].count))
        for c in g.departmentChildren[d] {
            f.add(node(.department(c)))
            roleWithDepartment(g.departmentHead[c], &f)
            f.add(UInt64(g.rolesInTree(c).count))
        }
        f.add(UInt64(departmentProcedures[d].count))
        for p in departmentProcedures[d] { f.add(node(.procedure(p))) }
        linkTargets(g.departments[d].header, &f)
    }

    // MARK: Pieces

    private func node(_ n: NodeRef) -> UInt64 {
        switch n {
        case .role(let i): roleHashes[i]
        case .department(let i): departmentHashes[i]
        case .procedure(let i): procedureHashes[i]
        }
    }

    private func roles(_ list: [Int], _ f: inout Fingerprint) {
        f.add(UInt64(list.count))
        for r in list { f.add(roleHashes[r]) }
    }

    /// A role and the department it belongs to (org charts place and label boxes by it), or a marker for none.
    private func roleWithDepartment(_ r: Int?, _ f: inout Fingerprint) {
        guard let r else { f.add(0); return }
        f.add(node(.role(r)))
        f.add(optional: graph.roleDepartment[r].map { node(.department($0)) })
    }

    /// A department and its ancestors (breadcrumbs), or a marker for none.
    private func departmentPath(_ d: Int?, _ f: inout Fingerprint) {
        guard let d else { f.add(0); return }
        let path = graph.departmentPath(d)
        f.add(UInt64(path.count))
        for x in path { f.add(departmentHashes[x]) }
    }

    /// What each content link of a document resolves to (its URL and the target's anchors).
    private func linkTargets(_ header: EntityHeader, _ f: inout Fingerprint) {
        let links = header.document.links
        f.add(UInt64(links.count))
        for link in links {
            guard let target = link.target else { f.add(0); continue }
            if let n = site.node(forContentPath: target) { f.add(node(n)) } else { f.add(StableHash.string(target)) }
        }
    }
}

extension SiteConfig {
    /// Every setting, in a fixed order (`Hasher` is seeded per process, and dictionaries have no order).
    var stableHash: UInt64 {
        var f = Fingerprint(0x636F_6E66_6967)
        for s in [title, organization ?? "\u{0}", language] + exclude { f.add(StableHash.string(s)) }
        f.add(UInt64(exclude.count))
        f.add(UInt64(bitPattern: Int64(maxSpan)))
        f.add(UInt64(bitPattern: Int64(maxDepth)))
        for (kind, names) in extraSections.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            f.add(StableHash.string(kind.rawValue))
            f.add(UInt64(names.count))
            for n in names { f.add(StableHash.string(n)) }
        }
        return f.value
    }
}
