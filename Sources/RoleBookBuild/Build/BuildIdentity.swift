import Foundation
import RoleBookModel

/// What every fingerprint of a build starts from: the rolebook that renders and the site's
/// settings (`global`), and the fingerprint of `graph.json`, which shows every file.
///
/// Pages hash their own models on top of `global` (``ModelledPage``); a page without a model
/// (home, the indexes) renders on every build.
struct BuildIdentity: Sendable {
    /// Settings and renderer; nil when the binary cannot be identified (then nothing is reused).
    let global: UInt64?

    init(graph g: RoleGraph, renderer: UInt64? = BuildIdentity.rendererIdentity) {
        global = renderer.map { StableHash.combine($0, g.config.stableHash) }
    }

    /// Every source file in order, the settings and the renderer: what `graph.json` is made from.
    /// A pass over every file, so only `build` asks for it (`serve` makes graph.json on request).
    func wholeGraph(_ g: RoleGraph) -> UInt64? {
        guard let global else { return nil }
        var f = Fingerprint(global)
        // Each file tagged by its kind: a role and a department at the same path never coincide.
        // Headers read in place: copying one copies a dozen references.
        func add(_ tag: UInt64, _ count: Int, _ header: (Int) -> (path: String, hash: UInt64)) {
            f.add(UInt64(count))
            for i in 0..<count {
                let (path, hash) = header(i)
                f.add(StableHash.combine(StableHash.combine(tag, StableHash.string(path)), hash))
            }
        }
        add(1, g.roles.count) { (g.roles[$0].header.path, g.roles[$0].header.sourceHash) }
        add(2, g.departments.count) { (g.departments[$0].header.path, g.departments[$0].header.sourceHash) }
        add(3, g.procedures.count) { (g.procedures[$0].header.path, g.procedures[$0].header.sourceHash) }
        return f.value
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
}
