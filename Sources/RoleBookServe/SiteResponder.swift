import Foundation

/// Answers a GET or HEAD for a path from one ``ServedSite`` snapshot. Pure, so every status
/// and header is testable without a socket.
package struct SiteResponder: Sendable {
    package struct Response: Sendable, Equatable {
        package var status: Int
        package var headers: [String: String]
        package var body: Data
    }

    /// The live script and its stylesheet, served beside the site.
    var liveAssets: [String: (type: String, body: Data)]

    package init() {
        liveAssets = [
            "live.js": ("text/javascript; charset=utf-8", Data(EmbeddedAssets.liveJS.utf8)),
            "live.css": ("text/css; charset=utf-8", Data(EmbeddedAssets.liveCSS.utf8)),
        ]
    }

    /// - Parameters:
    ///   - rawPath: the request target's path as sent, still percent-encoded, without the query.
    ///   - head: a HEAD request: the same status and headers, no body.
    package func respond(to rawPath: String, head: Bool, site: ServedSite) -> Response {
        var response = answer(rawPath, site: site)
        response.headers["Content-Length"] = String(response.body.count)
        // A preview must never show a stale page from the browser's cache.
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        if head { response.body = Data() }
        return response
    }

    private func answer(_ rawPath: String, site: ServedSite) -> Response {
        guard let path = Self.sitePath(rawPath) else {
            return Response(status: 400, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data("bad request path\n".utf8))
        }
        if path.hasPrefix(String(ServedSite.livePrefix.dropFirst())) {
            let name = String(path.dropFirst(ServedSite.livePrefix.count - 1))
            if let asset = liveAssets[name] { return Response(status: 200, headers: ["Content-Type": asset.type], body: asset.body) }
        }
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        // graph.json and the search index are made on their first request (``ServedSite/file(_:)``).
        if let body = site.file(file) {
            return Response(status: 200, headers: ["Content-Type": Self.contentType(of: file)], body: body)
        }
        // A folder asked for without its slash: redirect, so the page's relative links resolve.
        if site.contains(path + "/index.html") {
            return Response(status: 301, headers: ["Location": "/" + Self.percentEncoded(path) + "/", "Content-Type": "text/plain; charset=utf-8"],
                            body: Data("moved to /\(path)/\n".utf8))
        }
        // The 404 page reloads itself when the page appears: the next rebuild must say so.
        site.noteMissing(file)
        return Response(status: 404, headers: ["Content-Type": "text/html; charset=utf-8"], body: Data(Self.notFoundPage(file, version: site.version).utf8))
    }

    /// The site path that `rawPath` names (`/roles/a.html` → `roles/a.html`, `/` → ``), or nil
    /// when it could reach outside the site: `..` or `.` segments (also percent-encoded),
    /// backslashes, NUL, encoded slashes, a second leading slash, or bytes that are not UTF-8.
    static func sitePath(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), !rawPath.hasPrefix("//") else { return nil }
        var segments: [String] = []
        let parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            // Each segment is decoded on its own, so an encoded '/' cannot make a new one.
            guard let segment = part.removingPercentEncoding else { return nil }
            if segment.isEmpty {
                // Only the last segment may be empty (`/roles/`); `a//b` is not a site path.
                guard i == parts.count - 1 else { return nil }
                segments.append("")
                continue
            }
            if segment == "." || segment == ".." { return nil }
            if segment.contains("/") || segment.contains("\\") || segment.contains("\0") { return nil }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    /// The segments of `path` percent-encoded for a `Location` header.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "png": "image/png"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }

    /// The 404 page. It loads the live script too, so a page that comes into existence (a
    /// role just created) appears by itself.
    static func notFoundPage(_ path: String, version: Int) -> String {
        let shown = path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>404 · 页面不存在</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/assets/site.css">\(ServedSite.liveScriptTag(version: version))</head>
            <body><main class="rb-missing"><h1>页面不存在 · Page not found</h1>
            <p>这个地址没有页面：<code>/\(shown)</code>。There is no page at this address.</p>
            <p><a href="/">返回首页 · Back to the home page</a></p></main></body></html>

            """
    }
}
