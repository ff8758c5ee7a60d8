// Every page of the sample site in Chromium at 375 px, built at the root and
// under a sub-path: axe-core (WCAG 2.1 A/AA), console and script errors,
// failed requests and requests to other hosts, internal links and assets, and
// nothing wider than the screen. The machine-readable files (sitemap, robots,
// manifest, feeds, calendars, open data) must point at files of the build
// too. (html-validate checks every page in html.test.mjs, on the same builds.)
//
// At the root every page is opened, with axe; its colour-contrast rule (most
// of axe's cost) runs on the pages lib.mjs contrastPages picks: every type's
// representative, and every page with an element or class no page before it
// had (content cannot bring colours: the sanitizer drops style and class).
// Under the sub-path the pages differ from those at the root only in their
// URLs, so only a representative
// set is opened (lib.mjs representativePages: the largest page of each type,
// every notice page and every free-form page, and the search page with
// results), with axe; every other page is parsed (DOMParser, no loading, no
// scripts) and its links and assets checked all the same. Opening a page costs
// about a fifth of a second of CPU here and axe another half: the suite has to
// stay under ten minutes on two cores. One browser; pages load three at a time
// in their own contexts. Each problem names the page and the rule it breaks.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, serve, launch, sitePages, pageFile, representativePages, contrastPages, preloadAxe, axeViolations, pool, SUB_PATH } from "./lib.mjs";

const WORKERS = 3;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const variant of [
  { label: "root", prefix: "/", extra: [], open: "every page" },
  { label: "sub-path", prefix: SUB_PATH.prefix, extra: ["--base-url", SUB_PATH.base], open: "representative pages" },
]) {
  describe(`every page (${variant.label})`, () => {
    let out, server, site;
    const problems = { axe: [], console: [], requests: [], links: [], overflow: [] };
    let visited = 0;
    let parsed = 0;
    let contrasted = 0;

    before(async () => {
      out = build(undefined, variant.extra);
      server = await serve(out, variant.prefix);
      const pages = sitePages(out);
      assert.ok(pages.length > 400, `${pages.length} pages`);
      const opened = new Set(variant.open === "every page" ? pages : representativePages(out, pages));
      const contrast = new Set(contrastPages(out, pages));
      // The search page with results (and a filter open) is a state of its own.
      const visits = [
        ...pages.map((path) => ({ path, open: opened.has(path), contrast: contrast.has(path) })),
        { path: "ko/search/?q=레이저", results: true, open: true, contrast: true },
        { path: "en/search/?q=laser", results: true, open: true, contrast: true },
      ];
      site = new Site(out, server.url, JSON.parse(readFileSync(join(out, "data", "index.json"), "utf8")).base_url);
      const inspect = async (page, { path, results, contrast }, report) => {
        const response = await page.goto(server.url + path, { waitUntil: "load" });
        if (!response.ok()) report("requests", "http-status", `the page itself answered ${response.status()}`);
        // The chooser stays put: the browser's language (French) is none of the site's.
        if (page.url() !== new URL(server.url + path).href) report("requests", "redirect", `ended at ${page.url()}`);
        if (results) {
          await page.waitForSelector(".pagefind-ui__result-title");
          await page.locator(".pagefind-ui__filter-name").first().click();
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) report("overflow", "wider-than-screen", `${overflow}px wider than a 375px screen${await widest(page)}`);
        for (const { url, where } of await page.evaluate(`(${references})(document, document.baseURI)`)) site.check(url, where, (rule, detail) => report("links", rule, detail));
        for (const v of await axeViolations(page, { contrast })) report("axe", "axe " + v.split(" ")[0], v);
        if (contrast) contrasted++;
      };
      // A page not opened: its HTML as served, parsed in the worker's page.
      const parse = async (page, path, report) => {
        const file = pageFile(out, path);
        const refs = await page.evaluate(`(${references})(new DOMParser().parseFromString(${JSON.stringify(readFileSync(file, "utf8"))}, "text/html"), ${JSON.stringify(server.url + path)})`);
        // Every page links at least to its stylesheet and its languages: none found means the parse failed.
        if (refs.length < 3) report("links", "unparsed", `${refs.length} references found in the page's HTML`);
        for (const { url, where } of refs) site.check(url, where, (rule, detail) => report("links", rule, detail));
        parsed++;
      };
      const started = Date.now();
      await pool(visits, WORKERS, async (visit, w) => {
        const { path, open } = visit;
        const page = await workerPage(w);
        const name = `/${variant.prefix.slice(1)}${path}`;
        const report = (kind, rule, detail) => problems[kind].push(`${name} [${rule}] ${detail}`);
        try {
          if (open) {
            page.removeAllListeners();
            watch(page, server.url, report);
            await inspect(page, visit, report);
            visited++;
          } else {
            await parse(page, path, report);
          }
        } catch (e) {
          report("requests", "unusable", e.message.split("\n")[0]);
        }
      });
      assert.equal(visited + parsed, visits.length);
      // Contrast on every opened page of a type, and beyond those on each page with an element or class of its own.
      assert.ok(contrasted >= representativePages(out, pages).filter((p) => opened.has(p)).length, `${contrasted} pages checked for contrast`);
      console.log(`${variant.label}: ${visited} pages opened with axe (${contrasted} with its contrast rule) and ${parsed} parsed in ${((Date.now() - started) / 1000).toFixed(0)} s, ${site.checked} link targets checked`);
    });
    after(async () => {
      await Promise.all(contexts.map((c) => c.close()));
      await server?.close();
    });

    // One page per worker, each in its own context at a phone's size.
    const contexts = [];
    const tabs = [];
    async function workerPage(w) {
      if (!tabs[w]) {
        const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: "fr-FR" });
        await preloadAxe(context);
        contexts.push(context);
        tabs[w] = await context.newPage();
      }
      return tabs[w];
    }

    test(`axe-core: no WCAG 2.1 A/AA violation (${variant.open})`, () => {
      assert.deepEqual(problems.axe.slice(0, 60), [], `${problems.axe.length} violations`);
    });
    test("no console error or script error", () => {
      assert.deepEqual(problems.console.slice(0, 60), [], `${problems.console.length} errors`);
    });
    test("no failed request, no error response, no request to another host", () => {
      assert.deepEqual(problems.requests.slice(0, 60), [], `${problems.requests.length} problems`);
    });
    test("every internal link and asset resolves to a file of the build", () => {
      assert.deepEqual(problems.links.slice(0, 60), [], `${problems.links.length} broken`);
    });
    test("the sitemap, robots.txt, manifest, feeds, calendars and open data point at files of the build", () => {
      const broken = [];
      // URLs of the site checked here, per file: site.checked also counts the page visits'.
      const ours = {};
      for (const file of machineFiles(out)) {
        const name = `/${variant.prefix.slice(1)}${file}`;
        ours[file] = 0;
        for (const url of urlsIn(out, file, server.url)) {
          if (site.check(url, "URL", (rule, detail) => broken.push(`${name} [${rule}] ${detail}`))) ours[file]++;
        }
      }
      const feeds = ["ko", "en"].flatMap((l) => [`${l}/notices/atom.xml`, `${l}/success-stories/atom.xml`, `${l}/notices/events.ics`]);
      const data = readdirSync(join(out, "data")).filter((n) => n.endsWith(".json")).map((n) => `data/${n}`);
      assert.ok(data.length >= 9, data.join(" "));
      for (const file of ["sitemap.xml", "robots.txt", "manifest.webmanifest", ...feeds, ...data]) {
        assert.ok(ours[file] > 0, `${file}: no URL of the site checked (${ours[file]})`);
      }
      // The sitemap lists every page of both languages.
      assert.ok(ours["sitemap.xml"] > 400, `sitemap.xml: ${ours["sitemap.xml"]} URLs`);
      assert.deepEqual(broken.slice(0, 60), [], `${broken.length} broken`);
    });
    test("nothing is wider than a 375-pixel screen", () => {
      assert.deepEqual(problems.overflow.slice(0, 60), [], `${problems.overflow.length} pages overflow`);
    });
  });
}

/** Report console errors, script errors, failed requests, error responses and requests to other hosts. */
function watch(page, base, report) {
  const origin = new URL(base).origin;
  page.on("console", (m) => m.type() === "error" && report("console", "console-error", m.text()));
  page.on("pageerror", (e) => report("console", "script-error", e.message));
  // A request cut short by the next step (a favicon fetched after load) is not a failure;
  // a missing file shows up as an error response.
  page.on("requestfailed", (r) => r.failure()?.errorText !== "net::ERR_ABORTED" && report("requests", "failed-request", `${r.url()} ${r.failure()?.errorText}`));
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== "data:") report("requests", "other-host", r.url());
  });
  page.on("response", (r) => r.status() >= 400 && report("requests", `http-${r.status()}`, r.url()));
}

/** The element that sticks out furthest to the right, to name in an overflow report. */
async function widest(page) {
  const found = await page.evaluate(() => {
    let worst = null;
    for (const e of document.body.querySelectorAll("*")) {
      const right = e.getBoundingClientRect().right;
      if (right > window.innerWidth + 0.5 && (!worst || right > worst.right)) worst = { right, tag: e.tagName.toLowerCase(), cls: e.className, text: (e.textContent || "").trim().slice(0, 40) };
    }
    return worst;
  });
  return found ? `, widest <${found.tag} class="${found.cls}"> "${found.text}"` : "";
}

/**
 * Every URL a document refers to, absolute against `base`, with where it was
 * found. Runs in the browser (as source text), on the open page or on one parsed.
 */
function references(document, base) {
  const refs = [];
  const add = (value, where) => {
    if (!value) return;
    try {
      refs.push({ url: new URL(value, base).href, where });
    } catch {
      refs.push({ url: value, where });
    }
  };
  for (const [selector, attr] of [
    ["a[href]", "href"], ["area[href]", "href"], ["link[href]", "href"], ["img[src]", "src"], ["source[src]", "src"],
    ["script[src]", "src"], ["iframe[src]", "src"], ["video[src]", "src"], ["video[poster]", "poster"], ["form[action]", "action"],
    ["meta[property='og:image']", "content"], ["meta[property='og:url']", "content"],
  ]) {
    for (const e of document.querySelectorAll(selector)) add(e.getAttribute(attr), `${selector.split("[")[0]} ${attr}`);
  }
  for (const e of document.querySelectorAll("img[srcset], source[srcset]")) {
    for (const candidate of e.getAttribute("srcset").split(",")) add(candidate.trim().split(/\s+/)[0], `${e.tagName.toLowerCase()} srcset`);
  }
  // URLs inside structured data, as search engines read them.
  const walk = (v) => (typeof v === "string" ? /^https?:/.test(v) && add(v, "JSON-LD") : v && typeof v === "object" && Object.values(v).forEach(walk));
  for (const s of document.querySelectorAll("script[type='application/ld+json']")) walk(JSON.parse(s.textContent));
  return refs;
}

/** The files of a build meant for programs rather than people: sitemap, robots.txt, manifest, feeds, calendars, open data. */
function machineFiles(out, dir = "") {
  return readdirSync(join(out, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return ["pagefind", "static", "media"].includes(path) ? [] : machineFiles(out, path);
    return /\.(xml|ics|webmanifest|json)$|^robots\.txt$/.test(path) ? [path] : [];
  });
}

/** Every URL in such a file, absolute (a manifest's are relative to it). */
function urlsIn(out, file, served) {
  let text = readFileSync(join(out, file), "utf8");
  if (file.endsWith(".webmanifest")) {
    const manifest = JSON.parse(text);
    return [manifest.start_url, manifest.scope, ...(manifest.icons ?? []).map((i) => i.src)].filter(Boolean).map((u) => new URL(u, served + file).href);
  }
  if (file.endsWith(".json")) {
    const urls = [];
    const walk = (v) => (typeof v === "string" ? /^https?:\/\//.test(v) && urls.push(v) : v && typeof v === "object" && Object.values(v).forEach(walk));
    walk(JSON.parse(text));
    return urls;
  }
  // iCalendar folds long lines; XML escapes ampersands.
  if (file.endsWith(".ics")) text = text.replace(/\r?\n[ \t]/g, "");
  return [...text.matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));
}

/** The built site's files, and the URLs that lead to them: the server's, and the site's own base URL. */
class Site {
  constructor(out, served, base) {
    Object.assign(this, { out, served, base, checked: 0, seen: new Map(), ids: new Map() });
  }

  /** Check `url`; returns whether it is one of the site's (checked against the build). */
  check(url, where, report) {
    let rest;
    if (url.startsWith(this.served)) rest = url.slice(this.served.length);
    else if (url.startsWith(this.base)) rest = url.slice(this.base.length);
    else {
      const u = URL.canParse(url) ? new URL(url) : null;
      // A link that leaves the site's path on its own host is broken under a sub-path.
      if (u && (u.origin === new URL(this.served).origin || u.origin === new URL(this.base).origin)) report("outside-base-path", `${where} ${url}`);
      // Pagefind's UI submits its form by script (action="javascript:void(0);"); nothing else may use javascript: URLs.
      else if (u?.protocol === "javascript:" && where === "form action") return;
      else if (!u || !["http:", "https:", "mailto:", "tel:"].includes(u.protocol)) report("bad-url", `${where} ${url}`);
      return false;
    }
    const [pathAndQuery, fragment] = rest.split("#");
    const path = decodeURIComponent(pathAndQuery.split("?")[0]);
    const key = `${path}#${fragment ?? ""}`;
    if (!this.seen.has(key)) {
      this.checked++;
      this.seen.set(key, this.resolve(path, fragment));
    }
    const problem = this.seen.get(key);
    if (problem) report(problem.rule, `${where} ${url}: ${problem.detail}`);
    return true;
  }

  resolve(path, fragment) {
    let file = join(this.out, path);
    if (!file.startsWith(this.out)) return { rule: "broken-link", detail: "outside the site" };
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return { rule: "broken-link", detail: "no such file in the build" };
    if (fragment && file.endsWith(".html")) {
      if (!this.ids.has(file)) {
        const html = readFileSync(file, "utf8");
        this.ids.set(file, new Set([...html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3])));
      }
      if (!this.ids.get(file).has(decodeURIComponent(fragment))) return { rule: "broken-fragment", detail: `no element with id "${fragment}"` };
    }
    return null;
  }
}
