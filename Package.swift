// swift-tools-version: 6.0
import PackageDescription

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
        // HTTP and WebSockets for `rolebook serve` only (RoleBookServe); the library does not depend on it.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // cmark from Debian's libcmark-dev; only Parsing/MarkdownParser.swift imports it.
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Assets/*.js|css|html are real files, embedded into the binary at build time.
        .executableTarget(name: "rolebook-embed"),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["rolebook-embed"], path: "Sources/EmbedAssetsPlugin"),
        .target(
            name: "RoleBook",
            dependencies: ["CCMark", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedAssets"]
        ),
        .target(
            name: "RoleBookCLI",
            dependencies: ["RoleBook", "RoleBookServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `rolebook serve`: the in-memory site, the file watcher and the live-reload channel.
        .target(
            name: "RoleBookServe",
            dependencies: ["RoleBook", .product(name: "FlyingFox", package: "FlyingFox")],
            plugins: ["EmbedAssets"]
        ),
        .executableTarget(name: "rolebook", dependencies: ["RoleBookCLI"]),
        // Benchmark driver (`make bench`): synthetic content, rolebook vs Hugo vs the cmark floor.
        .executableTarget(name: "rolebook-bench", dependencies: ["RoleBook"], plugins: ["EmbedAssets"]),
        // Regenerates Search/CJKTables.swift from ICU (`make tables`).
        .executableTarget(name: "rolebook-tables"),
        .testTarget(
            name: "RoleBookTests",
            dependencies: ["RoleBook", "RoleBookCLI", "RoleBookServe"],
            resources: [.copy("Fixtures"), .copy("Golden")]
        ),
    ]
)
