// Journeys a visitor takes through the sample site, clicking and typing in
// Chromium as a person would: choose a language at / (with and without
// JavaScript); search in Korean (on a phone) and in English (on
// a desktop), narrow by a facet and open a result; find laser equipment open to
// outside users and its booking contact; find a super coordinator who is a
// patent attorney; go from a company to the research themes and equipment that
// share its technologies; switch language on every kind of record; and, with
// JavaScript off, use every type of page (notices and free-form pages among
// them) and every menu link. search.test.mjs covers the search engine itself
// (queries, filters and presets through Pagefind's API); pages.test.mjs every
// page's health. A failing step names the page it was on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { openSite, closeAll, repo, representativePages, sitePages, KINDS, FREE_FORM } from "./lib.mjs";

const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };
let out, server, browser;
before(async () => ({ out, server, browser } = await openSite()));
after(() => closeAll(browser, server));

/** A fresh visitor (own context) for one journey; console errors, script errors and error responses fail it. */
async function visitor(options, journey) {
  const context = await browser.newContext({ locale: "fr-FR", ...options });
  const page = await context.newPage();
  const problems = [];
  const where = () => new URL(page.url()).pathname + new URL(page.url()).search;
  page.on("console", (m) => m.type() === "error" && problems.push(`${where()} [console-error] ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${where()} [script-error] ${e.message}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${where()} [http-${r.status()}] ${r.url()}`));
  try {
    await journey(page, where);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], "errors along the way");
}

const path = (page) => new URL(page.url()).pathname;
const go = (page, p) => page.goto(server.url + p.replace(/^\//, ""));

/** Type into the search page's box and wait for the results. */
async function searchFor(page, query) {
  await page.fill(".pagefind-ui__search-input", query);
  await page.waitForSelector(".pagefind-ui__result-title");
}

/** Tick a value of a filter in the search page's filter panel (open its group first). */
async function tick(page, filter, value) {
  const group = page.locator("details.pagefind-ui__filter-block", { has: page.locator("summary", { hasText: new RegExp(`^${filter}$`) }) });
  if (!(await group.evaluate((d) => d.open))) await group.locator("summary").click();
  await group.locator(`input.pagefind-ui__filter-checkbox[value="${value}"]`).check();
}

/** The results once every one shown carries `tag` (the UI re-renders after a filter). */
async function resultsTagged(page, tag, where) {
  await page
    .waitForFunction(
      (tag) => {
        const results = [...document.querySelectorAll(".pagefind-ui__result")];
        return results.length > 0 && results.every((r) => [...r.querySelectorAll(".pagefind-ui__result-tag")].some((t) => t.textContent.trim().startsWith(tag)));
      },
      tag,
      { timeout: 10000 },
    )
    .catch(() => assert.fail(`${where}: the results were not all tagged "${tag}"`));
  return page.locator(".pagefind-ui__result").evaluateAll((rs) =>
    rs.map((r) => ({ title: r.querySelector(".pagefind-ui__result-title").textContent.trim(), href: r.querySelector("a").getAttribute("href"), tags: [...r.querySelectorAll(".pagefind-ui__result-tag")].map((t) => t.textContent.trim()) })),
  );
}

/**
 * Wait (at most 10 s) until the results shown lead to `hrefs` and nothing else.
 * The UI searches again after each ticked filter and shows each answer in
 * turn, so right after several ticks it may still show an earlier one; the
 * assertion that follows reports what is shown if the wait runs out.
 */
async function settledOn(page, hrefs) {
  const want = [...hrefs].sort();
  await page
    .waitForFunction((want) => JSON.stringify([...document.querySelectorAll(".pagefind-ui__result a")].map((a) => a.getAttribute("href")).sort()) === JSON.stringify(want), want, { timeout: 10000 })
    .catch(() => {});
}

/** The message above the results ("29 results for laser"): its number. */
async function resultCount(page) {
  return Number((await page.locator(".pagefind-ui__message").textContent()).match(/\d+/)[0]);
}

/** Open a result by clicking its title; the record page must show that title. */
async function openResult(page, result, where) {
  await page.locator(".pagefind-ui__result-link", { hasText: result.title }).first().click();
  await page.waitForURL((u) => u.pathname === result.href.split("#")[0]);
  assert.equal((await page.locator("h1").textContent()).trim(), result.title, `${where}: the result "${result.title}" leads to its record`);
}

/** The facet terms (taxonomy/term) of the badges in a part of the page. */
function terms(locator) {
  return locator.evaluateAll((as) => as.map((a) => new URL(a.href).pathname.split("/").slice(2, 4).join("/")));
}

test("choosing a language at / works with and without JavaScript, and the switcher keeps the record", async () => {
  await visitor({ javaScriptEnabled: false, locale: "en-US" }, async (page) => {
    await page.goto(server.url);
    assert.deepEqual(await page.locator(".chooser-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/ko/", "/en/"]);
    await page.click('.chooser-list a[hreflang="ko"]');
    assert.equal(path(page), "/ko/");
    // Without JavaScript, lists, records, term pages and the language switch work.
    await go(page, "ko/companies/hanbit-precision/");
    await page.click('.langs a[hreflang="en"]');
    assert.equal(path(page), "/en/companies/hanbit-precision/");
    assert.equal(await page.locator("h1").textContent(), "Hanbit Precision Co., Ltd.");
    await page.click(".badge.tax-technologies >> nth=0");
    assert.match(path(page), /^\/en\/technologies\/[a-z-]+\/$/);
    // The term page lists the company it was reached from.
    assert.equal(await page.locator('section.related .card-title a[href="/en/companies/hanbit-precision/"]').count(), 1);
  });
  // With JavaScript, / sends the visitor to the browser's language.
  await visitor({ locale: "ko-KR" }, async (page) => {
    await page.goto(server.url);
    await page.waitForURL(/\/ko\/$/);
  });
});

test("Korean, on a phone: search from the home page, narrow to equipment, open a result", async () => {
  await visitor({ viewport: PHONE }, async (page, where) => {
    await go(page, "ko/");
    // A phone shows the header's search box too.
    await page.fill("#site-q", "레이저로");
    await page.press("#site-q", "Enter");
    await page.waitForURL(/\/ko\/search\/\?q=/);
    await page.waitForSelector(".pagefind-ui__result-title");
    const all = await resultCount(page);
    await tick(page, "종류", "설비");
    const results = await resultsTagged(page, "종류: 설비", where());
    assert.ok((await resultCount(page)) < all, `${where()}: the filter 종류 = 설비 narrows ${all} results`);
    assert.ok(results.every((r) => r.href.startsWith("/ko/equipment/")), `${where()}: ${results.map((r) => r.href).join(" ")}`);
    await openResult(page, results[0], where());
    assert.match(await page.locator("article.record").textContent(), /레이저/, `${where()}: the record mentions 레이저`);
  });
});

test("English, on a desktop: search from a record page's header, narrow to research themes, open a result", async () => {
  await visitor({ viewport: DESKTOP }, async (page, where) => {
    await go(page, "en/companies/hanbit-precision/");
    await page.fill("#site-q", "grinding");
    await page.press("#site-q", "Enter");
    await page.waitForURL(/\/en\/search\/\?q=grinding/);
    await page.waitForSelector(".pagefind-ui__result-title");
    assert.equal(await page.inputValue(".pagefind-ui__search-input"), "grinding");
    const all = await resultCount(page);
    await tick(page, "Kind", "Research theme");
    const results = await resultsTagged(page, "Kind: Research theme", where());
    assert.ok((await resultCount(page)) < all, `${where()}: the filter Kind = Research theme narrows ${all} results`);
    await openResult(page, results[0], where());
    assert.match(path(page), /^\/en\/research-themes\/[a-z0-9-]+\/$/);
    assert.match(await page.locator("article.record").textContent(), /grind/i, `${where()}: the record mentions grinding`);
  });
});

test("laser equipment open to outside users, and how to book it: by search (Korean) and by browsing (English)", async () => {
  await visitor({ viewport: PHONE }, async (page, where) => {
    await go(page, "ko/search/");
    await searchFor(page, "레이저");
    await tick(page, "종류", "설비");
    await tick(page, "이용 가능 여부", "외부 개방");
    const open = ["/ko/equipment/eq-femtosecond-laser/", "/ko/equipment/eq-fiber-laser-cutter/"];
    await settledOn(page, open);
    const results = await resultsTagged(page, "예약 방법:", where());
    assert.deepEqual(results.map((r) => r.href).sort(), open, `${where()}: the open laser units`);
    await openResult(page, results[0], where());
    assert.ok((await terms(page.locator(".side a.badge"))).includes("access/open"), `${where()}: marked open to outside users`);
    const booking = page.locator(".panel-booking");
    const contact = booking.locator("dt", { hasText: "예약 방법" }).locator("xpath=following-sibling::dd[1]//a");
    assert.match(await contact.getAttribute("href"), /^(https?:|mailto:)/, `${where()}: the booking contact is a link`);
  });
  await visitor({ viewport: DESKTOP, javaScriptEnabled: false }, async (page, where) => {
    await go(page, "en/");
    await page.locator(".main-nav a", { hasText: "Shared equipment" }).click();
    assert.equal(path(page), "/en/equipment/");
    await page.locator("aside a.badge", { hasText: "Open to outside users" }).click();
    assert.equal(path(page), "/en/access/open/");
    const lasers = page.locator(".card-equipment .card-title a", { hasText: /laser/i });
    // Not the metal 3D printer (laser powder bed fusion): it is not open.
    const listed = (await lasers.allTextContents()).map((t) => t.trim()).sort();
    assert.deepEqual(listed, ["6 kW fibre laser cutting machine", "Femtosecond laser micromachining system"], `${where()}: open laser units listed`);
    await lasers.first().click();
    assert.match(path(page), /^\/en\/equipment\/[a-z0-9-]+\/$/);
    assert.ok((await terms(page.locator(".side a.badge"))).includes("access/open"), `${where()}: marked open to outside users`);
    const booking = page.locator(".panel-booking");
    const contact = booking.locator("dt", { hasText: "How to book" }).locator("xpath=following-sibling::dd[1]//a");
    assert.match(await contact.getAttribute("href"), /^(https?:|mailto:)/, `${where()}: the booking contact is a link`);
  });
});

test("a super coordinator who is a patent attorney: by search filters (Korean) and by term pages (English)", async () => {
  // Who that is, from the content itself.
  const dir = join(repo, "content", "coordinators");
  const expected = readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.(md|yaml)$/.test(f))
    .filter((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      return /^tier: super$/m.test(text) && /^qualifications: \[[^\]]*\bpatent-attorney\b/m.test(text);
    })
    .map((f) => f.split(".")[0])
    .sort();
  assert.ok(expected.length > 0, "the sample site has a super coordinator who is a patent attorney");
  await visitor({ viewport: DESKTOP }, async (page, where) => {
    await go(page, "ko/search/");
    await searchFor(page, "변리사");
    await tick(page, "종류", "코디네이터");
    await tick(page, "구분", "슈퍼 코디네이터");
    await tick(page, "자격", "변리사");
    await settledOn(page, expected.map((slug) => `/ko/coordinators/${slug}/`));
    const results = await resultsTagged(page, "종류: 코디네이터", where());
    assert.deepEqual(results.map((r) => r.href.split("/")[3]).sort(), expected, `${where()}: the super coordinators who are patent attorneys`);
    await openResult(page, results[0], where());
    const facets = await terms(page.locator(".side a.badge"));
    assert.ok(facets.includes("tier/super") && facets.includes("qualifications/patent-attorney"), `${where()}: ${facets.join(" ")}`);
    assert.ok((await page.locator(".panel-contact a[href^='mailto:']").count()) > 0, `${where()}: a way to contact them`);
  });
  await visitor({ viewport: DESKTOP, javaScriptEnabled: false }, async (page, where) => {
    await go(page, "en/coordinators/");
    await page.locator("aside a.badge", { hasText: "Patent attorney" }).click();
    assert.equal(path(page), "/en/qualifications/patent-attorney/");
    const supers = page.locator(".card-coordinators", { has: page.locator("a.badge.term-super") });
    const found = (await supers.locator(".card-title a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname.split("/")[3]))).sort();
    assert.deepEqual(found, expected, `${where()}: the super coordinators among the patent attorneys`);
    await supers.first().locator(".card-title a").click();
    assert.equal(path(page), `/en/coordinators/${expected[0]}/`);
    assert.ok((await page.locator(".panel-contact a[href^='mailto:']").count()) > 0, `${where()}: a way to contact them`);
  });
});

test("from a company to the research themes and equipment that share its technologies", async () => {
  // "Could fit" sections (English): each card names what it shares; its page carries that technology.
  await visitor({ viewport: DESKTOP }, async (page, where) => {
    const company = "/en/companies/hanbit-precision/";
    await go(page, company);
    const technologies = await terms(page.locator(".page-head a.badge.tax-technologies"));
    assert.ok(technologies.length > 0);
    for (const [section, kind] of [["#partners-research-themes", "research-themes"], ["#partners-equipment", "equipment"]]) {
      await go(page, company);
      const cards = page.locator(`${section} .card`);
      assert.ok((await cards.count()) > 0, `${company}: ${section} lists something`);
      const shared = (await cards.first().locator(".reason").textContent()).replace(/^[^:]*:\s*/, "");
      await cards.first().locator(".card-title a").click();
      assert.match(path(page), new RegExp(`^/en/${kind}/[a-z0-9-]+/$`));
      const theirs = await terms(page.locator(".side a.badge.tax-technologies"));
      const common = technologies.filter((t) => theirs.includes(t));
      assert.ok(common.length > 0, `${where()}: shares a technology with ${company} (${technologies.join(" ")} / ${theirs.join(" ")})`);
      const names = await page.locator(".side a.badge.tax-technologies").allTextContents();
      assert.ok(names.some((n) => shared.includes(n.trim())), `${where()}: the card's reason "${shared}" names one of its technologies`);
    }
  });
  // The technology's term page (Korean): every kind under that technology, grouped.
  await visitor({ viewport: PHONE }, async (page, where) => {
    await go(page, "ko/companies/hanbit-precision/");
    await page.locator(".page-head a.badge.tax-technologies").first().click();
    const term = path(page);
    assert.match(term, /^\/ko\/technologies\/[a-z0-9-]+\/$/);
    const technology = term.split("/").slice(2, 4).join("/");
    assert.ok((await page.locator(`#kind-companies a[href="/ko/companies/hanbit-precision/"]`).count()) === 1, `${term}: lists the company`);
    for (const kind of ["research-themes", "equipment"]) {
      const links = page.locator(`#kind-${kind} .card-title a`);
      assert.ok((await links.count()) > 0, `${term}: lists ${kind}`);
      await links.first().click();
      assert.ok((await terms(page.locator(".side a.badge.tax-technologies"))).includes(technology), `${where()}: carries ${technology}`);
      await page.goBack();
    }
  });
});

test("switching language on a record of every kind lands on the same record", async () => {
  const samples = KINDS.map((kind) => `${kind}/${readdirSync(join(out, "ko", kind)).filter((s) => s !== "page" && s !== "archive" && !s.includes("."))[0]}/`);
  samples.push(`${FREE_FORM[0]}/`);
  await visitor({ viewport: PHONE }, async (page, where) => {
    for (const sample of samples) {
      for (const [from, to] of [["ko", "en"], ["en", "ko"]]) {
        await go(page, `${from}/${sample}`);
        await page.click(`.langs a[hreflang="${to}"]`);
        assert.equal(path(page), `/${to}/${sample}`, `/${from}/${sample}: the language switch`);
        assert.equal(await page.getAttribute("html", "lang"), to, `${where()}: <html lang>`);
        assert.ok((await page.locator("h1").textContent()).trim().length > 0, `${where()}: has its title`);
      }
    }
  });
});

test("without JavaScript every type of page works (notices and free-form pages included), and so does every menu link", async () => {
  const pages = representativePages(out).filter((p) => p !== "");
  await visitor({ viewport: DESKTOP, javaScriptEnabled: false }, async (page, where) => {
    const failed = [];
    // A request cut short by the next navigation (the favicon, fetched after
    // load) is not a failure: a missing file shows up as an error response.
    page.on("requestfailed", (r) => r.failure()?.errorText !== "net::ERR_ABORTED" && failed.push(`${where()} [failed-request] ${r.url()} ${r.failure()?.errorText}`));
    for (const p of pages) {
      const response = await go(page, p);
      const name = `/${p}`;
      assert.equal(response.status(), 200, `${name}: status`);
      assert.ok(await page.locator("main h1").isVisible(), `${name}: a visible title`);
      if (p.includes("/search/")) {
        // Search needs JavaScript; its page says so and leads home.
        const lang = p.split("/")[0];
        const notice = page.locator("main p.notice", { hasText: lang === "ko" ? "검색에는 자바스크립트가 필요합니다" : "Search needs JavaScript" });
        assert.ok(await notice.isVisible(), `${name}: says search needs JavaScript`);
        assert.equal(await notice.locator(`a[href="/${lang}/"]`).count(), 1, `${name}: and leads home`);
        continue;
      }
      const text = (await page.locator("main").innerText()).trim();
      assert.ok(text.length > 40, `${name}: has content`);
      // Every image is there without a script to load it.
      const broken = await page.locator("main img").evaluateAll((imgs) => imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.currentSrc || i.src));
      assert.deepEqual(broken, [], `${name}: images that did not load`);
    }
    assert.deepEqual(failed, []);
    // Every menu link, followed from page to page, in both languages.
    for (const lang of ["ko", "en"]) {
      await go(page, `${lang}/`);
      const menu = await page.locator(".main-nav a").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href"), label: a.textContent.trim() })));
      assert.ok(menu.length >= 8 && FREE_FORM.every((slug) => menu.some((m) => m.href === `/${lang}/${slug}/`)), `/${lang}/: the menu has every free-form page: ${menu.map((m) => m.href).join(" ")}`);
      for (const { href, label } of menu) {
        const from = where();
        await page.locator(".main-nav a", { hasText: label }).first().click();
        assert.equal(path(page), href, `${from}: the menu link "${label}"`);
        assert.ok(await page.locator("main h1").isVisible(), `${href}: a visible title`);
        assert.equal(await page.locator(`.main-nav a[href="${href}"]`).getAttribute("aria-current"), "page", `${href}: the menu marks where you are`);
      }
    }
    // A list's initial-letter index and a paginated list's next page work without scripts too.
    await go(page, "en/companies/");
    await page.locator("nav.initials a").last().click();
    assert.match(page.url(), /#initial-\d+$/);
    // The sample site has lists longer than a page: the step is never skipped.
    const paged = sitePages(out).find((p) => /^en\/.+\/page\/2\/$/.test(p));
    assert.ok(paged, "the sample site has a list with a second page");
    await go(page, paged.replace(/page\/2\/$/, ""));
    await page.locator(`a[href$="/${paged}"]`).first().click();
    assert.equal(path(page), `/${paged}`, "the link to the next page of a list");
    assert.ok(await page.locator("main h1").isVisible(), `/${paged}: a visible title`);
  });
});
