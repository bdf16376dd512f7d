/* Wegwijs service worker (the build copies this file to the site root as /sw.js, so its
   scope covers every language, and fills in VERSION and MANIFEST: see
   tools/wegwijs/render/precache.py).
   - MANIFEST.files: every file we may keep, with its revision (the first 16 hex digits
     of its SHA-256) and size; MANIFEST.lists: per list name ("offline", …) and
     language, the paths to keep when that language is saved.
   - Every kept copy carries the revision of its content (header x-wegwijs-revision,
     computed here from the bytes). After a new build, the new worker re-fetches only
     the kept files whose revision changed and drops the ones that are gone: a one-page
     edit costs the reader that page, not the whole precache.
   - Pages the visitor opens are kept (network first, the kept copy when offline). A
     page not kept shows the language's offline page; an unknown address its 404 page.
   - MANIFEST.onOpen names lists that are not part of saving a language: a language's
     list of that name (e.g. "practice": its practice pages) is kept once the reader
     opens one of its pages (not with the data saver on: a Save-Data header, the
     worker's own navigator.connection.saveData, or a page that said saveData).
   - A language is saved (its lists kept) when a page asks: automatically on a page
     load, unless the reader's data saver is on (Save-Data header or
     navigator.connection.saveData: the page then only asks when the reader presses
     "Bewaar voor offline gebruik") or the reader removed the saved copy.
   - Only this site's own files: other hosts, video/audio (and any Range request)
     and the search index are never kept. One cache (CACHE); caches of older formats
     are deleted. localStorage (checklist, practice) is never touched.
   Messages (page -> worker -> page), all with a `lang`:
     {type:"precache", lang, auto} -> {type:"precached", lang, complete, skipped}
     {type:"status", lang}         -> {type:"status", lang, saved, total, missing, stored}
     {type:"remove", lang}         -> {type:"removed", lang} */
"use strict";
var VERSION = "__VERSION__";
var MANIFEST = __MANIFEST__;
var PREFIX = "wegwijs-";
var CACHE = PREFIX + "files-v1";
var REVISION = "x-wegwijs-revision";
var SCOPE = new URL(self.registration ? self.registration.scope : "./", self.location.href);
var MARKS = "__wegwijs__/"; // cache keys under SCOPE: saved/<lang>, removed/<lang>
var MEDIA = /\.(mp4|webm|m4a|mp3|ogg|oga|ogv|mov|zip)$/i;
var LANGS = Object.keys((MANIFEST.lists && MANIFEST.lists.offline) || {});
var ON_OPEN = MANIFEST.onOpen || [];
var saveDataSeen = false; // a navigation arrived with Save-Data: on, or a page said saveData

// Whether the reader's data saver is on: the request's Save-Data header, what the worker's
// navigator knows (Chromium has navigator.connection in workers too, also when no header
// is sent), or what a page told us earlier.
function saveDataOn(request) {
  if (request && request.headers.get("save-data") === "on") saveDataSeen = true;
  var connection = self.navigator && self.navigator.connection;
  return saveDataSeen || Boolean(connection && connection.saveData);
}

function inScope(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(SCOPE.pathname) === 0;
}

function sitePath(url) {
  return decodeURI(new URL(url).pathname.slice(SCOPE.pathname.length));
}

function urlOf(path) {
  return new URL(path, SCOPE).href;
}

function cacheable(request) {
  if (request.method !== "GET" || request.headers.has("range")) return false;
  var url = new URL(request.url);
  if (!inScope(url)) return false;
  var path = sitePath(url.href);
  if (MEDIA.test(url.pathname) || /^(media|pagefind)\//.test(path) || /(^|\/)media\//.test(path)) return false;
  return path !== "sw.js" && path.indexOf(MARKS) !== 0;
}

// The paths of every list of a language (no duplicates).
function listOf(lang) {
  var out = [];
  Object.keys(MANIFEST.lists || {}).forEach(function (name) {
    if (ON_OPEN.indexOf(name) >= 0) return; // kept when one of its pages is opened
    (MANIFEST.lists[name][lang] || []).forEach(function (path) {
      if (out.indexOf(path) < 0) out.push(path);
    });
  });
  return out;
}

function languageOf(path) {
  var first = path.split("/")[0];
  return LANGS.indexOf(first) >= 0 ? first : LANGS[0];
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return ("0" + b.toString(16)).slice(-2);
  }).join("");
}

// Put a response in the cache labelled with the revision of its bytes.
function store(cache, url, response) {
  return response.arrayBuffer().then(function (body) {
    return crypto.subtle.digest("SHA-256", body).then(function (digest) {
      var headers = new Headers(response.headers);
      headers.set(REVISION, hex(digest).slice(0, 16));
      return cache.put(url, new Response(body, { status: response.status, statusText: response.statusText, headers: headers }));
    });
  });
}

// Resolves to true when the file is now in the cache.
function keep(cache, url) {
  return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
    if (!response.ok || response.type !== "basic") return false;
    return store(cache, url, response).then(function () { return true; });
  }).catch(function () { return false; /* offline or gone: keep going */ });
}

function mark(cache, kind, lang, on) {
  var url = urlOf(MARKS + kind + "/" + lang);
  return on ? cache.put(url, new Response(VERSION)) : cache.delete(url);
}

function marked(cache, kind, lang) {
  return cache.match(urlOf(MARKS + kind + "/" + lang)).then(Boolean);
}

// Keep every file of the language's lists that is not kept yet (kept ones are current:
// install re-fetched the changed ones). Resolves to true when all are in the cache.
function precache(lang) {
  var list = listOf(lang);
  if (!list.length) return Promise.resolve(false);
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(list.map(function (path) {
      var url = urlOf(path);
      return cache.match(url).then(function (hit) { return Boolean(hit) || keep(cache, url); });
    })).then(function (kept) {
      return Promise.all([mark(cache, "saved", lang, true), mark(cache, "removed", lang, false)])
        .then(function () { return kept.every(Boolean); });
    });
  });
}

// The on-open list (all its paths) that holds this page in some language, or null.
function openedList(path) {
  var found = null;
  ON_OPEN.forEach(function (name) {
    var byLang = MANIFEST.lists[name] || {};
    Object.keys(byLang).forEach(function (lang) {
      if (!found && byLang[lang].indexOf(path) >= 0) found = byLang[lang];
    });
  });
  return found;
}

// Keep every path of a list that is not kept yet.
function keepAll(list) {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(list.map(function (path) {
      var url = urlOf(path);
      return cache.match(url).then(function (hit) { return Boolean(hit) || keep(cache, url); });
    }));
  });
}

// How much the language's lists weigh, how much of that is not kept yet, how much is kept.
function status(lang) {
  return caches.open(CACHE).then(function (cache) {
    var list = listOf(lang);
    return Promise.all(list.map(function (path) { return cache.match(urlOf(path)); })).then(function (hits) {
      var result = { type: "status", lang: lang, total: 0, missing: 0, stored: 0 };
      list.forEach(function (path, i) {
        var size = (MANIFEST.files[path] || [null, 0])[1];
        result.total += size;
        if (hits[i]) result.stored += size; else result.missing += size;
      });
      return marked(cache, "saved", lang).then(function (saved) {
        result.saved = saved;
        return marked(cache, "removed", lang).then(function (removed) {
          result.removed = removed;
          result.saveData = saveDataOn(null);
          return result;
        });
      });
    });
  });
}

// Drop the language's lists (files another saved language needs stay) and its pages.
function remove(lang) {
  return caches.open(CACHE).then(function (cache) {
    var others = LANGS.filter(function (l) { return l !== lang; });
    return Promise.all(others.map(function (l) { return marked(cache, "saved", l); })).then(function (saved) {
      var needed = [];
      others.forEach(function (l, i) { if (saved[i]) needed = needed.concat(listOf(l)); });
      return cache.keys().then(function (requests) {
        var mine = listOf(lang);
        return Promise.all(requests.map(function (request) {
          var path = sitePath(request.url);
          if (path.indexOf(MARKS) === 0 || needed.indexOf(path) >= 0) return null;
          var page = /(^|\/)$|\.html$/.test(path) && languageOf(path) === lang;
          return mine.indexOf(path) >= 0 || page ? cache.delete(request) : null;
        }));
      }).then(function () {
        return Promise.all([mark(cache, "saved", lang, false), mark(cache, "removed", lang, true)]);
      });
    });
  });
}

// A new build: re-fetch the kept files whose revision changed; keep the saved languages'
// new files. The old worker keeps serving meanwhile.
function refresh() {
  return caches.open(CACHE).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        var path = sitePath(request.url);
        var entry = MANIFEST.files[path];
        if (path.indexOf(MARKS) === 0 || !entry) return null; // gone files: dropped in activate
        return cache.match(request).then(function (hit) {
          if (hit && hit.headers.get(REVISION) === entry[0]) return null;
          return keep(cache, request.url);
        });
      }));
    }).then(function () {
      return Promise.all(LANGS.map(function (lang) {
        return marked(cache, "saved", lang).then(function (saved) { return saved ? precache(lang) : null; });
      }));
    });
  });
}

// Drop kept files the new build no longer has, and caches of older formats.
function prune() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return caches.open(CACHE); }).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        var path = sitePath(request.url);
        return path.indexOf(MARKS) === 0 || MANIFEST.files[path] ? null : cache.delete(request);
      }));
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(refresh().then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(prune().then(function () { return self.clients.claim(); }));
});

function reply(event, promise) {
  event.waitUntil(promise.then(function (message) {
    if (event.source && message) event.source.postMessage(message);
  }));
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (typeof data.lang !== "string" || LANGS.indexOf(data.lang) < 0) return;
  var lang = data.lang;
  if (data.saveData === true) saveDataSeen = true; // the page knows the data saver is on
  if (data.type === "precache") {
    reply(event, caches.open(CACHE).then(function (cache) {
      if (!data.auto) return precache(lang).then(function (complete) { return { complete: complete }; });
      // Automatic: not with a data saver or after the reader removed the copy; a language
      // the reader saved on request is kept up to date.
      return Promise.all([marked(cache, "saved", lang), marked(cache, "removed", lang)]).then(function (m) {
        if (m[0]) return precache(lang).then(function (complete) { return { complete: complete }; });
        if (m[1] || saveDataOn(null)) return { skipped: true };
        return precache(lang).then(function (complete) { return { complete: complete }; });
      });
    }).then(function (result) {
      return { type: "precached", lang: lang, version: VERSION, complete: result.complete !== false, skipped: Boolean(result.skipped) };
    }));
  } else if (data.type === "status") {
    reply(event, status(lang));
  } else if (data.type === "remove") {
    reply(event, remove(lang).then(function () { return { type: "removed", lang: lang }; }));
  }
});

// Offline: the kept copy of the page, else the language's offline page for a page of
// this site (it is in MANIFEST.files), else its 404 page.
function offlineAnswer(cache, request) {
  return cache.match(request, { ignoreSearch: true }).then(function (hit) {
    if (hit) return hit;
    var path = sitePath(request.url);
    var lang = languageOf(path);
    var prefix = lang === LANGS[0] ? "" : lang + "/";
    var known = MANIFEST.files[path] || MANIFEST.files[path + "/"];
    return cache.match(urlOf(prefix + (known ? "offline.html" : "404.html"))).then(function (page) {
      return page || Response.error();
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (!cacheable(request)) return;
  if (request.mode === "navigate") {
    var opened = saveDataOn(request) ? null : openedList(sitePath(request.url));
    if (opened) event.waitUntil(keepAll(opened));
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return store(cache, request.url, copy); }));
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) { return offlineAnswer(cache, request); });
    }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") {
          event.waitUntil(store(cache, request.url, response.clone()));
        }
        return response;
      });
    });
  }));
});
