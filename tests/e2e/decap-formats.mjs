// Decap CMS's own file formats (yaml, yaml-frontmatter), loaded from
// decap-cms-core's ES module build, the version the vendored editor bundles.
// That build is written for a bundler: its imports leave out `.js` and its
// package is not marked as ES modules. The hooks below let Node resolve and
// load it as it is, so the test exercises Decap's code, not a copy of it.
import { register } from "node:module";

const hooks = `
const ESM = /\\/decap-cms-core\\/dist\\/esm\\//;
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (e.code !== "ERR_MODULE_NOT_FOUND" || /\\.[cm]?js$/.test(specifier)) throw e;
    return next(specifier + ".js", context);
  }
}
export async function load(url, context, next) {
  if (ESM.test(url)) return next(url, { ...context, format: "module" });
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);

const { resolveFormat } = await import("decap-cms-core/dist/esm/formats/formats.js");
const { fromJS } = await import("immutable");

/**
 * Decap's formatter for an entry of `collection` (a collection of the
 * generated config.yml) at `path`, chosen by Decap's own `resolveFormat`.
 */
export function formatOf(collection, path) {
  return resolveFormat(fromJS(collection), { path });
}

/**
 * What Decap writes when it saves `data` as an entry of `collection`: its
 * backend's `entryToRaw` (the format's `toFile` with the collection's field
 * order, then a final newline).
 */
export function entryToRaw(collection, path, data) {
  const order = collection.fields.map((f) => f.name);
  const content = formatOf(collection, path).toFile(data, order, {});
  return content.endsWith("\n") ? content : content + "\n";
}
