/* Wegwijs service worker (the build copies this file to the site root as /sw.js, so its
   scope covers every language, and fills in VERSION and PRECACHE).
   - Pages the visitor opens are kept (network first, the cached copy when offline).
   - When a page registers us it names its language; we then keep that language's
     stappenplan, contactkaart, begrippenlijst, kaart and home page (PRECACHE[lang]).
   - When the visitor opens a practice page, we keep every practice page of that
     language (PRACTICE[lang]: the overview and one module per thema).
   - Only this site's own files: other hosts, video/audio (and any Range request)
     and the search index are never cached.
   - One cache per build (VERSION): a new build refreshes the kept pages and deletes
     the old cache. localStorage (the checklist) is never touched. */
"use strict";
var VERSION = "__VERSION__";
var PRECACHE = __PRECACHE__;
var PRACTICE = __PRACTICE__;
var PREFIX = "wegwijs-";
var CACHE = PREFIX + VERSION;
var SCOPE = new URL(self.registration ? self.registration.scope : "./", self.location.href);
var MEDIA = /\.(mp4|webm|m4a|mp3|ogg|oga|ogv|mov|zip)$/i;

function inScope(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(SCOPE.pathname) === 0;
}

function cacheable(request) {
  if (request.method !== "GET" || request.headers.has("range")) return false;
  var url = new URL(request.url);
  if (!inScope(url)) return false;
  var path = url.pathname.slice(SCOPE.pathname.length);
  if (MEDIA.test(url.pathname) || /^(media|pagefind)\//.test(path) || /(^|\/)media\//.test(path)) return false;
  return path !== "sw.js";
}

// Resolves to true when the file is now in the cache.
function keep(cache, url) {
  return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
    if (!response.ok || response.type !== "basic") return false;
    return cache.put(url, response).then(function () { return true; });
  }).catch(function () { return false; /* offline or gone: keep going */ });
}

// Resolves to true when every file of the language's list is in the cache.
function precache(lang, lists) {
  var list = (lists || PRECACHE)[lang];
  if (!list) return Promise.resolve(false);
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(list.map(function (path) {
      var url = new URL(path, SCOPE).href;
      return cache.match(url).then(function (hit) { return Boolean(hit) || keep(cache, url); });
    }));
  }).then(function (kept) { return kept.every(Boolean); });
}

// The language whose practice pages list this page (a practice page), else null.
function practiceLanguage(url) {
  var path = url.pathname.slice(SCOPE.pathname.length);
  var langs = Object.keys(PRACTICE);
  for (var i = 0; i < langs.length; i += 1) {
    if (PRACTICE[langs[i]].indexOf(path) >= 0) return langs[i];
  }
  return null;
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== CACHE; });
    return caches.open(CACHE).then(function (fresh) {
      return Promise.all(old.map(function (name) {
        return caches.open(name).then(function (stale) { return stale.keys(); }).then(function (requests) {
          // Fetch the new version of every page the visitor had kept.
          return Promise.all(requests.filter(function (r) { return /\/$|\.html$/.test(new URL(r.url).pathname); })
            .map(function (r) { return keep(fresh, r.url); }));
        }).then(function () { return caches.delete(name); });
      }));
    });
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "precache" && typeof data.lang === "string") {
    event.waitUntil(precache(data.lang).then(function (complete) {
      if (event.source) {
        event.source.postMessage({ type: "precached", lang: data.lang, version: VERSION, complete: complete });
      }
    }));
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (!cacheable(request)) return;
  if (request.mode === "navigate") {
    var practiceLang = practiceLanguage(new URL(request.url));
    if (practiceLang) event.waitUntil(precache(practiceLang, PRACTICE));
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(request, { ignoreSearch: true }).then(function (hit) {
          return hit || cache.match(new URL("404.html", SCOPE).href) || Response.error();
        });
      });
    }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    });
  }));
});
