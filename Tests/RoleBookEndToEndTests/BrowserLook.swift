import Foundation
import Testing
@testable import RoleBookModel
@testable import RoleBookParsing
@testable import RoleBookSite
@testable import RoleBookSearch
@testable import RoleBookBuild

/// What one element of a page looks like in Chromium: its box in the viewport, whether it is
/// the element actually under its centre, and the pixels of the screenshot inside its box.
struct Look {
    var left: Double, top: Double, width: Double, height: Double
    /// Another element lies over the element's centre (or the element is not there).
    var covered: Bool
    /// Share of the box's pixels in the screenshot that differ clearly from its top-left pixel
    /// (text, borders, fills): zero when nothing was painted there.
    var ink: Double
    /// Mean colour of the box's pixels in the screenshot, 0–255.
    var mean: [Double]
    /// Widths of the document and of the viewport: a page wider than the viewport scrolls sideways.
    var scrollWidth: Double, viewportWidth: Double, viewportHeight: Double
    var screenshot: URL

    var inViewport: Bool { left >= 0 && top >= 0 && width > 0 && height > 0 && left + width <= viewportWidth + 0.5 && top + height <= viewportHeight + 0.5 }
}

extension Browser {
    /// Opens `url` at `width` × `height` CSS pixels, scrolls the element `selector` into view,
    /// saves a screenshot as `.build/e2e/<name>.png` and measures the element in it. The pixels
    /// are read in the page itself (the screenshot drawn into a canvas): no image decoder here.
    static func look(_ url: URL, selector: String, name: String, width: Int, height: Int = 1400) throws -> Look {
        let browser = try DevToolsPipe()
        let tab = try browser.open("about:blank")
        // The site's Content-Security-Policy would refuse the screenshot as a data: image.
        try browser.send("Page.enable", session: tab)
        try browser.send("Page.setBypassCSP", ["enabled": true], session: tab)
        try browser.send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600], session: tab)
        try browser.send("Page.navigate", ["url": url.absoluteString], session: tab)
        let selectorJSON = JSONWriter().text(.string(selector))
        let ready = try browser.waitFor("document.readyState === 'complete' && location.href !== 'about:blank'", session: tab) { $0 as? Bool == true }
        #expect(ready as? Bool == true, "\(url.lastPathComponent) did not load")
        _ = try browser.send("Runtime.evaluate", ["expression": """
            (async () => {
              await document.fonts.ready;
              document.querySelector(\(selectorJSON))?.scrollIntoView({ block: 'nearest' });
              await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              return true;
            })()
            """, "awaitPromise": true, "returnByValue": true], session: tab)
        let shot = try browser.send("Page.captureScreenshot", ["format": "png"], session: tab)
        let base64 = try #require(shot["data"] as? String)
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        let file = artefacts.appendingPathComponent(name + ".png")
        try #require(Data(base64Encoded: base64)).write(to: file)
        let probe = """
            (async () => {
              const el = document.querySelector(\(selectorJSON));
              if (!el) return null;
              const r = el.getBoundingClientRect();
              const img = new Image();
              img.src = 'data:image/png;base64,' + \(JSONWriter().text(.string(base64)));
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.width; canvas.height = img.height;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const x0 = Math.max(0, Math.floor(r.left)), y0 = Math.max(0, Math.floor(r.top));
              const w = Math.min(img.width, Math.ceil(r.right)) - x0, h = Math.min(img.height, Math.ceil(r.bottom)) - y0;
              let ink = 0, sum = [0, 0, 0];
              if (w > 0 && h > 0) {
                const px = g.getImageData(x0, y0, w, h).data;
                for (let i = 0; i < px.length; i += 4) {
                  if (Math.abs(px[i] - px[0]) + Math.abs(px[i + 1] - px[1]) + Math.abs(px[i + 2] - px[2]) > 96) ink++;
                  sum[0] += px[i]; sum[1] += px[i + 1]; sum[2] += px[i + 2];
                }
              }
              const n = Math.max(1, w * h);
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return { left: r.left, top: r.top, width: r.width, height: r.height,
                       covered: !(hit && (hit === el || el.contains(hit))), ink: ink / n, mean: sum.map(s => s / n),
                       scrollWidth: document.documentElement.scrollWidth, viewportWidth: innerWidth, viewportHeight: innerHeight };
            })()
            """
        let result = try browser.send("Runtime.evaluate", ["expression": probe, "awaitPromise": true, "returnByValue": true], session: tab)
        let v = try #require((result["result"] as? [String: Any])?["value"] as? [String: Any], "no element '\(selector)' on \(url.lastPathComponent): \(result)")
        func number(_ key: String) -> Double { (v[key] as? NSNumber)?.doubleValue ?? .nan }
        return Look(left: number("left"), top: number("top"), width: number("width"), height: number("height"),
                    covered: v["covered"] as? Bool ?? true, ink: number("ink"), mean: (v["mean"] as? [NSNumber] ?? []).map(\.doubleValue),
                    scrollWidth: number("scrollWidth"), viewportWidth: number("viewportWidth"), viewportHeight: number("viewportHeight"),
                    screenshot: file)
    }
}
