import Foundation
import RoleBookModel

extension SearchIndexBuilder {
    /// ``update(_:documents:from:)`` reading only the shards an edit reaches: those holding a token
    /// whose posting of an edited document changed (its previous record is made again from the
    /// short fields ``SearchIndexShape`` keeps), and their neighbours. The greedy cut of ``pack(_:)`` is run again from the shard before
    /// the first of them, and every stretch ends where the new cut meets the previous one at the
    /// same shard number: from there on the cut and the files are those of the previous index.
    /// So the files equal a full build's, and the work follows the edit, not the index.
    ///
    /// Nil when an edited document's previous record cannot be made again, or a file it needs is
    /// missing or not as written (the caller then reads every shard).
    func updateLocally(_ layout: Layout, changed: [Int], shape: SearchIndexShape, from previous: PreviousSearchIndex) -> Update? {
        let records = layout.records
        let oldCount = shape.shardCount
        let added = Self.gained(records, changed)
        // Each edited document's previous record: the new one with its previous short fields and,
        // when the build still has the file's previous parse, its previous body; trusted only if
        // it has the fingerprint the previous index recorded (an edit that cannot be undone this
        // way, of a body without its previous parse say: then every shard is read).
        var moved = Set<String>()
        for d in changed {
            var before = shape.fields[d].applied(to: records[d])
            if let body = previous.bodies[records[d].url] { before = body.applied(to: before) }
            guard Self.fingerprint(record: before) == previous.documents[d].fingerprint else { return nil }
            // Tokens whose posting of `d` differs: gone, new, or another weight or positions.
            var old: [String: (Int, [UInt32])] = [:]
            for (token, weight, positions) in Self.weights(before) { old[token.text] = (weight, positions) }
            for (token, weight, positions) in Self.weights(records[d]) {
                if let o = old.removeValue(forKey: token.text), o.0 == weight, o.1 == positions { continue }
                moved.insert(token.text)
            }
            moved.formUnion(old.keys)
        }
        // Only shards holding such a token change; a new token goes where the separators route it.
        var touched = Set<Int>()
        for token in moved { touched.insert(Self.shard(of: token, separators: shape.separators)) }
        var routed: [Int: [(String, [Posting])]] = [:]
        for (token, postings) in added {
            let k = Self.shard(of: token, separators: shape.separators)
            if touched.contains(k) { routed[k, default: []].append((token, postings)) }
        }
        // A shard's cut depends on the first entry of the next: the one before each touched shard is cut again too.
        var region = touched
        for k in touched where k > 0 { region.insert(k - 1) }

        // Read on all cores: the region and its neighbours (where the cuts meet, whose tokens make separators).
        let read = previous.read
        let wanted = Set(region.flatMap { [$0 - 1, $0, $0 + 1] }.filter { $0 >= 0 && $0 < oldCount }).sorted()
        let loaded = wanted.parallelMap { Self.readShard($0, read) }
        var old: [Int: [(String, String)]] = [:]
        for (k, entries) in zip(wanted, loaded) {
            guard let entries else { return nil }
            old[k] = entries
        }
        func oldEntries(_ k: Int) -> [(String, String)]? {
            if let e = old[k] { return e }
            guard let e = Self.readShard(k, read) else { return nil }
            old[k] = e
            return e
        }
        let edited = changed, read0 = old, routes = routed
        let patchedList = touched.sorted().parallelMap { k -> (Int, [(String, String)]) in
            (k, Self.merge(Self.patch(read0[k]!, added: added, edited: edited), fresh: routes[k] ?? []))
        }
        let patched = Dictionary(uniqueKeysWithValues: patchedList)

        // The new shards in order: a previous one kept as it is, or entries cut again.
        enum Piece { case kept(Int), cut([(String, String)]) }
        var pieces: [Piece] = []
        var packer = Packer()
        var inSync = true
        for k in 0..<oldCount {
            if inSync && !region.contains(k) { pieces.append(.kept(k)); continue }
            if inSync { packer = Packer() }
            inSync = false
            guard let entries = patched[k] ?? oldEntries(k) else { return nil }
            let before = packer.shards.count
            for entry in entries { packer.feed(entry) }
            pieces += packer.shards[before...].map { .cut($0) }
            packer.shards.removeAll()
            // Meet the previous cut at k + 1 if it is not to be cut again and the open shard
            // closes right before its first entry, with the shards numbered as before.
            let next = k + 1
            guard next < oldCount, !region.contains(next) else { continue }
            guard let following = oldEntries(next), let first = following.first else { return nil }
            if packer.closes(before: first) && pieces.count + 1 == next {
                packer.close()
                pieces += packer.shards.map { .cut($0) }
                packer.shards.removeAll()
                inSync = true
            }
        }
        if !inSync {
            if !packer.current.isEmpty || pieces.isEmpty { packer.close() }
            pieces += packer.shards.map { .cut($0) }
        }

        // Separators: a kept shard after a kept one keeps its own; elsewhere one is made from the neighbours.
        func firstToken(_ j: Int) -> String? {
            switch pieces[j] {
            case .kept(let k): oldEntries(k)?.first?.0
            case .cut(let e): e.first?.0
            }
        }
        func lastToken(_ j: Int) -> String? {
            switch pieces[j] {
            case .kept(let k): oldEntries(k)?.last?.0
            case .cut(let e): e.last?.0
            }
        }
        var separators = [""]
        for j in pieces.indices.dropFirst() {
            if case .kept(let k) = pieces[j], case .kept = pieces[j - 1] {
                separators.append(shape.separators[k])
                continue
            }
            guard let a = lastToken(j - 1), let b = firstToken(j) else { return nil }
            separators.append(Self.separator(after: a, before: b))
        }

        var files = Self.fixedFiles(layout, Shards(separators: separators, shards: []))
        var unchanged: [String] = []
        var positional: [Bool] = []
        let cut = pieces.indices.compactMap { j -> (Int, [(String, String)])? in
            if case .cut(let e) = pieces[j] { (j, e) } else { nil }
        }
        let previousEntries = old
        let rewritten = cut.parallelMap { j, entries -> (index: String, positions: String?)? in
            j < oldCount && previousEntries[j].map { Self.same(entries, $0) } == true ? nil : Self.shardFiles(j, entries)
        }
        for j in pieces.indices {
            if case .kept(let k) = pieces[j] {
                unchanged.append(Self.shardPath(k))
                if shape.positional[k] { unchanged.append(Self.positionsPath(k)) }
                positional.append(shape.positional[k])
            } else {
                positional.append(false)
            }
        }
        for ((j, entries), texts) in zip(cut, rewritten) {
            let hasPositions = entries.contains { Self.hasPositionsPart($0.1) }
            positional[j] = hasPositions
            if let texts {
                files[Self.shardPath(j)] = texts.index
                if let p = texts.positions { files[Self.positionsPath(j)] = p }
            } else {
                unchanged.append(Self.shardPath(j))
                if hasPositions { unchanged.append(Self.positionsPath(j)) }
            }
        }
        // Kept files must still be in the site as written, or be made again from every shard.
        guard unchanged.allSatisfy(previous.isPresent) else { return nil }

        Self.fragmentBundles(layout, changed: changed, previous: previous, files: &files, unchanged: &unchanged)

        return Update(files: files, unchanged: unchanged, shape: SearchIndexShape(separators: separators, positional: positional))
    }

    /// A patched shard's entries with the tokens the previous index did not have (`fresh`,
    /// routed to this shard) merged into their places; tokens it has are already patched.
    static func merge(_ entries: [(String, String)], fresh: [(String, [Posting])]) -> [(String, String)] {
        guard !fresh.isEmpty else { return entries }
        let known = Set(entries.map(\.0))
        let new = fresh.filter { !known.contains($0.0) }
            .map { ($0.0, encodePostings($0.1.sorted { $0.doc < $1.doc }, positional: isPositional($0.0), positions: hasPositions($0.0))) }
            .sorted { utf16Less($0.0, $1.0) }
        guard !new.isEmpty else { return entries }
        var merged: [(String, String)] = []
        merged.reserveCapacity(entries.count + new.count)
        var i = 0
        for entry in entries {
            while i < new.count && utf16Less(new[i].0, entry.0) { merged.append(new[i]); i += 1 }
            merged.append(entry)
        }
        merged += new[i...]
        return merged
    }
}
