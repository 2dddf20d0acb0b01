import Foundation

/// Prints checklist pages to PDF by driving a headless Chromium.
public struct PDFPrinter: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case noBrowser
        case failed(String, String)

        public var description: String {
            switch self {
            case .noBrowser: "no headless Chromium found: install Debian's 'chromium' package (apt-get install chromium fonts-noto-cjk) or pass --chromium PATH"
            case .failed(let page, let message): "chromium could not print '\(page)': \(message)"
            }
        }
    }

    public var browser: String

    /// Finds `chromium`, `chromium-browser`, `google-chrome` on PATH, or uses `explicit`.
    public static func locate(explicit: String? = nil) throws(Failure) -> PDFPrinter {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw .noBrowser }
            return PDFPrinter(browser: explicit)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return PDFPrinter(browser: candidate) }
            }
        }
        throw .noBrowser
    }

    /// Prints `page` (an HTML file) to `pdf`, with the page's own @page rules (no browser header/footer).
    public func print(page: URL, to pdf: URL) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = Self.headlessArguments(profile: profile) + [
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw .failed(page.path, error.localizedDescription) }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw .failed(page.path, String(decoding: stderr.suffix(400), as: UTF8.self))
        }
    }

    /// Flags for a headless run that works as root and in containers.
    public static func headlessArguments(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
         "--user-data-dir=\(profile.path)", "--disable-extensions", "--allow-file-access-from-files"]
    }
}
