// Page weight budget: a record page with its CSS is under 40 KB transferred
// (search assets and images excepted), measured from the responses a fresh
// browser gets for the largest record pages of each language (the notices'
// and free-form pages among the candidates), and checked from file sizes for
// every other record page. The figures are printed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openSite, closeAll, sitePages, KINDS, FREE_FORM } from "./lib.mjs";

const BUDGET = 40 * 1024;
const MEASURED = 3; // largest record pages measured in the browser, per language
let out, server, browser;
before(async () => ({ out, server, browser } = await openSite()));
after(() => closeAll(browser, server));

/** Record pages (of every kind) and free-form pages, largest first. */
function recordPages() {
  return sitePages(out)
    .filter((p) => {
      const [, a, b, c] = p.split("/");
      if (FREE_FORM.includes(a)) return b === "";
      return KINDS.includes(a) && b && b !== "page" && b !== "archive" && c === "";
    })
    .map((p) => ({ path: p, size: statSync(join(out, p, "index.html")).size }))
    .sort((a, b) => b.size - a.size);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test("the largest record pages with their CSS weigh under 40 KB transferred", async () => {
  const pages = recordPages();
  assert.ok(pages.length > 100, `${pages.length} record pages`);
  const rows = [];
  for (const lang of ["ko", "en"]) {
    for (const { path } of pages.filter((p) => p.path.startsWith(`${lang}/`)).slice(0, MEASURED)) {
      // A fresh context: nothing cached, as for a first visit.
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const responses = [];
      page.on("response", (r) => responses.push(r));
      await page.goto(server.url + path, { waitUntil: "load" });
      const row = { page: `/${path}`, html: 0, css: 0, other: 0, transferred: 0, gzip: 0, files: [] };
      for (const r of responses) {
        const url = new URL(r.url());
        const type = r.request().resourceType();
        if (type === "image" || url.pathname.includes("/pagefind/") || url.pathname.includes("/media/") || /\.(svg|png|ico|webp|jpe?g)$/.test(url.pathname)) continue;
        const body = await r.body();
        const sizes = await r.request().sizes();
        const column = type === "document" ? "html" : type === "stylesheet" ? "css" : "other";
        row[column] += body.length;
        row.transferred += sizes.responseBodySize + sizes.responseHeadersSize;
        row.gzip += gzipSync(body).length;
        row.files.push(url.pathname);
      }
      rows.push(row);
      await context.close();
    }
  }
  console.log("page weight (HTML + CSS, images and search assets excepted; budget 40 KB):");
  for (const r of rows) {
    console.log(`  ${r.page}: HTML ${kb(r.html)} + CSS ${kb(r.css)}${r.other ? ` + other ${kb(r.other)}` : ""} = ${kb(r.transferred)} transferred with headers (${kb(r.gzip)} gzipped)`);
  }
  const over = rows.filter((r) => r.transferred >= BUDGET).map((r) => `${r.page} [page-weight] ${kb(r.transferred)} transferred (${r.files.join(", ")})`);
  assert.deepEqual(over, [], "over the 40 KB budget");
  assert.ok(rows.every((r) => r.html > 0 && r.css > 0), "each measurement has its HTML and its CSS");
});

test("every record page and its stylesheets stay under 40 KB (file sizes)", () => {
  const over = [];
  for (const { path, size } of recordPages()) {
    const html = readFileSync(join(out, path, "index.html"), "utf8");
    const css = [...html.matchAll(/<link\b[^>]*\brel=(?:"stylesheet"|stylesheet)[^>]*>/g)]
      .map((m) => /\bhref=(?:"([^"]+)"|([^\s>]+))/.exec(m[0]))
      .map((h) => (h[1] ?? h[2]).replace(/^\//, ""))
      .filter((href) => !href.startsWith("pagefind/"))
      .reduce((sum, href) => sum + statSync(join(out, href)).size, 0);
    if (size + css >= BUDGET) over.push(`/${path} [page-weight] HTML ${kb(size)} + CSS ${kb(css)}`);
  }
  assert.deepEqual(over, [], "over the 40 KB budget");
});
