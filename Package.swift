// swift-tools-version: 6.0
import PackageDescription
import Foundation

// `make fuzz` sets ROLEBOOK_FUZZ to the sanitizers (`fuzzer`, or `fuzzer,address`), with its own
// --scratch-path: the library and the fuzz target are then built with libFuzzer's coverage
// instrumentation (and AddressSanitizer). Per target, not with `swift build --sanitize`, which
// would also instrument the asset-embedding build tool.
let sanitizers = ProcessInfo.processInfo.environment["ROLEBOOK_FUZZ"] ?? ""
let fuzzing = sanitizers.hasPrefix("fuzzer")
let fuzzFlags: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=" + sanitizers]), .define("FUZZING")] : []

let package = Package(
    name: "rolebook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rolebook", targets: ["rolebook"]),
        .library(name: "RoleBook", targets: ["RoleBook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // HTTP and WebSockets for `rolebook serve` only (RoleBookServe); the library does not depend on it.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // cmark from Debian's libcmark-dev; only RoleBookParsing's Parsing/MarkdownParser.swift imports it.
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Assets/*.js|css|html are real files, embedded into the binary at build time.
        .executableTarget(name: "rolebook-embed"),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["rolebook-embed"], path: "Sources/EmbedAssetsPlugin"),
        // The compiler library, one target per layer; each may import only the layers above it in
        // this list, so the compiler enforces the direction (docs/architecture.md).
        // Model: graph, entities, Markdown values, diagnostics; text helpers (CJK folding, hashes).
        .target(name: "RoleBookModel", swiftSettings: fuzzFlags),
        // Parsing + Validation (+ Scaffold): the only importer of CCMark and Yams.
        .target(
            name: "RoleBookParsing",
            dependencies: ["RoleBookModel", "CCMark", .product(name: "Yams", package: "Yams")],
            swiftSettings: fuzzFlags,
            plugins: ["EmbedAssets"]
        ),
        // Site: routes, localized strings, HTML pages, org charts, checklists, diff report, exports.
        .target(name: "RoleBookSite", dependencies: ["RoleBookModel", "RoleBookParsing"], swiftSettings: fuzzFlags, plugins: ["EmbedAssets"]),
        // Search: tokenizer, index builder and patcher, the browser's search client.
        .target(name: "RoleBookSearch", dependencies: ["RoleBookModel", "RoleBookSite"], swiftSettings: fuzzFlags, plugins: ["EmbedAssets"]),
        // Build: renderer jobs, incremental reuse, site writer, manifest, lock, PDF printing.
        .target(
            name: "RoleBookBuild",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookSearch"],
            swiftSettings: fuzzFlags
        ),
        // The library product: re-exports the layers for the CLI, serve, import, bench and fuzz targets.
        .target(
            name: "RoleBook",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookSearch", "RoleBookBuild"]
        ),
        // `rolebook import`: existing job descriptions (.txt, .md, .docx) into content files.
        // A target of its own so the core library never depends on ZIP or XML reading.
        .target(
            name: "RoleBookImport",
            dependencies: ["RoleBook", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "RoleBookCLI",
            dependencies: ["RoleBook", "RoleBookImport", "RoleBookServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `rolebook serve`: the in-memory site, the file watcher and the live-reload channel.
        .target(
            name: "RoleBookServe",
            dependencies: ["RoleBook", .product(name: "FlyingFox", package: "FlyingFox")],
            plugins: ["EmbedAssets"]
        ),
        .executableTarget(name: "rolebook", dependencies: ["RoleBookCLI"]),
        // Benchmark driver (`make bench`): synthetic content, rolebook vs Hugo vs the cmark floor.
        .executableTarget(name: "rolebook-bench", dependencies: ["RoleBook", "RoleBookDevSupport"], plugins: ["EmbedAssets"]),
        // Shared by the tests and rolebook-bench, never by the shipped CLI: the process runner,
        // the loopback HTTP/WebSocket client and the synthetic content generator.
        .target(name: "RoleBookDevSupport", dependencies: ["RoleBook"]),
        // libFuzzer target over one content file (`make fuzz`, built with -sanitize=fuzzer -DFUZZING);
        // a plain build makes it a replayer of fuzzer inputs.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "rolebook-fuzz", dependencies: ["RoleBook", "CLibFuzzer"], exclude: ["rolebook.dict"], swiftSettings: fuzzFlags,
                         linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=" + sanitizers, "-use-ld=lld"])] : []),
        // Regenerates RoleBookModel/Text/CJKTables.swift from ICU (`make tables`).
        .executableTarget(name: "rolebook-tables"),
        // Tests, one target per layer: each depends only on its layer and the ones below it, so a
        // parsing test cannot reach the renderer (docs/architecture.md, "Tests").
        // Shared helpers (content trees, rule and diff fixtures, golden files, HTMLScan), as low as they go.
        .target(name: "RoleBookTestSupport", dependencies: ["RoleBookModel", "RoleBookParsing"], path: "Tests/RoleBookTestSupport"),
        // Helpers that drive the built `rolebook` binary or a server under test (through RoleBookDevSupport).
        .target(name: "RoleBookTestHarness", dependencies: ["RoleBookTestSupport", "RoleBookDevSupport", "RoleBookParsing", "RoleBookSite"], path: "Tests/RoleBookTestHarness"),
        .testTarget(name: "RoleBookModelTests", dependencies: ["RoleBookModel"]),
        .testTarget(
            name: "RoleBookParsingTests",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookTestSupport"],
            resources: [.copy("Fixtures"), .copy("Golden")]
        ),
        .testTarget(
            name: "RoleBookSiteTests",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookTestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "RoleBookSearchTests",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookSearch", "RoleBookTestSupport", "RoleBookDevSupport"]
        ),
        .testTarget(
            name: "RoleBookBuildTests",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookSearch", "RoleBookBuild", "RoleBookTestSupport", "RoleBookDevSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RoleBookCLITests",
            dependencies: ["RoleBookCLI", "RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookBuild", "RoleBookTestSupport", "RoleBookTestHarness",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "RoleBookServeTests",
            dependencies: ["RoleBookServe", "RoleBookModel", "RoleBookParsing", "RoleBookBuild", "RoleBookTestSupport", "RoleBookTestHarness"]
        ),
        // Headless Chromium over built sites; its fixtures are read from the source tree by path
        // (Browser.buildFixture copies them), so they are not bundled.
        .testTarget(
            name: "RoleBookEndToEndTests",
            dependencies: ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookSearch", "RoleBookBuild", "RoleBookCLI", "RoleBookServe",
                           "RoleBookTestSupport", "RoleBookTestHarness", "RoleBookDevSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RoleBookImportTests",
            dependencies: ["RoleBookImport", "RoleBook", "RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookCLI", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures"), .copy("Golden")]
        ),
    ]
)
