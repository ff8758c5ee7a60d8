// Send a visitor arriving at / to the language their browser prefers.
// Without JavaScript (or with no match) the page's links let them choose.
(function () {
  var script = document.currentScript;
  var langs = ((script && script.getAttribute("data-languages")) || "").split(" ");
  try {
    // Someone who came back here from the site chose to see the list: let them.
    if (document.referrer && new URL(document.referrer).origin === location.origin) return;
  } catch (e) { /* an odd referrer: ignore it */ }
  var prefs = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < prefs.length; i++) {
    var code = String(prefs[i]).toLowerCase();
    var primary = code.split("-")[0];
    var match = langs.indexOf(code) >= 0 ? code : langs.indexOf(primary) >= 0 ? primary : null;
    if (match) {
      location.replace(match + "/");
      return;
    }
  }
})();
