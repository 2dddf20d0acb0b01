import RoleBookModel
/// "Did you mean" for an unknown reference, and the files that could not be read.
///
/// A typo is most likely a name from the same folder or organisation: a title from another
/// company (or the same title in traditional script) is a wrong lead even when it is as close.
/// Candidates are compared by ``ReferenceResolver/key(_:)``, so a title written in either script
/// is one candidate, and the note always names the id it stands for.
extension ReferenceResolver {
    /// A file that produced no entity because of an error: it still defines its id (its file
    /// name), so references to it are not reported again as unknown.
    struct UnparsedFile: Hashable, Sendable {
        var id: String
        /// From its folder (`roles/`, `departments/`, `procedures/`); nil when the folder says nothing.
        var kind: EntityKind?
        /// As diagnostics show it.
        var displayPath: String
    }

    /// One name a reference could have meant.
    struct Candidate {
        var name: String
        var id: String
        var file: String
        var location: SourceLocation
    }

    /// Where a file is, for ranking: its folder and its organisation (the folders above the first
    /// `roles/`, `departments/` or `procedures/`, or the folder itself when there is none).
    static func place(of file: String) -> (folder: Substring, organisation: Substring) {
        let folder = file.lastIndex(of: "/").map { file[..<$0] } ?? ""
        var organisation = folder
        for kind in FileParser.folders {
            if let range = folder.range(of: "/" + kind.name), range.upperBound == folder.endIndex || folder[range.upperBound] == "/" {
                organisation = folder[..<range.lowerBound]
                break
            }
        }
        return (folder, organisation)
    }

    /// The closest candidate in the nearest ring around `file` that has one: the same folder,
    /// then the same organisation, then everywhere (unless `onlyNearby`).
    static func closest(to name: String, from file: String, among candidates: [Candidate], onlyNearby: Bool = false) -> Candidate? {
        let here = place(of: file)
        let rings: [(Candidate) -> Bool] = [
            { place(of: $0.file).folder == here.folder },
            { place(of: $0.file).organisation == here.organisation },
            { _ in !onlyNearby },
        ]
        let target = key(name)
        for ring in rings {
            // The file making the reference never names itself (a role's own title is often close).
            let pool = candidates.filter { $0.file != file && ring($0) }
            guard !pool.isEmpty else { continue }
            // One entry per key: the first (by path) of the candidates sharing it.
            var byKey: [String: Candidate] = [:]
            for c in pool.sorted(by: { $0.file < $1.file }) where byKey[key(c.name)] == nil { byKey[key(c.name)] = c }
            if let best = Suggestions.closest(to: target, among: byKey.keys) { return byKey[best] }
        }
        return nil
    }

    /// The note for a suggestion: the name, and the id when the name is a title or an alias.
    static func note(for candidate: Candidate) -> Diagnostic.Note {
        candidate.name == candidate.id
            ? Diagnostic.Note(.didYouMean(candidate.id), at: candidate.location)
            : Diagnostic.Note(.didYouMeanTitle(title: candidate.name, id: candidate.id), at: candidate.location)
    }

    /// Files that could not be read and may define what `ref` names: those of `kind` (or of no
    /// known kind) in the same organisation.
    func unparsedNearby(_ ref: Located<String>, kind: EntityKind) -> [UnparsedFile] {
        let here = Self.place(of: ref.location.file).organisation
        return unparsed.filter { ($0.kind == nil || $0.kind == kind) && Self.place(of: $0.displayPath).organisation == here }
    }

    /// True when `ref` is the id of a file of `kind` that could not be read: its error is reported already.
    func namesUnparsed(_ ref: Located<String>, kind: EntityKind) -> Bool {
        let id = ref.value.trimmingSpaces
        return unparsed.contains { $0.id == id && ($0.kind == nil || $0.kind == kind) }
    }

    /// The content files (relative paths) that produced no entity because of an error.
    static func unparsedFiles(_ content: LoadedContent, parsed: [String: NodeRef]) -> [UnparsedFile] {
        var failedDisplay: Set<String> = []
        for d in content.diagnostics where d.severity == .error { failedDisplay.insert(d.location.file) }
        var out: [UnparsedFile] = []
        for file in failedDisplay.sorted() {
            // The display path is the content path under the display root: find the suffix that is one.
            var rest = Substring(file)
            while !rest.isEmpty {
                let candidate = String(rest)
                if content.paths.contains(candidate) {
                    if parsed[candidate] == nil, candidate.hasSuffix(".md") {
                        let parts = candidate.slashComponents
                        let kind = parts.dropLast().reversed().lazy.compactMap { folder in FileParser.folders.first { $0.name == folder }?.kind }.first
                        out.append(UnparsedFile(id: String(String(parts.last ?? "").dropLast(3)), kind: kind, displayPath: file))
                    }
                    break
                }
                guard let slash = rest.firstIndex(of: "/") else { break }
                rest = rest[rest.index(after: slash)...]
            }
        }
        return out
    }
}
