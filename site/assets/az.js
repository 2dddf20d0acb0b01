// rolebook: the A–Z page's department filter and letter bar. A file, not inline: the pages'
// Content-Security-Policy allows no inline script. `#dept=<department id>` keeps the choice.
"use strict";
(function () {
  var select = document.getElementById("az-dept");
  var bar = document.querySelector(".az-bar");
  if (!select || !bar) { return; }
  var header = document.querySelector(".site-header");

  // The bar sticks just below the site header (when the header sticks: not on phones).
  function placeBar() {
    var sticky = header && getComputedStyle(header).position === "sticky";
    document.documentElement.style.setProperty("--az-top", (sticky ? header.offsetHeight : 0) + "px");
    document.documentElement.style.setProperty("--az-bar", bar.offsetHeight + "px");
  }

  function apply() {
    var wanted = select.value;
    document.querySelectorAll(".az-group").forEach(function (group) {
      var shown = 0;
      group.querySelectorAll("li[data-dept]").forEach(function (li) {
        var match = wanted === "" || li.getAttribute("data-dept").split(" ").indexOf(wanted) >= 0;
        li.hidden = !match;
        if (match) { shown += 1; }
      });
      group.hidden = shown === 0;
      var link = bar.querySelector("a[data-letter=\"" + group.id.slice("letter-".length) + "\"]");
      if (link) { link.classList.toggle("is-empty", shown === 0); }
    });
    placeBar();
  }

  function fromHash() {
    var match = /(?:^#|&)dept=([^&]*)/.exec(location.hash);
    var id = match ? decodeURIComponent(match[1]) : "";
    var option = Array.prototype.find.call(select.options, function (o) { return o.getAttribute("data-id") === id; });
    select.value = option ? option.value : "";
  }

  select.addEventListener("change", function () {
    var option = select.options[select.selectedIndex];
    var id = option && option.getAttribute("data-id");
    history.replaceState(null, "", id ? "#dept=" + encodeURIComponent(id) : location.pathname + location.search);
    apply();
  });
  // Letters scroll to their group without replacing `#dept=` in the address.
  bar.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-letter]");
    if (!link) { return; }
    var group = document.getElementById("letter-" + link.getAttribute("data-letter"));
    if (!group || group.hidden) { event.preventDefault(); return; }
    event.preventDefault();
    group.scrollIntoView({ block: "start" });
  });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  window.addEventListener("resize", placeBar);
  fromHash();
  apply();
})();
