/* Navigation drawer for keyboard and screen-reader users. Material's drawer is a
   hidden checkbox (#__drawer) toggled by <label for="__drawer">, which works by
   mouse/touch only; Material's own bundle (not loaded, see main.html) would add
   the rest. Here the menu <button> (header.html) toggles the checkbox, its
   aria-expanded follows it, opening moves focus into the navigation, the rest of the
   page is inert and Tab stays inside the drawer while it is open on a narrow screen,
   and Escape closes the drawer and returns focus to the button. Also: the language
   menu button's keys, aria-current on the current page's link, and named, operable
   section toggles.
   State for scripts and tests: <html data-wegwijs-drawer=…> closed | opening | open |
   closing; "open"/"closed" once the slide has ended (at once where nothing slides:
   wide screens, reduced motion). */
(function () {
  "use strict";
  /* Language list (alternate.html): a menu button. Click, Enter, Space and Arrow down
     open it (aria-expanded; CSS shows the list) and Arrow down moves to the first
     language; Escape closes it and returns focus; leaving it closes it. */
  var languages = document.querySelector(".wegwijs-languages button");
  if (languages) {
    var picker = languages.parentNode;
    var expand = function (open) { languages.setAttribute("aria-expanded", open ? "true" : "false"); };
    languages.addEventListener("click", function () {
      languages.focus(); /* iOS Safari does not focus a tapped button */
      expand(languages.getAttribute("aria-expanded") !== "true");
    });
    picker.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(picker.querySelectorAll("a[href]"));
      var at = links.indexOf(document.activeElement);
      if (e.key === "Escape" && languages.getAttribute("aria-expanded") === "true") {
        e.stopPropagation();
        expand(false);
        languages.focus();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        expand(true);
        var next = at < 0 ? 0 : (at + (e.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
        if (links[next]) links[next].focus();
      }
    });
    picker.addEventListener("focusout", function (e) {
      if (!picker.contains(e.relatedTarget)) expand(false);
    });
  }
  /* The current page in the navigation (Material marks it with a class only). */
  Array.prototype.forEach.call(document.querySelectorAll("a.md-nav__link--active"), function (a) {
    a.setAttribute("aria-current", "page");
  });
  /* Section toggles (<label for=__nav_x tabindex=0>, an icon only) and the submenu's
     back arrow (<label class=md-nav__title for=__nav_x>): named buttons that Enter and
     Space operate; aria-expanded follows the section's checkbox. */
  Array.prototype.forEach.call(document.querySelectorAll(".md-nav__toggle[id^='__nav']"), function (box) {
    var section = box.parentNode;
    var opener = section.querySelector("label.md-nav__link[for='" + box.id + "']");
    var back = section.querySelector("label.md-nav__title[for='" + box.id + "']");
    var title = section.querySelector(".md-nav__container > a, .md-nav__link > a");
    var name = title ? title.textContent.trim() : (back ? back.textContent.trim() : "");
    function syncSection() { if (opener) opener.setAttribute("aria-expanded", box.checked ? "true" : "false"); }
    [opener, back].forEach(function (label, i) {
      if (!label) return;
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      if (name && i === 0) label.setAttribute("aria-label", name);
      label.addEventListener("keydown", function (e) {
        if (e.key !== "Enter" && e.key !== " ") return;
        e.preventDefault();
        box.checked = i === 0 ? !box.checked : false;
        syncSection();
        var target = box.checked ? section.querySelector("nav .md-nav__list a[href]") : opener;
        if (target) target.focus();
      });
    });
    box.addEventListener("change", syncSection);
    syncSection();
  });
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".wegwijs-drawer-open");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var html = document.documentElement;
  drawer.id = drawer.id || "wegwijs-drawer";
  button.setAttribute("aria-controls", drawer.id);

  /* While the drawer is open on a narrow screen, the rest of the page is inert. */
  var rest = [".md-header", ".md-content", ".md-sidebar--secondary", ".md-footer", ".wegwijs-search-open"];
  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    var modal = toggle.checked && getComputedStyle(drawer).position === "fixed";
    rest.forEach(function (selector) {
      Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) {
        if (modal) el.setAttribute("inert", ""); else el.removeAttribute("inert");
      });
    });
  }

  /* Tab stops inside the open drawer: the visible, focusable ones. */
  function stops() {
    return Array.prototype.filter.call(drawer.querySelectorAll("a[href], [tabindex='0'], button"), function (el) {
      var box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === "visible";
    });
  }

  var focusOnOpen = false; // opened by keyboard: focus the first link once it is in view

  /* The drawer has arrived (open or closed). Focus moves in before the state says
     "open", so nothing (a script, a test, the reader's next Tab) sees an open drawer
     whose focus is still outside it. */
  function settled() {
    if (toggle.checked && focusOnOpen) {
      focusOnOpen = false;
      var first = drawer.querySelector("a[href]");
      if (first) first.focus();
    }
    html.dataset.wegwijsDrawer = toggle.checked ? "open" : "closed";
  }

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

  function set(open, focus) {
    focusOnOpen = Boolean(open && focus);
    if (toggle.checked !== open) { toggle.checked = open; toggle.dispatchEvent(new Event("change")); }
    sync();
    if (focus && !open) button.focus();
    if (focusOnOpen && html.dataset.wegwijsDrawer === "open") settled(); // was open already
  }

  button.addEventListener("click", function (e) {
    /* a real click (pointer) keeps focus on the button; keyboard moves into the menu */
    set(!toggle.checked, e.detail === 0);
  });
  toggle.addEventListener("change", function () { sync(); moved(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) set(false, true);
    /* Focus stays inside the open drawer: Tab from the last stop goes to the first. */
    if (e.key === "Tab" && toggle.checked && html.dataset.wegwijsDrawer !== "closed" &&
        button.getAttribute("aria-expanded") === "true" && drawer.contains(document.activeElement) &&
        document.querySelector(".md-header[inert]")) {
      var list = stops();
      if (!list.length) return;
      var first = list[0], last = list[list.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    }
  });
  /* Chromium makes a scrolling list whose links are hidden (a covered menu level) a tab
     stop of its own; its links are the stops, so the lists themselves are not. */
  Array.prototype.forEach.call(drawer.querySelectorAll("ul, .md-sidebar__scrollwrap"), function (el) {
    el.setAttribute("tabindex", "-1");
  });
  sync();
  settled();
})();
