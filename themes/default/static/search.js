// The search page: Pagefind's Default UI, localized, with these additions:
// - the query and filters can be preset from the URL (?q=…&technologies=laser-processing),
//   so the header search box and "search within" forms on term pages land on results;
// - Korean query words lose their particle and become the syllable pairs they
//   contain (현미경을 → 현미q 미경q), matching the forms indexed at build time
//   (src/hangul.rs supplies the particle list and the sentinel letter);
// - a word that names a kind of record (업체, company: search.kind_words) is
//   taken out of a query of several words and handed on as the kind asked for;
// - a word with bare initial consonants (ㄷㅊㅋㅇ, 다ㅊㅋ, 현미ㄱ) becomes the
//   initial-consonant forms indexed for names;
// - a query that finds nothing and is Hangul typed in the English layout
//   (ekclzkdhk) runs as Hangul (다치카와), and the page says so;
// - results can be sorted by name.
// Ranking and excerpts are done in static/pagefind-lazy/pagefind.js, with the helpers below.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof PagefindUI === "undefined") return;
  var config = JSON.parse(root.getAttribute("data-config"));
  var particles = config.particles || [];
  var sentinel = config.sentinel || "q";
  var params = new URLSearchParams(location.search);

  function isHangulWord(w) { return /[가-힣]/.test(w); }

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

  // Initial consonants (choseong) as a visitor types them; src/hangul.rs indexes
  // names as runs of 2 to initialsMax of them, each an exact word with the sentinel.
  var INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  var initialsMax = config.initialsMax || 4;
  function initialOf(ch) {
    if (INITIALS.indexOf(ch) >= 0) return ch;
    return isHangul(ch) ? INITIALS.charAt(Math.floor((ch.charCodeAt(0) - 0xac00) / 588)) : "";
  }

  // A word with a bare initial consonant in it: initials alone (ㄷㅊㅋㅇ), mixed
  // (다ㅊㅋ), or a syllable still being typed (현미ㄱ). Its initials must stand
  // together in a name; its complete syllables must be in the record too.
  function initialForms(word) {
    var letters = "";
    for (var i = 0; i < word.length; i++) {
      var l = initialOf(word.charAt(i));
      if (!l) return null;
      letters += l;
    }
    if (letters.length < 2) return [word];
    var forms = [];
    if (letters.length <= initialsMax) forms.push(letters + sentinel);
    for (var j = 0; j + initialsMax <= letters.length && letters.length > initialsMax; j++) forms.push(letters.slice(j, j + initialsMax) + sentinel);
    var syllables = word.split("").map(function (c) { return isHangul(c) ? c : " "; }).join("");
    syllables.split(" ").filter(Boolean).forEach(function (run) {
      forms = forms.concat(queryForms(run));
    });
    return forms;
  }

  // Mirrors hangul::query_forms in src/hangul.rs.
  function queryForms(word) {
    if (/[ㄱ-ㅎ]/.test(word)) {
      var initials = initialForms(word);
      if (initials) return initials;
    }
    word = stripParticle(word);
    // Latin letters or digits written onto Hangul (5축, 3D프린터): with the
    // run's first syllable, one exact word (hangul::lead_forms), not a prefix.
    var forms = [];
    var lead = "";
    for (var k = 0; k < word.length; k++) {
      var c = word.charAt(k);
      if (/[A-Za-z0-9]/.test(c)) {
        lead += c.toLowerCase();
      } else {
        if (isHangul(c) && lead) forms.push(lead + c + sentinel);
        lead = "";
      }
    }
    var at = word.search(/[가-힣]/);
    if (at > 0 && /^[A-Za-z0-9]+$/.test(word.slice(0, at))) word = word.slice(at);
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

  // Words that ask for a kind of record (search.kind_words in the theme's strings): 업체, company.
  var kindOfWord = new Map();
  Object.keys(config.kindWords || {}).forEach(function (kind) {
    config.kindWords[kind].forEach(function (w) { kindOfWord.set(w, kind); });
  });
  function kindOf(word) {
    return kindOfWord.get(word.toLowerCase()) || (isHangulWord(word) && kindOfWord.get(stripParticle(word))) || null;
  }

  // What each processed term was typed as, for the excerpts and the ranking
  // (pagefind-lazy), and the kinds of record its words asked for.
  var typed = new Map();
  var kindsAsked = new Map();
  function processTerm(term) {
    var words = term.normalize("NFC").split(/\s+/).filter(Boolean);
    // No words but preset filters: null asks Pagefind for everything under the filters.
    if (!words.length) return null;
    // 레이저 가공 업체: the records need not write 업체 (most do not); companies come first.
    var kinds = [];
    var rest = words.filter(function (w) {
      var kind = kindOf(w);
      if (kind && kinds.indexOf(kind) < 0) kinds.push(kind);
      return !kind;
    });
    if (!rest.length) {
      rest = words;
      kinds = [];
    }
    var processed = rest.map(queryForms).reduce(function (a, b) { return a.concat(b); }, []).join(" ");
    if (typed.size > 200) {
      typed.clear();
      kindsAsked.clear();
    }
    typed.set(processed, term);
    if (kinds.length) kindsAsked.set(processed, kinds);
    else kindsAsked.delete(processed);
    return processed;
  }

  // Hangul typed with the keyboard in English mode (두벌식 layout): ekclzkdhk → 다치카와.
  var KEYS = { q: "ㅂ", w: "ㅈ", e: "ㄷ", r: "ㄱ", t: "ㅅ", y: "ㅛ", u: "ㅕ", i: "ㅑ", o: "ㅐ", p: "ㅔ",
    a: "ㅁ", s: "ㄴ", d: "ㅇ", f: "ㄹ", g: "ㅎ", h: "ㅗ", j: "ㅓ", k: "ㅏ", l: "ㅣ",
    z: "ㅋ", x: "ㅌ", c: "ㅊ", v: "ㅍ", b: "ㅠ", n: "ㅜ", m: "ㅡ",
    Q: "ㅃ", W: "ㅉ", E: "ㄸ", R: "ㄲ", T: "ㅆ", O: "ㅒ", P: "ㅖ" };
  var VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  var FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
  var PAIRS = { "ㅗㅏ": "ㅘ", "ㅗㅐ": "ㅙ", "ㅗㅣ": "ㅚ", "ㅜㅓ": "ㅝ", "ㅜㅔ": "ㅞ", "ㅜㅣ": "ㅟ", "ㅡㅣ": "ㅢ",
    "ㄱㅅ": "ㄳ", "ㄴㅈ": "ㄵ", "ㄴㅎ": "ㄶ", "ㄹㄱ": "ㄺ", "ㄹㅁ": "ㄻ", "ㄹㅂ": "ㄼ", "ㄹㅅ": "ㄽ", "ㄹㅌ": "ㄾ", "ㄹㅍ": "ㄿ", "ㄹㅎ": "ㅀ", "ㅂㅅ": "ㅄ" };
  function isVowel(j) { return VOWELS.indexOf(j) >= 0; }
  // The Hangul a word of Latin letters gives on that layout, if it is whole syllables (at least two), else null.
  function fromEnglishLayout(word) {
    if (!/^[A-Za-z]+$/.test(word)) return null;
    var j = word.split("").map(function (c) { return KEYS[c] || KEYS[c.toLowerCase()]; });
    var out = "";
    var i = 0;
    while (i < j.length) {
      var c = j[i];
      if (INITIALS.indexOf(c) < 0 || i + 1 >= j.length || !isVowel(j[i + 1])) return null;
      var v = j[i + 1];
      i += 2;
      if (i < j.length && PAIRS[v + j[i]]) v = PAIRS[v + j[i++]];
      var f = "";
      var startsNext = function (k) { return k + 1 < j.length && isVowel(j[k + 1]); };
      if (i < j.length && !isVowel(j[i]) && FINALS.indexOf(j[i]) > 0 && !startsNext(i)) {
        f = j[i++];
        if (i < j.length && PAIRS[f + j[i]] && !startsNext(i)) f = PAIRS[f + j[i++]];
      }
      out += String.fromCharCode(0xac00 + (INITIALS.indexOf(c) * 21 + VOWELS.indexOf(v)) * 28 + FINALS.indexOf(f));
    }
    return out.length >= 2 ? out : null;
  }

  // The search a query typed in the wrong layout stands for: { hangul, term }, or null.
  // Used only when the query as typed finds nothing, so real English queries are never rewritten.
  function slip(query) {
    var words = query.trim().split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    var hangul = words.map(fromEnglishLayout);
    if (hangul.some(function (h) { return !h; })) return null;
    var text = hangul.join(" ");
    return { hangul: text, term: processTerm(text) };
  }

  var note = document.getElementById("search-note");
  // What the page says when it ran another query than the one typed: Hangul
  // for a keyboard-layout slip, or the query without the words nothing holds.
  function noteRewrite(query, hangul, without) {
    if (!note) return;
    var text = "";
    if (hangul) text = (config.slipNotice || "{hangul}").replace("{typed}", query).replace("{hangul}", hangul);
    else if (without) text = (config.withoutNotice || "{words}").replace("{typed}", query).replace("{words}", without);
    note.hidden = !text;
    note.textContent = text;
  }

  // The words a match is looked for in an excerpt, each as its alternatives,
  // longest first: a Korean word as typed, then without its particle (다치카와
  // before 다치카), without an unfinished syllable; others in lower case.
  function matchWords(query) {
    return query.normalize("NFC").split(/\s+/).filter(Boolean).map(function (w) {
      if (/[ㄱ-ㅎ]/.test(w)) w = w.replace(/[ㄱ-ㅎ].*$/, "");
      if (!isHangulWord(w)) return [w.toLowerCase()];
      var stem = stripParticle(w);
      return stem === w ? [w] : [w, stem];
    }).filter(function (alts) { return alts[0]; });
  }

  // For static/pagefind-lazy/pagefind.js, which ranks the results and writes their excerpts.
  window.__clusterpress = {
    typed: function (term) { return typed.get(term); },
    process: processTerm,
    kindOf: kindOf,
    // The kinds a query's words asked for, as the kind filter and its values, or null.
    kinds: function (term) {
      var kinds = kindsAsked.get(term);
      var kind = (config.filters || {}).kind;
      if (!kinds || !kind) return null;
      return { name: kind.name, values: kinds.map(function (k) { return kind.terms[k]; }).filter(Boolean) };
    },
    slip: slip,
    noteRewrite: noteRewrite,
    matchWords: matchWords,
    initialsOf: function (text) { return text.normalize("NFC").split("").map(initialOf).join(""); },
    hiddenStart: config.hiddenStart || "\u2063",
    // Whether a query term is a Korean syllable form (현미q), not a word as typed.
    isForm: function (w) { return w.length > 1 && w.slice(-1) === sentinel && isHangul(w.charAt(w.length - 2)); },
    // The other parts of the index (src/publish/search.rs): { path, language } each.
    parts: config.parts || [],
    partSizes: config.partSizes || [],
    // (주), 주식회사, Co., Ltd. (src/text/collate.rs): not part of what a name says.
    legalForms: config.legalForms || []
  };

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
        // Meta fields whose names start with "_" are for search only.
        Object.keys(result.meta || {}).forEach(function (k) {
          if (k.charAt(0) === "_") delete result.meta[k];
        });
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
