/// One line of a source document, after decoding and noise removal, or a piece of one.
package struct SourceLine: Sendable, Equatable {
    package var text: String
    /// 1-based line in the text file, or paragraph number in a .docx.
    package var line: Int
    /// 1-based column of the text's first Character in that line, in UTF-8 bytes as compilers count.
    package var column: Int
    /// For text joined from several source lines (a converter's broken lines): where each joined
    /// line starts in `text`, so pieces cut from it still know their own line.
    package var origins: [Origin] = []

    package struct Origin: Sendable, Equatable {
        /// Character offset in `text`.
        package var offset: Int
        package var line: Int
        package var column: Int
    }

    package init(_ text: String, line: Int, column: Int = 1) {
        self.text = text
        self.line = line
        self.column = column
    }

    /// Where the Character at `offset` of `text` is in the source.
    package func position(at offset: Int) -> (line: Int, column: Int) {
        var base = (offset: 0, line: line, column: column)
        if let o = origins.last(where: { $0.offset <= offset }) { base = (o.offset, o.line, o.column) }
        let bytes = text.dropFirst(base.offset).prefix(max(0, offset - base.offset)).utf8.count
        return (base.line, base.column + bytes)
    }

    /// `piece`, a part of `text` that starts at Character `offset`, placed where it is in the source.
    package func piece(_ piece: String, at offset: Int) -> SourceLine {
        let p = position(at: offset)
        var out = SourceLine(piece, line: p.line, column: p.column)
        out.origins = origins.filter { $0.offset > offset && $0.offset < offset + piece.count }
            .map { Origin(offset: $0.offset - offset, line: $0.line, column: $0.column) }
        return out
    }

    /// `rest`, the end of `text` (give or take trailing spaces), placed where it is in the source;
    /// text that is not found in the line keeps the line's own position.
    package func suffix(_ rest: String) -> SourceLine {
        guard !rest.isEmpty, let r = text.range(of: rest, options: .backwards) else { return SourceLine(rest, line: line, column: column) }
        return piece(rest, at: text.distance(from: text.startIndex, to: r.lowerBound))
    }
}

/// The fields of a job description that become front matter.
package enum ScalarField: String, CaseIterable, Sendable {
    case title, department, reportsTo = "reports_to", directReports = "direct_reports"
    case code, grade, headcount, location, hours
    case document, version, effective
}

/// A section of a job description: a heading and its lines, in source order.
package struct ImportedSection: Sendable, Equatable {
    /// The heading as the source wrote it (for unmapped labels) or the canonical heading.
    package var heading: String
    package var kind: SectionKindName
    package var lines: [SourceLine]
    package var line: Int
}

/// The sections the importer writes, in the order it writes them; `other` keeps the source's heading.
package enum SectionKindName: String, Sendable, CaseIterable, Comparable {
    case summary, responsibilities, qualifications, kpis, authority, hours, relations, other

    /// The heading written into the role file.
    package var heading: String {
        switch self {
        case .summary: "职责概述"
        case .responsibilities: "岗位职责"
        case .qualifications: "任职资格"
        case .kpis: "考核指标"
        case .authority: "工作权限"
        case .hours: "工作时间"
        case .relations: "工作关系"
        case .other: ""
        }
    }

    package static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A job description found in a source file.
package struct ImportedJob: Sendable, Equatable {
    package var file: String
    /// Where the job description starts.
    package var line: Int
    package var column: Int = 1
    package var fields: [ScalarField: (SourceValue)] = [:]
    package var sections: [ImportedSection] = []

    package var title: String { fields[.title]?.text ?? "" }

    package static func == (a: Self, b: Self) -> Bool {
        a.file == b.file && a.line == b.line && a.fields == b.fields && a.sections == b.sections
    }
}

/// A field's value and the line it came from.
package struct SourceValue: Sendable, Equatable {
    package var text: String
    package var line: Int
    package var column: Int = 1
}

/// A department named by the sources, with any duties they list for it.
package struct ImportedDepartment: Sendable, Equatable {
    package var title: String
    package var file: String
    package var line: Int
    package var duties: [SourceLine] = []
}

/// A document that reads as rules or a procedure (`…管理制度`, `…须知`, `…细则`) rather than a job
/// description: imported as a procedure file, its `一、` headings as phases and its items as steps.
package struct ImportedProcedure: Sendable, Equatable {
    package var title: String
    package var file: String
    package var line: Int
    package var column: Int = 1
    /// The department heading it was found under, if any.
    package var department: String?
    package var lines: [SourceLine] = []
}

/// Something the report tells: what was imported, dropped or could not be mapped.
package struct ImportNote: Sendable, Equatable, Comparable {
    package enum Kind: String, Sendable, Comparable {
        case imported, noise, unmapped, problem

        package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    package var kind: Kind
    package var file: String
    package var line: Int
    /// The column (UTF-8 bytes, 1-based) when the finding does not start its line; nil at a line's start or when unknown.
    package var column: Int?
    package var message: String

    package init(_ kind: Kind, file: String, line: Int, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column.flatMap { $0 > 1 ? $0 : nil }
        self.message = message
    }

    package static func < (a: Self, b: Self) -> Bool {
        (a.file, a.line, a.column ?? 1, a.kind, a.message) < (b.file, b.line, b.column ?? 1, b.kind, b.message)
    }
}
