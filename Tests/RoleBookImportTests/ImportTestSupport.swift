import Foundation
import Testing
import ZIPFoundation
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookImport

/// A fixture file under Fixtures/.
func fixture(_ path: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-import-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Reads fixtures as the CLI does, shown by their fixture-relative names.
func plan(_ paths: [String], options: ImportOptions = ImportOptions()) -> ImportPlan {
    Importer.plan(paths.map { Importer.read(path: fixture($0).path, name: $0, options: options) }, options: options)
}

/// The role file a plan writes for `id`.
func roleFile(_ plan: ImportPlan, _ id: String) -> String? {
    plan.files.first { $0.path == "roles/\(id).md" }?.contents
}

/// Writes a plan's files under `root` and loads them back as rolebook content.
func loadWritten(_ plan: ImportPlan, into root: URL) throws -> (content: LoadedContent, result: Checker.Result) {
    for (path, contents) in plan.files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    let loader = ContentLoader(root: root, displayRoot: "out")
    return (try loader.load(), try Checker(loader: loader).run())
}

/// Compares `text` with Golden/<name>; writes it when missing or when RECORD_GOLDEN is set (and fails, to be reviewed).
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    let recorded = try? String(contentsOf: source, encoding: .utf8)
    if recorded == nil || ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
        try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: source)
        Issue.record("recorded \(name): review it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(text == recorded, "differs from Golden/\(name) (RECORD_GOLDEN=1 to update)", sourceLocation: sourceLocation)
}

/// A small Word document built with ZIPFoundation: a heading, a form table with merged cells
/// (`gridSpan`, `vMerge`) and a line break in a cell, and a Word-numbered list on two levels.
enum SampleDocx {
    static let document = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
    <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>岗位说明书-质检员</w:t></w:r></w:p>
    <w:tbl>
    <w:tr><w:tc><w:p><w:r><w:t>岗位名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>质检员</w:t></w:r></w:p></w:tc>
    <w:tc><w:p><w:r><w:t>所属部门</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>质量部</w:t></w:r></w:p></w:tc></w:tr>
    <w:tr><w:tc><w:p><w:r><w:t>直接上级</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>质量经理</w:t></w:r></w:p></w:tc></w:tr>
    <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>岗位职责</w:t></w:r></w:p></w:tc>
    <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>抽检来料；</w:t></w:r><w:r><w:br/><w:t>填写检验记录；</w:t></w:r></w:p></w:tc></w:tr>
    <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>岗位职责</w:t></w:r></w:p></w:tc>
    <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>隔离并上报不合格品。</w:t></w:r></w:p></w:tc></w:tr>
    </w:tbl>
    <w:p><w:r><w:t>任职资格</w:t></w:r></w:p>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>大专以上学历</w:t></w:r></w:p>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>两年以上质检经验</w:t></w:r></w:p>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>熟悉抽样标准</w:t></w:r></w:p>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>会用卡尺</w:t></w:r></w:p>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>责任心强</w:t></w:r></w:p>
    </w:body></w:document>
    """

    static let numbering = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>
    """

    /// Writes the document to `url`.
    static func write(to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in [("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                             ("word/document.xml", document), ("word/numbering.xml", numbering)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
