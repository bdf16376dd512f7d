/* Navigation drawer for keyboard users. Material's drawer is a hidden checkbox
   (#__drawer) toggled by <label for="__drawer">, which works by mouse/touch only;
   Material's own bundle (not loaded, see main.html) normally adds the rest.
   Here: Enter/Space on the menu button toggle the drawer, aria-expanded follows
   it, opening moves focus into the navigation, Escape closes it and returns focus. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".wegwijs-drawer-open");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  drawer.id = drawer.id || "wegwijs-drawer";
  button.setAttribute("aria-controls", drawer.id);

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }

  function set(open, focus) {
    if (toggle.checked !== open) { toggle.checked = open; toggle.dispatchEvent(new Event("change")); }
    sync();
    if (!focus) return;
    if (open) {
      var first = drawer.querySelector("a[href], [tabindex='0']");
      /* the drawer slides in: focus after it became visible */
      if (first) setTimeout(function () { first.focus(); }, 50);
    } else {
      button.focus();
    }
  }

  button.addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
      e.preventDefault();
      set(!toggle.checked, true);
    }
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) set(false, true);
  });
  sync();
})();
