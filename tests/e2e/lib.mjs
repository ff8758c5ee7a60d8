// Shared helpers of the browser tests: build a site with the real binary, serve
// it from 127.0.0.1 (at the root or under a sub-path), and drive Debian's Chromium.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const binary = process.env.CLUSTERPRESS_BIN || join(repo, "target", "release", "clusterpress");

/** Build the site at `root` into a fresh folder; returns the folder. */
export function build(root = repo, extra = []) {
  const out = join(mkdtempSync(join(tmpdir(), "cp-e2e-")), "public");
  const r = spawnSync(binary, ["build", "--root", root, "--out", out, ...extra], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  return out;
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".wasm": "application/wasm", ".png": "image/png",
  ".webp": "image/webp", ".jpg": "image/jpeg", ".pdf": "application/pdf", ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8", ".ics": "text/calendar", ".csv": "text/csv",
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
    const cfg = JSON.parse(document.getElementById("search").getAttribute("data-config"));
    window.__pf ??= await import(cfg.bundlePath + "pagefind.js");
    await window.__pf.options({ baseUrl: cfg.baseUrl });
    const search = await window.__pf.search(term, options);
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters, meta: d.meta }));
  }, [term, options]);
}
