/* Registers the service worker (/sw.js at the site root: one scope for every
   language) and asks it to keep this language's stappenplan, contactkaart,
   begrippenlijst and kaart for use without network. See overrides/assets/wegwijs/sw.js.

   State for scripts and tests: <html data-wegwijs-offline=…>
   registered (the worker is active and has been asked to keep this language's pages)
   | saved (it reports every one of them kept) | incomplete (it kept what it could
   fetch; some files failed) | unsupported (no service workers, or not a secure context)
   | failed (registration failed: the site still works online). */
(function () {
  "use strict";
  var html = document.documentElement;
  function state(value) { html.dataset.wegwijsOffline = value; }
  if (!("serviceWorker" in navigator) || !window.isSecureContext) { state("unsupported"); return; }
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-base"), location.href);
  var lang = html.lang || "nl";
  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "precached" && data.lang === lang) state(data.complete === false ? "incomplete" : "saved");
  });
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        if (!registration.active) return;
        state("registered");
        registration.active.postMessage({ type: "precache", lang: lang });
        // Messages from the worker wait until the page starts taking them.
        if (navigator.serviceWorker.startMessages) navigator.serviceWorker.startMessages();
      }).catch(function () { state("failed"); /* no offline copy: the site still works online */ });
  });
})();
