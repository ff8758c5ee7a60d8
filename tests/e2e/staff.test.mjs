// The staff edition (`build --internal examples/internal`), as staff get it on
// a phone: its own pages (every karte, the karte list, the reports) and the
// pages it changes (companies and coordinators with their visit timelines, the
// home page) load without errors, fit a 375-pixel screen, link only to files of
// the build, pass axe-core and html-validate; karte search finds kartes by a
// Korean word inside a compound and narrows by coordinator, year and status.
// The public pages it shares with the public site are checked by pages.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { build, serve, launch, closeAll, axeViolations, pool, pagefindSearch, repo } from "./lib.mjs";

let out, server, browser;
before(async () => {
  out = build(repo, ["--internal", join(repo, "examples", "internal")]);
  server = await serve(out, "/");
  browser = await launch();
});
after(() => closeAll(browser, server));

/** The pages the staff edition adds or changes, as paths under its root. */
function staffPages() {
  const pages = [];
  for (const lang of ["ko", "en"]) {
    pages.push(`${lang}/`);
    for (const kind of ["kartes", "companies", "coordinators"]) {
      for (const name of readdirSync(join(out, lang, kind))) {
        const dir = join(out, lang, kind, name);
        if (statSync(dir).isDirectory() && existsSync(join(dir, "index.html"))) pages.push(`${lang}/${kind}/${name}/`);
      }
      pages.push(`${lang}/${kind}/`);
    }
  }
  return pages;
}

test("every staff page loads cleanly on a phone, marked internal, and links only to files of the build", async () => {
  const pages = staffPages();
  assert.ok(pages.length > 150, `${pages.length} pages`);
  // axe on the karte list, a karte, both reports and a company with its timeline, in both languages.
  const axeOn = new Set(["ko", "en"].flatMap((l) => [`${l}/kartes/`, `${l}/kartes/2025-05-kodaira-mold-conformal-cooling-insert/`, `${l}/kartes/activity/`, `${l}/kartes/due/`, `${l}/companies/kodaira-mold/`, `${l}/coordinators/coord-tanabe-hiroshi/`]));
  for (const p of axeOn) assert.ok(pages.includes(p), p);
  const problems = [];
  const contexts = [];
  const tabs = [];
  let axed = 0;
  await pool(pages, 3, async (path, w) => {
    if (!tabs[w]) {
      // axe runs on a dozen of the pages: it is added to those (axeViolations), not preloaded into every one.
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      contexts.push(context);
      tabs[w] = await context.newPage();
    }
    const page = tabs[w];
    page.removeAllListeners();
    const report = (what) => problems.push(`/${path}: ${what}`);
    page.on("console", (m) => m.type() === "error" && report(`console: ${m.text()}`));
    page.on("pageerror", (e) => report(`script: ${e.message}`));
    page.on("response", (r) => r.status() >= 400 && report(`${r.status()} ${r.url()}`));
    const response = await page.goto(server.url + path, { waitUntil: "load" });
    if (!response.ok()) report(`answered ${response.status()}`);
    const seen = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      mark: document.querySelectorAll(".internal-mark").length,
      robots: document.querySelector("meta[name=robots]")?.content,
      links: [...document.querySelectorAll("a[href], link[href], img[src], script[src], form[action]")].map((e) => new URL(e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action"), document.baseURI).href),
    }));
    if (seen.overflow > 0) report(`${seen.overflow}px wider than the screen`);
    if (seen.mark !== 1) report(`${seen.mark} internal marks`);
    if (seen.robots !== "noindex, nofollow") report(`robots: ${seen.robots}`);
    for (const href of seen.links) {
      const url = new URL(href);
      if (url.origin !== new URL(server.url).origin) continue;
      let file = join(out, decodeURIComponent(url.pathname));
      if (url.pathname.endsWith("/")) file = join(file, "index.html");
      if (!existsSync(file)) report(`broken link ${url.pathname}`);
    }
    if (axeOn.has(path)) {
      for (const v of await axeViolations(page)) report(`axe ${v}`);
      axed++;
    }
  });
  await Promise.all(contexts.map((c) => c.close()));
  assert.equal(axed, axeOn.size);
  assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
});

test("every staff page is valid HTML", async () => {
  const validator = new HtmlValidate({ extends: ["html-validate:standard"], rules: { "unrecognized-char-ref": "off" } });
  const errors = [];
  for (const path of staffPages()) {
    const report = await validator.validateFile(join(out, path, "index.html"));
    for (const r of report.results) for (const m of r.messages) errors.push(`/${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  assert.deepEqual(errors.slice(0, 40), [], `${errors.length} errors`);
});

test("karte search finds a Korean word inside a compound, and filters by coordinator, year and status", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "ko/search/", { waitUntil: "load" });
  const term = (q) => page.evaluate((q) => window.__processTerm(q), q);
  // 취성 is written only inside 수소취성 (hydrogen embrittlement).
  const found = await pagefindSearch(page, await term("취성"), { filters: { 종류: "카르테" } });
  assert.deepEqual(found.map((r) => r.url), ["/ko/kartes/2026-03-sagami-plating-hydrogen-embrittlement-baking/"]);
  const urls = (results) => results.map((r) => r.url).sort();
  const karte = (slug) => `/ko/kartes/${slug}/`;
  // Every Korean karte that writes 냉각, alone or inside a compound (냉각수, 형상냉각), and no other.
  const cooling = await pagefindSearch(page, await term("냉각"), { filters: { 종류: "카르테" } });
  assert.deepEqual(urls(cooling), [
    "2025-02-machida-heat-treat-ring-gear-distortion",
    "2025-03-hamura-castings-die-cooling-time",
    "2025-03-hino-ev-components-shaft-distortion",
    "2025-05-kodaira-mold-conformal-cooling-insert",
    "2026-01-kodaira-mold-conformal-insert-trial",
    "2026-02-hamura-castings-ev-market-entry",
    "2026-07-hamura-castings-conformal-cooling-result",
  ].map(karte));
  const tanabe = await pagefindSearch(page, await term("냉각"), { filters: { 종류: "카르테", 코디네이터: "다나베 히로시", 연도: "2025" } });
  assert.deepEqual(urls(tanabe), [
    "2025-02-machida-heat-treat-ring-gear-distortion",
    "2025-03-hino-ev-components-shaft-distortion",
    "2025-05-kodaira-mold-conformal-cooling-insert",
  ].map(karte));
  for (const r of tanabe) {
    assert.ok(r.filters["코디네이터"].includes("다나베 히로시"), r.url);
    assert.deepEqual(r.filters["연도"], ["2025"], r.url);
  }
  const onHold = await pagefindSearch(page, null, { filters: { "진행 상태": "보류" } });
  assert.deepEqual(urls(onHold), ["2025-07-machida-heat-treat-furnace-energy-cost", "2025-11-greenleaf-energy-first-production-funding"].map(karte));
  for (const r of onHold) assert.deepEqual(r.filters["진행 상태"], ["보류"], r.url);
  // The list page's finder opens the search page with its presets.
  await page.goto(server.url + "ko/kartes/", { waitUntil: "load" });
  await page.selectOption("select[name=coordinator]", "coord-tanabe-hiroshi");
  await Promise.all([page.waitForURL(/search/), page.click(".finder button")]);
  await page.waitForSelector(".pagefind-ui__result-title");
  const titles = await page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(titles.length >= 1 && titles.every((h) => h.includes("/ko/kartes/")), titles.join(" "));
  // The coordinator came with the link: it is the one filter ticked.
  const ticked = await page.locator(".pagefind-ui__filter-checkbox:checked").evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.ok(ticked.includes("다나베 히로시"), ticked.join(", "));
  await page.close();
});
