// clusterpress serve: reload this page when the site is rebuilt (the search
// page also when the search index is), and show the problems over the page
// while the content is invalid.
(function () {
  var overlay;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,28,.94);color:#fff;padding:1.5rem;font:14px/1.5 ui-monospace,monospace";
      document.body.appendChild(overlay);
    }
    overlay.innerHTML = "";
    var h = document.createElement("h2");
    h.textContent = "clusterpress: the last edit has problems; the page shows the last good build";
    h.style.cssText = "margin:0 0 1rem;font:bold 16px system-ui,sans-serif";
    var pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.whiteSpace = "pre-wrap";
    overlay.appendChild(h);
    overlay.appendChild(pre);
  }
  var source = new EventSource("/__clusterpress/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problems", function (e) { show(e.data); });
  // The search index follows an edit a moment later: the search page searches it again.
  source.addEventListener("indexed", function () {
    if (/\/search\/$/.test(location.pathname)) location.reload();
  });
})();
