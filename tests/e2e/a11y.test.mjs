// The default theme is accessible: axe-core finds no WCAG 2.1 A/AA violation
// on a page of each type, in both languages (with a fallback page among them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build, serve, launch } from "./lib.mjs";

const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PAGES = [
  "", "404.html", "{l}/", "{l}/404.html", "{l}/companies/", "{l}/companies/hanbit-precision/", "{l}/companies/sagami-plating/",
  "{l}/institutions/keiryo-university/", "{l}/research-themes/rt-ai-defect-detection/", "{l}/equipment/",
  "{l}/equipment/eq-femtosecond-laser/", "{l}/coordinators/", "{l}/coordinators/coord-hayashi-keiko/",
  "{l}/success-stories/story-ev-motor-noise/", "{l}/technologies/", "{l}/technologies/laser-processing/", "{l}/search/?q={q}",
];
let server, browser;
before(async () => {
  server = await serve(build(), "/");
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const lang of ["ko", "en"]) {
  test(`${lang}: no WCAG 2.1 AA violations on any page type`, async () => {
    const page = await browser.newPage();
    const failures = [];
    const query = encodeURIComponent(lang === "ko" ? "레이저" : "laser");
    for (const path of new Set(PAGES.map((p) => p.replace("{l}", lang).replace("{q}", query)))) {
      await page.goto(server.url + path);
      if (path.includes("/search/")) await page.waitForSelector(".pagefind-ui__result-title");
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })).violations.map(
          (v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      );
      failures.push(...violations.map((v) => `/${path}: ${v}`));
    }
    await page.close();
    assert.deepEqual(failures, []);
  });
}
