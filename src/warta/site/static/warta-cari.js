/* The portal's search page (site_templates/portal_search.md.j2): Pagefind UI over every
 * agency's bundle. A file, not an inline script, because the page's CSP forbids inline script. */
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("warta-cari");
  if (!element || typeof PagefindUI === "undefined") return;
  var root = new URL("../", document.baseURI).pathname;
  var bundles = JSON.parse(element.dataset.bundles || "[]");
  if (!bundles.length) return;
  var ui = new PagefindUI({
    element: "#warta-cari",
    bundlePath: root + bundles[0] + "/pagefind/",
    baseUrl: root,
    mergeIndex: bundles.slice(1).map(function (slug) {
      return { bundlePath: root + slug + "/pagefind/", baseUrl: root };
    }),
    showImages: false,
    resetStyles: false,
  });
  (function labelInput(tries) {
    var input = document.querySelector("#warta-cari input");
    if (input) { input.id = "warta-cari-input"; input.setAttribute("aria-label", "Cari berita"); }
    else if (tries > 0) { requestAnimationFrame(function () { labelInput(tries - 1); }); }
  })(60);
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { ui.triggerSearch(q); }
});
