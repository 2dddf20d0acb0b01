import Foundation
import PackagePlugin

/// Embeds a target's `Assets/*.js|css|html|json|md` files into a generated `EmbeddedAssets` enum
/// (rolebook-embed), so the assets are real files and the binary is still self-contained.
@main
struct EmbedAssetsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let assets = module.sourceFiles
            .map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Assets" && ["js", "css", "html", "json", "md"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        guard !assets.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
        return [.buildCommand(
            displayName: "Embedding \(assets.count) assets into \(target.name)",
            executable: try context.tool(named: "rolebook-embed").url,
            arguments: [output.path] + assets.map(\.path),
            inputFiles: assets,
            outputFiles: [output])]
    }
}
