// The VectorDB search page (docs/service.md, "The search page"). No framework, no build step.
//
// State lives in the URL: ?collection=&q=&company=&form=&year=&item=&mode=&k= — the page reads it on
// load (and on back/forward) and runs the search, and writes it back on every search, so a result
// list is a link. The API key is never in the URL: it is kept in localStorage and sent as
// `Authorization: Bearer`. `document.body.dataset.state` is idle, loading, done or error (what the
// headless-browser test waits for).
"use strict";

(function () {
  const KEY_STORAGE = "vectordb.apiKey";
  const FIELDS = ["collection", "q", "company", "form", "year", "item", "mode", "k"];
  const DEFAULT_K = "10";
  const el = (id) => document.getElementById(id);

  /// An error the page shows: the API's `{"error": {"code", "message"}}`, or one of its own.
  class PageError extends Error {
    constructor(status, code, message, retryAfter) {
      super(message);
      this.status = status;
      this.code = code;
      this.retryAfter = retryAfter;
    }
  }

  function storedKey() {
    try {
      return window.localStorage.getItem(KEY_STORAGE) || "";
    } catch (_) {
      return "";
    }
  }

  function storeKey(key) {
    try {
      if (key) window.localStorage.setItem(KEY_STORAGE, key);
      else window.localStorage.removeItem(KEY_STORAGE);
    } catch (_) {
      // Storage refused (private mode): the key lasts until the page is closed.
    }
    sessionKey = key;
    showKeyState();
  }

  let sessionKey = storedKey();

  function showKeyState() {
    el("key-summary").textContent = sessionKey ? "API key \u2713" : "API key";
  }

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (sessionKey) headers.Authorization = "Bearer " + sessionKey;
    const init = { method, headers };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (failure) {
      throw new PageError(0, "network", "the server did not answer (" + failure.message + ")");
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (_) {
      json = null;
    }
    if (!response.ok) {
      const error = json && json.error;
      const retryAfter = response.headers.get("Retry-After");
      if (error && typeof error.code === "string") {
        throw new PageError(response.status, error.code, String(error.message || ""), retryAfter);
      }
      throw new PageError(response.status, "http_" + response.status, text.slice(0, 200) || response.statusText);
    }
    return json;
  }

  // --- the form and the URL -------------------------------------------------------------------

  function readForm() {
    const state = {};
    for (const name of FIELDS) state[name] = el(name).value.trim();
    return state;
  }

  function writeForm(state) {
    for (const name of FIELDS) {
      const value = state[name] || "";
      if (name === "collection") selectCollection(value);
      else if (name === "k") el("k").value = ensureOption(el("k"), value || DEFAULT_K);
      else if (name === "mode") el("mode").value = ensureOption(el("mode"), value);
      else el(name).value = value;
    }
  }

  /// A select's value: `value` itself, added as an option when the list lacks it.
  function ensureOption(select, value) {
    if (value && ![...select.options].some((option) => option.value === value)) {
      select.add(new Option(value, value));
    }
    return value;
  }

  function stateFromURL() {
    const params = new URLSearchParams(window.location.search);
    const state = {};
    for (const name of FIELDS) state[name] = (params.get(name) || "").trim();
    // Aliases a person may type into a link.
    for (const alias of ["cik", "ticker"]) {
      if (!state.company && params.get(alias)) state.company = params.get(alias).trim();
    }
    if (!state.year && params.get("fiscal_year")) state.year = params.get("fiscal_year").trim();
    return state;
  }

  function urlFor(state) {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const value = state[name];
      if (value && !(name === "k" && value === DEFAULT_K)) params.set(name, value);
    }
    const query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  // --- the filter -----------------------------------------------------------------------------

  function titleCase(text) {
    return text.replace(/\b([a-z])/g, (letter) => letter.toUpperCase());
  }

  /// The search's filter object (docs/service.md, "Filters"), or undefined for none.
  function buildFilter(state) {
    const filter = {};
    const who = state.company;
    if (who) {
      if (/^\d{1,10}$/.test(who)) {
        filter.cik = Number(who);
      } else {
        const prefixes = [...new Set([who, titleCase(who)])];
        filter.$or = [{ ticker: who }, ...prefixes.map((prefix) => ({ company: { prefix } }))];
      }
    }
    if (state.form) filter.form = state.form;
    if (state.year) {
      const range = /^(\d{4})\s*(?:-|\u2013|\.\.)\s*(\d{4})$/.exec(state.year);
      if (range) filter.fiscal_year = { gte: Number(range[1]), lte: Number(range[2]) };
      else if (/^\d{4}$/.test(state.year)) filter.fiscal_year = Number(state.year);
      else throw new PageError(0, "bad_input", "fiscal year: '" + state.year + "' is not a year (2024) or a range (2022-2024)");
    }
    if (state.item) filter.item = state.item;
    return Object.keys(filter).length ? filter : undefined;
  }

  // --- rendering ------------------------------------------------------------------------------

  function showError(error) {
    const box = el("error");
    box.replaceChildren();
    const code = document.createElement("strong");
    code.className = "error-code";
    code.textContent = error.code || "error";
    const message = document.createElement("span");
    message.className = "error-message";
    let text = error.message || "";
    if (error.status) text += " (HTTP " + error.status + ")";
    if (error.retryAfter) text += "; retry in " + error.retryAfter + " s";
    if (error.status === 401) text += ". Enter an API key above.";
    message.textContent = " " + text;
    box.append(code, message);
    box.hidden = false;
    if (error.status === 401) el("key-panel").open = true;
  }

  function clearError() {
    el("error").hidden = true;
    el("error").replaceChildren();
  }

  /// The server's snippet (HTML-escaped text with <mark> around the query's terms) as DOM nodes:
  /// text and <mark> only, whatever the string holds.
  function snippetNodes(html) {
    const parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    const nodes = [];
    for (const node of parsed.body.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent));
      }
    }
    return nodes;
  }

  function span(className, text) {
    const node = document.createElement("span");
    node.className = className;
    node.textContent = text;
    return node;
  }

  function safeURL(text) {
    try {
      const url = new URL(text);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function renderHit(hit, rank) {
    const item = document.createElement("li");
    item.className = "hit";
    item.dataset.id = hit.id;
    const head = document.createElement("div");
    head.className = "hit-head";
    const citation = hit.citation;
    if (citation) {
      const tickers = (citation.tickers || []).join(", ");
      head.append(span("hit-company", citation.company + (tickers ? " (" + tickers + ")" : "")));
      head.append(span("hit-form", citation.form));
      const dates = ["filed " + citation.filingDate];
      if (citation.reportDate) dates.push("period " + citation.reportDate);
      dates.push("FY " + citation.fiscalYear);
      head.append(span("hit-dates", dates.join(" \u00b7 ")));
    } else {
      head.append(span("hit-company", hit.id));
    }
    head.append(span("hit-score", "#" + rank + " \u00b7 score " + Number(hit.score).toFixed(4)));
    item.append(head);
    if (citation) {
      let section = "Item " + citation.item + (citation.itemTitle ? " \u2014 " + citation.itemTitle : "");
      if (citation.documentType && citation.documentType !== citation.form) section = citation.documentType + ", " + section;
      item.append(span("hit-section", section));
    }
    if (hit.snippet) {
      const snippet = document.createElement("p");
      snippet.className = "hit-snippet";
      snippet.append(...snippetNodes(hit.snippet));
      item.append(snippet);
    }
    if (citation) {
      const foot = document.createElement("div");
      foot.className = "hit-foot";
      const href = safeURL(citation.secURL);
      if (href) {
        const link = document.createElement("a");
        link.className = "hit-link";
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.textContent = "View the filing on sec.gov";
        foot.append(link);
      }
      foot.append(
        span("hit-accession", "accession " + citation.accession + " \u00b7 characters " + citation.charStart + "\u2013" + citation.charEnd)
      );
      item.append(foot);
    }
    return item;
  }

  function renderResults(answer, elapsedMs) {
    const list = el("results");
    list.replaceChildren(...answer.hits.map((hit, index) => renderHit(hit, index + 1)));
    const count = answer.hits.length;
    el("status").textContent =
      count + (count === 1 ? " result" : " results") + " from " + answer.collection + " (" + answer.mode + ", " +
      answer.ranking + " ranking) in " + Math.round(elapsedMs) + " ms";
  }

  // --- collections and search -----------------------------------------------------------------

  function selectCollection(name) {
    const select = el("collection");
    if (name) select.value = ensureOption(select, name);
  }

  async function loadCollections(wanted) {
    const select = el("collection");
    const answer = await api("GET", "/v1/collections");
    const names = answer.collections.map((collection) => collection.name);
    select.replaceChildren(
      ...answer.collections.map((collection) => new Option(collection.name + " (" + collection.documents + " documents)", collection.name))
    );
    if (wanted) selectCollection(wanted);
    else if (names.includes("filings")) select.value = "filings";
    return names;
  }

  // Only the latest search may write the results (an older one can answer after it).
  let searchGeneration = 0;

  async function runSearch(state, generation) {
    clearError();
    if (!state.collection) throw new PageError(0, "bad_input", "choose a collection (none is listed: ingest one with `vectordb run`)");
    if (!state.q) throw new PageError(0, "bad_input", "type a question");
    const body = { query: state.q, k: Number(state.k || DEFAULT_K) };
    const filter = buildFilter(state);
    if (filter) body.filter = filter;
    if (state.mode) body.mode = state.mode;
    document.body.dataset.state = "loading";
    el("status").textContent = "Searching\u2026";
    const started = performance.now();
    const answer = await api("POST", "/v1/collections/" + encodeURIComponent(state.collection) + "/search", body);
    if (generation !== searchGeneration) return;
    renderResults(answer, performance.now() - started);
    document.body.dataset.state = "done";
  }

  async function search(state, history) {
    const url = urlFor(state);
    if (history === "push" && url !== window.location.pathname + window.location.search) {
      window.history.pushState(null, "", url);
    }
    const generation = ++searchGeneration;
    try {
      await runSearch(state, generation);
    } catch (error) {
      if (generation === searchGeneration) fail(error);
    }
  }

  function clearResults() {
    searchGeneration++;
    el("results").replaceChildren();
    el("status").textContent = "";
    clearError();
    document.body.dataset.state = "idle";
  }

  function fail(error) {
    el("results").replaceChildren();
    el("status").textContent = "";
    showError(error instanceof PageError ? error : new PageError(0, "page", String(error && error.message)));
    document.body.dataset.state = "error";
  }

  async function start() {
    showKeyState();
    const state = stateFromURL();
    writeForm(state);
    let collectionsFailed = null;
    try {
      await loadCollections(state.collection);
    } catch (error) {
      collectionsFailed = error;
    }
    if (state.q) {
      state.collection = state.collection || el("collection").value;
      await search(state, null);
    } else if (collectionsFailed) {
      fail(collectionsFailed);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    el("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      search(readForm(), "push");
    });
    el("api-key").value = sessionKey;
    el("key-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      storeKey(el("api-key").value.trim());
      el("key-panel").open = false;
      clearError();
      try {
        await loadCollections(el("collection").value);
      } catch (error) {
        fail(error);
        return;
      }
      const state = readForm();
      if (state.q) search(state, "push");
    });
    el("key-clear").addEventListener("click", () => {
      el("api-key").value = "";
      storeKey("");
    });
    window.addEventListener("popstate", () => {
      const state = stateFromURL();
      writeForm(state);
      if (state.q) search(state, null);
      else clearResults();
    });
    start();
  });
})();
