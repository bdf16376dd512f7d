/* Begrippen in the text (see tools/wegwijs/markdown/glossary.py). Each marked term is a link to the
   begrippenlijst; here it becomes a disclosure button: Enter, Space or a tap shows
   the short explanation right after the word (aria-expanded tells screen readers),
   Escape or a second press hides it. Screen readers hear the explanation as the
   button's description as soon as it gets focus.
   When every term is wired (also on a page without terms):
   <html data-wegwijs-glossary="ready"> (see the browser tests). */
(function () {
  "use strict";
  function ready() { document.documentElement.dataset.wegwijsGlossary = "ready"; }
  var terms = document.querySelectorAll(".wegwijs-term");
  if (!terms.length) { ready(); return; }
  var open = null;

  function close(term, focus) {
    var button = term.querySelector(".wegwijs-term__button");
    var tip = term.querySelector(".wegwijs-term__tip");
    button.setAttribute("aria-expanded", "false");
    tip.hidden = true;
    if (open === term) open = null;
    if (focus) button.focus();
  }

  Array.prototype.forEach.call(terms, function (term) {
    var link = term.querySelector(".wegwijs-term__link");
    var tip = term.querySelector(".wegwijs-term__tip");
    if (!link || !tip) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wegwijs-term__button";
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", tip.id);
    // Screen readers also read the explanation as the button's description on focus.
    button.setAttribute("aria-describedby", tip.id);
    button.setAttribute("data-href", link.getAttribute("href"));
    term.replaceChild(button, link);
    tip.setAttribute("role", "note");
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-expanded") === "true") { close(term, false); return; }
      if (open) close(open, false);
      button.setAttribute("aria-expanded", "true");
      tip.hidden = false;
      open = term;
    });
    term.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        close(term, true);
      }
    });
  });
  document.addEventListener("click", function (event) {
    if (open && !open.contains(event.target)) close(open, false);
  });
  ready();
})();
