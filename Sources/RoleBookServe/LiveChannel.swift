import FlyingFox
import Foundation
import RoleBook

/// The live-reload WebSocket: every open page holds one; each rebuild is sent to all of them.
final class LiveChannel: WSMessageHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    /// What a page that connects now is told first (the current errors, for the overlay).
    private var greeting: String

    /// The version in which a site path last changed (``ServedSite/stamp(_:)``), or nil.
    private let stamp: @Sendable (String) -> Int?

    init(greeting: String, stamp: @escaping @Sendable (String) -> Int?) {
        self.greeting = greeting
        self.stamp = stamp
    }

    var clientCount: Int { lock.withLock { clients.count } }

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let hello = lock.withLock {
            clients[id] = continuation
            return greeting
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.clients.removeValue(forKey: id) }
        }
        continuation.yield(.text(hello))
        // A page says which version of which path it shows; one that changed since it was served
        // (a save between loading the page and opening this connection) is told to reload.
        let stamp = self.stamp
        Task {
            for await message in client {
                if case .close = message { break }
                guard case .text(let text) = message, let shown = try? JSONDecoder().decode(Shown.self, from: Data(text.utf8)) else { continue }
                if let current = stamp(shown.path), String(current) != shown.version { continuation.yield(.text(#"{"type":"stale"}"#)) }
            }
            continuation.finish()
        }
        return stream
    }

    /// What a page reports when its connection opens.
    struct Shown: Decodable { var path: String; var version: String }

    /// Sends `message` to every page and makes `greeting` what pages connecting later are told.
    func broadcast(_ message: String, greeting: String) {
        let targets = lock.withLock {
            self.greeting = greeting
            return Array(clients.values)
        }
        for client in targets { client.yield(.text(message)) }
    }

    /// Closes every connection (the server is stopping).
    func closeAll() {
        let targets = lock.withLock { Array(clients.values) }
        for client in targets { client.yield(.close(.goingAway)); client.finish() }
    }
}

/// The messages of the live channel, as JSON the live script reads.
enum LiveMessage {
    struct Note: Encodable { var message: String; var file: String?; var line: Int?; var column: Int? }
    struct Problem: Encodable {
        var severity: String, code: String, message: String, file: String, line: Int, column: Int, notes: [Note]
    }
    struct Body: Encodable {
        var type: String
        var version: Int
        var changed: [String]
        var removed: [String]
        var errors: [Problem]
        /// The overlay's own words, in the diagnostics' language.
        var overlay: Overlay
    }
    struct Overlay: Encodable { var heading: String; var hint: String; var close: String }

    /// Messages and notes in `language`, as the terminal prints them (`--lang`, else the site's).
    static func json(type: String, site: ServedSite, change: ServedSite.Change?, language: DiagnosticLanguage) -> String {
        let body = Body(type: type, version: site.version, changed: change?.changed ?? [], removed: change?.removed ?? [],
                        errors: site.errors.map { d in
                            Problem(severity: d.severity.rawValue, code: d.code.rawValue, message: d.message(in: language), file: d.location.file,
                                    line: d.location.line, column: d.location.column,
                                    notes: d.notes.map { Note(message: $0.text.rendered(in: language), file: $0.location?.file, line: $0.location?.line, column: $0.location?.column) })
                        },
                        overlay: Overlay(heading: DiagnosticText.overlayErrorCount(site.errors.errorCount).rendered(in: language),
                                         hint: DiagnosticText.overlayShowsLastGood.rendered(in: language),
                                         close: DiagnosticText.overlayHideUntilSave.rendered(in: language)))
        return JSONWriter().text(encoding: body)
    }
}
