import Foundation

/// libyaml's problem phrases ("could not find expected ':'") in the diagnostics' languages.
///
/// RB003 passes on what libyaml (through Yams) says: a context ("while scanning a simple key")
/// and a problem, joined by "; ". Each part is looked up here; one libyaml adds in a later
/// version stays in English, so nothing is lost. The location is the diagnostic's, not the text's.
enum YAMLProblemText {
    /// `problem` with each known phrase in `language`.
    static func translate(_ problem: String, to language: DiagnosticLanguage) -> String {
        guard language != .en else { return problem }
        let parts = problem.components(separatedBy: "; ").map { part -> String in
            let key = part.trimmingCharacters(in: .whitespaces)
            guard let pair = phrases[key] else { return part }
            return language == .zhTW ? pair.traditional : pair.simplified
        }
        return parts.joined(separator: "，")
    }

    typealias Pair = (simplified: String, traditional: String)

    /// The phrases of libyaml 0.2's reader, scanner and parser (and Yams' composer) that a person
    /// editing front matter by hand can meet.
    static let phrases: [String: Pair] = [
        // Contexts: what libyaml was reading when it stopped.
        "while scanning a simple key": ("读取一个键时", "讀取一個鍵時"),
        "while scanning a plain scalar": ("读取一个值时", "讀取一個值時"),
        "while scanning for the next token": ("读取下一项时", "讀取下一項時"),
        "while parsing a quoted scalar": ("读取一个带引号的值时", "讀取一個帶引號的值時"),
        "while parsing a block scalar": ("读取一段多行文字（| 或 >）时", "讀取一段多行文字（| 或 >）時"),
        "while parsing a plain scalar": ("读取一个值时", "讀取一個值時"),
        "while scanning a quoted scalar": ("读取一个带引号的值时", "讀取一個帶引號的值時"),
        "while scanning a block scalar": ("读取一段多行文字（| 或 >）时", "讀取一段多行文字（| 或 >）時"),
        "while scanning an anchor": ("读取锚点（&）时", "讀取錨點（&）時"),
        "while scanning an alias": ("读取别名引用（*）时", "讀取別名參照（*）時"),
        "while scanning a tag": ("读取标签（!）时", "讀取標籤（!）時"),
        "while scanning a directive": ("读取指令（%）时", "讀取指令（%）時"),
        "while parsing a block mapping": ("读取“键: 值”各行时", "讀取「鍵: 值」各行時"),
        "while parsing a block collection": ("读取列表时", "讀取清單時"),
        "while parsing a flow sequence": ("读取方括号列表 [ ] 时", "讀取方括號清單 [ ] 時"),
        "while parsing a flow mapping": ("读取花括号 { } 时", "讀取花括號 { } 時"),
        "while parsing a flow node": ("读取方括号或花括号里的一项时", "讀取方括號或花括號裡的一項時"),
        "while parsing a block node": ("读取一项内容时", "讀取一項內容時"),
        "while parsing a node": ("读取一项内容时", "讀取一項內容時"),
        "while parsing a tag": ("读取标签时", "讀取標籤時"),
        // Problems.
        "could not find expected ':'": ("找不到键后面应有的半角冒号 ':'", "找不到鍵後面應有的半形冒號 ':'"),
        "mapping values are not allowed in this context": ("这里不能再出现“键: 值”：值里有冒号时请给整个值加引号，或检查缩进",
                                                           "這裡不能再出現「鍵: 值」：值裡有冒號時請給整個值加引號，或檢查縮排"),
        "found character that cannot start any token": ("这个字符不能出现在开头（@ ` 等需要加引号，缩进只能用空格）",
                                                        "這個字元不能出現在開頭（@ ` 等需要加引號，縮排只能用空格）"),
        "did not find expected key": ("找不到应有的键：请检查这一行的缩进是否和上面的键对齐", "找不到應有的鍵：請檢查這一行的縮排是否和上面的鍵對齊"),
        "did not find expected '-' indicator": ("列表里找不到应有的 '-'：请检查缩进", "清單裡找不到應有的 '-'：請檢查縮排"),
        "did not find expected ',' or ']'": ("方括号列表缺少逗号 ',' 或右方括号 ']'", "方括號清單缺少逗號 ',' 或右方括號 ']'"),
        "did not find expected ',' or '}'": ("花括号缺少逗号 ',' 或右花括号 '}'", "花括號缺少逗號 ',' 或右花括號 '}'"),
        "did not find expected node content": ("这里缺少内容", "這裡缺少內容"),
        "did not find expected <document start>": ("找不到文件头的开头", "找不到檔頭的開頭"),
        "did not find expected <document end>": ("找不到文件头的结尾", "找不到檔頭的結尾"),
        "found unexpected end of stream": ("文件头提前结束了：可能少了右引号或右括号", "檔頭提前結束了：可能少了右引號或右括號"),
        "found unexpected document indicator": ("值里出现了 '---' 或 '...'：请给整个值加引号", "值裡出現了 '---' 或 '...'：請給整個值加引號"),
        "found unknown escape character": ("双引号里的反斜杠 \\ 后面不是有效的转义：改用单引号，或写成 \\\\",
                                           "雙引號裡的反斜線 \\ 後面不是有效的跳脫：改用單引號，或寫成 \\\\"),
        "found unexpected ':'": ("这里不应出现冒号 ':'：请给值加引号", "這裡不應出現冒號 ':'：請給值加引號"),
        "block sequence entries are not allowed in this context": ("这里不能出现以 '-' 开头的列表项：请检查缩进，或把列表换到下一行",
                                                                   "這裡不能出現以 '-' 開頭的清單項：請檢查縮排，或把清單換到下一行"),
        "block mapping entries are not allowed in this context": ("这里不能出现“键: 值”：请检查缩进", "這裡不能出現「鍵: 值」：請檢查縮排"),
        "mapping keys are not allowed in this context": ("这里不能出现键：请检查缩进", "這裡不能出現鍵：請檢查縮排"),
        "found a tab character that violates indentation": ("缩进里有 Tab：YAML 只能用空格缩进", "縮排裡有 Tab：YAML 只能用空格縮排"),
        "found a tab character where an indentation space is expected": ("缩进里有 Tab：YAML 只能用空格缩进", "縮排裡有 Tab：YAML 只能用空格縮排"),
        "did not find expected comment or line break": ("值的后面多了内容：引号之后只能是注释或换行", "值的後面多了內容：引號之後只能是註解或換行"),
        "did not find expected whitespace or line break": ("这里需要空格或换行", "這裡需要空格或換行"),
        "did not find expected alphabetic or numeric character": ("这里需要字母或数字", "這裡需要字母或數字"),
        "found undefined tag handle": ("标签（!）没有定义", "標籤（!）沒有定義"),
        "did not find URI escaped octet": ("标签里的 % 转义不完整", "標籤裡的 % 跳脫不完整"),
        "found duplicate %YAML directive": ("%YAML 指令写了两次", "%YAML 指令寫了兩次"),
        "found incompatible YAML document": ("YAML 版本不受支持", "YAML 版本不受支援"),
        "found extra characters": ("多了字符", "多了字元"),
        "control characters are not allowed": ("文件头里有不可见的控制字符：请删掉后重新输入这一行", "檔頭裡有不可見的控制字元：請刪掉後重新輸入這一行"),
        "invalid leading UTF-8 octet": ("文件头不是有效的 UTF-8：请将文件另存为 UTF-8", "檔頭不是有效的 UTF-8：請將檔案另存為 UTF-8"),
        "invalid trailing UTF-8 octet": ("文件头不是有效的 UTF-8：请将文件另存为 UTF-8", "檔頭不是有效的 UTF-8：請將檔案另存為 UTF-8"),
        "incomplete UTF-8 octet sequence": ("文件头不是有效的 UTF-8：请将文件另存为 UTF-8", "檔頭不是有效的 UTF-8：請將檔案另存為 UTF-8"),
        "invalid Unicode character": ("文件头里有无效的字符", "檔頭裡有無效的字元"),
        "found undefined alias": ("别名引用（*）没有对应的锚点", "別名參照（*）沒有對應的錨點"),
    ]
}
