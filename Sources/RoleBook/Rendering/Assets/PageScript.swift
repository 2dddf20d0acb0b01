/// `assets/page.js`: behaviour every page shares, attached from a file because the pages'
/// Content-Security-Policy (``Layout/contentSecurityPolicy``) allows no inline script or
/// event-handler attributes.
enum PageScript {
    static let script = """
        // rolebook: print buttons (no inline onclick: the Content-Security-Policy forbids it).
        "use strict";
        document.querySelectorAll("[data-action=print]").forEach(function (button) {
          button.addEventListener("click", function () { window.print(); });
        });

        """
}
