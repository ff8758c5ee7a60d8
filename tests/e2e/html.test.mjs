// Every page of the sample site is valid HTML (html-validate, "standard" preset),
// in every language, at the root; under a sub-path (the same builds
// pages.test.mjs loads in the browser), whose pages differ from the root's only
// in their URLs, the representative pages (the largest of each type, every
// notice and free-form page), as pages.test.mjs runs axe there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { build, SUB_PATH, pageFile, representativePages } from "./lib.mjs";

const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: {
    // minify-html writes "R&D" as "R&D": valid HTML5, since an ampersand is
    // ambiguous only when followed by letters and a semicolon.
    "unrecognized-char-ref": "off",
  },
});

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

for (const [label, extra, every] of [["root", [], true], ["sub-path", ["--base-url", SUB_PATH.base], false]]) {
  test(`${every ? "every page" : "the representative pages"} ${every ? "is" : "are"} valid HTML (${label})`, async () => {
    const out = build(undefined, extra);
    const files = every
      ? htmlFiles(out)
      : representativePages(out).map((p) => pageFile(out, p));
    assert.ok(files.length > (every ? 400 : 20), `${files.length} pages`);
    const errors = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const r of report.results) {
        for (const m of r.messages) errors.push(`${file.slice(out.length)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    assert.deepEqual(errors.slice(0, 40), [], `${errors.length} errors`);
  });
}
