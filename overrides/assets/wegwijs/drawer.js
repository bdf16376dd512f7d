/* Navigation drawer for keyboard and screen-reader users. Material's drawer is a
   hidden checkbox (#__drawer) toggled by <label for="__drawer">, which works by
   mouse/touch only; Material's own bundle (not loaded, see main.html) would add
   the rest. Here the menu <button> (header.html) toggles the checkbox, its
   aria-expanded follows it, opening moves focus into the navigation, and Escape
   closes the drawer and returns focus to the button. */
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
  drawer.id = drawer.id || "wegwijs-drawer";
  button.setAttribute("aria-controls", drawer.id);

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }

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
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) set(false, true);
  });
  sync();
})();
