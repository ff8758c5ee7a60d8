// The search page: Pagefind's Default UI, localized, with three additions:
// - the query and filters can be preset from the URL (?q=…&technologies=laser-processing),
//   so the header search box and "search within" forms on term pages land on results;
// - Korean query words lose their particle and become the syllable pairs they
//   contain (현미경을 → 현미q 미경q), matching the forms indexed at build time
//   (src/hangul.rs supplies the particle list and the sentinel letter);
// - results can be sorted by name.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof PagefindUI === "undefined") return;
  var config = JSON.parse(root.getAttribute("data-config"));
  var particles = config.particles || [];
  var sentinel = config.sentinel || "q";
  var params = new URLSearchParams(location.search);

  function isHangul(ch) {
    var c = ch.charCodeAt(0);
    return c >= 0xac00 && c <= 0xd7a3;
  }

  function stripParticle(word) {
    for (var i = 0; i < particles.length; i++) {
      var p = particles[i];
      var stem = word.slice(0, word.length - p.length);
      if (word.length - p.length >= 2 && word.slice(-p.length) === p && isHangul(stem.charAt(stem.length - 1))) {
        return stem;
      }
    }
    return word;
  }

  // Mirrors hangul::query_forms in src/hangul.rs.
  function queryForms(word) {
    word = stripParticle(word);
    var forms = [];
    var rest = "";
    var runs = [];
    var run = [];
    for (var i = 0; i < word.length; i++) {
      var ch = word.charAt(i);
      if (isHangul(ch)) {
        run.push(ch);
      } else {
        rest += ch;
        if (run.length) runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
    runs.forEach(function (r) {
      if (r.length === 1) forms.push(r[0] + sentinel);
      for (var j = 0; j + 1 < r.length; j++) forms.push(r[j] + r[j + 1] + sentinel);
    });
    if (rest.trim()) forms.push(rest);
    return forms;
  }

  function processTerm(term) {
    var words = term.normalize("NFC").split(/\s+/).filter(Boolean);
    // No words but preset filters: null asks Pagefind for everything under the filters.
    if (!words.length) return null;
    return words.map(queryForms).reduce(function (a, b) { return a.concat(b); }, []).join(" ");
  }

  // Filter presets from the URL: taxonomy ids and term keys become localized names and labels.
  function presetFilters() {
    var filters = {};
    params.forEach(function (value, key) {
      var facet = config.filters[key];
      if (!facet || !facet.terms[value]) return;
      (filters[facet.name] = filters[facet.name] || []).push(facet.terms[value]);
    });
    return filters;
  }

  // Exposed so that tests run exactly the preprocessing visitors get.
  window.__processTerm = processTerm;

  var ui;
  function start(sort, query) {
    if (ui) ui.destroy();
    var options = {
      element: "#search",
      bundlePath: config.uiBundlePath || config.bundlePath,
      baseUrl: config.baseUrl,
      showImages: false,
      showSubResults: false,
      excerptLength: 24,
      processTerm: processTerm,
      processResult: function (result) {
        if (result.meta) delete result.meta[config.hiddenMeta];
        return result;
      },
      translations: config.translations
    };
    if (sort === "name") options.sort = { name: "asc" };
    ui = new PagefindUI(options);
    var filters = presetFilters();
    var filtered = Object.keys(filters).length > 0;
    if (filtered) ui.triggerFilters(filters);
    // The UI does not search for an empty box; a blank term (made null above) lists the filter's records.
    if (query || filtered) ui.triggerSearch(query || " ");
    // Keep the address in step with the query, so a search can be shared or bookmarked.
    var input = root.querySelector("input");
    if (input) {
      input.addEventListener("input", function () {
        var next = new URLSearchParams(location.search);
        if (input.value) next.set("q", input.value); else next.delete("q");
        history.replaceState(null, "", "?" + next.toString());
      });
    }
  }

  var sortSelect = document.getElementById("search-sort");
  var tools = sortSelect && sortSelect.parentElement;
  if (tools) {
    tools.hidden = false;
    sortSelect.value = params.get("sort") === "name" ? "name" : "";
    sortSelect.addEventListener("change", function () {
      var input = root.querySelector("input");
      var next = new URLSearchParams(location.search);
      if (sortSelect.value) next.set("sort", sortSelect.value); else next.delete("sort");
      history.replaceState(null, "", "?" + next.toString());
      start(sortSelect.value, input ? input.value : "");
    });
  }
  start(params.get("sort"), params.get("q") || "");
})();
