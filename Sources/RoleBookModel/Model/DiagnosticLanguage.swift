/// The language diagnostics are written in: the site's (`rolebook.yml` `language`) unless
/// `--lang` says otherwise. Codes and `file:line:col` are the same in every language.
public enum DiagnosticLanguage: String, CaseIterable, Sendable, Codable {
    case zhCN = "zh-CN"
    case zhTW = "zh-TW"
    case en

    /// The language for a `language` value of rolebook.yml or `--lang`; nil for one not supported.
    /// `zh-HK` reads traditional script, as the site's UI strings do.
    public init?(code: String) {
        switch code.lowercased() {
        case "zh-cn", "zh-hans", "zh": self = .zhCN
        case "zh-tw", "zh-hk", "zh-hant": self = .zhTW
        case "en", "en-us", "en-gb": self = .en
        default: return nil
        }
    }
}
