/// A job description written as plain Markdown (a wiki page, no front matter): headings and
/// bullets become the plain lines the layout reader knows.
enum MarkdownSource {
    static func plainLines(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        var inFrontMatter = false
        var sawTitle = false
        for (i, line) in lines.enumerated() {
            var text = Substring(line.text)
            if i == 0 && text == "---" { inFrontMatter = true; continue }
            if inFrontMatter { if text == "---" { inFrontMatter = false }; continue }
            let hashes = text.prefix { $0 == "#" }
            if !hashes.isEmpty, hashes.count <= 6, text.dropFirst(hashes.count).first == " " {
                text = text.dropFirst(hashes.count + 1)
                // The page's title (`# 采购专员`) names the job when it reads as one.
                if hashes.count == 1, !sawTitle, LayoutReader.heading(String(text)) == nil, FieldNames.meaning(of: text) == nil,
                   LayoutReader.plausibleTitle(String(text)) {
                    sawTitle = true
                    out.append(SourceLine("岗位名称：" + text, line: line.line))
                    continue
                }
            }
            // Emphasis around a label (`**岗位名称**：`) is not part of it.
            out.append(SourceLine(text.replacingOccurrences(of: "**", with: ""), line: line.line))
        }
        return out
    }
}

extension Substring {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
