// The hostile site (tests/fixtures/hostile/site: ~100 XSS vectors after the
// OWASP filter evasion cheat sheet, in every kind of text a record has, in
// Markdown bodies, URL and email fields, taxonomy labels and site.yaml; made by
// tests/hostile.rs) in a real browser: on every page, and on the search page
// with results full of vectors, nothing from content runs. No dialog opens, no
// marker is set, the title is not changed, the page does not navigate away, no
// script or event handler is in the DOM that the theme did not put there, and
// every link and resource URL is http(s), mailto, tel or on the site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync, mkdtempSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, serve, launch, repo, closeAll } from "./lib.mjs";

let out, server, browser, origin;
before(async () => {
  // Built from a copy: a build keeps resized images in a cache under the site.
  const site = join(mkdtempSync(join(tmpdir(), "cp-hostile-")), "site");
  cpSync(join(repo, "tests/fixtures/hostile/site"), site, { recursive: true });
  out = build(site);
  server = await serve(out, "/");
  origin = new URL(server.url).origin;
  browser = await launch();
});
after(() => closeAll(browser, server));

function pages(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" || name === "static" ? [] : pages(path, `${prefix}${name}/`);
    if (name === "index.html") return [prefix];
    return name.endsWith(".html") ? [`${prefix}${name}`] : [];
  });
}

// Runs in every page before anything else: a vector that sets the marker is recorded.
//
// Timers are tracked too, so that the test waits for every timer a page sets
// (a vector could sit behind one, `onerror="setTimeout(alert,1000)"`) instead
// of a fixed moment: window.__settled() resolves once every timer set so far
// (and any set by those) has run or been cleared, an interval once it has
// ticked. Nothing of the theme or Pagefind's UI sets a timer longer than
// LONG ms, so a longer one is recorded as a problem rather than waited for.
function traps() {
  window.__xssHits = [];
  Object.defineProperty(window, "__xss", {
    configurable: false,
    get: () => undefined,
    set: (v) => window.__xssHits.push(`window.__xss=${v}`),
  });
  const LONG = 10000;
  const pending = new Set();
  let waiters = [];
  const check = () => {
    if (pending.size) return;
    const ready = waiters;
    waiters = [];
    ready.forEach((resolve) => resolve());
  };
  const run = (fn, args) => (typeof fn === "function" ? fn(...args) : (0, eval)(String(fn)));
  const [setT, clearT, setI, clearI] = [setTimeout, clearTimeout, setInterval, clearInterval];
  const track = (set, repeat) =>
    function (fn, delay = 0, ...args) {
      if (Number(delay) > LONG) {
        window.__xssHits.push(`a timer set for ${delay} ms`);
        return set(() => {}, 0);
      }
      const id = set(() => {
        try {
          run(fn, args);
        } finally {
          if (!repeat || pending.has(id)) {
            pending.delete(id);
            check();
          }
        }
      }, delay);
      pending.add(id);
      return id;
    };
  const untrack = (clear) => (id) => {
    clear(id);
    if (pending.delete(id)) check();
  };
  window.setTimeout = track(setT, false);
  window.setInterval = track(setI, true);
  window.clearTimeout = untrack(clearT);
  window.clearInterval = untrack(clearI);
  window.__settled = () => new Promise((resolve) => (waiters.push(resolve), check()));
}

/** Wait until every timer the page has set has run (see traps). */
function settled(page) {
  return page.evaluate(() => window.__settled());
}

// Everything in the live DOM that could run a script and did not come from the theme.
function activeContent() {
  const theme = ["/static/choose-language.js", "/pagefind/pagefind-ui.js", "/static/search.js"];
  const safe = ["http:", "https:", "mailto:", "tel:"];
  const bad = [];
  const show = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (tag === "script") {
      const src = el.getAttribute("src");
      // JSON-LD is data, not a script: it must parse, and hold no "<" that could end it.
      const data = el.getAttribute("type") === "application/ld+json";
      const ok = data
        ? !src && !el.textContent.includes("<") && (() => { try { JSON.parse(el.textContent); return true; } catch { return false; } })()
        : src && theme.includes(new URL(src, location.href).pathname) && !el.textContent.trim();
      if (!ok) bad.push(`script: ${show(el)}`);
    }
    if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"].includes(tag)) bad.push(`<${tag}>: ${show(el)}`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) bad.push(`meta refresh: ${show(el)}`);
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc") bad.push(`${name}= on ${show(el)}`);
      if (name === "srcset") {
        for (const candidate of a.value.split(",")) {
          const url = new URL(candidate.trim().split(/\s+/)[0], location.href);
          if (!safe.includes(url.protocol)) bad.push(`srcset ${a.value} on ${show(el)}`);
        }
      }
      const isUrl = ["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "dynsrc", "lowsrc"].includes(name);
      // Pagefind's search form (part of the theme's search page) does not submit anywhere.
      const pagefindForm = tag === "form" && el.classList.contains("pagefind-ui__form") && a.value === "javascript:void(0);";
      if (isUrl && !pagefindForm) {
        let url;
        try {
          url = new URL(a.value, location.href);
        } catch {
          continue; // Not a URL a browser can follow.
        }
        if (!safe.includes(url.protocol)) bad.push(`${name}=${a.value} on ${show(el)}`);
      }
    }
  }
  // Every link, as the browser resolves it (SVG links included).
  for (const a of document.querySelectorAll("a, area")) {
    const href = a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href");
    if (href === null) continue;
    const url = new URL(href, location.href);
    if (!safe.includes(url.protocol)) bad.push(`link to ${url.href}: ${show(a)}`);
  }
  return bad;
}

/** A browser page that records everything a vector could do, into `problems`. */
async function hostilePage(problems, where) {
  const context = await browser.newContext();
  await context.addInitScript(traps);
  const page = await context.newPage();
  page.on("dialog", async (d) => {
    problems.push(`${where.current}: ${d.type()} dialog "${d.message()}"`);
    await d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => problems.push(`${where.current}: script error: ${e.message}`));
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) where.navigations.push(f.url());
  });
  // Nothing leaves the site: requests elsewhere are stopped; those that could
  // carry or run a script (a document, a script, a fetch) are problems.
  await context.route("**/*", (route) => {
    const r = route.request();
    const url = new URL(r.url());
    if (url.origin === origin || url.protocol === "data:") return route.continue();
    if (!["image", "media", "font", "stylesheet"].includes(r.resourceType()) || url.hostname.startsWith("xss.")) {
      problems.push(`${where.current}: ${r.resourceType()} request to ${r.url()}`);
    }
    return route.abort();
  });
  return { context, page };
}

/** Check the page as it is now: no marker, no changed title, nothing active in the DOM. */
async function inspect(page, problems, current, servedHtml) {
  const found = await page.evaluate((html) => {
    const out = [...window.__xssHits];
    const served = new DOMParser().parseFromString(html, "text/html").title;
    if (document.title !== served) out.push(`title changed to "${document.title}"`);
    return out;
  }, servedHtml);
  found.push(...(await page.evaluate(activeContent)));
  problems.push(...found.map((f) => `${current}: ${f}`));
}

test("no page of the hostile site runs anything from its content", async () => {
  const all = pages(out);
  assert.ok(all.length > 300, `${all.length} pages`);
  const problems = [];
  const where = { current: "", navigations: [] };
  const { context, page } = await hostilePage(problems, where);
  for (const path of all) {
    where.current = `/${path}`;
    where.navigations = [];
    const response = await page.goto(server.url + path, { waitUntil: "load" });
    // The page as served (read now: a page that navigated away has no body to read).
    const html = path === "" ? "" : await response.text().catch(() => problems.push(`${where.current}: navigated away`) && "");
    // Handlers that fire after load may set timers: wait for every timer to run.
    if (path !== "") await settled(page).catch((e) => problems.push(`${where.current}: timers: ${e.message.split("\n")[0]}`));
    // The chooser at / sends a browser on to its language; nothing else moves.
    const allowed = path === "" ? [server.url, `${server.url}ko/`, `${server.url}en/`] : [server.url + path];
    for (const url of where.navigations) {
      if (!allowed.includes(url)) problems.push(`${where.current}: navigated to ${url}`);
    }
    if (path === "") continue; // Its content is that of the language's home, visited on its own.
    await inspect(page, problems, where.current, html);
  }
  await context.close();
  assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
});

for (const [lang, query] of [
  ["en", "xsstoken"],
  ["ko", "xsstoken"],
  ["en", "alert"],
  ["en", "script"],
]) {
  test(`${lang}: search results for "${query}", excerpts full of vectors, run nothing`, async () => {
    const problems = [];
    const where = { current: `/${lang}/search/?q=${query}`, navigations: [] };
    const { context, page } = await hostilePage(problems, where);
    const response = await page.goto(`${server.url}${lang}/search/?q=${query}`, { waitUntil: "load" });
    const html = await response.text();
    await page.waitForSelector(".pagefind-ui__result-title");
    // Load every result: Pagefind shows them a few at a time.
    const more = page.locator(".pagefind-ui__button");
    while (await more.count()) {
      const shown = await page.locator(".pagefind-ui__result").count();
      await more.first().click();
      await page.waitForFunction((n) => document.querySelectorAll(".pagefind-ui__result").length > n, shown);
    }
    // Results render their excerpts (with <mark>) once loaded.
    await page.waitForFunction(() => document.querySelectorAll(".pagefind-ui__result-excerpt").length === document.querySelectorAll(".pagefind-ui__result").length);
    const results = await page.locator(".pagefind-ui__result").count();
    const marked = await page.locator(".pagefind-ui__result-excerpt mark").count();
    const excerpts = (await page.locator(".pagefind-ui__result-excerpt").allTextContents()).join(" ");
    await settled(page);
    await inspect(page, problems, where.current, html);
    for (const url of where.navigations) {
      if (!url.startsWith(`${server.url}${lang}/search/`)) problems.push(`navigated to ${url}`);
    }
    await context.close();
    assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
    if (query === "xsstoken") {
      // Every company and most other records match: the vectors really are on the page, as text.
      assert.ok(results >= 100, `${results} results`);
      assert.ok(marked >= results, `${marked} highlighted words`);
      assert.match(excerpts, /<script>alert\(1\)<\/script>/);
    } else {
      assert.ok(results > 0, `${results} results`);
    }
  });
}

test("filters named by hostile taxonomy labels run nothing", async () => {
  const problems = [];
  const where = { current: "/en/search/?technologies=t00", navigations: [] };
  const { context, page } = await hostilePage(problems, where);
  const response = await page.goto(`${server.url}en/search/?technologies=t00`, { waitUntil: "load" });
  const html = await response.text();
  await page.waitForSelector(".pagefind-ui__result-title");
  // Open every filter group, so that every label is in the DOM.
  for (const details of await page.locator(".pagefind-ui__filter-group, details").all()) {
    await details.evaluate((d) => d.tagName === "DETAILS" && (d.open = true));
  }
  await settled(page);
  const labels = (await page.locator(".pagefind-ui__filter-name, .pagefind-ui__filter-label").allTextContents()).join(" ");
  assert.match(labels, /<|javascript|alert/, "hostile labels are shown as text");
  await inspect(page, problems, where.current, html);
  await context.close();
  assert.deepEqual(problems, []);
});
