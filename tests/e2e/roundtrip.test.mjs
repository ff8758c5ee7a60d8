// Every sample record, read by the editor's own parser with the configuration
// clusterpress generates and written back without changes (what Decap does
// when a staff member opens a record and saves it), still passes `check` and
// builds to the same site. Decap's formats are run in Node, from the
// decap-cms-core version the vendored editor bundles (see decap-formats.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { repo, binary, DATE } from "./lib.mjs";
import { formatOf, entryToRaw } from "./decap-formats.mjs";

function clusterpress(root, ...args) {
  return spawnSync(binary, [...args, "--root", root], { encoding: "utf8" });
}

function build(root, out) {
  const r = clusterpress(root, "build", "--date", DATE, "--quiet", "--out", out);
  assert.equal(r.status, 0, r.stderr);
}

/** Every file under `dir`, by its path relative to `dir`. */
function files(dir, base = dir, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, base, out);
    else out.set(relative(base, path), readFileSync(path));
  }
  return out;
}

/** The problems `check` reports, without the run's timing. */
function problems(root) {
  const r = clusterpress(root, "check", "--format", "json");
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return { status: r.status, report: r.stdout };
}

/** Each entry Decap lists in a folder collection: the folder's files with its extension. */
function entries(root, collection) {
  return readdirSync(join(root, collection.folder))
    .filter((name) => name.endsWith(`.${collection.extension}`))
    .map((name) => `${collection.folder}/${name}`);
}

test("every sample record, read and written back by Decap's own format code, still passes check and builds to the same site", () => {
  const root = mkdtempSync(join(tmpdir(), "cp-e2e-roundtrip-"));
  try {
    cpSync(join(repo, "content"), join(root, "content"), { recursive: true });
    cpSync(join(repo, "site.yaml"), join(root, "site.yaml"));
    build(root, join(root, "before"));
    const checkedBefore = problems(root);
    const config = JSON.parse(readFileSync(join(root, "before/admin/config.yml"), "utf8"));
    // Decap's backend also passes the fields' comments to `toFile`; the
    // generated configuration gives none.
    assert.ok(!JSON.stringify(config).includes('"comment"'));

    // A translation file (x.en.md) is listed by its kind's collection and by
    // the kind's translation collection: it goes through both, one after the other.
    const read = new Set();
    const rewritten = new Set();
    for (const collection of config.collections) {
      for (const path of entries(root, collection)) {
        const text = readFileSync(join(root, path), "utf8");
        const data = formatOf(collection, path).fromFile(text);
        const raw = entryToRaw(collection, path, data);
        writeFileSync(join(root, path), raw);
        read.add(path);
        if (raw !== text) rewritten.add(path);
      }
    }
    // Every record file of the sample went through the editor's parser, and
    // most came back in Decap's own layout (block lists, its quoting), so the
    // build below reads what the editor writes, not the hand-written files.
    const recordFiles = readdirSync(join(root, "content"))
      .filter((kind) => kind !== "media" && statSync(join(root, "content", kind)).isDirectory())
      .flatMap((kind) => readdirSync(join(root, "content", kind)).filter((n) => /\.(md|yaml)$/.test(n)));
    assert.equal(read.size, recordFiles.length);
    assert.ok(rewritten.size > read.size / 2, `${rewritten.size} of ${read.size} files rewritten`);

    assert.deepEqual(problems(root), checkedBefore);
    build(root, join(root, "after"));
    const before = files(join(root, "before"));
    const after = files(join(root, "after"));
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    const differ = [...before].filter(([path, bytes]) => !bytes.equals(after.get(path))).map(([path]) => path);
    assert.deepEqual(differ, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
