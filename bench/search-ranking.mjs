// Measure ranking, excerpts, cross-language and initial-consonant search on a
// built site, with query sets made from the site itself (not the hand-written
// set of tests/e2e/ranking.json), through the search page's own JavaScript:
//
//   node bench/search-ranking.mjs <site-dir> [queries-per-set]
//
// <site-dir>/public is the built site; <site-dir>/texts.json (bench gen) gives
// each record's title (first line) and text. Without it (the sample site) the
// record pages themselves are read. Reported, per language:
// - name queries: words of record names and term labels that some record's name
//   contains; `first`: how often the first result's name contains the query;
//   `ndcg`: nDCG@10, a name match graded 2 and a match in the text 1;
// - `marked` (Korean): of the top-5 excerpts, how many mark a stretch covering the query word;
// - on /ko/: English term labels, the share of records filed under the term
//   found (`labels`), and English company names with the company first (`names`);
// - `initials`: a name's first word as initial consonants puts the record in the
//   top 3 (records ranked above it whose names have the same initials count as
//   ties that no typing could tell apart).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, pageSearch, recordPages, RECORD_KINDS } from "../tests/e2e/lib.mjs";

const site = process.argv[2];
if (!site) throw new Error("usage: node bench/search-ranking.mjs <site-dir> [queries-per-set]");
const PER_SET = Number(process.argv[3] || 60);
const out = join(site, "public");
const server = await serve(out, "/");
const browser = await launch();
const page = await browser.newPage();
const KINDS = RECORD_KINDS;
const handSet = new Set(JSON.parse(readFileSync(new URL("../tests/e2e/ranking.json", import.meta.url))).queries.map((q) => q.q));

/** url → { name, text, kind } for one language. */
async function records(lang) {
  const textsFile = join(site, "texts.json");
  if (existsSync(textsFile)) {
    const all = JSON.parse(readFileSync(textsFile, "utf8"));
    const r = {};
    for (const [url, t] of Object.entries(all)) {
      if (!url.startsWith(`/${lang}/`)) continue;
      const [name, ...rest] = t.split("\n");
      r[url] = { name, text: rest.join("\n"), kind: url.split("/")[2] };
    }
    return r;
  }
  await page.goto(`${server.url}${lang}/search/`);
  return recordPages(page, lang, KINDS);
}

/** Term labels per language, and the records filed under each (keys in the records' front matter or term pages). */
function labels() {
  // A generated site has its own copy; a built sample (--out elsewhere) uses the repo's.
  const own = join(site, "content/taxonomies.yaml");
  const file = existsSync(own) ? own : new URL("../content/taxonomies.yaml", import.meta.url);
  const out = [];
  let tax = "";
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (/^[a-z-]+:$/.test(line)) tax = line.slice(0, -1);
    const m = /^ {4}([a-z0-9-]+): \{ ko: ([^,]+), en: (.+) \}$/.exec(line);
    if (m) out.push({ tax, key: m[1], ko: m[2].trim(), en: m[3].trim().replace(/^"|"$/g, "") });
  }
  return out;
}

const LEGAL = /\(주\)|주식회사|\b(co|ltd|inc)\b\.?,?/gi;
const squash = (s) => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const pick = (items, n) => {
  // Spread evenly over the list, deterministic.
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
};
const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const initials = (w) => [...w].map((c) => (c >= "가" && c <= "힣" ? INITIALS[Math.floor((c.charCodeAt(0) - 0xac00) / 588)] : "")).join("");
const particles = ["에서", "으로", "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과"];
const stem = (w) => {
  for (const p of particles) if (w.endsWith(p) && w.length - p.length >= 2) return w.slice(0, -p.length);
  return w;
};

async function search(lang, q, n = 10) {
  await page.goto(`${server.url}${lang}/search/`);
  return pageSearch(page, q, n);
}

const report = {};
const tax = labels();
for (const lang of ["ko", "en"]) {
  const recs = await records(lang);
  const urls = Object.keys(recs);
  const names = Object.fromEntries(urls.map((u) => [u, squash(recs[u].name)]));
  const hasName = (q) => urls.some((u) => names[u].includes(squash(q)));
  // Words of names (legal forms off) and term labels, that some record's name contains.
  const nameWords = [...new Set(urls.flatMap((u) => recs[u].name.replace(LEGAL, " ").split(/[\s()·,:/]+/)))]
    .filter((w) => (lang === "ko" ? /^[가-힣]{2,}$/.test(w) : /^[A-Za-z]{4,}$/.test(w)) && !/^\d/.test(w));
  const labelWords = tax.map((t) => t[lang]);
  const queries = pick([...new Set([...pick(nameWords.sort(), PER_SET), ...labelWords])].filter((q) => !handSet.has(q) && hasName(q)), PER_SET);
  let first = 0, ndcg = 0, marked = 0, shown = 0;
  for (const q of queries) {
    const r = await search(lang, q, 10);
    const sq = squash(lang === "ko" ? stem(q) : q);
    const words = q.split(/\s+/).map((w) => squash(lang === "ko" ? stem(w) : w));
    const grade = (url, title) => {
      const u = url.split("#")[0];
      if (squash(title || recs[u]?.name || "").includes(sq)) return 2;
      const t = squash(recs[u]?.text || "");
      return words.every((w) => t.includes(w)) ? 1 : 0;
    };
    const got = r.results.map((x) => grade(x.url, x.title));
    if (got[0] === 2) first++;
    const dcg = got.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    const all = urls.map((u) => grade(u)).concat(r.results.filter((x) => x.url.includes("#")).map((x) => grade(x.url, x.title)));
    const ideal = all.sort((a, b) => b - a).slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    ndcg += ideal ? dcg / ideal : 1;
    if (lang === "ko") {
      for (const x of r.results.slice(0, 5)) {
        shown++;
        const marks = [...x.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
        if (marks.some((m) => m.includes(stem(q.split(/\s+/)[0])))) marked++;
      }
    }
  }
  report[lang] = { queries: queries.length, first: +(first / queries.length).toFixed(3), ndcg: +(ndcg / queries.length).toFixed(3) };
  if (lang === "ko") report[lang].marked = +(marked / shown).toFixed(3);

  if (lang === "ko") {
    // English term labels on /ko/: of the search records filed under the term
    // (Pagefind's own filter), the share the English label finds.
    let found = 0, filed = 0;
    for (const t of pick(tax.filter((t) => t.tax !== "regions"), 30)) {
      const [all, hit] = await underTerm(lang, t);
      filed += all;
      found += hit;
    }
    report.ko.labels = +(found / filed).toFixed(3);
    const en = await records("en");
    // English company names on /ko/: the company first.
    const companies = pick(urls.filter((u) => recs[u].kind === "companies"), Math.min(PER_SET, 40));
    let firstCo = 0;
    for (const u of companies) {
      const enName = en[u.replace("/ko/", "/en/")]?.name;
      const r = await search(lang, enName, 1);
      if (r.results[0]?.url.split("#")[0] === u) firstCo++;
    }
    report.ko.names = +(firstCo / companies.length).toFixed(3);
    // Initial consonants of a name's first word.
    const named = pick(urls.filter((u) => ["companies", "institutions", "coordinators", "equipment"].includes(recs[u].kind)), PER_SET);
    let top3 = 0, tried = 0;
    for (const u of named) {
      const word = recs[u].name.replace(LEGAL, " ").split(/\s+/).find((w) => /[가-힣]{2,}/.test(w));
      if (!word) continue;
      const q = initials(word.replace(/[^가-힣]/g, ""));
      if (q.length < 2) continue;
      tried++;
      // Looked for beyond the first page: at 10,000 records dozens of names share
      // their initials (하치오지정밀12, 하치오지정밀57…), and the ties are told apart below.
      const r = await search(lang, q, 200);
      const at = r.results.findIndex((x) => x.url.split("#")[0] === u);
      const ahead = r.results.slice(0, Math.max(at, 0)).filter((x) => !initials(x.title.replace(LEGAL, "")).includes(q));
      if (at >= 0 && (at < 3 || ahead.length < 3)) top3++;
    }
    report.ko.initials = +(top3 / tried).toFixed(3);
  }
}

/** [search records filed under term t, of them found by its English label] on the /<lang>/ search page. */
async function underTerm(lang, t) {
  await page.goto(`${server.url}${lang}/search/`);
  return page.evaluate(async ([t, q]) => {
    const cfg = JSON.parse(document.getElementById("search").getAttribute("data-config"));
    const facet = cfg.filters[t.tax];
    if (!facet || !facet.terms[t.key]) return [0, 0];
    const pf = await import(cfg.uiBundlePath + "pagefind.js");
    await pf.options({ baseUrl: cfg.baseUrl });
    // Records, not products: a product is filed under its company's terms but is not itself filed.
    let all = 0, hit = 0;
    for (const [kind, label] of Object.entries(cfg.filters.kind.terms)) {
      if (kind === "product") continue;
      const filters = { [facet.name]: facet.terms[t.key], [cfg.filters.kind.name]: label };
      all += (await pf.search(null, { filters })).results.length;
      hit += (await pf.search(window.__processTerm(q), { filters })).results.length;
    }
    return [all, hit];
  }, [t, t.en]);
}

console.log(JSON.stringify(report, null, 1));
await browser.close();
await server.close();
