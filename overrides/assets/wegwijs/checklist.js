/* Checklists that remember (see tools/wegwijs/markdown/checklist.py).
   State lives only in this browser: localStorage "wegwijs.checklist.v1" = {"<item id>": true},
   one key for the whole site, so every language shares it. Nothing is sent anywhere.
   A catalogue task lists its older ids in data-aliases: a tick under an old id counts.
   Also: progress lines ("4 van 9 klaar"), and on Mijn stappenplan the open items
   first, a print button and "clear all" (after confirmation).
   When the ticks are restored and the handlers wired (also on a page without a
   checklist): <html data-wegwijs-checklist="ready"> (see the browser tests). */
(function () {
  "use strict";
  var store = window.wegwijs.store("wegwijs.checklist.v1");
  var cfg = document.currentScript ? document.currentScript.dataset : {};
  var numbers = window.wegwijs.numbers(document.documentElement.lang || "nl");

  function ready() { document.documentElement.dataset.wegwijsChecklist = "ready"; }

  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-check-id]"));
  if (!boxes.length) { ready(); return; }

  function progressText(done, total) {
    return (cfg.progress || "{done} / {total}")
      .replace("{done}", numbers.format(done)).replace("{total}", numbers.format(total));
  }

  function showProgress() {
    // The progress lines only: this script's own <script data-progress="…"> tag
    // carries the text template and must not match.
    var lines = document.querySelectorAll(".wegwijs-progress[data-progress]");
    Array.prototype.forEach.call(lines, function (line) {
      var scope = line.closest(".wegwijs-plan__fase") || line.closest(".wegwijs-plan") ||
        line.closest("article") || document;
      var ids = {}, done = 0, total = 0;
      Array.prototype.forEach.call(scope.querySelectorAll("input[data-check-id]"), function (box) {
        var id = box.getAttribute("data-check-id");
        if (ids[id]) return;
        ids[id] = true;
        total += 1;
        if (box.checked) done += 1;
      });
      line.textContent = progressText(done, total);
      line.classList.toggle("wegwijs-progress--done", total > 0 && done === total);
      line.hidden = total === 0;
    });
  }

  // Read the ticked box's progress line in the page's one live region (main.html).
  function announce(box) {
    var live = document.querySelector("[data-wegwijs-live]");
    if (!live) return;
    var scope = box.closest(".wegwijs-plan__fase") || box.closest(".wegwijs-plan") ||
      box.closest("article") || document;
    var line = scope.querySelector(".wegwijs-progress[data-progress]");
    live.textContent = line && !line.hidden ? line.textContent : "";
  }

  function apply(state) {
    boxes.forEach(function (box) {
      var on = state[box.getAttribute("data-check-id")] === true;
      box.checked = on;
      var item = box.closest("li");
      if (item) item.classList.toggle("wegwijs-check--done", on);
    });
    showProgress();
  }

  // Older ids of a catalogue task (<li data-aliases="a b">, tools/wegwijs/render/tasks.py):
  // a tick stored under one of them counts for the task. It is copied to the task id
  // (the old key stays); unticking the task removes both.
  function aliasesOf(box) {
    var item = box.closest("li[data-aliases]");
    return item ? item.getAttribute("data-aliases").split(/\s+/).filter(Boolean) : [];
  }
  function migrate(state) {
    var changed = false;
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-check-id");
      if (state[id] === true) return;
      if (aliasesOf(box).some(function (alias) { return state[alias] === true; })) {
        state[id] = true;
        changed = true;
      }
    });
    if (changed) store.write(state);
    return state;
  }

  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var state = store.read();
      var id = box.getAttribute("data-check-id");
      if (box.checked) {
        state[id] = true;
      } else {
        delete state[id];
        aliasesOf(box).forEach(function (alias) { delete state[alias]; });
      }
      store.write(state);
      apply(state);
      announce(box);
    });
  });
  store.changed(function () { apply(migrate(store.read())); });

  var state = migrate(store.read());
  apply(state);

  // Mijn stappenplan: open items first (only when the page opens, never under the finger).
  var plan = document.querySelector("[data-plan]");
  if (!plan) { ready(); return; }
  Array.prototype.forEach.call(plan.querySelectorAll(".wegwijs-plan__list"), function (list) {
    var items = Array.prototype.slice.call(list.children);
    items.filter(function (li) { return li.classList.contains("wegwijs-check--done"); })
      .forEach(function (li) { list.appendChild(li); });
  });
  var bar = document.createElement("div");
  bar.className = "wegwijs-plan__actions";
  function button(text, handler, extra) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button " + (extra || "");
    b.textContent = text;
    b.addEventListener("click", handler);
    bar.appendChild(b);
    return b;
  }
  button(cfg.print || "Print", function () { window.print(); }, "wegwijs-plan__print");
  button(cfg.clear || "Clear", function () {
    if (window.confirm(cfg.confirm || "?")) {
      store.write({});
      apply({});
    }
  }, "wegwijs-plan__clear");
  plan.insertBefore(bar, plan.firstChild);
  ready();
})();
