// Every page of the sample site, as a phone visitor gets it: no console error,
// no failed request, no request to any host but the site's own (it works
// offline and on any CDN), and nothing wider than a 375-pixel screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, serve, launch } from "./lib.mjs";

let out, server, browser;
before(async () => {
  out = build();
  server = await serve(out, "/");
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function pages(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" || name === "static" ? [] : pages(path, `${prefix}${name}/`);
    if (name === "index.html") return [prefix];
    return name.endsWith(".html") ? [`${prefix}${name}`] : [];
  });
}

test("every page loads cleanly, offline-safe, within a phone's width", async () => {
  const all = pages(out);
  assert.ok(all.length > 400, `${all.length} pages`);
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  let current = "";
  const origin = new URL(server.url).origin;
  page.on("console", (m) => m.type() === "error" && problems.push(`${current}: console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${current}: script error: ${e.message}`));
  // A request cut short by moving to the next page (the favicon, fetched after load) is not a failure;
  // a missing file shows up as a 404 response below.
  page.on("requestfailed", (r) => r.failure()?.errorText !== "net::ERR_ABORTED" && problems.push(`${current}: failed request ${r.url()} ${r.failure()?.errorText}`));
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== "data:") problems.push(`${current}: request to another host ${r.url()}`);
  });
  page.on("response", (r) => r.status() >= 400 && !current.endsWith("404.html") && problems.push(`${current}: ${r.status()} ${r.url()}`));
  for (const path of all) {
    current = `/${path}`;
    // The chooser at / sends a browser on to its language; that page is visited on its own.
    await page.goto(server.url + path, { waitUntil: "load" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${current}: ${overflow}px wider than the screen`);
  }
  await context.close();
  assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
});

test("choosing a language at / works with and without JavaScript, and the switcher keeps the record", async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await noJs.newPage();
  await page.goto(server.url);
  assert.deepEqual(await page.locator(".chooser-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/ko/", "/en/"]);
  await page.click('.chooser-list a[hreflang="ko"]');
  assert.equal(new URL(page.url()).pathname, "/ko/");
  // Without JavaScript every page but search works: lists, records, term pages and the language switch.
  await page.goto(`${server.url}ko/companies/hanbit-precision/`);
  await page.click('.langs a[hreflang="en"]');
  assert.equal(new URL(page.url()).pathname, "/en/companies/hanbit-precision/");
  assert.equal(await page.locator("h1").textContent(), "Hanbit Precision Co., Ltd.");
  await page.click('.badge.tax-technologies >> nth=0');
  assert.match(new URL(page.url()).pathname, /^\/en\/technologies\/[a-z-]+\/$/);
  assert.ok((await page.locator("section.related .card").count()) > 0);
  await noJs.close();
  // With JavaScript, / sends the visitor to the browser's language.
  const withJs = await browser.newContext({ locale: "ko-KR" });
  const jsPage = await withJs.newPage();
  await jsPage.goto(server.url);
  await jsPage.waitForURL(/\/ko\/$/);
  await withJs.close();
});
