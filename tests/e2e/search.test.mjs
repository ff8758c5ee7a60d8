// Search, proven by running searches: Pagefind's own JavaScript against the built
// sample site in Chromium, for both languages, with filters, through the page's
// UI, and over a set of Korean and English queries, each of which must find
// exactly what it should (the few allowed misses are named in ALLOWED).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, existsSync, readFileSync, mkdtempSync, cpSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { build, serve, openSite, closeAll, pagefindSearch, pageSearch, repo, KINDS, FREE_FORM, SPLIT } from "./lib.mjs";

let out, server, browser, page;

before(async () => {
  ({ out, server, browser } = await openSite());
  page = await browser.newPage();
});
after(() => closeAll(browser, server));

/** The search page's own preprocessing of a query (particles off, Korean syllable pairs): required, never skipped. */
async function processTerm(q) {
  const term = await page.evaluate((q) => (typeof window.__processTerm === "function" ? window.__processTerm(q) : undefined), q);
  assert.notEqual(term, undefined, "the search page's preprocessing (window.__processTerm) is missing");
  return term;
}

/**
 * The only queries allowed to differ from what their `match` expects, by name,
 * with the pages they may miss or add. Any other miss or extra fails.
 */
const ALLOWED = {
  ko: {},
  en: {
    // Pagefind's English stemmer takes "cleanroom" and "cleaning" to a common
    // stem: the page that mentions cleaning comes up too.
    cleanroom: { missed: [], extra: ["/en/companies/musashi-micro-parts/"] },
  },
};

/** Every record page (notices included) and every free-form page: what search finds. */
function recordPages(lang) {
  const urls = FREE_FORM.map((slug) => `/${lang}/${slug}/`);
  for (const kind of KINDS) {
    for (const slug of readdirSync(join(out, lang, kind))) {
      if (slug !== "page" && slug !== "archive" && existsSync(join(out, lang, kind, slug, "index.html"))) urls.push(`/${lang}/${kind}/${slug}/`);
    }
  }
  return urls;
}

/** The searchable text of each record page: the record itself, without labels and back-links. */
async function pageTexts(lang) {
  await page.goto(`${server.url}${lang}/search/`);
  return page.evaluate(async (urls) => {
    const out = {};
    for (const url of urls) {
      const html = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(html, "text/html");
      const article = doc.querySelector("article.record");
      // Labels and back-links are not the record's text; of a story's network, only the partners' names are.
      article.querySelectorAll("dt, h2:not(.prose h2), h3:not(.card-title, .prose h3), .kicker, .count, .updated, .note, section.related:not([id^=network])").forEach((e) => e.remove());
      article.querySelectorAll("[id^=network] .card > :not(.card-title)").forEach((e) => e.remove());
      // Keep words of neighbouring elements apart, as a reader sees them.
      article.querySelectorAll("*").forEach((e) => e.append(" "));
      out[url] = article.textContent.replace(/\s+/g, " ");
    }
    return out;
  }, recordPages(lang));
}

function score(lang, queries, texts, results) {
  const rows = [];
  for (const { q, match } of queries) {
    const tests = match.map((m) => (lang === "ko" ? (t) => t.includes(m) : (t) => new RegExp(m, "i").test(t)));
    const expected = new Set(Object.keys(texts).filter((u) => tests.every((f) => f(texts[u]))));
    const got = new Set(results[q].map((r) => r.url.split("#")[0]));
    const hits = [...expected].filter((u) => got.has(u)).length;
    const recall = expected.size ? hits / expected.size : 1;
    const precision = got.size ? [...got].filter((u) => expected.has(u)).length / got.size : expected.size ? 0 : 1;
    rows.push({ q, expected: expected.size, got: got.size, recall, precision, missed: [...expected].filter((u) => !got.has(u)), extra: [...got].filter((u) => !expected.has(u)) });
  }
  const mean = (k) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
  return { rows, recall: mean("recall"), precision: mean("precision") };
}

const queries = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url)));

for (const lang of ["ko", "en"]) {
  test(`${lang}: every query of the set finds what visitors expect, and nothing else`, async () => {
    assert.ok(queries[lang].length >= (lang === "ko" ? 40 : 20));
    const texts = await pageTexts(lang);
    assert.ok(Object.keys(texts).length >= 90);
    const results = {};
    for (const { q } of queries[lang]) {
      // The same preprocessing the search page applies (particles off in Korean).
      results[q] = await pagefindSearch(page, await processTerm(q));
    }
    const s = score(lang, queries[lang], texts, results);

    const weak = s.rows.filter((r) => r.recall < 1 || r.precision < 1);
    console.log(`search quality ${lang}: ${queries[lang].length} queries, recall ${s.recall.toFixed(3)}, precision ${s.precision.toFixed(3)}`);
    for (const r of weak) console.log(`  ${r.q}: expected ${r.expected}, got ${r.got}, missed ${r.missed.join(" ")} extra ${r.extra.join(" ")}`);
    // Each query on its own: a query that expects nothing tests nothing, and a
    // miss or an extra result fails unless ALLOWED names it.
    const failures = [];
    for (const r of s.rows) {
      const allowed = ALLOWED[lang][r.q] ?? { missed: [], extra: [] };
      if (r.expected === 0) failures.push(`${r.q}: no page matches ${JSON.stringify(queries[lang].find((x) => x.q === r.q).match)}`);
      const missed = r.missed.filter((u) => !allowed.missed.includes(u));
      const extra = r.extra.filter((u) => !allowed.extra.includes(u));
      if (missed.length || extra.length) failures.push(`${r.q}: missed ${missed.join(" ") || "-"}, extra ${extra.join(" ") || "-"}`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${s.rows.length} queries fail`);
  });
}

test("Korean finds nouns inside compounds and with particles attached", async () => {
  await page.goto(`${server.url}ko/search/`);
  // The page sends the forms src/hangul.rs query_forms gives (its unit tests):
  // whole syllable pairs, each closed by the sentinel that no indexed word extends.
  for (const [q, forms] of [["현미경을", "현미q 미경q"], ["기", "기q"], ["기술사", "기술q 술사q"], ["laser", "laser"], ["5축", "5축q 축q"], ["3D프린터를", "3d프q 프린q 린터q"]]) {
    assert.equal(await processTerm(q), forms, q);
  }
  for (const [q, url] of [
    ["가공", "/ko/research-themes/rt-femtosecond-laser-microholes/"],
    ["현미경", "/ko/equipment/eq-sem-edx/"],
    ["회로를", "/ko/companies/tachikawa-rf-labs/"],
  ]) {
    const urls = (await pagefindSearch(page, await processTerm(q))).map((r) => r.url);
    assert.ok(urls.includes(url), `${q} should find ${url}: ${urls.join(" ")}`);
  }
});

test("Japanese finds words inside unspaced text, and excerpts mark them in the visible text", async () => {
  // Japanese writes without spaces: the index is segmented (Pagefind's
  // extended build) and the browser segments the query the same way.
  const ja = await serve(build(join(repo, "tests/fixtures/valid/japanese")), "/");
  const p = await browser.newPage();
  try {
    await p.goto(`${ja.url}ja/search/`);
    const hino = "/ja/companies/hino-seimitsu/";
    for (const [q, first, only] of [
      ["少量生産", hino, true], // inside a sentence of the body
      ["チタン合金", hino, true],
      ["株式会社日野精密", hino, true], // the whole name
      ["日野精密", hino, true],
      ["摩耗", "/ja/research-themes/kogu-mamo/", true], // inside the title 切削工具の摩耗予測
      ["共同研究先", "/ja/companies/akishima-denshi/", true],
      ["精密", hino, false],
    ]) {
      const { results } = await pageSearch(p, q, 10);
      const urls = results.map((r) => r.url);
      assert.equal(urls[0], first, `${q}: ${urls.join(" ")}`);
      if (only) assert.equal(urls.length, 1, `${q} finds only ${first}: ${urls.join(" ")}`);
    }
    for (const q of ["少量生産", "チタン合金"]) {
      const [{ excerpt }] = (await pageSearch(p, q, 1)).results;
      const marked = [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]).join("");
      assert.ok(marked.includes(q), `${q} is marked in the excerpt: ${excerpt}`);
      // The visible text only: no segment breaks, no hidden part (marker, English labels).
      assert.doesNotMatch(excerpt, /[\u200B\u2063]|Automotive|Cutting/, excerpt);
    }
  } finally {
    await p.close();
    ja.close();
  }
});

test("filters narrow by kind and facet, with localized names", async () => {
  await page.goto(`${server.url}en/search/`);
  const all = await pagefindSearch(page, "laser");
  const open = await pagefindSearch(page, "laser", { filters: { Kind: "Equipment", Availability: "Open to outside users" } });
  // The two laser machines open to outside users; not the metal 3D printer (not open), nor any record of another kind.
  assert.deepEqual(open.map((r) => r.url).sort(), ["/en/equipment/eq-femtosecond-laser/", "/en/equipment/eq-fiber-laser-cutter/"]);
  assert.ok(open.length < all.length);
  for (const r of open) {
    assert.deepEqual(r.filters.Kind, ["Equipment"]);
    assert.ok(r.filters.Availability.includes("Open to outside users"));
  }
  await page.goto(`${server.url}ko/search/`);
  const supers = await pagefindSearch(page, "변리사", { filters: { 구분: "슈퍼 코디네이터" } });
  assert.deepEqual(supers.map((r) => r.url), ["/ko/coordinators/coord-hayashi-keiko/"]);
});

test("equipment results show how to book and on what terms, and filter by owner", async () => {
  await page.goto(`${server.url}ko/search/`);
  const results = await pagefindSearch(page, await processTerm("레이저"), { filters: { 종류: "설비", "이용 가능 여부": "외부 개방" } });
  assert.deepEqual(results.map((r) => r.url).sort(), ["/ko/equipment/eq-femtosecond-laser/", "/ko/equipment/eq-fiber-laser-cutter/"]);
  for (const r of results) {
    assert.ok(r.meta["예약 방법"], `${r.url} shows its booking contact`);
    assert.ok(r.filters["보유 기관"]?.length === 1, `${r.url} has its owner as a filter`);
  }
  const owned = await pagefindSearch(page, null, { filters: { "보유 기관": "다마공과대학교" } });
  assert.deepEqual(owned.map((r) => r.url).sort(), [
    "/ko/equipment/eq-cmm-3d-measuring/",
    "/ko/equipment/eq-femtosecond-laser/",
    "/ko/equipment/eq-old-stylus-profilometer/",
  ]);
  assert.ok(owned.every((r) => r.filters["보유 기관"][0] === "다마공과대학교"));
});

test("a visitor's own words find what the directory names otherwise: 대여 and rent the equipment open to outside users, subsidy the grants", async () => {
  const dir = join(repo, "content", "equipment");
  const open = readdirSync(dir)
    .filter((f) => /^open: true$/m.test(readFileSync(join(dir, f), "utf8")))
    .map((f) => f.replace(/\.(yaml|md)$/, ""))
    .sort();
  assert.ok(open.length >= 10, open.join(" "));
  const urls = (lang, slugs) => slugs.map((s) => `/${lang}/equipment/${s}/`);
  await page.goto(`${server.url}ko/search/`);
  const rent = await pageSearch(page, "대여", 50);
  assert.deepEqual(rent.results.map((r) => r.url).sort(), urls("ko", open), "대여 finds every open unit and nothing else");
  // 측정기 is a word the site gives the measurement category (taxonomies.yaml `also:`).
  const measuring = await pageSearch(page, "측정기 대여");
  const measurement = ["eq-cmm-3d-measuring", "eq-white-light-interferometer", "eq-x-ray-ct-scanner"];
  assert.deepEqual(measuring.results.map((r) => r.url).sort(), urls("ko", measurement), "the open units of the measurement category");
  await page.goto(`${server.url}en/search/`);
  const english = await pageSearch(page, "rent", 50);
  const first = english.results.slice(0, open.length).map((r) => r.url).sort();
  assert.deepEqual(first, urls("en", open), "the open units come first");
  const cmm = await pageSearch(page, "rent a measuring machine");
  assert.equal(cmm.results[0].url, "/en/equipment/eq-cmm-3d-measuring/");
  // The same for notices: the grants say "grant", a visitor types "subsidy".
  const subsidy = await pageSearch(page, "subsidy");
  assert.deepEqual(subsidy.results.slice(0, 2).map((r) => r.url).sort(), ["/en/notices/2026-hachioji-new-product-grant/", "/en/notices/2027-monozukuri-grant/"]);
});

test("a product is a result of its own that leads to its place on the company page", async () => {
  await page.goto(`${server.url}en/search/`);
  const results = await pagefindSearch(page, "turbine", { filters: { Kind: "Product" } });
  // One company makes one: its product, found as itself.
  assert.equal(results.length, 1, results.map((r) => r.url).join(" "));
  assert.match(results[0].url, /^\/en\/companies\/hanbit-precision\/#product-\d+$/);
  assert.equal(results[0].meta.Company, "Hanbit Precision Co., Ltd.");
  await page.goto(server.url + results[0].url.slice(1));
  const anchor = results[0].url.split("#")[1];
  assert.match(await page.locator(`#${anchor}`).innerText(), /Inconel turbine-blade root machining/);
});

test("results can be sorted by name", async () => {
  await page.goto(`${server.url}en/search/`);
  const unsorted = await pagefindSearch(page, "laser");
  const sorted = await pagefindSearch(page, "laser", { sort: { name: "asc" } });
  // The same results, all of them, only in another order.
  assert.ok(unsorted.length >= 5, `${unsorted.length} results`);
  assert.deepEqual(sorted.map((r) => r.url).sort(), unsorted.map((r) => r.url).sort());
  const titles = sorted.map((r) => r.title.toLowerCase().replace(/^the /, ""));
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b)));
});

test("the header search box and URL presets run the search in the page's UI", async () => {
  await page.goto(`${server.url}ko/companies/hanbit-precision/`);
  await page.fill("#site-q", "레이저를");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/\/ko\/search\/\?q=/);
  await page.waitForSelector(".pagefind-ui__result-title");
  assert.equal(await page.inputValue(".pagefind-ui__search-input"), "레이저를");
  const first = await page.locator(".pagefind-ui__result-link").first().getAttribute("href");
  assert.match(first, /^\/ko\//);
  // A term page's "search within" form presets the facet filter.
  await page.goto(`${server.url}ko/technologies/laser-processing/`);
  await page.fill("#within-q", "절단");
  await page.press("#within-q", "Enter");
  await page.waitForSelector(".pagefind-ui__result-title");
  const ticked = await page.locator(".pagefind-ui__filter-checkbox:checked").evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(ticked, ["레이저 가공"]);
  // A filter alone lists what is under it.
  await page.goto(`${server.url}en/search/?tier=super`);
  await page.waitForSelector(".pagefind-ui__result-title");
  assert.equal(await page.locator(".pagefind-ui__result").count(), 3);
  // The hidden Korean forms never show as a tag.
  await page.goto(`${server.url}ko/search/?q=가공`);
  await page.waitForSelector(".pagefind-ui__result-title");
  const tags = await page.locator(".pagefind-ui__result-tag").allTextContents();
  assert.ok(tags.length > 0 && tags.every((t) => !t.includes("_forms")), tags.join(" | "));
  // Opening a result reaches that record.
  const href = await page.locator(".pagefind-ui__result-link").first().getAttribute("href");
  await page.locator(".pagefind-ui__result-link").first().click();
  await page.waitForSelector("article.record h1");
  assert.equal(new URL(page.url()).pathname, href.split("#")[0]);
});

test("with search_fragment_files the results come in a few packed files and every query finds the same", async () => {
  const root = mkdtempSync(join(tmpdir(), "cp-packed-"));
  for (const name of ["site.yaml", "content", "themes", ".clusterpress-cache"]) {
    if (existsSync(join(repo, name))) cpSync(join(repo, name), join(root, name), { recursive: true });
  }
  appendFileSync(join(root, "site.yaml"), "\nsearch_fragment_files: 20\n");
  const packed = build(root);
  const other = await serve(packed, "/");
  try {
    for (const lang of ["ko", "en"]) {
      const files = readdirSync(join(packed, "pagefind", "fragment")).filter((n) => n.startsWith(`${lang}_`));
      assert.ok(files.length > 0 && files.length <= 20, `${lang}: ${files.length} fragment files`);
      const found = async (base) => {
        await page.goto(`${base}${lang}/search/`);
        const all = [];
        for (const { q } of queries[lang]) {
          all.push((await pagefindSearch(page, await processTerm(q))).map((r) => r.url).sort().join(" "));
        }
        return all;
      };
      assert.deepEqual(await found(other.url), await found(server.url));
    }
  } finally {
    await other.close();
  }
});

test("an index in parts finds, sorts by name and filters as the whole index does", async () => {
  const split = build(repo, SPLIT);
  assert.ok(existsSync(join(split, "pagefind", "p1", "pagefind-entry.json")), "the index is in parts");
  const other = await serve(split, "/");
  try {
    for (const lang of ["ko", "en"]) {
      const seen = async (base) => {
        await page.goto(`${base}${lang}/search/`);
        const parts = await page.evaluate(() => JSON.parse(document.getElementById("search").getAttribute("data-config")).parts.length);
        const found = [];
        for (const { q } of queries[lang]) {
          found.push((await pagefindSearch(page, await processTerm(q))).map((r) => r.url).sort().join(" "));
        }
        // A fresh page: the search page's module merges the parts itself.
        await page.goto(`${base}${lang}/search/`);
        const byName = (await pageSearch(page, lang === "ko" ? "가공" : "laser", 1000, { sort: { name: "asc" } })).results.map((r) => r.url);
        const filtered = (await pageSearch(page, " ", 1000, { filters: { [lang === "ko" ? "종류" : "Kind"]: lang === "ko" ? "기업" : "Company" } })).results.map((r) => r.url);
        const filters = await page.evaluate(() => window.__pfPage.filters());
        return { parts, found, byName, filtered, filters };
      };
      const whole = await seen(server.url);
      const parts = await seen(other.url);
      assert.equal(whole.parts, 0);
      assert.ok(parts.parts >= 1, `${lang}: ${parts.parts} other parts`);
      assert.deepEqual(parts.found, whole.found, `${lang}: every query finds the same`);
      assert.ok(whole.byName.length >= 5, `${lang}: ${whole.byName.length} results sorted by name`);
      assert.deepEqual(parts.byName, whole.byName, `${lang}: sorted by name, in the same order`);
      assert.ok(whole.filtered.length >= 10, `${lang}: ${whole.filtered.length} companies by filter alone`);
      assert.deepEqual(parts.filtered, whole.filtered, `${lang}: a filter alone lists the same, in the same order`);
      assert.deepEqual(parts.filters, whole.filters, `${lang}: the same filter counts`);
    }
  } finally {
    await other.close();
  }
});
