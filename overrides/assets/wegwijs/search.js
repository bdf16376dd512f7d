/* Search dialog. Loads Pagefind only when the reader opens search; Pagefind then
   fetches only the index fragments of this page's language (from <html lang>).
   Tigrinya: the Ethiopic word space ፡ and full stop ። separate words, as in the
   index (tools/wegwijs/render/search_index.py). */
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
  var pagefind = null;
  var timer = null;
  var latest = 0;

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

  function render(results, id) {
    if (id !== latest) return;
    list.textContent = "";
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(r.url.replace(/^\//, ""), root).href;
      a.textContent = (r.meta && r.meta.title) || r.url;
      var p = document.createElement("p");
      p.innerHTML = r.excerpt; /* Pagefind escapes the text and adds only <mark> */
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  function search() {
    var query = input.value.replace(/[\u1361-\u1368]/g, " ").trim();
    var id = ++latest;
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    load().then(function (pf) { return pf.search(query); }).then(function (found) {
      if (id !== latest || !found) return;
      status.textContent = count(found.results.length);
      return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }))
        .then(function (data) { render(data, id); });
    });
  }

  opener.addEventListener("click", function () {
    dialog.showModal();
    input.focus();
    load();
  });
  dialog.querySelector("[data-close]").addEventListener("click", function () { dialog.close(); opener.focus(); });
  dialog.addEventListener("close", function () { opener.focus(); });
  dialog.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); search(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
})();
