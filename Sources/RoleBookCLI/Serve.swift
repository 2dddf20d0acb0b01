import ArgumentParser
import Foundation
import RoleBook
import RoleBookServe

/// `rolebook serve`: a live preview of the content.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser, rebuilt and reloaded on every save.",
        discussion: """
            Renders the content into memory (nothing is written into the content folder or the site \
            folder), serves it on --host:--port and watches the folder. Each save rebuilds the site; \
            open pages that changed reload keeping their scroll position. While the content has errors \
            every page shows them over the last good version. Ctrl-C stops it.
            """
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var color: ColorOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8080

    @Option(help: "The address to listen on; the default is reachable from this machine only.")
    var host = "127.0.0.1"

    @Flag(help: "Open the address in the default browser.")
    var open = false

    @Flag(help: "Poll the folder for changes instead of using inotify.")
    var poll = false

    @Flag(help: "Print how long each phase of each rebuild took, wall and CPU time (also ROLEBOOK_TRACE=1).")
    var timings = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.contentDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            FileHandle.standardError.write("error: cannot read content folder '\(content.contentDirectory)'\n")
            throw ExitCode(2)
        }
        var options = PreviewServer.Options(contentDirectory: content.contentDirectory, host: host, port: port, forcePolling: poll)
        options.language = language.language
        options.colored = color.enabled(for: STDOUT_FILENO)
        let server = PreviewServer(options: options) { line in
            // Unbuffered, so each line shows at once even when the output is a pipe.
            FileHandle.standardOutput.write(line + "\n")
        }
        server.printTimings = timings || Stopwatch.isTracing
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        let open = open
        Task {
            do {
                let url = try await server.start()
                FileHandle.standardOutput.write("serving \(url.absoluteString)\n")
                if open { Self.openInBrowser(url) }
                await server.wait()
            } catch {
                failure.message = "error: cannot serve on \(host):\(port): \(error)"
            }
            done.signal()
        }
        // Ctrl-C: stop at once (the site is only in memory, so there is nothing to save).
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { FileHandle.standardOutput.write("\nstopped\n"); done.signal() }
        interrupt.resume()
        done.wait()
        if let message = failure.message {
            FileHandle.standardError.write(message + "\n")
            throw ExitCode(2)
        }
    }

    /// An error from the server's task, handed to the waiting thread.
    private final class Failure: @unchecked Sendable { var message: String? }

    static func openInBrowser(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) == nil { FileHandle.standardError.write("note: could not open a browser; open \(url.absoluteString) yourself\n") }
    }
}
