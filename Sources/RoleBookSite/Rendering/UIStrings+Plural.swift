import Foundation

/// Plural forms of counted UI strings: `"{n} role|{n} roles"` lists a language's forms, split
/// by `|`, in the order of its categories. Chinese has one form (`"{n} 个岗位"`); English has
/// two, one and other. `search.js` picks a form the same way (`plural`).
extension UIStrings {
    /// The form of `template` for the count `n`, `{n}` still in it.
    package func pluralForm(_ template: String, _ n: Int) -> String {
        // Most templates have one form: no split (by Character, slow on Chinese) for them.
        guard template.utf8.contains(UInt8(ascii: "|")) else { return template }
        let forms = template.split(separator: "|", omittingEmptySubsequences: false)
        guard forms.count > 1 else { return template }
        return String(forms[min(Self.pluralCategory(n, lang: lang), forms.count - 1)])
    }

    /// The index of the plural category of `n` in `lang`: 0 for one, 1 for other (English and
    /// the languages like it); always 0 in a language without plural forms.
    static func pluralCategory(_ n: Int, lang: String) -> Int {
        if lang.hasPrefix("zh") || lang.hasPrefix("ja") || lang.hasPrefix("ko") { return 0 }
        return n == 1 ? 0 : 1
    }
}
