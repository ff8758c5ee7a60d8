// Measure search on a generated site (bench gen): recall and precision of
// Korean and English queries against the generator's ground truth, the bytes a
// first query transfers through the page's UI, and the search bundle's file count.
//
//   node bench/search-quality.mjs <site-dir> [queries.json]
//   node bench/search-quality.mjs .          (the sample site: sizes only)
//   (the site built into <site-dir>/public; queries.json: { "ko": [[typed, noun], …], "en": […] })
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve, launch, pagefindSearch } from "../tests/e2e/lib.mjs";

const site = process.argv[2];
if (!site) throw new Error("usage: node bench/search-quality.mjs <generated-site-dir>");
const out = join(site, "public");
// texts.json (written by bench gen) is the ground truth for recall; without it
// (the sample site, any other site) only the sizes are measured.
const textsFile = join(site, "texts.json");
const texts = existsSync(textsFile) ? JSON.parse(readFileSync(textsFile, "utf8")) : null;

// Nouns of the generator's vocabulary that appear in no facet label or interface
// string, so that the ground truth (the record files' text) is complete for them.
const taxonomies = join(site, "content/taxonomies.yaml");
const labels = (existsSync(taxonomies) ? readFileSync(taxonomies, "utf8") : "") + readFileSync(new URL("../themes/default/i18n/ko.yaml", import.meta.url), "utf8");
const words = readFileSync(new URL("../src/bin/bench/words.rs", import.meta.url), "utf8");
const nouns = [...words.matchAll(/\("([^"]+)", "([a-z]+)"\)/g)].map((m) => [m[1], m[2]]).filter(([ko, en]) => !labels.includes(ko) && !labels.toLowerCase().includes(en));
const particles = ["을", "를", "에서", "으로", "의"];
// [what the visitor types, the noun a relevant record contains]
const given = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], "utf8")) : null;
const sizesOnly = { ko: [["가공", "가공"], ["레이저", "레이저"]], en: [["machining", "machining"], ["laser", "laser"]] };
const ko = given ? given.ko : texts ? nouns.slice(0, 30).map(([k], i) => [i % 3 === 0 ? k + particles[i % particles.length] : k, k]) : sizesOnly.ko;
const en = given ? given.en : texts ? nouns.slice(0, 20).map(([, e]) => [e, e]) : sizesOnly.en;

function fileCount(dir) {
  let n = 0;
  for (const e of readdirSync(dir)) n += statSync(join(dir, e)).isDirectory() ? fileCount(join(dir, e)) : 1;
  return n;
}

const server = await serve(out, "/");
const browser = await launch();
const page = await browser.newPage();
const records = texts ? new Set(Object.keys(texts).map((u) => u.split("/").slice(2).join("/"))).size : null;
const report = { records, files: fileCount(out), bundleFiles: fileCount(join(out, "pagefind")) };

for (const [lang, queries] of [["ko", ko], ["en", en]].filter(([, q]) => texts && q.length)) {
  await page.goto(`${server.url}${lang}/search/`);
  let recall = 0, precision = 0;
    for (const [q, noun] of queries) {
    // A plain Hugo site's page has no preprocessing: the query goes to Pagefind as typed.
    const term = await page.evaluate((q) => (window.__processTerm ? window.__processTerm(q) : q), q);
    const match = lang === "ko" ? (t) => t.includes(noun) : (t) => new RegExp(`\\b${noun}`, "i").test(t);
    const expected = new Set(Object.keys(texts).filter((u) => u.startsWith(`/${lang}/`) && match(texts[u])));
        const got = new Set((await pagefindSearch(page, term)).map((r) => r.url.split("#")[0]));
    const hit = [...expected].filter((u) => got.has(u)).length;
    recall += expected.size ? hit / expected.size : 1;
    precision += got.size ? [...got].filter((u) => expected.has(u)).length / got.size : 1;
  }
  report[lang] = { queries: queries.length, recall: +(recall / queries.length).toFixed(3), precision: +(precision / queries.length).toFixed(3) };
}

// A first query as a visitor makes it: a fresh page, the UI, the first results shown.
// "firstQuery" counts what was transferred until those results were on screen;
// "afterIdle" adds what the page fetched next (the filter lists, deferred on
// purpose). "gzip" is the same bytes as a CDN serves them: text assets
// compressed (Pagefind's own index files are compressed already).
for (const [lang, q] of [["ko", ko[1]?.[0]], ["en", en[1]?.[0]]].filter(([, q]) => q)) {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const got = []; // [path, bytes, gzipBytes] in arrival order
  const pending = [];
  fresh.on("response", (r) => {
    if (!r.url().includes("/pagefind")) return;
    pending.push(r.body().then((b) => {
      const path = new URL(r.url()).pathname;
      const gz = /\.(js|css|json)$/.test(path) ? gzipSync(b).length : b.length;
      got.push([path, b.length, gz]);
    }, () => {}));
  });
  await fresh.goto(`${server.url}${lang}/search/`);
  await fresh.waitForLoadState("networkidle");
  await Promise.all(pending);
  const sum = (list, i) => list.reduce((n, f) => n + f[i], 0);
  const beforeCount = got.length;
  await fresh.fill(".pagefind-ui__search-input", q);
  // A result's title link appears once its fragment has loaded: the visitor sees an answer.
  await fresh.waitForSelector(".pagefind-ui__result-title a");
  await Promise.all(pending);
  const first = got.slice();
  await fresh.waitForLoadState("networkidle");
  await Promise.all(pending);
  const isIndex = (f) => /\.pf_(meta|index|filter|fragment)$/.test(f[0]);
  const kb = (n) => +(n / 1024).toFixed(1);
  report[lang] ??= {};
  Object.assign(report[lang], {
    firstQuery: q,
    firstQueryKB: kb(sum(first, 1)),
    firstQueryGzipKB: kb(sum(first, 2)),
    firstQueryIndexKB: kb(sum(first.filter(isIndex), 1)),
    uiAndRuntimeKB: kb(sum(got.slice(0, beforeCount), 1)),
    afterIdleKB: kb(sum(got, 1)),
    firstQueryFiles: Object.fromEntries(
      Object.entries(first.reduce((m, [p, b]) => {
        const k = p.replace(/.*\//, "").replace(/_[0-9a-f]+\./, "_*.").replace(/^(..)_[0-9a-f]+(\.pf_\w+)$/, "$1_*$2");
        m[k] = (m[k] || 0) + b;
        return m;
      }, {})).map(([k, v]) => [k, kb(v)]),
    ),
  });
  await context.close();
}
console.log(JSON.stringify(report, null, 2));
await browser.close();
await server.close();
