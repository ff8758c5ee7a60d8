// Pagefind's search API with one change: the filter lists are fetched a moment
// after the first result is on screen, not before the first search. Pagefind's Default UI
// asks for every filter when it starts, and on a large site those chunks are
// most of the bytes of a first query; the UI shows its filter panel only once
// there are results, so visitors lose nothing by waiting. The search page points
// the UI here (bundlePath); everything else is Pagefind's own module.
import * as pagefind from "../../pagefind/pagefind.js";
export * from "../../pagefind/pagefind.js";

/** Wait after the first result is shown, so the filters do not compete with the results. */
const AFTER_RESULT_MS = 1000;
/** Longest wait after the first answer, should no result be shown (none found, or off screen). */
const AT_MOST_MS = 2500;

let ready;
const filtersWanted = new Promise((resolve) => (ready = resolve));
const shown = () => setTimeout(ready, AFTER_RESULT_MS);

export async function search(term, options) {
  const answer = await pagefind.search(term, options);
  setTimeout(ready, AT_MOST_MS);
  for (const result of answer && answer.results ? answer.results : []) {
    const data = result.data;
    result.data = async () => {
      try {
        return await data();
      } finally {
        shown();
      }
    };
  }
  return answer;
}

export async function filters() {
  await filtersWanted;
  return pagefind.filters();
}
