import Foundation

/// Editorial notes in content text: what the editors tell readers about their sources, which a
/// search snippet should never show in place of the duties.
///
/// Content has no markup for them; the convention (content/NOTES.md, the seeds' write-ups) is
/// wording. A note speaks of the source (来源 / 來源), of this knowledge base (本知识库 /
/// 本知識庫) or of the editors (编辑所加, 编辑根据 …, 编者按), or is a parenthesis opened with
/// 注： (or "Editor's note"). Such a parenthesis is dropped, then each sentence that is a note.
/// The text stays searchable; only the lines shown under a result change.
enum EditorialNotes {
    /// `line` without its editorial notes, or nil when nothing a reader needs is left.
    static func readerText(_ line: String) -> String? {
        guard mayHaveNote(line) else { return line }
        let kept = sentences(of: withoutNoteParentheses(line)).filter { !isNote($0) }
        let text = kept.joined().trimmingCharacters(in: .whitespaces)
        return text.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) }) ? text : nil
    }

    /// A cheap test first: most lines mention none of the markers (源, 知识库, 编, 注 and their
    /// traditional forms; "editor", "source", "knowledge base" in any case). One pass over the
    /// scalars: Foundation's case-insensitive search here was a third of a cold search index.
    static func mayHaveNote(_ line: String) -> Bool {
        var latin = false
        for s in line.unicodeScalars {
            switch s {
            case "源", "编", "編", "注", "註": return true
            case "库", "庫": if line.contains("知识库") || line.contains("知識庫") { return true }
            case "A"..."Z", "a"..."z": latin = true
            default: break
            }
        }
        guard latin else { return false }
        let lower = line.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return ["editor", "source", "knowledge base"].contains { lower.firstRange(of: Array($0.utf8)) != nil }
    }

    /// Whether a sentence or parenthesis is a note to readers about the sources or the editing.
    static func isNote(_ text: Substring) -> Bool {
        for marker in ["本知识库", "本知識庫", "编者", "編者"] where text.contains(marker) { return true }
        if text.localizedCaseInsensitiveContains("editor's note") || text.localizedCaseInsensitiveContains("editor’s note") { return true }
        // English: "The source gave no job description …", "(the source says …)".
        let lower = text.lowercased()
        for phrase in ["the source gave", "the source does", "the source did", "the source says", "the source has", "the source lists",
                       "the source names", "the source only", "not in the source", "this knowledge base"] where lower.contains(phrase) { return true }
        let chars = Array(text)
        // 来源 as "the source (document)" (来源未写, 来源中的…, （来源）), not a duty's noun (客户来源渠道, 资金来源).
        for i in chars.indices.dropLast() where (chars[i] == "来" || chars[i] == "來") && chars[i + 1] == "源" {
            if i > 0, "户戶息金入据據".contains(chars[i - 1]) { continue }
            guard i + 2 < chars.count else { return true }
            if "没沒未只仅僅在中的写寫称稱文开開此各里裡提列给給原对對）)“「：:将將".contains(chars[i + 2]) || chars[i + 2] == " " { return true }
        }
        // 编辑 as "the editors" (编辑所加, 编辑根据 …), not the task (文字编辑、编辑稿件).
        for i in chars.indices.dropLast() where (chars[i] == "编" || chars[i] == "編") && (chars[i + 1] == "辑" || chars[i + 1] == "輯") {
            guard i + 2 < chars.count else { continue }
            if "所根安推补補判认認加按".contains(chars[i + 2]) { return true }
        }
        return false
    }

    /// Whether a parenthesis' inside opens as a note (注：, 註：, 备注：, Note:).
    static func opensAsNote(_ inside: Substring) -> Bool {
        let t = inside.drop(while: { $0 == " " })
        return ["注：", "注:", "註：", "註:", "备注：", "備註：", "编按", "編按"].contains(where: { t.hasPrefix($0) })
            || t.lowercased().hasPrefix("note:")
    }

    /// `line` without the parentheses (full-width or ASCII, nesting counted) that are notes.
    static func withoutNoteParentheses(_ line: String) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "（" || chars[i] == "(" else { out.append(chars[i]); i += 1; continue }
            var depth = 0, j = i
            while j < chars.count {
                if chars[j] == "（" || chars[j] == "(" { depth += 1 }
                if chars[j] == "）" || chars[j] == ")" { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < chars.count else { out.append(chars[i]); i += 1; continue }   // unclosed: keep as text
            let inside = String(chars[(i + 1)..<j])[...]
            if !(isNote(inside) || opensAsNote(inside)) { out += String(chars[i...j]) } else { while out.last == " " { out.removeLast() } }
            i = j + 1
        }
        return out
    }

    /// Sentences of `text`, each with its closing mark (。！？； or ". "), in order; joined they give `text` back.
    static func sentences(of text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        var depth = 0
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "（" || c == "(" { depth += 1 } else if (c == "）" || c == ")") && depth > 0 { depth -= 1 }
            let ends = depth == 0 && ("。！？；!?;".contains(c) || (c == "." && (next == text.endIndex || text[next] == " ")))
            if ends {
                var end = next
                while end < text.endIndex, text[end] == " " || text[end] == "”" || text[end] == "」" { end = text.index(after: end) }
                out.append(text[start..<end])
                start = end
                i = end
                continue
            }
            i = next
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }
}
