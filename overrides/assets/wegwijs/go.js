/*
 * Permanent link /go/<id>/: send the visitor to the page in their own language.
 * The page lists its language versions as <link rel="alternate" hreflang="..">
 * (data-translated="false" where only the Dutch text exists). Choice: the first
 * browser language with a real translation, else the first browser language the
 * page is built in, else Dutch. Without JavaScript a <noscript> meta refresh
 * leads to the Dutch page. An external file, so a strict Content-Security-Policy
 * (no inline scripts) keeps working. Written by tools/wegwijs/render/permalinks.py.
 */
(function () {
  "use strict";
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  var pages = {};
  var fallback = null;
  for (var i = 0; i < links.length; i++) {
    var code = links[i].getAttribute("hreflang");
    pages[code] = {
      href: links[i].getAttribute("href"),
      translated: links[i].getAttribute("data-translated") !== "false"
    };
    if (fallback === null) fallback = pages[code].href; // Dutch comes first
  }
  if (fallback === null) return;
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var codes = [];
  for (var j = 0; j < wanted.length; j++) {
    var code2 = String(wanted[j]).toLowerCase().split("-")[0];
    if (codes.indexOf(code2) < 0) codes.push(code2);
  }
  function pick(needTranslation) {
    for (var k = 0; k < codes.length; k++) {
      var page = pages[codes[k]];
      if (page && (page.translated || !needTranslation)) return page.href;
    }
    return null;
  }
  var target = pick(true) || pick(false) || fallback;
  window.location.replace(target + window.location.hash);
})();
