import Foundation
import RoleBookModel

/// Tokenization shared by the search index (build time) and `assets/search.js` (query time).
///
/// Token scheme — the client repeats every step, so change both together (see docs/search.md):
///
/// 1. **Normalize**: Unicode NFKC (full-width `ＫＦ－０１` → `KF-01`, compatibility ideographs,
///    ideographic space), lowercase, then traditional → simplified per character with
///    ``CJKFolding`` (`經理` → `经理`).
/// 2. **Classify** every scalar: *CJK* (Han, kana, hangul), *word* (ASCII letters and digits,
///    Latin-1/Latin Extended letters, Greek, Cyrillic), *connector* (`- _ . / : ' ’ & +`, only
///    between two word scalars) or separator.
/// 3. **CJK runs** give one token per character (unigram), per adjacent pair (bigram) and per
///    three adjacent characters (trigram): `客服经理` → `客 服 经 理 客服 服经 经理 客服经 服经理`.
///    Trigram postings carry the positions of their occurrences, so a query run of four or more
///    characters matches only where its trigrams follow each other: as a phrase (``queryPhrases(_:)``).
/// 4. **Word runs** joined by connectors form a compound: every word is a token and so is the
///    compound with the connectors removed, if it has ≤ ``maxCompound`` scalars:
///    `KF-01` → `kf 01 kf01`; `cs-manager` → `cs manager csmanager`; `08:30` → `08 30 0830`.
///    Query words match by prefix (`recep` finds `receptionist`, `kf-0` finds `kf01`).
/// 5. **Pinyin** (titles, aliases, department names only): Han characters become toneless
///    syllables, other words stay whole. For every syllable boundary the rest of the name is
///    indexed twice, as full syllables and as initials (first letter; whole word for non-Han
///    words), keeping tokens of ≥ 2 scalars: `客服经理` → `kefujingli fujingli jingli li kfjl fjl jl`.
///    With prefix matching, `kefu jing`, `jingli`, `kfjl` and `fjl` all find 客服经理.
public enum SearchTokenizer {
    /// Longest joined compound kept as a token (longer ones, such as URLs, keep only their words).
    package static let maxCompound = SearchFormat.shared.maxCompound
    /// Longest pinyin suffix token.
    static let maxPinyin = 64

    /// Step 1: NFKC, lowercase, traditional → simplified.
    public static func normalize(_ text: String) -> String {
        if let fast = normalizeCommon(text) { return fast }
        let folding = CJKFolding.shared
        let lowered = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars { out.append(folding.simplify(scalar)) }
        return String(out)
    }

    /// Punctuation that NFKC and lowercasing leave alone: 、。《》「」『』【】 “” ‘’ — – ·
    /// (A switch, not a `Set`: this runs for every punctuation mark of every document.)
    @inline(__always)
    static func isStablePunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x3001...0x3002, 0x300A...0x3011, 0x201C, 0x201D, 0x2018, 0x2019, 0x2013, 0x2014, 0x00B7: true
        default: false
        }
    }

    /// Step 1 without Foundation for the text job descriptions are made of (ASCII, unified Han,
    /// full-width forms, common CJK punctuation), where NFKC is a simple mapping; nil when the
    /// text holds anything else, which then takes the general path. Same result, a tenth of the time.
    static func normalizeCommon(_ text: String) -> String? {
        let folding = CJKFolding.shared
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }     // full-width ASCII
            else if v == 0x3000 { v = 0x20 }                  // ideographic space
            if v < 0x80 {
                out.append(Unicode.Scalar(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)))
            } else if v >= 0x4E00 && v <= 0x9FFF {
                out.append(folding.simplify(scalar))
            } else if isStablePunctuation(v) {
                out.append(scalar)
            } else {
                return nil
            }
        }
        return String(out)
    }

    enum Class { case cjk, word, connector, separator }

    /// Step 2. The client's `classify` mirrors these ranges exactly.
    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> Class { classify(s.value) }

    @inline(__always)
    static func classify(_ v: UInt32) -> Class {
        if v < 0x80 {
            if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { return .word }
            switch v {
            case 0x2D, 0x5F, 0x2E, 0x2F, 0x3A, 0x27, 0x26, 0x2B: return .connector   // - _ . / : ' & +
            default: return .separator
            }
        }
        if v == 0x2019 { return .connector }   // ’
        if isCJK(v) { return .cjk }
        if (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x370 && v <= 0x3FF) || (v >= 0x400 && v <= 0x4FF) { return .word }
        return .separator
    }

    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x3134F) || (v >= 0x3040 && v <= 0x30FF && v != 0x30FB) || (v >= 0xAC00 && v <= 0xD7AF)
    }

    /// One lexical piece of normalized text.
    enum Piece {
        /// A run of CJK scalars.
        case cjk([Unicode.Scalar])
        /// Words joined by connectors (`kf-01` → `["kf", "01"]`).
        case compound([String])
    }

    /// Steps 2–4 before token generation: CJK runs and compounds, in order.
    static func pieces(_ normalized: String) -> [Piece] {
        var out: [Piece] = []
        var run: [Unicode.Scalar] = []
        segment(normalized.unicodeScalars.map(\.value),
                cjk: { run.append(Unicode.Scalar($0)!) },
                endRun: { out.append(.cjk(run)); run = [] },
                compound: { out.append(.compound($0)) })
        return out
    }

    /// The one segmentation of normalized text (steps 2–4), shared by the index and the queries:
    /// calls `cjk` with each scalar of a CJK run and `endRun` after the run, and `compound` with
    /// the words of each compound (words joined by connectors), in text order. A connector only
    /// joins when a word is on both sides. Inlined so the index builder's loop pays no calls.
    /// `separator` gets every scalar that ends a compound or a run without joining anything
    /// (white space, punctuation, a connector not between two words).
    @inline(__always)
    static func segment(_ scalars: [UInt32], cjk: (UInt32) -> Void, endRun: () -> Void, compound: ([String]) -> Void,
                        separator: (UInt32) -> Void = { _ in }) {
        var inRun = false
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        func endWord() { if !current.isEmpty { parts.append(String(current)); current = String.UnicodeScalarView() } }
        func endCompound() {
            endWord()
            guard !parts.isEmpty else { return }
            compound(parts)
            parts.removeAll()
        }
        let n = scalars.count
        for i in 0..<n {
            let v = scalars[i]
            let kind = classify(v)
            if kind == .cjk {
                if !parts.isEmpty || !current.isEmpty { endCompound() }
                cjk(v)
                inRun = true
                continue
            }
            if inRun { inRun = false; endRun() }
            switch kind {
            case .word:
                current.append(Unicode.Scalar(v)!)
            case .connector:
                if !current.isEmpty, i + 1 < n, classify(scalars[i + 1]) == .word { endWord() } else { endCompound(); separator(v) }
            default:
                endCompound()
                separator(v)
            }
        }
        if inRun { endRun() }
        endCompound()
    }

    /// Index tokens of free text, with repeats (the count is the term frequency).
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(text) { out.append($0) }
        return out
    }

    static func forEachToken(_ text: String, _ body: (String) -> Void) {
        var scalars: [UInt32] = [], position: UInt32 = 0
        forEachKey(text, scalars: &scalars, position: &position, cjk: { key, _ in body(TokenKey.cjk(key).text) }, word: body)
    }

    /// The tokens of ``forEachToken(_:_:)`` for the index builder's hot loop: CJK unigrams,
    /// bigrams and trigrams go to `cjk` as packed keys (no enum, no string per occurrence) with the position
    /// of their first character, words to `word`; `scalars` is scratch space reused between
    /// calls. `TokenKey.cjk(key).text` gives the token.
    ///
    /// `position` counts the CJK characters of a document, across calls: it advances by one per
    /// character and by one more after every run, so two trigrams at positions `p` and `p + 3` are
    /// always six contiguous characters of one run (what a phrase query checks).
    static func forEachKey(_ text: String, scalars: inout [UInt32], position: inout UInt32,
                           cjk: (_ key: UInt64, _ position: UInt32) -> Void, word: (String) -> Void) {
        scalars.removeAll(keepingCapacity: true)
        if !normalizeCommon(text, into: &scalars) {
            scalars.removeAll(keepingCapacity: true)
            for s in normalize(text).unicodeScalars { scalars.append(s.value) }
        }
        var previous: UInt32 = 0   // the last scalar of the current CJK run; 0 outside a run
        var before: UInt32 = 0     // the one before it; 0 when the run is shorter
        var at = position
        var lastWord: String?      // the last word of the previous compound while only spaces follow it
        segment(scalars,
                cjk: { v in
                    lastWord = nil
                    // In text order: 客, 客服, 服, 客服经, 服经, 经.
                    if before != 0 { cjk(TokenKey.trigram(before, previous, v), at - 2) }
                    if previous != 0 { cjk(UInt64(previous) << 21 | UInt64(v) | 1 << 63, at - 1) }
                    cjk(UInt64(v), at)
                    before = previous
                    previous = v
                    at += 1
                },
                endRun: { previous = 0; before = 0; at += 1 },
                compound: { parts in
                    for p in parts { word(p) }
                    if parts.count > 1, let joined = joinedCompound(parts) { word(joined) }
                    if let lastWord, let pair = wordPair(lastWord, parts[0]) { word(pair) }
                    lastWord = parts.last
                },
                separator: { v in if !isSpace(v) { lastWord = nil } })
        position = at
    }

    /// Two words separated only by white space, as one token (`sales manager`): what a quoted
    /// phrase of words looks up. Nil when the pair would be longer than ``maxCompound``.
    static func wordPair(_ a: String, _ b: String) -> String? {
        a.unicodeScalars.count + b.unicodeScalars.count + 1 <= maxCompound ? a + " " + b : nil
    }

    /// White space between words of a phrase (normalized text: NFKC made U+3000 a space).
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0xA0 }

    /// ``normalizeCommon(_:)`` into scalar values; false (with `out` partly filled) when the text
    /// needs the general path.
    static func normalizeCommon(_ text: String, into out: inout [UInt32]) -> Bool {
        let folding = CJKFolding.shared
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }     // full-width ASCII
            else if v == 0x3000 { v = 0x20 }                  // ideographic space
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            } else if v >= 0x4E00 && v <= 0x9FFF {
                out.append(folding.simplify(scalar).value)
            } else if isStablePunctuation(v) {
                out.append(v)
            } else {
                return false
            }
        }
        return true
    }

    static func joinedCompound(_ parts: [String]) -> String? {
        let joined = parts.joined()
        return joined.unicodeScalars.count <= maxCompound ? joined : nil
    }

    /// Separates the syllables of a full-pinyin token (`jing'li`): a query's syllables must match
    /// whole syllables, so `jingli` finds 经理 but not 精灵班 (jing'ling'ban).
    package static let syllableSeparator: Character = "'"
    /// Reading variants kept per suffix of a name with several polyphonic characters.
    static let maxReadingVariants = 8

    /// The readings of each element of a CJK run: word readings first (longest word from the
    /// left), then every reading of a polyphonic character, else the table's one reading;
    /// kana, hangul and characters without a reading stay as themselves.
    static func readings(_ run: [Unicode.Scalar]) -> [[String]] {
        let folding = CJKFolding.shared
        var out: [[String]] = []
        var i = 0
        while i < run.count {
            var matched = false
            for length in stride(from: min(PinyinReadings.longestWord, run.count - i), through: 2, by: -1) {
                var word = String.UnicodeScalarView()
                word.append(contentsOf: run[i..<(i + length)])
                if let syllables = PinyinReadings.words[String(word)] {
                    out += syllables.map { [$0] }
                    i += length
                    matched = true
                    break
                }
            }
            if matched { continue }
            let s = run[i]
            if let all = PinyinReadings.polyphones[s] {
                out.append(all)
            } else if let p = folding.pinyin(s) {
                // The generated table is lower-case ASCII but for a few entries: filter only those.
                let clean = p.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) ? p
                    : String(String.UnicodeScalarView(p.lowercased().unicodeScalars.filter { classify($0) == .word && $0.value < 0x80 }))
                out.append([clean.isEmpty ? String(Character(s)) : clean])
            } else {
                out.append([String(Character(s))])
            }
            i += 1
        }
        return out
    }

    /// Step 5: pinyin suffix tokens of a title, alias or department name; empty without Han.
    ///
    /// The name is cut into parts at separators (spaces, brackets, punctuation), so that no
    /// token runs from one part into the next (`话务员（高级）` gives `hwy` and `gj`, never `wygj`).
    /// From every element of a part (a Han character, a kana or a word) the rest of the part is
    /// indexed as full syllables separated by ``syllableSeparator`` and as initials: `客服经理` →
    /// `ke'fu'jing'li fu'jing'li jing'li li kfjl fjl jl`. A polyphonic character gives a token per
    /// reading (``readings(_:)``), at most ``maxReadingVariants`` per suffix.
    package static func pinyinTokens(_ text: String) -> [String] {
        // Parts → elements → (readings, whether the element is a word, whose initial is itself).
        var elements: [[(readings: [String], word: Bool)]] = [[]]
        var hasHan = false
        for piece in piecesAndBreaks(normalize(text)) {
            switch piece {
            case nil:
                if !(elements.last?.isEmpty ?? true) { elements.append([]) }
            case .cjk(let run)?:
                if run.contains(where: { CJKFolding.isHan($0) }) { hasHan = true }
                elements[elements.count - 1] += readings(run).map { ($0, false) }
            case .compound(let parts)?:
                elements[elements.count - 1] += parts.map { ([$0], true) }
            }
        }
        guard hasHan else { return [] }
        var out: [String] = []
        var seen: Set<String> = []
        let separator = String(syllableSeparator)
        for part in elements where !part.isEmpty {
            // Suffix variants built from the end (each suffix from the next one's), so a long
            // name's cost stays linear: suffixes past the longest token kept stop the walk.
            var next: [(full: String, initials: String)] = [("", "")]
            var suffixes: [[(full: String, initials: String)]] = []
            for element in part.reversed() {
                var current: [(full: String, initials: String)] = []
                outer: for reading in element.readings {
                    let initial = element.word ? reading : reading.first.map { String($0) } ?? reading
                    for tail in next {
                        current.append((tail.full.isEmpty ? reading : reading + separator + tail.full, initial + tail.initials))
                        if current.count >= maxReadingVariants { break outer }
                    }
                }
                if current.allSatisfy({ $0.full.unicodeScalars.count > maxPinyin && $0.initials.unicodeScalars.count > maxPinyin }) { break }
                suffixes.append(current)
                next = current
            }
            for variants in suffixes.reversed() {
                for (fullToken, initialToken) in variants {
                    for token in [fullToken, initialToken] {
                        let n = token.unicodeScalars.count
                        if n >= 2, n <= maxPinyin, seen.insert(token).inserted { out.append(token) }
                    }
                }
            }
        }
        return out
    }

    /// ``pieces(_:)`` with `nil` where a separator (not a connector) cut the text: the parts of a name.
    static func piecesAndBreaks(_ normalized: String) -> [Piece?] {
        var out: [Piece?] = []
        var part = ""
        for scalar in normalized.unicodeScalars {
            if classify(scalar) == .separator {
                out += pieces(part).map { Optional($0) }
                out.append(nil)
                part = ""
            } else {
                part.unicodeScalars.append(scalar)
            }
        }
        out += pieces(part).map { Optional($0) }
        return out
    }

    /// How long a name is, in CJK characters plus words: shorter titles rank higher.
    static func lengthUnits(_ text: String) -> Int {
        pieces(normalize(text)).reduce(0) { n, piece in
            switch piece {
            case .cjk(let run): n + run.count
            case .compound(let parts): n + parts.count
            }
        }
    }

    /// One AND-ed condition of a query.
    package struct QueryTerm: Hashable, Sendable, CustomStringConvertible {
        package var token: String
        /// Matches every index token starting with `token`.
        package var prefix: Bool
        /// Also matches full-pinyin tokens of these readings of the word (``pinyinForms(_:)``): a
        /// form `jing'li` matches `jing'li` and `jing'li'…`; a form ending in `*` (`zhuan'y*`) every
        /// token starting with what precedes the `*`.
        package var pinyin: [String] = []

        package var description: String { (prefix ? token + "*" : token) + pinyin.map { "|" + $0 }.joined() }

        /// Whether an index token matches, and how well: 1 exactly, 0.8 as a prefix, nil not at all.
        package func score(_ indexToken: String) -> Double? {
            if indexToken == token { return 1 }
            var best: Double? = prefix && indexToken.hasPrefix(token) ? 0.8 : nil
            for form in pinyin {
                if form.hasSuffix("*") {
                    if indexToken.hasPrefix(form.dropLast()) { best = max(best ?? 0, 0.8) }
                } else if indexToken == form {
                    return 1
                } else if indexToken.hasPrefix(form + String(syllableSeparator)) {
                    best = max(best ?? 0, 0.8)
                }
            }
            return best
        }
    }

    /// Syllables a query word can be cut into (``SearchFormat/syllables``), and their proper prefixes.
    static let syllables = Set(SearchFormat.shared.syllables.split(separator: " ").map(String.init))
    static let syllablePrefixes: Set<String> = {
        var out = Set<String>()
        for s in syllables { for n in 1..<max(1, s.count) { out.insert(String(s.prefix(n))) } }
        return out.subtracting(syllables)
    }()
    static let longestSyllable = syllables.map(\.count).max() ?? 1
    /// Readings kept per query word.
    static let maxPinyinForms = 8

    /// The ways a query word of letters reads as pinyin, syllables separated by
    /// ``syllableSeparator``: the cuts into whole syllables (longest syllable first), at most
    /// ``maxPinyinForms``; only when there is none, the cuts whose last piece is the start of a
    /// syllable, marked with a final `*` (`zhuany` → `zhuan'y*`). So `jingli` is `jing'li` and never
    /// the start of `jing'ling`, while `kefuzh` still finds `ke'fu'zhuan'yuan`. Empty for anything
    /// else (digits, other letters, a single letter).
    package static func pinyinForms(_ word: String) -> [String] {
        let chars = Array(word.utf8)
        guard chars.count >= 2, chars.count <= maxCompound, chars.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        let n = chars.count
        func piece(_ a: Int, _ b: Int) -> String { String(decoding: chars[a..<b], as: UTF8.self) }
        // ok[i]: the rest from i can be cut (wholly, or with a final syllable start when `partial`).
        func cuts(partial: Bool) -> [String] {
            var ok = [Bool](repeating: false, count: n + 1)
            ok[n] = !partial
            for i in stride(from: n - 1, through: 0, by: -1) {
                if partial && syllablePrefixes.contains(piece(i, n)) { ok[i] = true; continue }
                for length in 1...min(longestSyllable, n - i) where ok[i + length] && syllables.contains(piece(i, i + length)) { ok[i] = true; break }
            }
            guard ok[0] else { return [] }
            var out: [String] = []
            // Depth-first over cuts that can be finished (ok[]), so the walk never backtracks in vain.
            var stack: [(at: Int, form: String)] = [(0, "")]
            while out.count < maxPinyinForms, let top = stack.popLast() {
                let (at, form) = top
                if at == n { out.append(form); continue }
                var next: [(Int, String)] = []
                if partial && syllablePrefixes.contains(piece(at, n)) { next.append((n, (form.isEmpty ? "" : form + "'") + piece(at, n) + "*")) }
                for length in 1...min(longestSyllable, n - at) where ok[at + length] && syllables.contains(piece(at, at + length)) {
                    next.append((at + length, (form.isEmpty ? "" : form + "'") + piece(at, at + length)))
                }
                // The longest syllable, pushed last, is tried first.
                stack += next
            }
            return out
        }
        let whole = cuts(partial: false)
        return whole.isEmpty ? cuts(partial: true) : whole
    }

    /// A query as the client reads it: a one-character CJK run is its unigram, a two-character run
    /// its bigram, a longer run the AND of the trigrams of its ``phraseCover(_:)``; a compound is
    /// its joined form (its words when too long), a prefix when ≥ 2 scalars. Duplicates are
    /// dropped, order kept.
    package static func queryTerms(_ query: String) -> [QueryTerm] {
        var out: [QueryTerm] = []
        func add(_ token: String, prefix: Bool, pinyin: [String] = []) {
            let term = QueryTerm(token: token, prefix: prefix && token.unicodeScalars.count >= 2, pinyin: pinyin)
            if !out.contains(term) { out.append(term) }
        }
        for piece in pieces(normalize(query)) {
            switch piece {
            case .cjk(let run):
                if run.count <= 2 {
                    add(String(String.UnicodeScalarView(run)), prefix: false)
                } else {
                    for trigram in phraseCover(run) where !trigram.isEmpty { add(trigram, prefix: false) }
                }
            case .compound(let parts):
                if parts.count == 1 { add(parts[0], prefix: true, pinyin: pinyinForms(parts[0])) }
                else if let joined = joinedCompound(parts) { add(joined, prefix: true) }
                else { for p in parts { add(p, prefix: true) } }
            }
        }
        for pair in quotedPairs(query) { add(pair, prefix: false) }
        return out
    }

    /// Quotation marks that make a phrase of the words between them: `"…"`, `“…”`, `「…」`, `『…』`.
    static let quotes: [(open: Character, close: Character)] = [("\"", "\""), ("“", "”"), ("「", "」"), ("『", "』")]

    /// The quoted parts of a query, in order (an unclosed quote runs to the end).
    static func quoted(_ query: String) -> [String] {
        var out: [String] = []
        var rest = query[...]
        while let start = rest.firstIndex(where: { c in quotes.contains { $0.open == c } }) {
            let close = quotes.first { $0.open == rest[start] }!.close
            let body = rest[rest.index(after: start)...]
            let end = body.firstIndex(of: close) ?? body.endIndex
            out.append(String(body[..<end]))
            rest = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
        }
        return out
    }

    /// The word pairs (``wordPair(_:_:)``) a query's quoted phrases need: in `"sales manager"`
    /// the words must follow each other, separated by white space only. (CJK runs are phrases
    /// with or without quotes.)
    static func quotedPairs(_ query: String) -> [String] {
        var out: [String] = []
        // Normalized first: NFKC makes a full-width ＂ the ASCII one; “” 「」 stay as they are.
        for phrase in quoted(normalize(query)) {
            var lastWord: String?
            segment(phrase.unicodeScalars.map(\.value),
                    cjk: { _ in lastWord = nil }, endRun: {},
                    compound: { parts in
                        if let lastWord, let pair = wordPair(lastWord, parts[0]) { out.append(pair) }
                        lastWord = parts.last
                    },
                    separator: { v in if !isSpace(v) { lastWord = nil } })
        }
        return out
    }

    /// The trigrams a CJK run of three or more characters needs, by offset: those at offsets
    /// 0, 3, 6, … and the last one, the others empty (`客户投诉处理` → `客户投 · · · 诉处理`).
    /// Trigrams at `p`, `p + 3`, …, `p + n − 3` spell the whole run contiguously (a position is
    /// never shared across runs), so the ones between are not loaded: fewer posting lists per query.
    static func phraseCover(_ run: [Unicode.Scalar]) -> [String] {
        guard run.count >= 3 else { return [] }
        return (0..<(run.count - 2)).map { i in
            guard i % 3 == 0 || i == run.count - 3 else { return "" }
            return String(String.UnicodeScalarView(run[i..<(i + 3)]))
        }
    }

    /// The phrases of a query: every CJK run of four or more characters, as its
    /// ``phraseCover(_:)`` (repeats kept: `哈哈哈哈` → `[哈哈哈, 哈哈哈]`). A document matches a
    /// phrase when each trigram occurs at its offset from one start position
    /// (``forEachKey(_:scalars:position:cjk:word:)``), i.e. when it holds the run contiguously.
    /// A run of three characters is one trigram, which ``queryTerms(_:)`` already requires, and
    /// shorter runs are one token, so they need no check.
    package static func queryPhrases(_ query: String) -> [[String]] {
        var out: [[String]] = []
        for piece in pieces(normalize(query)) {
            guard case .cjk(let run) = piece, run.count >= 4 else { continue }
            out.append(phraseCover(run))
        }
        return out
    }

    /// Traditional → simplified pairs for every character the folding changes, as one string of
    /// alternating characters (`經经營营…`): what the client needs to fold queries and snippets.
    package static func foldingPairs() -> String {
        let folding = CJKFolding.shared
        var out = String.UnicodeScalarView()
        for v in UInt32(0x4E00)...UInt32(0x9FFF) {
            let s = Unicode.Scalar(v)!
            let f = folding.simplify(s)
            if f != s { out.append(s); out.append(f) }
        }
        return String(out)
    }
}

/// A search token as a dictionary key: CJK unigrams, bigrams and trigrams as integers, everything
/// else as its string. A unigram is its scalar; a bigram sets bit 63 above two 21-bit scalars; a
/// trigram sets bit 62 above three 18-bit scalars (every CJK scalar is below U+40000). Hashing an
/// integer instead of a string is most of what makes index building fast.
package enum TokenKey: Hashable, Sendable {
    case cjk(UInt64)
    case word(String)

    @inline(__always)
    static func trigram(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        1 << 62 | UInt64(a) << 36 | UInt64(b) << 18 | UInt64(c)
    }

    /// Whether a packed key is a bigram or a trigram: their lists carry the lead flag.
    @inline(__always)
    static func isNgram(_ key: UInt64) -> Bool { key >> 62 != 0 }

    /// Whether a packed key is a trigram: its list carries positions.
    @inline(__always)
    static func isTrigram(_ key: UInt64) -> Bool { key >> 62 == 1 }

    init(_ token: String) {
        let s = Array(token.unicodeScalars).map(\.value)
        if s.allSatisfy(SearchTokenizer.isCJK) {
            switch s.count {
            case 1: self = .cjk(UInt64(s[0])); return
            case 2: self = .cjk(UInt64(s[0]) << 21 | UInt64(s[1]) | 1 << 63); return
            case 3: self = .cjk(Self.trigram(s[0], s[1], s[2])); return
            default: break
            }
        }
        self = .word(token)
    }

    var text: String {
        switch self {
        case .word(let w): return w
        case .cjk(let packed):
            var out = String.UnicodeScalarView()
            if packed >> 63 == 1 {
                out.append(Unicode.Scalar(UInt32((packed >> 21) & 0x1F_FFFF))!)
                out.append(Unicode.Scalar(UInt32(packed & 0x1F_FFFF))!)
            } else if packed >> 62 == 1 {
                for shift in [36, 18, 0] as [UInt64] { out.append(Unicode.Scalar(UInt32((packed >> shift) & 0x3_FFFF))!) }
            } else {
                out.append(Unicode.Scalar(UInt32(packed))!)
            }
            return String(out)
        }
    }
}
