import Foundation
import RoleBookModel

/// schema.org `Occupation` records of roles: the JSON-LD block on every role page and the
/// `json-ld` export. Only what the role's own file says (and its department's title), so a role
/// page's build fingerprint, which covers those files, covers the block too.
package enum OccupationJSONLD {
    /// A standard occupation classification a role's `code` can belong to.
    package enum CodeSet: String, Sendable {
        case isco08 = "ISCO-08"
        case onetSOC = "O*NET-SOC"
        /// 中华人民共和国职业分类大典 (2015 / 2022): `4-01-02-01`.
        case chinaOccupations = "中华人民共和国职业分类大典"

        /// Recognizes `5223` (ISCO-08 unit group; 1 to 4 digits), `41-2031.00` (O*NET-SOC)
        /// and `4-01-02-01` (职业分类大典); anything else is an internal position code.
        package init?(code: String) {
            func digits(_ s: Substring, _ count: Int) -> Bool { s.count == count && s.allSatisfy { $0.isASCII && $0.isNumber } }
            let parts = code.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 1, (1...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                self = .isco08
            } else if parts.count == 2, digits(parts[0], 2) {
                let rest = parts[1].split(separator: ".", omittingEmptySubsequences: false)
                guard digits(rest[0], 4), rest.count == 1 || (rest.count == 2 && digits(rest[1], 2)) else { return nil }
                self = .onetSOC
            } else if parts.count == 4, digits(parts[0], 1), digits(parts[1], 2), digits(parts[2], 2), digits(parts[3], 2) {
                self = .chinaOccupations
            } else {
                return nil
            }
        }
    }

    /// One role as a JSON-LD object (without `@context`); `url` is the role page's address, if known.
    package static func occupation(_ g: RoleGraph, role r: Int, url: String?) -> [String: JSONValue] { occupation(g.roles[r], url: url) }

    /// One role as a JSON-LD object, from the role's own file only.
    package static func occupation(_ role: Role, url: String?) -> [String: JSONValue] {
        var out: [String: JSONValue] = ["@type": "Occupation", "name": .string(role.title), "identifier": .string(role.id)]
        if let url { out["url"] = .string(url) }
        if let summary = role.header.summary { out["description"] = .string(summary) }
        let duties = role.responsibilities.flatMap(\.flattened).map(\.text)
        if !duties.isEmpty { out["responsibilities"] = .array(duties.map(JSONValue.string)) }
        let requirements = role.header.document.items(.qualifications).flatMap(\.flattened).map(\.text)
        if !requirements.isEmpty { out["qualifications"] = .array(requirements.map(JSONValue.string)) }
        if let place = role.place { out["occupationLocation"] = ["@type": "Place", "name": .string(place)] }
        if !role.aliases.isEmpty { out["alternateName"] = .array(role.aliases.map(JSONValue.string)) }
        if let code = role.code, let set = CodeSet(code: code) {
            out["occupationalCategory"] = ["@type": "CategoryCode", "codeValue": .string(code),
                                           "inCodeSet": ["@type": "CategoryCodeSet", "name": .string(set.rawValue)]]
        }
        return out
    }

    /// JSON text of a value, keys sorted; `<`, `>` and `&` written as `\u003c`… so the text can
    /// sit inside a `<script>` element (no `</script>` or `<!--` can appear in it).
    package static func text(_ value: JSONValue, pretty: Bool = false) -> String {
        var writer = JSONWriter.scriptSafe
        writer.pretty = pretty
        return writer.text(value)
    }

    /// The block of a role page: `@context` plus the occupation, safe inside `<script type="application/ld+json">`.
    package static func pageBlock(_ role: Role) -> String {
        var object = occupation(role, url: nil)
        object["@context"] = "https://schema.org"
        return text(.object(object))
    }
}
