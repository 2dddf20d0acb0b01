import ArgumentParser

/// `rolebook`: job descriptions as code.
public struct RoleBookCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rolebook",
        abstract: "Validate and publish job descriptions and procedures written in Markdown.",
        subcommands: [Check.self, Build.self, Print.self, New.self, Serve.self],
        defaultSubcommand: Check.self
    )

    public init() {}
}

/// Where the content lives; shared by every subcommand.
struct ContentOptions: ParsableArguments {
    @Argument(help: "The content folder.", completion: .directory)
    var contentDirectory: String = "content"
}
