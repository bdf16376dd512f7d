/* Registers the service worker (/sw.js at the site root: one scope for every
   language) and asks it to keep this language's stappenplan, contactkaart,
   begrippenlijst, kaart and home page for use without network — automatically,
   unless the reader's data saver is on (navigator.connection.saveData, or the worker
   saw a Save-Data header) or the reader removed the saved copy. The box "Bewaar voor
   offline gebruik" (partials/wegwijs/save.html, on the home page and the stappenplan)
   saves or removes on request and shows how much that downloads and how much is kept.
   The offline page's retry button loads the page again. See overrides/assets/wegwijs/sw.js.

   State for scripts and tests: <html data-wegwijs-offline=…>
   registered (the worker is active and has been asked to keep this language's pages)
   | saved (it reports every one of them kept) | incomplete (it kept what it could
   fetch; some files failed) | saver (nothing kept automatically: data saver on, or
   the reader removed the copy) | unsupported (no service workers, or not a secure
   context) | failed (registration failed: the site still works online).
   The save box: <section data-wegwijs-save data-state=…> idle (before the worker
   answered) | unsaved (not kept: the text says how much saving downloads) | saving |
   saved (the text says how much is kept) | incomplete | removing. */
(function () {
  "use strict";
  var html = document.documentElement;
  function state(value) { html.dataset.wegwijsOffline = value; }
  var retry = document.querySelector("[data-wegwijs-retry]");
  if (retry) retry.addEventListener("click", function () { location.reload(); });
  if (!("serviceWorker" in navigator) || !window.isSecureContext) { state("unsupported"); return; }
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-base"), location.href);
  var lang = html.lang || "nl";
  var box = document.querySelector("[data-wegwijs-save]");
  var saveData = Boolean(navigator.connection && navigator.connection.saveData);
  var worker = null;

  function size(bytes) {
    var kb = Math.max(1, Math.round(bytes / 1000));
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(kb);
    } catch (e) {
      return kb + " kB";
    }
  }

  function show(boxState, text) {
    if (!box) return;
    box.hidden = false;
    box.querySelector("[data-wegwijs-save-status]").textContent = text;
    var saved = boxState === "saved" || boxState === "incomplete";
    box.querySelector("[data-wegwijs-save-button]").hidden = boxState === "saved";
    box.querySelector("[data-wegwijs-save-remove]").hidden = !saved;
    box.dataset.state = boxState;
  }

  function showStatus(data) {
    if (data.saved && data.missing === 0) show("saved", box.dataset.stored.replace("{size}", size(data.stored)));
    else if (data.saved) show("incomplete", box.dataset.failed + " " + box.dataset.stored.replace("{size}", size(data.stored)));
    else show("unsaved", box.dataset.size.replace("{size}", size(data.missing)));
  }

  function ask(message) {
    if (worker) worker.postMessage(Object.assign({ lang: lang }, message));
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.lang !== lang) return;
    if (data.type === "precached") {
      state(data.skipped ? "saver" : data.complete === false ? "incomplete" : "saved");
      if (box) ask({ type: "status" });
    } else if (data.type === "removed") {
      state("saver");
      ask({ type: "status" });
    } else if (data.type === "status" && box) {
      showStatus(data);
    }
  });

  if (box) {
    box.querySelector("[data-wegwijs-save-button]").addEventListener("click", function () {
      show("saving", box.dataset.saving);
      ask({ type: "precache", auto: false });
    });
    box.querySelector("[data-wegwijs-save-remove]").addEventListener("click", function () {
      show("removing", box.dataset.saving);
      ask({ type: "remove" });
    });
  }

  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        if (!registration.active) return;
        worker = registration.active;
        state("registered");
        ask({ type: "precache", auto: true, saveData: saveData });
        // Messages from the worker wait until the page starts taking them.
        if (navigator.serviceWorker.startMessages) navigator.serviceWorker.startMessages();
      }).catch(function () { state("failed"); /* no offline copy: the site still works online */ });
  });
})();
