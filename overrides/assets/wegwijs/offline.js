/* Registers the service worker (/sw.js at the site root: one scope for every
   language) and asks it to keep this language's stappenplan, contactkaart,
   begrippenlijst and kaart for use without network. See overrides/assets/wegwijs/sw.js. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-base"), location.href);
  var lang = document.documentElement.lang || "nl";
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        if (registration.active) registration.active.postMessage({ type: "precache", lang: lang });
      }).catch(function () { /* no offline copy: the site still works online */ });
  });
})();
