// Pagefind's search API as the search page uses it. The changes:
// - the filter lists are fetched a moment after the first result is on screen,
//   not before the first search. Pagefind's Default UI asks for every filter
//   when it starts, and on a large site those chunks are most of the bytes of a
//   first query; the UI shows its filter panel only once there are results, so
//   visitors lose nothing by waiting;
// - ranking: the hidden name field weighs like a title (metaWeights), equal
//   scores break by name, and the first page of results puts records whose name
//   holds the query's words together before those where they are scattered, and
//   a company before its own products; Korean syllable forms that no record has
//   are left out of the query (a compound typed without its space); the records
//   of a kind the query names (업체, expert) come first; a query that finds
//   nothing runs without the fewest words that let it find something;
// - excerpts come from the text a result shows (never the hidden part of the
//   content, see src/search.rs), around the first match, with the match marked,
//   in Korean as in English, and in Japanese, Chinese and Thai by segment;
// - a large site's index comes in parts (src/publish/search.rs), merged here on
//   the first search, each part's scores weighed as the whole index would.
// A query that finds nothing and reads as Hangul typed in the English keyboard
// layout runs as that Hangul (helpers in static/search.js). The search page
// points the UI here (bundlePath); everything else is Pagefind's own module.
import * as pagefind from "../../pagefind/pagefind.js";
export * from "../../pagefind/pagefind.js";

/** Wait after the first result is shown, so the filters do not compete with the results. */
const AFTER_RESULT_MS = 1000;
/** Longest wait after the first answer, should no result be shown (none found, or off screen). */
const AT_MOST_MS = 2500;
/** How many of the first results are re-ranked (each costs the fetch of its fragment). */
export const RERANK = 10;
/** Words in an excerpt, and how many of them stand before the first match. */
const EXCERPT_WORDS = 24;
const BEFORE_MATCH = 6;
/** Ranking settings: the hidden name field (src/search.rs HIDDEN_NAME) weighs as the title does. */
export const RANKING = { pageLength: 0, termSaturation: 2, metaWeights: { title: 5, _name: 5 } };

let ready;
const filtersWanted = new Promise((resolve) => (ready = resolve));
const shown = () => setTimeout(ready, AFTER_RESULT_MS);

let configured;
export async function options(opts) {
  await pagefind.options(opts);
  configured = undefined;
}

function helpers() {
  return globalThis.__clusterpress;
}

let merged;
/** Every part of the index searched together (each with the same ranking), once. */
function allParts() {
  configured ??= pagefind.options({ ranking: RANKING });
  merged ??= configured.then(() =>
    Promise.all((helpers()?.parts || []).map((p) => pagefind.mergeIndex(p.path, { language: p.language, ranking: RANKING }))),
  );
  return merged;
}

/** Which part of the index a result comes from: its id starts with the part's language (`ko-x-p2_…`). */
const partOf = (id) => Number(/^[^_]*-x-p(\d+)_/.exec(id)?.[1] ?? 0);

/** Pagefind's IDF: how telling a word found on `n` of `total` pages is. */
const idf = (total, n) => Math.log((total - n + 0.5) / (n + 0.5) + 1);

/**
 * Each part's scores as the whole index would give them. Pagefind weighs a
 * word by how rare it is in the part searched (its IDF), and a word that
 * happens to be commoner in one part lowers every score there. Per query word,
 * the pages each part has for it give both IDFs; a part's scores are scaled
 * by the ratio of their sums (exact for one word, and close for a Korean
 * word's syllable forms, which are about as common as the word).
 */
async function wholeIndexScores(term, results) {
  const sizes = helpers()?.partSizes || [];
  if (sizes.length < 2 || !results.length || /"/.test(term)) return;
  const total = sizes.reduce((a, b) => a + b, 0);
  let whole = 0;
  const part = new Array(sizes.length).fill(0);
  for (const word of new Set(term.split(/\s+/).filter(Boolean))) {
    const found = (await pagefind.search(word, {}))?.results || [];
    if (!found.length) continue;
    const counts = new Array(sizes.length).fill(0);
    for (const r of found) counts[partOf(r.id)] += 1;
    whole += idf(total, found.length);
    counts.forEach((n, k) => (part[k] += idf(sizes[k], n)));
  }
  for (const r of results) {
    const k = partOf(r.id);
    if (part[k] > 0) r.score *= whole / part[k];
  }
  results.sort((a, b) => b.score - a.score);
}

async function searchAll(term, opts) {
  await allParts();
  // A list by filters alone comes in name order, whole or in parts. Sorted
  // results need nothing more: the records are dealt out to the parts in name
  // order (the g-th by name to part g mod parts), Pagefind scores a sorted
  // result by its place in its part (0, -1, -2, …) and merges the parts by
  // score, keeping the parts' order where scores are equal: place, then part.
  const sorted = opts?.sort || term === null ? { ...(opts || {}), sort: opts?.sort || { name: "asc" } } : opts;
  const answer = await pagefind.search(term, sorted);
  if (answer?.results && !sorted?.sort) await wholeIndexScores(term, answer.results);
  return answer;
}

export async function preload(term, opts) {
  await allParts();
  return pagefind.preload(term, opts);
}

/**
 * The query without the syllable forms no record has. A compound typed as one
 * word (레이저가공) brings the pair across its parts (저가), which every text
 * that writes 레이저 가공 lacks; Pagefind then matches that form to some
 * shorter word and scores the results by it. Without it the query runs as
 * the two words would. Kept when every form is missing (nothing is found).
 */
async function withoutMissingForms(term, cp) {
  const words = term.split(/\s+/).filter(Boolean);
  const forms = words.filter((w) => cp.isForm(w));
  if (forms.length < 2) return term;
  await allParts();
  const found = await Promise.all(forms.map(async (f) => (await pagefind.search(f, {}))?.results?.length > 0));
  const missing = new Set(forms.filter((_, k) => !found[k]));
  if (!missing.size || missing.size === forms.length) return term;
  return words.filter((w) => !missing.has(w)).join(" ");
}

export async function search(term, opts) {
  const cp = helpers();
  const query = cp?.typed(term);
  let kinds = cp?.kinds?.(term);
  if (cp?.isForm && term) term = await withoutMissingForms(term, cp);
  let answer = await searchAll(term, opts);
  setTimeout(ready, AT_MOST_MS);
  if (!answer || !answer.results) return answer;
  let ran = query;
  if (cp && query != null) {
    let hangul = null;
    const slip = answer.results.length === 0 ? cp.slip(query) : null;
    if (slip && slip.term) {
      const other = await searchAll(slip.term, opts);
      if (other && other.results && other.results.length) {
        answer = other;
        term = slip.term;
        ran = hangul = slip.hangul;
        kinds = cp.kinds?.(term);
      }
    }
    let without = null;
    if (!answer.results.length && !hangul) {
      const fewer = await withFewerWords(query, opts, cp);
      if (fewer) {
        ({ answer, term, kinds, without } = fewer);
        ran = fewer.query;
      }
    }
    cp.noteRewrite(query, hangul, without);
    answer.query = ran;
  }
  for (const result of answer.results) {
    const data = result.data;
    let loaded;
    result.data = () =>
      (loaded ??= data().then((d) => (cp && ran != null ? present(d, topical(cp.matchWords(ran), cp), cp.hiddenStart) : d)));
  }
  if (cp && ran != null && !(opts && opts.sort) && term) {
    await rank(answer, term, opts, ran, cp, kinds);
  }
  for (const result of answer.results) {
    const data = result.data;
    result.data = async () => {
      try {
        return await data();
      } finally {
        shown();
      }
    };
  }
  return answer;
}

/**
 * The query's words without those naming a kind (업체 in 레이저 가공 업체),
 * unless that is all of them: an excerpt around "정밀 판금 업체" says nothing
 * of laser processing.
 */
function topical(words, cp) {
  const rest = words.filter((alts) => !alts.some((w) => cp.kindOf?.(w)));
  return rest.length ? rest : words;
}

/** At most this many words of a query are left out to find something. */
const LEAVE_OUT = 2;

/**
 * A query that finds nothing, run without the fewest of its words that lets
 * it find something: `금속 3D 프린팅 가능한 업체` without 가능한, which no record
 * with the others writes (every word is required). Of the ways to leave out as
 * few words, the one that finds most. Words naming a kind (업체) are never
 * required anyway. Returns { answer, term, kinds, query, without } or null.
 */
async function withFewerWords(query, opts, cp) {
  const words = query.normalize("NFC").split(/\s+/).filter(Boolean);
  const optional = words.map((w, k) => (cp.kindOf?.(w) ? -1 : k)).filter((k) => k >= 0);
  for (let n = 1; n <= LEAVE_OUT && n < optional.length; n++) {
    const tries = await Promise.all(
      subsets(optional, n).map(async (out) => {
        const rest = words.filter((_, k) => !out.includes(k)).join(" ");
        const processed = cp.process(rest);
        const kinds = cp.kinds?.(processed);
        const term = cp.isForm ? await withoutMissingForms(processed, cp) : processed;
        const answer = await searchAll(term, opts);
        return { answer, term, kinds, query: rest, without: out.map((k) => words[k]).join(" ") };
      }),
    );
    const best = tries.reduce((a, b) => (b.answer?.results?.length > (a.answer?.results?.length || 0) ? b : a));
    if (best.answer?.results?.length) return best;
  }
  return null;
}

/** Every way of choosing `n` of `items`, in order. */
function subsets(items, n) {
  if (n === 0) return [[]];
  return items.flatMap((x, i) => subsets(items.slice(i + 1), n - 1).map((rest) => [x, ...rest]));
}

export async function filters() {
  await filtersWanted;
  await allParts();
  return pagefind.filters();
}

/**
 * A Korean word of four syllables or more cut in two, each half two syllables
 * or more: a compound typed without its space (레이저가공) counts as its
 * words (레이저, 가공), as it would have typed with one.
 */
const halves = (w) => {
  // Letters or digits written onto it stay with the first half (3차원측정: 3차원, 측정).
  const [, lead, run] = /^([a-z0-9]*)([가-힣]{4,})$/i.exec(w) || [];
  return run ? [...Array(run.length - 3)].map((_, k) => [lead + run.slice(0, k + 2), run.slice(k + 2)]) : [];
};

/** Lower case, without spaces and punctuation: how names and queries are compared. */
const squash = (s) => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The ids of the results of the kinds the query's words asked for (업체 in
 * 레이저 가공 업체), or null: none asked, or the visitor has chosen kinds.
 */
async function ofKinds(term, opts, kinds) {
  if (!kinds?.values.length || opts?.filters?.[kinds.name]) return null;
  const value = kinds.values.length === 1 ? kinds.values[0] : { any: kinds.values };
  const found = await searchAll(term, { ...(opts || {}), filters: { ...(opts?.filters || {}), [kinds.name]: value } });
  return new Set((found?.results || []).map((r) => r.id));
}

/**
 * Results of the kinds the query asked for (`kinds`, see ofKinds) come first;
 * equal scores break by name (Pagefind's own sort order by name); then the
 * first RERANK results are ordered, within those kinds first, by how the query
 * stands in the name: the whole query together in the name, else in a term
 * label the record is filed under; then how many of its words stand in the
 * name, its legal form aside; then the whole query together in the text;
 * otherwise they keep Pagefind's order.
 */
async function rank(answer, term, opts, query, cp, kinds) {
  const results = answer.results;
  if (results.length < 2) return;
  const [named, asked] = await Promise.all([searchAll(term, { ...(opts || {}), sort: { name: "asc" } }), ofKinds(term, opts, kinds)]);
  const byName = new Map((named?.results || []).map((r, i) => [r.id, i]));
  const order = new Map(results.map((r, i) => [r.id, i]));
  results.sort((a, b) => {
    if (asked && asked.has(a.id) !== asked.has(b.id)) return asked.has(a.id) ? -1 : 1;
    if (Math.abs(a.score - b.score) > 1e-6 * Math.max(a.score, b.score)) return b.score - a.score;
    return (byName.get(a.id) ?? order.get(a.id)) - (byName.get(b.id) ?? order.get(b.id));
  });
  // Each query word as its shortest alternative (a Korean word without its particle).
  const words = cp.matchWords(query).map((alts) => squash(alts[alts.length - 1])).filter(Boolean);
  const initials = /[ㄱ-ㅎ]/.test(query) ? query.normalize("NFC").split(/\s+/).map((w) => cp.initialsOf(w)) : null;
  if (!words.length && !initials) return;
  const phrase = words.join("");
  // The words that say what, not which kind (업체 in 레이저 가공 업체): texts rarely write the kind.
  const topical = words.filter((w) => !cp.kindOf?.(w));
  const top = results.slice(0, RERANK);
  const withoutLegalForm = legalFormRemover(cp.legalForms || []);
  const keyed = await Promise.all(
    top.map(async (r, i) => {
      const d = await r.data();
      const name = `${d.meta?.title || ""} ${d.hiddenNames || ""}`;
      const names = squash(name);
      const bare = squash(withoutLegalForm(name));
      const text = squash(d.content || "");
      let key;
      if (initials) {
        const inits = cp.initialsOf(`${d.meta?.title || ""}`);
        key = [initials.every((w) => inits.includes(w)) ? 1 : 0];
      } else {
        const labels = Object.values(d.filters || {}).flat().map(squash);
        key = [
          names.includes(phrase) ? 2 : labels.some((l) => l.includes(phrase)) ? 1 : 0,
          words.filter((w) => bare.includes(w) || halves(w).some((h) => h.every((p) => bare.includes(p)))).length,
          (topical.length > 1 || halves(topical[0] || "").length) && text.includes(topical.join("")) ? 1 : 0,
        ];
      }
      return { r, i, key: [asked?.has(r.id) ? 1 : 0, ...key], url: d.url || "" };
    }),
  );
  keyed.sort((a, b) => byKey(a, b) || a.i - b.i);
  results.splice(0, top.length, ...companiesFirst(keyed).map((k) => k.r));
}

/**
 * What takes a name's legal form out, so that 회사 is not found in 주식회사 nor
 * `co` in `Co., Ltd.`: forms in Latin letters as whole words (not the `inc` of
 * `incubation`), the others anywhere. Their patterns are made once per query.
 */
function legalFormRemover(forms) {
  const steps = forms.map((f) => {
    if (!/^[a-z]/.test(f)) return (s) => s.split(f).join(" ");
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
    return (s) => s.replace(re, "$1 ");
  });
  return (name) => steps.reduce((s, step) => step(s), name.normalize("NFC").toLowerCase());
}

/** Re-ranked results by how the query stands in them, the best first. */
const byKey = (a, b) => {
  for (let k = 0; k < a.key.length; k++) if (b.key[k] !== a.key[k]) return b.key[k] - a.key[k];
  return 0;
};

/**
 * A company before its own products, unless a product's name holds the query
 * better (`MEMS 수소 센서` for 수소 센서). A product is a result of its own (it
 * leads to its place on the company page), and two products of Sagami Plating
 * listed above the company for `plating` hid whose they were; the company now
 * stands where its first product did, its products right after it.
 */
function companiesFirst(keyed) {
  const byUrl = new Map(keyed.map((k) => [k.url, k]));
  const out = [];
  const placed = new Set();
  for (const k of keyed) {
    if (placed.has(k)) continue;
    const company = k.url.includes("#") ? byUrl.get(k.url.split("#")[0]) : null;
    if (company && !placed.has(company) && byKey(k, company) >= 0) {
      out.push(company);
      placed.add(company);
    }
    out.push(k);
    placed.add(k);
  }
  return out;
}

/**
 * A Korean query word as the words to mark: itself, or, when no word of the
 * text holds it and it is a compound typed without its space (레이저가공), its
 * two halves where the text writes both (레이저 가공).
 */
function inTokens(alts, tokens) {
  if (tokens.some((t) => alts.some((a) => t.includes(a)))) return [alts];
  const split = halves(alts[alts.length - 1]).find((h) => h.every((p) => tokens.some((t) => t.includes(p))));
  return split ? split.map((p) => [p]) : [alts];
}

const SEPARATORS = /[^\S\uFEFF]+/;
const ZWSP = "\u200B";

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * `name` as HTML with the first stretch that matches a query word marked, or
 * null when none does. A name comes from content, so it is escaped first.
 */
function markedName(name, words) {
  if (!name) return null;
  // Case folded only where that keeps every index in place (it does for Hangul and ASCII).
  const lower = name.toLowerCase().length === name.length ? name.toLowerCase() : name;
  for (const alts of words) {
    for (const w of alts) {
      const at = lower.indexOf(w.toLowerCase());
      if (w && at >= 0) {
        const [a, b, c] = [name.slice(0, at), name.slice(at, at + w.length), name.slice(at + w.length)];
        return `${escapeHtml(a)}<mark>${escapeHtml(b)}</mark>${escapeHtml(c)}`;
      }
    }
  }
  return null;
}

/**
 * A result as shown: the content and excerpt from the visible text only, the
 * excerpt a passage around the first match with the matches marked; the hidden
 * part of the content and the hidden meta fields kept out of sight.
 */
function present(d, words, hiddenStart) {
  const content = d.content || "";
  const cut = content.indexOf(hiddenStart);
  const shownText = cut >= 0 ? content.slice(0, cut) : content;
  const rawText = d.raw_content || content.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // Japanese, Chinese and Thai text is indexed as segments, each ended by a
  // zero-width space in raw_content and counted as one word by the locations.
  const segmented = rawText.includes(ZWSP);
  const joiner = segmented ? "" : " ";
  const raw = segmented ? rawText.split(ZWSP) : rawText.split(SEPARATORS);
  const end = raw.findIndex((tok) => tok.trim() === hiddenStart);
  const tokens = end >= 0 ? raw.slice(0, end) : raw;
  // Where the query words stand: Pagefind's own locations (stemmed words) and,
  // for Korean, the query word inside a longer word (가공 in 정밀가공을).
  const marks = new Map();
  for (const loc of d.locations || []) {
    if (loc < tokens.length) marks.set(loc, null);
  }
  const korean = words.filter((alts) => /[가-힣]/.test(alts[0])).flatMap((alts) => inTokens(alts, tokens));
  tokens.forEach((tok, i) => {
    for (const alts of korean) {
      const w = alts.find((a) => tok.includes(a));
      if (w) {
        const at = tok.indexOf(w);
        marks.set(i, [at, at + w.length]);
        break;
      }
    }
  });
  const first = marks.size ? Math.min(...marks.keys()) : 0;
  const start = marks.size ? Math.max(0, first - BEFORE_MATCH) : 0;
  const slice = tokens.slice(start, start + EXCERPT_WORDS).map((tok, k) => {
    if (!marks.has(start + k)) return tok;
    const span = marks.get(start + k);
    if (!span) return tok.replace(/^(\s*)(.*?)(\s*)$/s, "$1<mark>$2</mark>$3");
    return `${tok.slice(0, span[0])}<mark>${tok.slice(span[0], span[1])}</mark>${tok.slice(span[1])}`;
  });
  const pre = start > 0 ? `…${joiner}` : "";
  const post = start + EXCERPT_WORDS < tokens.length ? `${joiner}…` : "";
  // The other-language names in the hidden name field, for ranking only.
  d.hiddenNames = (d.meta?._name || "").split(/\s+/).filter((w) => !/[가-힣ㄱ-ㅎ]q$/.test(w)).join(" ");
  // Found by its name alone (the text never says it): the excerpt starts with
  // the name that matched, marked, so that it still shows why the result is here.
  const named = marks.size ? null : markedName(d.meta?.title, words) ?? markedName(d.hiddenNames, words);
  const passage = named ? `${named} · ${tokens.slice(0, EXCERPT_WORDS).join(joiner)}` : slice.join(joiner);
  d.excerpt = (named ? "" : pre) + passage.trim() + post;
  d.plain_excerpt = d.excerpt.replace(/<\/?mark>/g, "");
  d.content = shownText.trim();
  d.raw_content = tokens.join(joiner);
  d.sub_results = [];
  for (const k of Object.keys(d.meta || {})) if (k.startsWith("_")) delete d.meta[k];
  return d;
}
