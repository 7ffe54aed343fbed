/**
 * The search page's client: enhances the server-rendered form
 *
 *   <form role="search" action="/suche/" method="get" data-search data-index="/pagefind/2026/pagefind.js"
 *         data-merge="/pagefind/2020-2025/ /pagefind/1996-2019/"
 *         data-label-results="{n} Treffer" data-label-one="1 Treffer" data-label-none="…"
 *         data-label-loading="…" data-label-more="…" data-label-failed="…" data-label-all="Alle">
 *     <input name="q" type="search"> <select name="department"> <select name="year"> <button>
 *   </form>
 *   <p data-search-status aria-live="polite"></p>  <div data-search-results></div>
 *
 * with results from the Pagefind index (built by src/search/pagefind.ts), in shards of whole
 * years: the newest shard's script is loaded and the others (data-merge) are merged into it.
 * Without JavaScript
 * the form still sends ?q=&department=&year= to the search page; this script reads them from
 * the address, fills the selects from the index's filters, searches, and keeps the address
 * up to date (history.replaceState). Results come in Pagefind's order (relevance), 20 at a
 * time; a search with filters only lists the newest first.
 *
 * No inline script or style, no HTML from the index: excerpts are built as text nodes and
 * <mark> elements. Pagefind compiles WebAssembly in its worker (pagefind/pagefind-worker.js,
 * under the policy of that file's own response) or, without workers, on the page: both
 * responses need 'wasm-unsafe-eval' in the Content-Security-Policy's script-src.
 */

const PAGE_SIZE = 20;
/** Form field name → Pagefind filter name (src/search/pagefind.ts, SEARCH_FIELDS). */
const FILTERS = { department: "department", year: "year" };
/** Pagefind's sort key for the release date. */
const SORT_DATE = "date";

const DEFAULT_LABELS = {
  results: "{n} results",
  oneResult: "1 result",
  none: "No results.",
  loading: "Loading search …",
  more: "Show more results",
  failed: "The search could not be loaded.",
  all: "All",
};

const form = document.querySelector("form[data-search]");
const resultsBox = document.querySelector("[data-search-results]");
const statusBox = document.querySelector("[data-search-status]");
if (form instanceof HTMLFormElement && resultsBox instanceof HTMLElement && statusBox instanceof HTMLElement) {
  start(form, resultsBox, statusBox);
}

/**
 * @param {HTMLFormElement} form
 * @param {HTMLElement} resultsBox
 * @param {HTMLElement} statusBox
 */
async function start(form, resultsBox, statusBox) {
  const labels = labelsOf(form);
  const language = document.documentElement.lang || undefined;
  const query = form.elements.namedItem("q");
  /** @type {[string, HTMLSelectElement][]} */
  const selects = Object.keys(FILTERS).flatMap((name) => {
    const element = form.elements.namedItem(name);
    return element instanceof HTMLSelectElement ? [[name, element]] : [];
  });
  if (!(query instanceof HTMLInputElement)) return;
  if (!statusBox.hasAttribute("role") && !statusBox.hasAttribute("aria-live")) statusBox.setAttribute("role", "status");

  const params = new URLSearchParams(location.search);
  query.value = params.get("q") ?? "";
  statusBox.textContent = labels.loading;

  let pagefind;
  try {
    pagefind = await import(new URL(form.dataset.index ?? "/pagefind/pagefind.js", document.baseURI).href);
    // Results link to the site's own addresses (below its base path), whichever shard found them.
    // (Without data-base, Pagefind takes the folder that holds pagefind/.)
    const base = form.dataset.base ? { baseUrl: form.dataset.base } : {};
    await pagefind.options({ excerptEllipsis: "…", ...base });
    for (const folder of (form.dataset.merge ?? "").split(" ").filter(Boolean)) {
      await pagefind.mergeIndex(new URL(folder, document.baseURI).href, base);
    }
    const available = await pagefind.filters();
    for (const [name, select] of selects) {
      fillSelect(select, Object.keys(available[FILTERS[name]] ?? {}), name === "year", labels, language);
      const wanted = params.get(name) ?? "";
      select.value = [...select.options].some((option) => option.value === wanted) ? wanted : "";
    }
  } catch (error) {
    statusBox.textContent = labels.failed;
    console.error(error);
    return;
  }
  statusBox.textContent = "";

  let latest = 0;
  const search = async () => {
    const id = ++latest;
    const term = query.value.trim();
    /** @type {Record<string, string>} */
    const filters = {};
    for (const [name, select] of selects) if (select.value !== "") filters[FILTERS[name]] = select.value;
    rememberInAddress(term, selects);
    // Emptied first, so the next count is announced even when it is the same as the last.
    statusBox.textContent = "";
    if (term === "" && Object.keys(filters).length === 0) {
      resultsBox.replaceChildren();
      return;
    }
    resultsBox.setAttribute("aria-busy", "true");
    try {
      const response = await pagefind.search(term === "" ? null : term, term === "" ? { filters, sort: { [SORT_DATE]: "desc" } } : { filters });
      if (id !== latest) return;
      const list = document.createElement("ol");
      list.className = "search-results";
      const more = button(labels.more);
      let shown = 0;
      const showMore = async () => {
        const page = response.results.slice(shown, shown + PAGE_SIZE);
        const items = (await Promise.all(page.map((result) => result.data()))).map(resultItem);
        if (id !== latest) return undefined;
        list.append(...items);
        shown += page.length;
        if (shown >= response.results.length) more.remove();
        return items[0];
      };
      more.addEventListener("click", async () => {
        const first = await showMore();
        first?.querySelector("a")?.focus();
      });
      await showMore();
      if (id !== latest) return;
      resultsBox.replaceChildren(...(shown > 0 ? [list] : []), ...(shown < response.results.length ? [more] : []));
      statusBox.textContent = countSentence(response.results.length, labels, language);
    } catch (error) {
      if (id !== latest) return;
      resultsBox.replaceChildren();
      statusBox.textContent = labels.failed;
      console.error(error);
    } finally {
      if (id === latest) resultsBox.removeAttribute("aria-busy");
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  for (const [, select] of selects) select.addEventListener("change", search);
  if (query.value.trim() !== "" || selects.some(([, select]) => select.value !== "")) await search();
}

/** @param {HTMLFormElement} form */
function labelsOf(form) {
  const data = form.dataset;
  return {
    results: data.labelResults ?? DEFAULT_LABELS.results,
    oneResult: data.labelOne ?? DEFAULT_LABELS.oneResult,
    none: data.labelNone ?? DEFAULT_LABELS.none,
    loading: data.labelLoading ?? DEFAULT_LABELS.loading,
    more: data.labelMore ?? DEFAULT_LABELS.more,
    failed: data.labelFailed ?? DEFAULT_LABELS.failed,
    all: data.labelAll ?? DEFAULT_LABELS.all,
  };
}

/**
 * Adds the index's values the select does not offer yet: years newest first, names in the
 * page language's order. Keeps what the server rendered; makes sure "all" (value "") is there.
 * @param {HTMLSelectElement} select
 * @param {string[]} values
 * @param {boolean} newestFirst
 * @param {ReturnType<typeof labelsOf>} labels
 * @param {string | undefined} language
 */
function fillSelect(select, values, newestFirst, labels, language) {
  const present = new Set([...select.options].map((option) => option.value));
  if (!present.has("")) select.prepend(new Option(labels.all, ""));
  const collator = new Intl.Collator(language, { numeric: true });
  const sorted = [...values].sort((a, b) => (newestFirst ? collator.compare(b, a) : collator.compare(a, b)));
  for (const value of sorted) if (!present.has(value)) select.add(new Option(value, value));
}

/**
 * The address says what is searched, so it can be bookmarked, shared and reloaded.
 * @param {string} term
 * @param {[string, HTMLSelectElement][]} selects
 */
function rememberInAddress(term, selects) {
  const params = new URLSearchParams();
  if (term !== "") params.set("q", term);
  for (const [name, select] of selects) if (select.value !== "") params.set(name, select.value);
  const search = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${search === "" ? "" : `?${search}`}${location.hash}`);
}

/**
 * @param {number} count
 * @param {ReturnType<typeof labelsOf>} labels
 * @param {string | undefined} language
 */
function countSentence(count, labels, language) {
  if (count === 0) return labels.none;
  if (count === 1) return labels.oneResult;
  return labels.results.replace("{n}", count.toLocaleString(language));
}

/** @param {string} text */
function button(text) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "search-more";
  element.textContent = text;
  return element;
}

/**
 * One result: title linked, date, departments, excerpt.
 * @param {{ url: string, meta: Record<string, string | undefined>, excerpt: string }} data
 */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  const facts = [["search-result-date", data.meta.date], ["search-result-departments", data.meta.department]].filter(([, text]) => text);
  if (facts.length > 0) {
    const line = document.createElement("p");
    line.className = "search-result-meta";
    facts.forEach(([className, text], i) => {
      const span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      line.append(...(i > 0 ? [" · "] : []), span);
    });
    item.append(line);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(excerpt);
  return item;
}

/**
 * Pagefind's excerpt is the indexed text with "<" and ">" written as "&lt;" and "&gt;" and the
 * matched words wrapped in <mark>…</mark>. Rebuilt as text and <mark> elements: nothing in it
 * is ever parsed as HTML.
 * @param {string} excerpt
 * @returns {(Text | HTMLElement)[]}
 */
function excerptNodes(excerpt) {
  /** @type {(Text | HTMLElement)[]} */
  const nodes = [];
  /** @type {HTMLElement | null} */
  let mark = null;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") {
      mark = document.createElement("mark");
      nodes.push(mark);
    } else if (part === "</mark>") {
      mark = null;
    } else if (part !== "") {
      const text = document.createTextNode(part.replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
      if (mark) mark.append(text);
      else nodes.push(text);
    }
  }
  return nodes;
}
