/* What checklist.js, practice.js and stappenplan.js share (tools.html loads this script
   first; deferred scripts run in document order):
   - window.wegwijs.store(key): read() gives the object stored in localStorage under key
     ({} when there is none, or it is no object); write(object) stores it (in private
     mode nothing is remembered, and nothing fails); changed(handler) runs the handler
     when another tab changes the key. Nothing is sent anywhere.
   - window.wegwijs.numbers(lang): formats numbers for the page's language
     (Intl.NumberFormat; plain digits where the browser lacks it). */
(function () {
  "use strict";
  var wegwijs = window.wegwijs = window.wegwijs || {};

  wegwijs.store = function (key) {
    return {
      read: function () {
        try {
          var value = JSON.parse(localStorage.getItem(key) || "{}");
          return value && typeof value === "object" && !Array.isArray(value) ? value : {};
        } catch (e) { return {}; }
      },
      write: function (value) {
        try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: no memory */ }
      },
      // Another tab changed this key (or cleared all storage): run the handler.
      changed: function (handler) {
        window.addEventListener("storage", function (event) {
          if (event.key === key || event.key === null) handler();
        });
      },
    };
  };

  wegwijs.numbers = function (lang) {
    try { return new Intl.NumberFormat(lang); } catch (e) { return { format: String }; }
  };
})();
