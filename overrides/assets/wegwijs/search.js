/* Search dialog. Loads Pagefind only when the reader opens search; Pagefind then
   fetches only the index fragments of this page's language (from <html lang>).
   Tigrinya: the Ethiopic word space ፡ and full stop ። separate words, as in the
   index (tools/wegwijs/render/search_index.py).

   State for scripts and tests, on the dialog (#wegwijs-search):
   data-state = idle (empty query) | loading (a query is typed and its results are not
   shown yet) | done (every result of data-query is in the list) | error (Pagefind
   failed to load or to search); data-query = the input's value whose results are
   shown; data-count = result links in the list; data-total = pages found. The first
   FIRST results are listed; when more were found, the "more" button lists the rest
   (state loading until they are all in the list, then done with data-count = data-total)
   and moves the keyboard focus to the first of them. */
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  var dialog = document.getElementById("wegwijs-search");
  var opener = document.querySelector(".wegwijs-search-open");
  if (!dialog || !opener) return;
  var input = dialog.querySelector("input");
  var status = dialog.querySelector("[role=status]");
  var list = dialog.querySelector(".wegwijs-search__results");
  var root = new URL(dialog.getAttribute("data-base"), location.href);
  var more = dialog.querySelector("[data-more]");
  var FIRST = 10;
  var pagefind = null;
  var timer = null;
  var latest = 0;
  var rest = [];  // results of the shown query that are not listed yet

  function setState(state, query, shown, total) {
    dialog.setAttribute("data-query", query);
    dialog.setAttribute("data-count", String(shown));
    dialog.setAttribute("data-total", String(total));
    dialog.setAttribute("data-state", state);  // last: the other attributes are final
  }

  function load() {
    if (!pagefind) {
      status.textContent = dialog.getAttribute("data-loading");
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () { return pf.init(); })
          .then(function () { status.textContent = ""; return pf; });
      });
      pagefind.catch(function () { status.textContent = dialog.getAttribute("data-failed"); pagefind = null; });
    }
    return pagefind;
  }

  function count(n) {
    var key = n === 0 ? "data-none" : n === 1 ? "data-one" : "data-other";
    return dialog.getAttribute(key).replace("#", String(n));
  }

  /* Pagefind's excerpt is escaped page text with <mark>…</mark> around the hits.
     It becomes text nodes and <mark> elements: page text never goes through the
     HTML parser, so nothing in it can become markup. */
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };

  function unescape(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (entity, name) {
      if (name.charAt(0) !== "#") return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : entity;
      var code = name.charAt(1) === "x" || name.charAt(1) === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
  }

  function excerpt(html) {
    var fragment = document.createDocumentFragment();
    var parts = String(html || "").split(/<mark>([\s\S]*?)<\/mark>/);
    parts.forEach(function (part, i) {
      var text = unescape(part.replace(/<[^>]*>/g, ""));
      if (!text) return;
      if (i % 2) {
        var mark = document.createElement("mark");
        mark.textContent = text;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(text));
      }
    });
    return fragment;
  }

  function render(results) {
    list.textContent = "";
    append(results);
  }

  // Adds results to the list; returns the first new link.
  function append(results) {
    var first = null;
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(r.url.replace(/^\//, ""), root).href;
      a.textContent = (r.meta && r.meta.title) || r.url;
      var p = document.createElement("p");
      p.appendChild(excerpt(r.excerpt));
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
      first = first || a;
    });
    return first;
  }

  function showMore() {
    var query = dialog.getAttribute("data-query");
    var id = latest;
    var pending = rest;
    rest = [];
    more.hidden = true;
    dialog.setAttribute("data-state", "loading");
    Promise.all(pending.map(function (r) { return r.data(); })).then(function (data) {
      if (id !== latest) return;
      var first = append(data);
      var shown = list.querySelectorAll("a").length;
      setState("done", query, shown, shown);
      if (first) first.focus();
    }).catch(function () {
      if (id !== latest) return;
      status.textContent = dialog.getAttribute("data-failed");
      setState("error", query, list.querySelectorAll("a").length, 0);
    });
  }

  function search() {
    clearTimeout(timer);
    var typed = input.value;
    var query = typed.replace(/[\u1361-\u1368]/g, " ").trim();
    var id = ++latest;
    rest = [];
    more.hidden = true;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      setState("idle", typed, 0, 0);
      return;
    }
    dialog.setAttribute("data-state", "loading");
    load().then(function (pf) { return pf.search(query); }).then(function (found) {
      if (id !== latest) return;
      var results = found ? found.results : [];
      return Promise.all(results.slice(0, FIRST).map(function (r) { return r.data(); }))
        .then(function (data) {
          if (id !== latest) return;
          render(data);
          rest = results.slice(FIRST);
          more.hidden = rest.length === 0;
          status.textContent = count(results.length);
          setState("done", typed, data.length, results.length);
        });
    }).catch(function () {
      if (id !== latest) return;
      list.textContent = "";
      status.textContent = dialog.getAttribute("data-failed");
      setState("error", typed, 0, 0);
    });
  }

  setState("idle", "", 0, 0);
  opener.addEventListener("click", function () {
    dialog.showModal();
    input.focus();
    load();
  });
  dialog.querySelector("[data-close]").addEventListener("click", function () { dialog.close(); opener.focus(); });
  dialog.addEventListener("close", function () { opener.focus(); });
  more.addEventListener("click", showMore);
  dialog.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); search(); });
  input.addEventListener("input", function () {
    // At once, so a waiting script never takes the previous query's "done" for this one.
    dialog.setAttribute("data-state", "loading");
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
})();
