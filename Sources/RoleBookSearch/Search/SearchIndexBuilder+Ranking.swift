import Foundation
import RoleBookModel
import RoleBookSite

/// Ranking: field tiers and the weighted tokens (with bigram positions) of one record.
extension SearchIndexBuilder {
    /// Field tiers, strongest last; a posting's weight is `tier * 8 + bonus` (bonus 1…7), so a
    /// better tier always outranks any bonus of a lower one.
    enum Tier: Int, Comparable {
        case other = 0, responsibilities = 1, department = 2, title = 3
        static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// Bonus inside the title tier: the shorter the name, the closer the match.
    static func titleBonus(_ name: String) -> Int { max(1, 7 - SearchTokenizer.lengthUnits(name) / 2) }

    struct TokenStat {
        var tier: Tier
        /// Occurrences in the best tier only, so that a mention elsewhere never breaks a tie.
        var count: Int
        var titleBonus: Int

        var weight: Int { tier.rawValue * 8 + (tier == .title ? titleBonus : min(7, count)) }

        mutating func add(_ tier: Tier, bonus: Int) {
            if tier > self.tier {
                self = TokenStat(tier: tier, count: 1, titleBonus: bonus)
            } else if tier == self.tier {
                count += 1
                titleBonus = max(titleBonus, bonus)
            }
        }
    }

    /// The weighted tokens of one record: CJK tokens as packed keys, words as strings.
    struct RecordWeights: Sendable {
        var cjk: [UInt64] = []
        var cjkWeights: [UInt8] = []
        /// Per entry of `cjk`: the ascending positions of a trigram in the record, `[0]` for a bigram
        /// at the start of the title (empty for other bigrams and unigrams).
        var cjkPositions: [[UInt32]] = []
        var words: [(String, UInt8)] = []
    }

    /// Scratch space for ``weights(_:scratch:)``, reused from record to record on one thread.
    struct WeightScratch {
        var table = PackedKeyTable<TokenStat>(capacity: 1024, empty: TokenStat(tier: .other, count: 0, titleBonus: 0))
        var words: [String: TokenStat] = [:]
        var scalars: [UInt32] = []
        /// (key, position) of every trigram occurrence and of the bigram at position 0, in text order.
        var positions: [(key: UInt64, position: UInt32)] = []
        /// Pinyin tokens by name: a slice's records mostly share one department name.
        var pinyin: [String: [String]] = [:]
    }

    /// Weights (and trigram positions) of every token of a record, in no particular order.
    package static func weights(_ record: SearchRecord) -> [(token: TokenKey, weight: Int, positions: [UInt32])] {
        var scratch = WeightScratch()
        let w = weights(record, scratch: &scratch)
        return zip(w.cjk, zip(w.cjkWeights, w.cjkPositions)).map { (TokenKey.cjk($0), Int($1.0), $1.1) }
            + w.words.map { (TokenKey.word($0), Int($1), []) }
    }

    static func weights(_ record: SearchRecord, scratch: inout WeightScratch) -> RecordWeights {
        scratch.table.removeAll()
        scratch.words.removeAll(keepingCapacity: true)
        scratch.positions.removeAll(keepingCapacity: true)
        var position: UInt32 = 0
        func add(_ tier: Tier, bonus: Int, _ text: String) {
            SearchTokenizer.forEachKey(text, scalars: &scratch.scalars, position: &position,
                                       cjk: { key, at in
                                           scratch.table[slot: scratch.table.slot(key)].add(tier, bonus: bonus)
                                           // Every position of a trigram; a bigram's only at 0 (the lead flag).
                                           if TokenKey.isTrigram(key) || (at == 0 && TokenKey.isNgram(key)) { scratch.positions.append((key, at)) }
                                       },
                                       word: { scratch.words[$0, default: TokenStat(tier: .other, count: 0, titleBonus: 0)].add(tier, bonus: bonus) })
        }
        func addPinyin(_ tier: Tier, bonus: Int, _ name: String) {
            let tokens = scratch.pinyin[name] ?? SearchTokenizer.pinyinTokens(name)
            if tier == .department { scratch.pinyin[name] = tokens }
            for p in tokens {
                // Kana kept as itself can spell a CJK token: file it under the same key.
                switch TokenKey(p) {
                case .cjk(let key): scratch.table[slot: scratch.table.slot(key)].add(tier, bonus: bonus)
                case .word(let w): scratch.words[w, default: TokenStat(tier: .other, count: 0, titleBonus: 0)].add(tier, bonus: bonus)
                }
            }
        }
        for name in [record.title] + record.aliases {
            let bonus = titleBonus(name)
            add(.title, bonus: bonus, name)
            addPinyin(.title, bonus: bonus, name)
        }
        for name in record.departmentNames {
            add(.department, bonus: 0, name)
            addPinyin(.department, bonus: 0, name)
        }
        for line in record.responsibilities { add(.responsibilities, bonus: 0, line) }
        for line in record.other { add(.other, bonus: 0, line) }
        for line in record.facts { add(.other, bonus: 0, line) }
        for line in record.headings { add(.other, bonus: 0, line) }
        add(.other, bonus: 0, record.id)
        var out = RecordWeights()
        out.cjk.reserveCapacity(scratch.table.count)
        out.cjkWeights.reserveCapacity(scratch.table.count)
        out.cjkPositions.reserveCapacity(scratch.table.count)
        // Positions grouped by key (each group ascending, as the text was read).
        scratch.positions.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        let positions = scratch.positions
        scratch.table.forEach { key, stat in
            out.cjk.append(key)
            out.cjkWeights.append(UInt8(stat.weight))
            guard TokenKey.isNgram(key) else { out.cjkPositions.append([]); return }
            var lo = 0, hi = positions.count
            while lo < hi { let mid = (lo + hi) / 2; if positions[mid].key < key { lo = mid + 1 } else { hi = mid } }
            var list: [UInt32] = []
            while lo < positions.count && positions[lo].key == key { list.append(positions[lo].position); lo += 1 }
            out.cjkPositions.append(list)
        }
        out.words = scratch.words.map { ($0.key, UInt8($0.value.weight)) }
        return out
    }
}
