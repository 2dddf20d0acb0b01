import Foundation
import RoleBookModel

/// What the index builder and the search client must agree on, read from one file,
/// `Sources/RoleBookSearch/Assets/search-format.json`: Swift decodes it here and `assets/search.js`
/// starts with it as `rbSearchFormat` (``SearchClientAssets/script``).
struct SearchFormat: Decodable, Sendable {
    /// Written to `meta.js`; the client refuses an index of another version.
    var version: Int
    /// Longest joined compound kept as a token (``SearchTokenizer``).
    var maxCompound: Int
    /// Posting-list number digits: the last digit of a number, and the ones before it.
    var finalDigits: String
    var moreDigits: String
    /// Every toneless pinyin syllable (space-separated), `v` for ü: how a query is cut into syllables.
    var syllables: String

    /// The embedded file, decoded once. It is part of the binary, not user input: a decoding
    /// failure is a build defect that `SearchFormatTests` catches.
    static let shared: SearchFormat = {
        do {
            return try JSONDecoder().decode(SearchFormat.self, from: Data(EmbeddedAssets.searchFormatJSON.utf8))
        } catch {
            preconditionFailure("Assets/search-format.json does not decode: \(error)")
        }
    }()

    /// The file as one line of JSON, for the client's prologue.
    static var json: String {
        EmbeddedAssets.searchFormatJSON.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
