// How fast the browser editor responds on a large site: loading its generated
// configuration, listing a collection and opening a record picker, in headless
// Chromium against decap-server (Decap's local backend) on the site itself.
//
//   node bench/editor.mjs SITE [RUNS]
//
// SITE is a site root whose site.yaml switches the editor on, built into
// SITE/public (`clusterpress build --root SITE`). decap-server writes nothing
// unless something is saved, and this script saves nothing. Prints the
// median of RUNS (default 3) for each step, and every warning the editor logged.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serve, launch, startDecapServer } from "../tests/e2e/lib.mjs";

const site = resolve(process.argv[2] || "");
const runs = Number(process.argv[3] || 3);
const config = JSON.parse(readFileSync(join(site, "public/admin/config.yml"), "utf8"));
const backend = await startDecapServer(site, 8081);
const server = await serve(join(site, "public"), "/");
const browser = await launch();
const times = { config: [], list: [], picker: [] };
const problems = new Set();

try {
  for (let run = 0; run < runs; run++) await once();
} finally {
  await browser.close();
  await server.close();
  backend.kill();
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`config.yml: ${(readFileSync(join(site, "public/admin/config.yml")).length / 1e6).toFixed(2)} MB, ${config.collections.length} collections`);
console.log(`load the editor and its configuration, sign in: ${median(times.config)} ms (median of ${runs}: ${times.config.join(", ")})`);
console.log(`list the companies: ${median(times.list)} ms (${times.list.join(", ")})`);
console.log(`open a company's incubator picker: ${median(times.picker)} ms (${times.picker.join(", ")})`);
console.log(problems.size ? `warnings and errors:\n  ${[...problems].join("\n  ")}` : "no warnings or errors");

async function once() {
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") problems.add(`${m.type()}: ${m.text().slice(0, 200)}`);
  });
  page.on("pageerror", (e) => problems.add(`pageerror: ${e.message}`));
  let t = Date.now();
  await page.goto(`${server.url}admin/`);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.locator('a[href="#/collections/companies"]').waitFor({ timeout: 120000 });
  times.config.push(Date.now() - t);

  t = Date.now();
  await page.locator('a[href="#/collections/companies"]').click();
  const first = page.locator('a[href^="#/collections/companies/entries/"]').first();
  await first.waitFor({ timeout: 120000 });
  times.list.push(Date.now() - t);

  await first.click();
  const picker = page.locator('[id^="incubator-field-"]');
  await picker.waitFor({ timeout: 120000 });
  t = Date.now();
  await picker.click();
  await page.getByRole("option").first().waitFor({ timeout: 120000 });
  times.picker.push(Date.now() - t);
  await page.close();
}
