// A phone (375 px wide) with JavaScript off. On every type of page, in both
// languages, the page's own heading starts within 200 px of the top: the
// header keeps only the site's name, the languages, the search box and a menu
// button. The menu is a <details>: it starts closed, opens from its button
// without any script, and then every entry can be tapped; followed, each leads
// to its page. The free-form pages are a group of their own in it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openSite, closeAll, representativePages, FREE_FORM, build, serve, repo } from "./lib.mjs";

const PHONE = { width: 375, height: 800 };
let out, server, browser;
before(async () => ({ out, server, browser } = await openSite()));
after(() => closeAll(browser, server));

async function phone(journey) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "fr-FR" });
  try {
    await journey(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * The links a finger could not tap, each with why: what a trial click checks
 * (visible once scrolled to, its middle inside the screen and not covered),
 * in one call in the page rather than one round trip a link.
 */
function unreachable(links) {
  return links.flatMap((a, i) => {
    a.scrollIntoView({ block: "center" });
    const r = a.getBoundingClientRect();
    const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
    const name = `${i} "${a.textContent.trim()}"`;
    if (!r.width || !r.height || getComputedStyle(a).visibility !== "visible") return [`${name} is not visible`];
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return [`${name} is off the screen at ${Math.round(x)},${Math.round(y)}`];
    const top = document.elementFromPoint(x, y);
    return a.contains(top) ? [] : [`${name} is covered by <${top?.tagName.toLowerCase()} class="${top?.className}">`];
  });
}

const go = (page, p) => page.goto(server.url + p.replace(/^\//, ""));

test("at 375 px without JavaScript, every type of page shows its heading near the top and a menu that opens with every entry reachable", async () => {
  const pages = representativePages(out).filter((p) => p !== "");
  assert.ok(pages.some((p) => p.startsWith("ko/")) && pages.some((p) => p.startsWith("en/")), "pages in both languages");
  await phone(async (page) => {
    const problems = [];
    for (const p of pages) {
      const name = `/${p}`;
      assert.equal((await go(page, p)).status(), 200, `${name}: status`);
      const heading = await page.locator("main h1").first().boundingBox();
      if (!heading || heading.y >= 200) problems.push(`${name}: the heading starts at ${heading?.y}px`);
      // The search box is in the header, one tap away (the search page has its own).
      if (!p.includes("/search/") && !(await page.locator("#site-q").isVisible())) problems.push(`${name}: no search box in sight`);
      const links = page.locator(".main-nav a");
      const count = await links.count();
      if (count < 8 + FREE_FORM.length) problems.push(`${name}: ${count} menu entries`);
      if (await links.first().isVisible()) problems.push(`${name}: the menu is open before it is asked for`);
      await page.locator(".main-nav summary").click();
      for (const entry of await links.evaluateAll(unreachable)) problems.push(`${name}: menu entry ${entry}`);
    }
    assert.deepEqual(problems, []);
  });
});

test("at 375 px without JavaScript, every menu entry leads to its page, and the free-form pages are grouped", async () => {
  await phone(async (page) => {
    for (const lang of ["ko", "en"]) {
      await go(page, `${lang}/`);
      const groups = await page.locator(".menu-group").evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll("a")].map((a) => a.getAttribute("href"))));
      assert.equal(groups.length, 2, `/${lang}/: the directory and the cluster's pages`);
      assert.deepEqual(groups[1].sort(), FREE_FORM.map((slug) => `/${lang}/${slug}/`).sort(), `/${lang}/: the free-form pages, grouped`);
      const directory = ["", "companies/", "institutions/", "research-themes/", "equipment/", "coordinators/", "success-stories/", "notices/"];
      assert.deepEqual(groups[0], directory.map((d) => `/${lang}/${d}`), `/${lang}/: the directory's entries, in order`);
      for (const href of groups.flat()) {
        const from = new URL(page.url()).pathname;
        await page.locator(".main-nav summary").click();
        await page.locator(`.main-nav a[href="${href}"]`).click();
        assert.equal(new URL(page.url()).pathname, href, `${from}: the menu entry ${href}`);
        assert.equal(await page.locator(`.main-nav a[href="${href}"]`).getAttribute("aria-current"), "page", `${href}: the menu marks where you are`);
      }
    }
  });
});

test("Korean text breaks lines between words, Japanese between characters", async () => {
  // keep-all (breaks at spaces only) is how Korean is typeset; on Japanese,
  // written without spaces, it leaves breaks only at punctuation.
  const ja = await serve(build(join(repo, "tests/fixtures/valid/japanese")), "/");
  try {
    await phone(async (page) => {
      for (const [site, path, rule] of [
        [server, "ko/companies/", "keep-all"],
        [server, "en/companies/", "normal"],
        [ja, "ja/companies/hino-seimitsu/", "normal"],
      ]) {
        await page.goto(site.url + path);
        const body = await page.evaluate(() => getComputedStyle(document.querySelector("main p") || document.body).wordBreak);
        assert.equal(body, rule, path);
      }
    });
  } finally {
    ja.close();
  }
});
