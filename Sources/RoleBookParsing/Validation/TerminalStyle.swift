import RoleBookModel
/// ANSI styles for diagnostics on a terminal; every method returns its text unchanged when off.
///
/// Only SGR sequences (bold, one colour, reset), which every terminal emulator and Windows
/// Terminal understand. The caller decides whether to colour (`--color`, `NO_COLOR`, a TTY).
package struct TerminalStyle: Sendable {
    package var enabled: Bool

    package init(enabled: Bool) { self.enabled = enabled }

    private func wrap(_ text: String, _ codes: String) -> String {
        enabled ? "\u{1B}[" + codes + "m" + text + "\u{1B}[0m" : text
    }

    package func bold(_ text: String) -> String { wrap(text, "1") }

    /// Errors bold red, warnings bold yellow, notes bold cyan, as compilers print them.
    package func severity(_ severity: Diagnostic.Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .note: wrap(text, "1;36")
        }
    }
}
