// Shared helpers of the browser tests: build a site with the real binary, serve
// it from 127.0.0.1 (at the root or under a sub-path), drive Debian's Chromium,
// and run axe-core in a page.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, existsSync, statSync, readdirSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const binary = process.env.CLUSTERPRESS_BIN || join(repo, "target", "release", "clusterpress");
/** "Today" of every test build, so the sample notices (upcoming or past) stay the same. */
export const DATE = "2026-11-27";
/** The sub-path the tests build for (a GitHub Pages project site) and serve under. */
export const SUB_PATH = { base: "https://org.example.io/cluster/", prefix: "/cluster/" };

/**
 * Build the site at `root` into a fresh folder; returns the folder. The test
 * files of one `node --test` run share their builds: the same root and
 * arguments are built once per run (keyed by the runner's pid and start time).
 */
export function build(root = repo, extra = []) {
  const args = ["build", "--root", root, ...(extra.includes("--date") ? [] : ["--date", DATE]), ...extra];
  const run = testRun();
  if (!run) return buildInto(join(mkdtempSync(join(tmpdir(), "cp-e2e-")), "public"), args);
  const runDir = join(tmpdir(), `cp-e2e-run-${run}`);
  const done = join(runDir, createHash("sha256").update(JSON.stringify([binary, args])).digest("hex").slice(0, 16));
  if (existsSync(done)) return join(done, "public");
  mkdirSync(runDir, { recursive: true });
  const fresh = mkdtempSync(join(runDir, "building-"));
  buildInto(join(fresh, "public"), args);
  try {
    renameSync(fresh, done);
  } catch (e) {
    // Another test file built the same site meanwhile: use that one.
    if (!existsSync(done)) throw e;
    rmSync(fresh, { recursive: true, force: true });
  }
  return join(done, "public");
}

function buildInto(out, args) {
  const r = spawnSync(binary, [...args, "--out", out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  return out;
}

/** "<pid>-<start time>" of the `node --test` process running this file, else null; removes builds of finished runs. */
function testRun() {
  if (!process.env.NODE_TEST_CONTEXT) return null;
  const started = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19];
    } catch {
      return null;
    }
  };
  const me = started(process.ppid);
  if (!me) return null;
  for (const name of readdirSync(tmpdir())) {
    const m = /^cp-e2e-run-(\d+)-(\d+)$/.exec(name);
    if (m && started(m[1]) !== m[2]) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  return `${process.ppid}-${me}`;
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".wasm": "application/wasm", ".png": "image/png",
  ".webp": "image/webp", ".jpg": "image/jpeg", ".pdf": "application/pdf", ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8", ".ics": "text/calendar", ".csv": "text/csv", ".yml": "text/yaml",
  ".webmanifest": "application/manifest+json",
};

/** Serve `dir` under `prefix` ("/" or "/cluster/"); resolves to { url, close }. */
export function serve(dir, prefix = "/") {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) return notFound(res, dir);
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return notFound(res, dir);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return notFound(res, dir);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function notFound(res, dir) {
  res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
  const page = join(dir, "404.html");
  res.end(existsSync(page) ? readFileSync(page) : "not found");
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Run Pagefind's own JS API in the page and return the result URLs (fragments kept). */
export async function pagefindSearch(page, term, options = {}) {
  return page.evaluate(async ([term, options]) => {
    // A Hugo site's search page (bench/) has no config: its bundle is at /pagefind/.
    const config = document.getElementById("search")?.getAttribute("data-config");
    const cfg = config ? JSON.parse(config) : { bundlePath: "/pagefind/", baseUrl: "/" };
    if (!window.__pf) {
      window.__pf = await import(cfg.bundlePath + "pagefind.js");
      await window.__pf.options({ baseUrl: cfg.baseUrl });
      // A split index (src/publish/search.rs): its other parts, merged as the search page merges them.
      for (const p of cfg.parts || []) await window.__pf.mergeIndex(p.path, { language: p.language });
    }
    const search = await window.__pf.search(term, options);
    // A few hundred at a time: a result list of 100,000 loaded at once exhausts the browser's fetches.
    const data = [];
    for (let k = 0; k < search.results.length; k += 400) {
      data.push(...(await Promise.all(search.results.slice(k, k + 400).map((r) => r.data()))));
    }
    return data.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters, meta: d.meta }));
  }, [term, options]);
}

/**
 * Build arguments that split the sample's search index into parts of 60
 * records (five a language), as a large site's is: the ranking and search
 * tests run on it as on the whole index.
 */
export const SPLIT = ["--search-part-records", "100"];

/** The site at `root` built, served at "/" and a Chromium started: what most test files share. */
export async function openSite(root = repo) {
  const out = build(root);
  return { out, server: await serve(out, "/"), browser: await launch() };
}

/** Close what `openSite` (or a test) opened; missing ones are skipped. */
export async function closeAll(...things) {
  for (const thing of things) await thing?.close();
}

/** Every HTML page of a built site, as paths relative to its root ("" for the chooser, "en/companies/" for a folder's index). */
export function sitePages(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" || name === "static" || name === "media" || name === "admin" ? [] : sitePages(path, `${prefix}${name}/`);
    if (name === "index.html") return [prefix];
    return name.endsWith(".html") ? [`${prefix}${name}`] : [];
  });
}

/** The record kinds of the sample site (notices included) and the slugs of its free-form pages. */
const content = join(repo, "content");
export const KINDS = readdirSync(content).filter((n) => n !== "pages" && n !== "media" && statSync(join(content, n)).isDirectory());
export const FREE_FORM = [...new Set(readdirSync(join(content, "pages")).filter((n) => /\.(md|yaml)$/.test(n)).map((n) => n.split(".")[0]))];

/**
 * The type of a page, from its path: each record kind's list, records and list
 * pages; taxonomy indexes; term pages. Singletons (home, chooser, 404, search),
 * notices and free-form pages are each a type of their own.
 */
export function pageType(path) {
  const parts = path.split("/").filter(Boolean);
  const [lang, a, b] = parts;
  if (!a || a === "search" || a === "404.html" || a === "notices" || FREE_FORM.includes(a)) return path;
  if (KINDS.includes(a)) return `${lang}/${a}/${b ? (b === "page" ? "page" : "record") : "list"}`;
  return `${lang}/taxonomy/${b ? (parts.includes("page") ? "term-page" : "term") : "index"}`;
}

/** The file of a page path of `sitePages` ("en/companies/" → out/en/companies/index.html). */
export function pageFile(out, path) {
  return join(out, path.endsWith(".html") ? path : join(path, "index.html"));
}

/** The largest page of each type (the one with the most on it), plus every notice and free-form page. */
export function representativePages(out, pages = sitePages(out)) {
  const best = new Map();
  for (const path of pages) {
    const size = statSync(pageFile(out, path)).size;
    const type = pageType(path);
    if (!best.has(type) || best.get(type).size < size) best.set(type, { path, size });
  }
  return [...best.values()].map((b) => b.path).sort();
}

/**
 * The pages on which colour contrast is checked: the representative pages, then
 * any page with an element or class none of those has. Contrast comes from the
 * theme's stylesheet and the classes the templates set: content cannot bring
 * colours of its own (the sanitizer drops `style` and `class`), so a page whose
 * elements and classes were all seen elsewhere has no contrast of its own.
 * (axe's contrast rule is most of its cost: 0.4 s of CPU a page here.)
 */
export function contrastPages(out, pages = sitePages(out)) {
  const chosen = representativePages(out, pages);
  const representative = new Set(chosen);
  const seen = new Set(chosen.flatMap((p) => [...styledElements(readFileSync(pageFile(out, p), "utf8"))]));
  for (const path of pages) {
    if (representative.has(path)) continue;
    const found = [...styledElements(readFileSync(pageFile(out, path), "utf8"))];
    if (found.some((e) => !seen.has(e))) {
      chosen.push(path);
      found.forEach((e) => seen.add(e));
    }
  }
  return chosen;
}

/** The element names of an HTML page, and each element's name with each of its classes ("a.term-institutions"). */
function styledElements(html) {
  const found = new Set();
  for (const [, tag, attrs] of html.matchAll(/<([a-z][a-z0-9-]*)((?:\s+[^\s=>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    found.add(tag);
    const cls = /(?:^|\s)class=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/.exec(attrs);
    for (const c of (cls ? cls[1] ?? cls[2] ?? cls[3] : "").split(/\s+/).filter(Boolean)) found.add(`${tag}.${c}`);
  }
  return found;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Load axe-core into every page of a context as it opens (cheaper than injecting it into each page after load). */
export function preloadAxe(context) {
  return context.addInitScript(axeSource);
}

/**
 * axe-core's WCAG 2.1 A/AA violations in the page, each as "rule-id (impact):
 * help, at selector…"; `contrast: false` leaves out the colour-contrast rule
 * (see contrastPages).
 */
export async function axeViolations(page, { contrast = true } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async ([tags, contrast]) => {
    const rules = { "color-contrast": { enabled: contrast } };
    const { violations } = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
    return violations.map((v) => {
      const at = v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ");
      return `${v.id} (${v.impact}): ${v.help}, at ${at}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`;
    });
  }, [WCAG_TAGS, contrast]);
}

/** Run `worker(item, index)` over `items`, `n` at a time. */
export async function pool(items, n, worker) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async (_, w) => {
      while (next < items.length) await worker(items[next++], w);
    }),
  );
}

/**
 * Search as the search page does, in a page already on /<lang>/search/: the
 * page's own query preprocessing (static/search.js) and its Pagefind module
 * (static/pagefind-lazy/: ranking, excerpts, keyboard-layout slips). Returns the
 * query that ran and the first `n` results with url, title and excerpt.
 */
export async function pageSearch(page, q, n = 10, options = {}) {
  return page.evaluate(async ([q, n, options]) => {
    const cfg = JSON.parse(document.getElementById("search").getAttribute("data-config"));
    window.__pfPage ??= await import(cfg.uiBundlePath + "pagefind.js");
    await window.__pfPage.options({ baseUrl: cfg.baseUrl });
    const answer = await window.__pfPage.search(window.__processTerm(q), options);
    const data = await Promise.all(answer.results.slice(0, n).map((r) => r.data()));
    return {
      ran: answer.query,
      total: answer.results.length,
      results: data.map((d) => ({ url: d.url, title: d.meta.title, excerpt: d.excerpt })),
    };
  }, [q, n, options]);
}

/** The kinds that have record pages of their own, as their folders. */
export const RECORD_KINDS = ["companies", "institutions", "research-themes", "equipment", "coordinators", "success-stories", "notices"];

/**
 * Each record page's name and own text (its article, without labels and
 * back-links), by URL (`/ko/companies/x/`), read through `page`, which must be
 * on a page of the site served at the root.
 */
export function recordPages(page, lang, kinds = RECORD_KINDS) {
  return page.evaluate(async ([lang, kinds]) => {
    const r = {};
    for (const kind of kinds) {
      const list = new DOMParser().parseFromString(await (await fetch(`/${lang}/${kind}/`)).text(), "text/html");
      const urls = new Set([...list.querySelectorAll("main a")].map((a) => a.getAttribute("href")).filter((h) => h && new RegExp(`^/${lang}/${kind}/[a-z0-9-]+/$`).test(h)));
      for (const url of urls) {
        const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
        const article = doc.querySelector("article.record");
        if (!article) continue;
        const name = article.querySelector("h1")?.textContent.trim() || "";
        // Labels and back-links are not the record's text (as in search.test.mjs).
        article.querySelectorAll("dt, h2:not(.prose h2), h3:not(.card-title, .prose h3), .kicker, .count, .updated, .note, section.related:not([id^=network])").forEach((e) => e.remove());
        article.querySelectorAll("[id^=network] .card > :not(.card-title)").forEach((e) => e.remove());
        article.querySelectorAll("*").forEach((e) => e.append(" "));
        r[url] = { name, text: article.textContent.replace(/\s+/g, " "), kind };
      }
    }
    return r;
  }, [lang, kinds]);
}

/**
 * Start decap-server, Decap's local backend, on `port` with its files in `dir`
 * (its `fs` mode: saves go straight to the files, no git). Resolves once it
 * listens. Set DEBUG_BACKEND to see what it says.
 */
export function startDecapServer(dir, port) {
  const script = createRequire(import.meta.url).resolve("decap-server/dist/index.js");
  const child = spawn(process.execPath, [script], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: dir, MODE: "fs", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let said = "";
    const listen = (data) => {
      said += data;
      if (process.env.DEBUG_BACKEND) process.stderr.write(data);
      if (said.includes("listening")) resolve(child);
    };
    child.stdout.on("data", listen);
    child.stderr.on("data", listen);
    child.on("exit", (code) => reject(new Error(`decap-server stopped (${code}): ${said}`)));
  });
}
