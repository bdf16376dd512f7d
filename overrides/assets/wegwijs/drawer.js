/* Navigation drawer for keyboard and screen-reader users. Material's drawer is a
   hidden checkbox (#__drawer) toggled by <label for="__drawer">, which works by
   mouse/touch only; Material's own bundle (not loaded, see main.html) would add
   the rest. Here the menu <button> (header.html) toggles the checkbox, its
   aria-expanded follows it, opening moves focus into the navigation, and Escape
   closes the drawer and returns focus to the button.
   State for scripts and tests: <html data-wegwijs-drawer=…> closed | opening | open |
   closing; "open"/"closed" once the slide has ended (at once where nothing slides:
   wide screens, reduced motion). */
(function () {
  "use strict";
  /* Language list: it opens on focus (CSS :focus-within). iOS Safari does not focus a
     button that is tapped, so focus it on click. */
  var languages = document.querySelector(".wegwijs-languages button");
  if (languages) languages.addEventListener("click", function () { languages.focus(); });
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".wegwijs-drawer-open");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var html = document.documentElement;
  drawer.id = drawer.id || "wegwijs-drawer";
  button.setAttribute("aria-controls", drawer.id);

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }

  function settled() { html.dataset.wegwijsDrawer = toggle.checked ? "open" : "closed"; }

  // True while the drawer's transform is animated (a phone-width screen, motion allowed).
  function slides() {
    var style = getComputedStyle(drawer);
    var names = style.transitionProperty.split(",");
    var times = style.transitionDuration.split(",");
    return names.some(function (name, i) {
      name = name.trim();
      return (name === "transform" || name === "all") && parseFloat(times[i % times.length]) > 0;
    });
  }

  function moved() {
    html.dataset.wegwijsDrawer = toggle.checked ? "opening" : "closing";
    if (!slides()) settled();
  }
  drawer.addEventListener("transitionend", function (e) {
    if (e.target === drawer && e.propertyName === "transform") settled();
  });
  drawer.addEventListener("transitioncancel", function (e) {
    if (e.target === drawer && e.propertyName === "transform" && !slides()) settled();
  });

  var timer = null;

  function set(open, focus) {
    clearTimeout(timer);
    if (toggle.checked !== open) { toggle.checked = open; toggle.dispatchEvent(new Event("change")); }
    sync();
    if (!focus) return;
    if (open) {
      var first = drawer.querySelector("a[href]");
      /* the drawer becomes visible at once and slides in: focus after a frame */
      if (first) timer = setTimeout(function () { if (toggle.checked) first.focus(); }, 50);
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function (e) {
    /* a real click (pointer) keeps focus on the button; keyboard moves into the menu */
    set(!toggle.checked, e.detail === 0);
  });
  toggle.addEventListener("change", function () { sync(); moved(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) set(false, true);
  });
  sync();
  settled();
})();
