import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
import RoleBookTestSupport

/// Issue 12: the content walk ends on link loops, reads only regular files inside the root and of
/// at most 20 MB, and reports what it cannot read where it is, then goes on.
@Suite("Reading the content folder")
struct ContentReadingTests {
    /// The note under every RB014 (RuleFixtures.outsideNote).
    static let outsideNote = RuleFixtures.outsideNote

    @Test("a link to a folder inside the root does not rename that folder's files")
    func linkToFolderInside() throws {
        // `guides/` sorts before `roles/`, but the real path wins: the link is read last and
        // finds the folder already read.
        let tree = RuleFixtures.base.with(special: "guides/team", .link(to: "../roles"))
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [])
        #expect(result.fileCount == 3)
        // A link to a folder that is not read otherwise (`_` folders are skipped) is followed.
        let shared = RuleFixtures.base.with(["_shared/clerk.md": RuleFixtures.clerk]).with(special: "roles/more", .link(to: "../_shared"))
        let graph = try buildGraph(shared)
        #expect(graph.roles.map(\.header.path).sorted() == ["roles/ceo.md", "roles/manager.md", "roles/more/clerk.md"])
    }

    @Test("links to files and folders outside the content folder are refused, naming the link and its target, and nothing is published")
    func linksOutside() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = RuleFixtures.role("title: 机密岗位\ndepartment: ops\nreports_to: ceo")
        try Data(secret.utf8).write(to: outside.appendingPathComponent("secret.md"))
        let target = outside.resolvingSymlinksInPath().path
        let tree = RuleFixtures.base
            .with(special: "roles/absolute.md", .link(to: outside.appendingPathComponent("secret.md").path))
            .with(special: "roles/relative.md", .link(to: "../../\(outside.lastPathComponent)/secret.md"))
            .with(special: "roles/shared", .link(to: outside.path))
            .with(special: "rolebook.yml", .link(to: outside.appendingPathComponent("secret.md").path))
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/rolebook.yml:1:1: error[RB014]: symbolic link 'rolebook.yml' points outside the content folder, to '\(target)/secret.md'", Self.outsideNote,
            "content/roles/absolute.md:1:1: error[RB014]: symbolic link 'roles/absolute.md' points outside the content folder, to '\(target)/secret.md'", Self.outsideNote,
            "content/roles/relative.md:1:1: error[RB014]: symbolic link 'roles/relative.md' points outside the content folder, to '\(target)/secret.md'", Self.outsideNote,
            "content/roles/shared:1:1: error[RB014]: symbolic link 'roles/shared' points outside the content folder, to '\(target)'", Self.outsideNote,
        ])
        #expect(result.graph.roles.map(\.header.title).sorted() == ["总经理", "运营经理"])
    }

    @Test("a content folder given through a link, and links inside it, are read")
    func rootThroughLink() throws {
        try withContent(RuleFixtures.linkInside) { root in
            let alias = root.deletingLastPathComponent().appendingPathComponent("rolebook-alias-\(UUID().uuidString)")
            try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: root)
            defer { try? FileManager.default.removeItem(at: alias) }
            let result = try Checker(loader: testLoader(alias)).run()
            #expect(result.diagnosticLines == [])
            #expect(result.graph.roleIndex["clerk"] != nil)
        }
    }

    @Test("RB013 for a file over 20 MB, located, without reading it")
    func oversizedFile() throws {
        let tree = RuleFixtures.base.with(special: "roles/huge.md", .sparse(bytes: ContentLoader.maxFileSize + 1))
        let result = try runCheck(tree)
        #expect(result.diagnosticLines == [
            "content/roles/huge.md:1:1: error[RB013]: file is larger than 20 MB",
            "    note: split it into several files, or move what is not a job description out of the content folder",
        ])
        #expect(result.graph.roles.count == 2)
    }

    @Test("the reader takes regular files up to the limit, and stops a file that grows past it while being read")
    func readerBounds() throws {
        try withContent(ContentTree(["ten.md": "0123456789"])) { root in
            let path = root.appendingPathComponent("ten.md").path
            #expect(ContentLoader.readRegularFile(path, limit: 10) { Array($0) } == .success(Array("0123456789".utf8)))
            #expect(ContentLoader.readRegularFile(path, limit: 9) { $0.count } == .failure(.tooLarge))
            #expect(ContentLoader.readRegularFile(root.path, limit: 10) { $0.count } == .failure(.notRegular("a folder")))
            #expect(ContentLoader.readRegularFile(path + "x", limit: 10) { $0.count } == .failure(.system(ENOENT)))
        }
        // /proc files claim a size of 0: only the bound on reading stops them.
        #expect(ContentLoader.readRegularFile("/proc/self/maps", limit: 16) { $0.count } == .failure(.tooLarge))
        #expect(ContentLoader.readRegularFile("/proc/self/maps", limit: 1 << 20) { $0.count } != .failure(.tooLarge))
        #expect(ContentLoader.readRegularFile("/dev/zero", limit: 16) { $0.count } == .failure(.notRegular("a character device")))
    }

    @Test("names that are not UTF-8 are printed with \\xNN escapes, never U+FFFD")
    func namesNotUTF8() throws {
        let root = try makeContent(RuleFixtures.base)
        defer { try? FileManager.default.removeItem(at: root) }
        func make(_ name: [UInt8], folder: Bool) throws {
            let path = Array(root.path.utf8) + Array("/".utf8) + name + [0]
            let made = path.withUnsafeBufferPointer { buffer in
                let cPath = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                if folder { return mkdir(cPath, 0o755) }
                let fd = open(cPath, O_CREAT | O_WRONLY, 0o644)
                defer { if fd >= 0 { close(fd) } }
                return fd >= 0 ? 0 : -1
            }
            try #require(made == 0)
        }
        try make(Array("roles/a".utf8) + [0xFF] + Array(".md".utf8), folder: false)
        try make(Array("roles/图".utf8) + [0xE5, 0x8F] + Array(".md".utf8), folder: false)
        try make(Array("roles/img".utf8) + [0xFF] + Array(".png".utf8), folder: false)
        try make(Array("d".utf8) + [0xFE], folder: true)
        let result = try Checker(loader: testLoader(root)).run()
        #expect(result.diagnosticLines == [
            "content/d\\xfe:1:1: error[RB001]: folder name 'd\\xfe' is not valid UTF-8; its files are not read",
            "    note: rename the folder; bytes that are not UTF-8 are shown as \\xNN",
            "content/roles/a\\xff.md:1:1: error[RB001]: file name 'roles/a\\xff.md' is not valid UTF-8",
            "    note: rename the file; bytes that are not UTF-8 are shown as \\xNN",
            "content/roles/图\\xe5\\x8f.md:1:1: error[RB001]: file name 'roles/图\\xe5\\x8f.md' is not valid UTF-8",
            "    note: rename the file; bytes that are not UTF-8 are shown as \\xNN",
        ])
        #expect(!result.rendered.contains("\u{FFFD}"))
        #expect(result.graph.roles.count == 2)
    }

    @Test("the content path must be an existing folder")
    func contentPath() throws {
        let missing = ContentLoader(root: URL(fileURLWithPath: "/nonexistent/rolebook-\(UUID().uuidString)"), displayRoot: "content")
        #expect(throws: ContentFolderError.missing("content")) { try missing.load() }
        try withContent(ContentTree(["role.md": "x"])) { root in
            let file = ContentLoader(root: root.appendingPathComponent("role.md"), displayRoot: "content/role.md")
            #expect(throws: ContentFolderError.notAFolder("content/role.md")) { try file.load() }
            #expect(ContentFolderError.notAFolder("x").description == "content folder 'x' is a file, not a folder")
            #expect(ContentFolderError.missing("x").description == "content folder 'x' does not exist")
        }
    }
}

/// RB002 for an opening `---` without a closing one: the body is not read as YAML.
@Suite("Unclosed front matter")
struct UnclosedFrontMatterTests {
    @Test("RB002 'front matter is not closed' at the opening line", arguments: [
        "---\ntitle: 店员\ndepartment: ops\n\n## 岗位职责\n\n- 收银: 结账\n",
        "---\ntitle: 店员\n",
        "---\n",
        "---\ntitle: 店员\n--\n## 岗位职责\n",
    ])
    func unclosed(text: String) throws {
        let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": text]))
        #expect(result.diagnosticLines == [
            "content/roles/clerk.md:1:1: error[RB002]: front matter is not closed",
            "    note: end the front matter with a '---' line after its last key, before the text",
        ])
    }

    @Test("a closing '...' or '---' still closes it")
    func closed() throws {
        for close in ["---", "...", " --- "] {
            let text = "---\ntitle: 店员\ndepartment: ops\nreports_to: manager\n\(close)\n## 岗位职责\n\n- 收银: 结账\n"
            let result = try runCheck(RuleFixtures.base.with(["roles/clerk.md": text]))
            #expect(result.diagnosticLines == [], "\(close)")
        }
    }
}
