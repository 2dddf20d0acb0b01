import ArgumentParser
import Foundation
import RoleBook

/// `--lang`: the language of diagnostics; shared by check, build, serve, print and diff.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of diagnostics: zh-CN, zh-TW or en (default: rolebook.yml's 'language').")
    var language: DiagnosticLanguage?

    /// `--lang`, else the site's language, else simplified Chinese (the site's default too).
    func resolved(_ config: SiteConfig) -> DiagnosticLanguage {
        language ?? DiagnosticLanguage(code: config.language) ?? .zhCN
    }
}

extension DiagnosticLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// When to colour diagnostics.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// `--color`: colour for diagnostics printed as text; shared by check, build, serve and print.
struct ColorOptions: ParsableArguments {
    @Option(help: "Colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    /// Whether text written to `descriptor` gets colour.
    func enabled(for descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        Self.decide(color, isTerminal: isatty(descriptor) == 1, environment: environment)
    }

    /// `always` and `never` are obeyed; `auto` colours a terminal unless `NO_COLOR` is set
    /// (to anything non-empty, per no-color.org) or `TERM` is `dumb`.
    static func decide(_ choice: ColorChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: true
        case .never: false
        case .auto: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

/// One line of progress on standard error, redrawn in place: only on a terminal and never in CI
/// (a CI log keeps every redraw as a line of its own).
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    /// On when standard error is a terminal and `CI` is not set.
    static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine {
        ProgressLine(enabled: isEnabled(isTerminal: isatty(STDERR_FILENO) == 1, environment: environment))
    }

    static func isEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["CI"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Shows `text`, at most ten times a second (the last call of a burst may be skipped).
    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            drawn = true
            // Back to column 1, then clear the line: the new text may be shorter.
            FileHandle.standardError.write("\r\u{1B}[K" + text())
        }
    }

    /// Removes the line, so what is printed next starts on a clean line.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drawn { FileHandle.standardError.write("\r\u{1B}[K") }
            drawn = false
        }
    }
}
