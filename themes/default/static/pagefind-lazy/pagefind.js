// Pagefind's search API with one change: the filter lists are fetched once the
// first results are on screen, not before the first search. Pagefind's Default
// UI asks for every filter when it starts, and on a large site those chunks are
// most of the bytes of a first query; the UI shows its filter panel only once
// there are results, so visitors lose nothing by waiting. The search page points
// the UI here (bundlePath); everything else is Pagefind's own module.
import * as pagefind from "../../pagefind/pagefind.js";
export * from "../../pagefind/pagefind.js";

/** Results the Default UI shows at first (its page size). */
const SHOWN = 5;

let shown;
const firstResultsShown = new Promise((resolve) => (shown = resolve));

export async function search(term, options) {
  const answer = await pagefind.search(term, options);
  const first = (answer && answer.results ? answer.results : []).slice(0, SHOWN);
  let pending = first.length;
  if (!pending) shown();
  for (const result of first) {
    const data = result.data;
    result.data = async () => {
      try {
        return await data();
      } finally {
        if (--pending === 0) shown();
      }
    };
  }
  return answer;
}

export async function filters() {
  await firstResultsShown;
  return pagefind.filters();
}
