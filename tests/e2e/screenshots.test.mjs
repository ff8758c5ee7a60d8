// Screenshots for a person to look at: the home page, a list, a record and the
// search page with results, in both languages, at a phone's width (375) and a
// desktop's (1280), whole pages, written to target/e2e-screenshots/ (printed).
// The test fails only if a page cannot be shot; whether they look right is for
// the eye (pages.test.mjs checks overflow and accessibility on every page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, serve, launch, repo, closeAll } from "./lib.mjs";

const dir = join(repo, "target", "e2e-screenshots");
const SHOTS = [
  { name: "home", path: "{l}/" },
  { name: "list", path: "{l}/companies/" },
  { name: "record", path: "{l}/companies/hanbit-precision/" },
  { name: "search", path: "{l}/search/?q={q}", ready: ".pagefind-ui__result-title" },
];
const QUERY = { ko: "레이저", en: "laser" };
let server, browser;
before(async () => {
  server = await serve(build(), "/");
  browser = await launch();
  mkdirSync(dir, { recursive: true });
});
after(() => closeAll(browser, server));

test("screenshots of the home, a list, a record and search results, in both languages, on a phone and a desktop", async () => {
  const written = [];
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width < 800 ? 800 : 900 }, locale: "fr-FR" });
    const page = await context.newPage();
    for (const lang of ["ko", "en"]) {
      for (const shot of SHOTS) {
        const path = shot.path.replace("{l}", lang).replace("{q}", encodeURIComponent(QUERY[lang]));
        await page.goto(server.url + path);
        if (shot.ready) await page.waitForSelector(shot.ready);
        // A whole-page shot does not scroll, so lazy images would stay blank: load them all first.
        await page.evaluate(async () => {
          const imgs = [...document.images];
          imgs.forEach((i) => (i.loading = "eager"));
          await Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => i.addEventListener("load", r, { once: true }) || i.addEventListener("error", r, { once: true })))));
          await document.fonts.ready;
        });
        const file = join(dir, `${lang}-${shot.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
        assert.ok(statSync(file).size > 5000, `/${path}: screenshot ${file} is all but empty`);
        written.push(file);
      }
    }
    await context.close();
  }
  console.log(`screenshots (${written.length}) in ${dir}/`);
});
