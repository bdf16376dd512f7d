/* Preview panel (mkdocs serve only; tools/wegwijs/plugin/steps/preview.py adds this
   script to extra_javascript while serving, never in `mkdocs build`).

   Fetches _wegwijs/preview.json (the findings of the pages saved last, or the build
   error) and shows them at the bottom of the page in a panel that can be closed; a
   closed panel stays closed until the next save (sessionStorage, per round). Closed
   with the "Sluiten" button (mouse, or Tab to it and Enter) or Escape inside the panel.
   State for tests: document.documentElement.dataset.wegwijsPreview =
   "empty" (nothing checked yet) | "pending" (checks still run; it polls) |
   "shown" | "build-error" | "dismissed" |
   "error" (no preview.json). */
(function () {
  "use strict";
  var KEY = "wegwijs-preview-dismissed";
  var root = document.documentElement;
  var script = document.currentScript;
  var url = script ? new URL("preview.json", script.src).href : "/_wegwijs/preview.json";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(data) {
    var old = document.getElementById("wegwijs-preview");
    if (old) old.remove();
    if (!data.round || (!data.findings.length && !data.error && !data.checked.length)) {
      root.dataset.wegwijsPreview = "empty";
      return;
    }
    var dismissed = false;
    try { dismissed = sessionStorage.getItem(KEY) === String(data.round); } catch (e) { /* private mode: the panel just shows again */ }
    if (dismissed) {
      root.dataset.wegwijsPreview = "dismissed";
      return;
    }
    var panel = el("section", {
      id: "wegwijs-preview", role: "region", lang: "nl", dir: "ltr",
      "aria-label": "Controles van de opgeslagen pagina's", "data-round": String(data.round),
      style: "position:fixed;inset:auto 0 0 0;z-index:10;max-height:40vh;overflow:auto;" +
        "background:#fff;color:#1a1a1a;border-top:3px solid #b00020;padding:.5rem 1rem;" +
        "font:14px/1.4 monospace;box-shadow:0 -2px 6px rgba(0,0,0,.3)"
    });
    var title = data.error ? "De site bouwt niet" : data.pending ?
      "Controles van " + data.checked.join(", ") + " lopen…" :
      "Controles van " + data.checked.join(", ") + ": " + data.findings.length + " melding(en)";
    panel.appendChild(el("h2", { style: "font-size:1rem;margin:0 0 .5rem" }, title));
    if (data.error) panel.appendChild(el("pre", { class: "wegwijs-preview-error", style: "white-space:pre-wrap" }, data.error));
    var list = el("ul", { style: "margin:0;padding-left:1rem" });
    data.findings.forEach(function (f) {
      list.appendChild(el("li", { class: "wegwijs-preview-finding", "data-severity": f.severity, "data-rule": f.rule }, f.text));
    });
    if (!data.findings.length && !data.error && !data.pending) list.appendChild(el("li", {}, "Geen meldingen."));
    panel.appendChild(list);
    var close = el("button", { type: "button", class: "wegwijs-preview-close", style: "margin-top:.5rem" }, "Sluiten");
    function dismiss() {
      try { sessionStorage.setItem(KEY, String(data.round)); } catch (e) { /* private mode: the panel just shows again */ }
      panel.remove();
      root.dataset.wegwijsPreview = "dismissed";
    }
    close.addEventListener("click", dismiss);
    // Keyboard: Enter or Space on the button (a real <button>), or Escape anywhere in the panel.
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); dismiss(); }
    });
    panel.appendChild(close);
    document.body.appendChild(panel);
    root.dataset.wegwijsPreview = data.error ? "build-error" : data.pending ? "pending" : "shown";
    if (data.pending) setTimeout(load, 300);
  }

  function load() {
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function () { root.dataset.wegwijsPreview = "error"; });
  }

  load();
})();
