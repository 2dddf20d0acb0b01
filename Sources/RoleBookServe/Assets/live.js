// rolebook serve: live reload. Added only to pages served by `rolebook serve` (a file, so it
// runs under the site's Content-Security-Policy). Holds a WebSocket to the server; after each
// rebuild the server says which pages changed or went away and which errors the content has.
(function () {
  "use strict";
  var script = document.currentScript;
  var SCROLL_KEY = "rolebook-live-scroll";
  var base = "/__rolebook/";

  // The site path of this page, as the server names files: "/" → "index.html", "/roles/" → "roles/index.html".
  function pagePath() {
    var p = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    if (p === "" || p.charAt(p.length - 1) === "/") p += "index.html";
    return p;
  }

  // Keep the scroll position across the reload that a changed page gets.
  function restoreScroll() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || "null");
      sessionStorage.removeItem(SCROLL_KEY);
      if (saved && saved.path === location.pathname) window.scrollTo(saved.x, saved.y);
    } catch (e) { /* storage unavailable: start at the top */ }
  }

  function reload() {
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: location.pathname, x: window.scrollX, y: window.scrollY }));
    } catch (e) { /* reload anyway */ }
    location.reload();
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function addStylesheet() {
    if (document.getElementById("rb-live-css")) return;
    var link = document.createElement("link");
    link.id = "rb-live-css";
    link.rel = "stylesheet";
    link.href = base + "live.css";
    document.head.appendChild(link);
  }

  // The overlay listing the content's errors over the last good version of the page.
  function showErrors(errors, words) {
    var old = document.getElementById("rb-live-overlay");
    if (old) old.remove();
    document.documentElement.removeAttribute("data-rolebook-errors");
    if (!errors || errors.length === 0) return;
    addStylesheet();
    var overlay = el("div");
    overlay.id = "rb-live-overlay";
    overlay.setAttribute("role", "alert");
    var box = el("div", "rb-live-box");
    var close = el("button", "", "×");
    close.type = "button";
    close.title = words.close;
    close.addEventListener("click", function () { overlay.remove(); });
    box.appendChild(close);
    box.appendChild(el("h2", "", words.heading));
    box.appendChild(el("p", "rb-live-hint", words.hint));
    var list = el("ol");
    errors.forEach(function (d) {
      var item = el("li");
      item.appendChild(el("span", "rb-live-where", d.file + ":" + d.line + ":" + d.column));
      item.appendChild(document.createTextNode(": " + d.severity + "["));
      item.appendChild(el("span", "rb-live-code", d.code));
      item.appendChild(document.createTextNode("]: " + d.message));
      (d.notes || []).forEach(function (n) {
        var where = n.file ? n.file + (n.line ? ":" + n.line + ":" + n.column : "") + ": " : "";
        item.appendChild(el("span", "rb-live-note", where + "note: " + n.message));
      });
      list.appendChild(item);
    });
    box.appendChild(list);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    document.documentElement.setAttribute("data-rolebook-errors", String(errors.length));
  }

  // The notice for a page whose file was deleted or renamed.
  function showGone() {
    if (document.getElementById("rb-live-gone")) return;
    addStylesheet();
    var box = el("div");
    box.id = "rb-live-gone";
    box.setAttribute("role", "alert");
    box.appendChild(el("h2", "", "这个页面已不存在 · This page no longer exists"));
    box.appendChild(el("p", "", "Its file was removed or renamed. 文件已被删除或改名。"));
    var home = el("a", "", "返回首页 · Go to the home page");
    home.href = "/";
    var p = el("p");
    p.appendChild(home);
    box.appendChild(p);
    document.body.appendChild(box);
    document.documentElement.setAttribute("data-rolebook-gone", "true");
  }

  // The version of the site this page last heard of; a different one after a reconnect
  // (the server restarted, or rebuilt while the connection was down) means reload.
  var seenVersion = null;

  function handle(message) {
    var path = pagePath();
    if (message.type === "stale") {
      // This page changed between being served and this connection opening.
      reload();
      return;
    }
    if (message.type === "hello") {
      document.documentElement.setAttribute("data-rolebook-live", "connected");
      var stale = seenVersion !== null && message.version !== seenVersion;
      seenVersion = message.version;
      if (stale && (!message.errors || message.errors.length === 0)) { reload(); return; }
    } else if (message.type === "rebuilt") {
      seenVersion = message.version;
      // A changed page with no errors left: fetch the new version.
      if ((message.changed || []).indexOf(path) >= 0 && (!message.errors || message.errors.length === 0)) { reload(); return; }
      if ((message.removed || []).indexOf(path) >= 0) showGone();
    }
    showErrors(message.errors, message.overlay);
  }

  var delay = 250;
  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + base + "live");
    socket.onopen = function () {
      delay = 250;
      socket.send(JSON.stringify({ path: pagePath(), version: (script && script.getAttribute("data-version")) || "" }));
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      handle(message);
    };
    // The server stopped or restarted: try again, less often each time.
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  }

  restoreScroll();
  if (script) document.documentElement.setAttribute("data-rolebook-live", script.getAttribute("data-version") || "");
  connect();
})();
