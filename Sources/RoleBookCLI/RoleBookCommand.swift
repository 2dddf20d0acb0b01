import ArgumentParser
import Foundation
import RoleBook

/// `rolebook`: job descriptions as code.
package struct RoleBookCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "rolebook",
        abstract: "Validate and publish job descriptions and procedures written in Markdown.",
        version: RoleBookVersion.current,
        subcommands: [Check.self, Build.self, Print.self, New.self, Serve.self, Import.self, Diff.self, Export.self],
        defaultSubcommand: Check.self
    )

    package init() {}

    /// Status of a usage error (unknown option, bad value, missing argument), as docs/cli.md says;
    /// ArgumentParser's own is 64 (EX_USAGE).
    static let usageStatus: Int32 = 2

    /// The exit status for an error thrown while parsing or running.
    static func exitStatus(for error: any Error) -> Int32 {
        let status = exitCode(for: error).rawValue
        return status == ExitCode.validationFailure.rawValue ? usageStatus : status
    }

    /// Parses the process's arguments, runs the command and exits: ArgumentParser's `main()`
    /// with usage errors exiting ``usageStatus``.
    package static func runAndExit() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            // The command has printed its message (`exit(withError:)` would add an empty line).
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitStatus(for: error)
            guard status == usageStatus else { exit(withError: error) }
            // The same text `exit(withError:)` prints: the problem, the usage line, where to find help.
            var message = fullMessage(for: error)
            if !message.hasSuffix("\n") { message += "\n" }
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(status)
        }
    }
}

/// Where the content lives; shared by every subcommand.
struct ContentOptions: ParsableArguments {
    @Argument(help: "The content folder.", completion: .directory)
    var contentDirectory: String = "content"
}
