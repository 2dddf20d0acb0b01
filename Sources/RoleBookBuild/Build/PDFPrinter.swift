import Foundation
import RoleBookModel

/// Prints checklist pages to PDF by driving a headless Chromium.
///
/// Page numbers ("第 1 页 / 共 3 页") come from the page's own `@page` margin boxes
/// (`PrintPageRule`), which Chromium renders in `--print-to-pdf` since
/// version 131; its own header and footer are switched off.
package struct PDFPrinter: Sendable {
    package enum Failure: Error, CustomStringConvertible {
        case noBrowser
        case notExecutable(String)
        case failed(String, String)

        package var description: String {
            switch self {
            case .noBrowser:
                "no headless Chromium found on PATH: install Debian's 'chromium' package (apt-get install chromium fonts-noto-cjk) or pass --chromium PATH"
            case .notExecutable(let path):
                "'\(path)' is not an executable Chromium: install Debian's 'chromium' package or pass the path of a chromium binary"
            case .failed(let page, let message):
                "chromium could not print '\(page)': \(message)"
            }
        }
    }

    /// Binary names tried in order on PATH.
    package static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    package var browser: String
    /// A hung Chromium is killed after this many seconds, so `rolebook print` never waits forever.
    package var timeout: Double = 120

    package init(browser: String) { self.browser = browser }

    /// Uses `explicit`, or finds one of ``browserNames`` on `searchPath` (default: `$PATH`).
    package static func locate(explicit: String? = nil, searchPath: String? = nil) throws(Failure) -> PDFPrinter {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw .notExecutable(explicit) }
            return PDFPrinter(browser: explicit)
        }
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in browserNames {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return PDFPrinter(browser: candidate) }
            }
        }
        throw .noBrowser
    }

    /// Prints `page` (an HTML file) to `pdf`, with the page's own @page rules (no browser header/footer).
    ///
    /// Chromium writes into a scratch folder outside the output; the finished PDF is then renamed
    /// into place (or, across file systems, copied to a hidden `.NAME.rolebook-tmp` beside it and
    /// renamed), so a killed print never leaves a half-written PDF under its real name.
    package func print(page: URL, to pdf: URL) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let printed = profile.appendingPathComponent("print.pdf")
        do {
            try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        } catch { throw .failed(page.path, error.localizedDescription) }
        // A stale PDF from an earlier run must not pass for this run's output.
        try? FileManager.default.removeItem(at: pdf)
        process.arguments = Self.headlessArguments(profile: profile) + [
            "--no-pdf-header-footer", "--print-to-pdf=\(printed.path)", page.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw .failed(page.path, error.localizedDescription) }
        let watchdog = Watchdog(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { watchdog.fire() }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if watchdog.disarm() { throw .failed(page.path, "no result after \(Int(timeout)) seconds; chromium was stopped") }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: printed.path) else {
            throw .failed(page.path, String(decoding: stderr.suffix(400), as: UTF8.self))
        }
        if let problem = Self.move(printed, to: pdf) { throw .failed(page.path, problem) }
    }

    /// Renames `file` to `target`, or copies it to a hidden temporary beside `target` and renames that.
    /// - Returns: an error message, or nil.
    static func move(_ file: URL, to target: URL) -> String? {
        if rename(file.path, target.path) == 0 { return nil }
        guard errno == EXDEV else { return String(cString: strerror(errno)) }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent)\(SiteWriter.temporarySuffix)")
        do {
            try? FileManager.default.removeItem(at: temporary)
            try FileManager.default.copyItem(at: file, to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return error.localizedDescription
        }
        guard rename(temporary.path, target.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            return message
        }
        return nil
    }

    /// Removes the hidden temporaries an interrupted print left in `folder` and its sub-folders.
    package static func removeLeftovers(in folder: URL) {
        for path in SiteWriter.files(under: folder.path) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.hasPrefix("."), name.hasSuffix(SiteWriter.temporarySuffix) { unlink(folder.path + "/" + path) }
        }
    }

    /// Flags for a headless run that works as root and in containers.
    package static func headlessArguments(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
         "--user-data-dir=\(profile.path)", "--disable-extensions", "--allow-file-access-from-files"]
    }
}

/// Terminates a process unless disarmed first; the lock keeps the two from racing.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private let process: Process
    private var armed = true
    private var fired = false

    init(_ process: Process) { self.process = process }

    func fire() {
        lock.lock(); defer { lock.unlock() }
        guard armed, process.isRunning else { return }
        fired = true
        process.terminate()
    }

    /// - Returns: whether the process had been terminated.
    func disarm() -> Bool {
        lock.lock(); defer { lock.unlock() }
        armed = false
        return fired
    }
}
