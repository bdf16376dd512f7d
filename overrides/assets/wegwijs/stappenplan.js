/* Mijn stappenplan with the reader's own dates (see tools/wegwijs/render/stappenplan.py).
   The reader enters the date of the koppeling, the regeldag and (optional) the verhuisdag
   once; they live only in this browser: localStorage "wegwijs.dates.v1" =
   {"koppeling": "YYYY-MM-DD", ...}. Nothing is sent anywhere.
   Then every task with a deadline (li[data-deadline-milestone][data-deadline-days]) shows
   its date in a <time datetime> element, formatted for the page's language
   (Intl.DateTimeFormat: fa gets the Persian calendar and digits; a language the
   browser's Intl lacks uses the CLDR pattern and month names in data-date-*); an open task whose date
   has passed is marked with the text "te laat" (not by colour only).
   "Wat moet ik nu doen?" lists the next three open tasks of the current fase: the fase
   the entered dates point to (section[data-start-milestone][data-start-days]: when a fase
   begins), else the first fase with open tasks; a fase without open tasks passes on to
   the next one. Ticks are read from the checkboxes, which checklist.js (loaded before
   this script) has restored.
   When the dates are restored and everything is drawn: <html data-wegwijs-plan="ready">
   (also on pages without a plan). Each later redraw (a tick, a date) happens at once,
   in the event handler. */
(function () {
  "use strict";
  var KEY = "wegwijs.dates.v1";
  var DAY = 24 * 60 * 60 * 1000;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  function ready() { document.documentElement.dataset.wegwijsPlan = "ready"; }

  var plan = document.querySelector("[data-plan]");
  if (!plan) { ready(); return; }
  var lang = plan.getAttribute("lang") || document.documentElement.lang || "nl";
  // Intl when the browser knows the language (fa: Persian calendar and digits); else
  // CLDR's pattern and month names from the build (Chromium has no Tigrinya data).
  var format = null;
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length) {
      format = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    }
  } catch (e) { format = null; }
  if (!format) format = { format: cldrFormat };

  function cldrFormat(d) {
    var pattern = plan.getAttribute("data-date-pattern") || "y-MM-dd";
    var months = (plan.getAttribute("data-date-months") || "").split("|");
    var day = d.getUTCDate(), month = d.getUTCMonth(), year = d.getUTCFullYear();
    return pattern.replace(/'([^']*)'|MMMM|MMM|MM|M|dd|d|y+/g, function (token, quoted) {
      if (quoted !== undefined) return quoted;
      if (token === "MMMM" || token === "MMM") return months[month] || String(month + 1);
      if (token === "MM") return ("0" + (month + 1)).slice(-2);
      if (token === "M") return String(month + 1);
      if (token === "dd") return ("0" + day).slice(-2);
      if (token === "d") return String(day);
      return String(year);
    });
  }

  var store = window.wegwijs.store(KEY);

  // Dates are whole days: a Date at 00:00 UTC, so no time zone moves them.
  function parse(text) {
    var m = DATE.exec(text || "");
    if (!m) return null;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return isNaN(d.getTime()) ? null : d;
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function plus(d, days) { return new Date(d.getTime() + days * DAY); }
  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }
  function at(milestone, days, dates) {
    var base = parse(dates[milestone]);
    return base ? plus(base, parseInt(days, 10) || 0) : null;
  }

  var form = plan.querySelector("[data-plan-dates]");
  var next = plan.querySelector("[data-plan-next]");
  var sections = Array.prototype.slice.call(plan.querySelectorAll(".wegwijs-plan__fase"));
  var items = Array.prototype.slice.call(plan.querySelectorAll("li[data-check-id][data-fase]"));
  var dueTemplate = plan.getAttribute("data-text-due") || "{deadline}: {date}";

  function isOpen(item) {
    var box = item.querySelector("input[data-check-id]");
    return !(box && box.checked);
  }

  // The text with {deadline} and {date} filled in; the date as a <time> element.
  function dueLine(target, deadline, date) {
    target.textContent = "";
    var parts = dueTemplate.split("{date}");
    parts.forEach(function (part, index) {
      if (index > 0) {
        var time = document.createElement("time");
        time.setAttribute("datetime", iso(date));
        time.textContent = format.format(date);
        target.appendChild(time);
      }
      if (part) target.appendChild(document.createTextNode(part.replace("{deadline}", deadline)));
    });
  }

  function drawItems(dates, now) {
    items.forEach(function (item) {
      var due = item.querySelector("[data-due]");
      if (!due) return;
      var rule = due.querySelector("span:not([data-due-date])");
      var dated = due.querySelector("[data-due-date]");
      var overdue = due.querySelector("[data-overdue]");
      var date = at(item.getAttribute("data-deadline-milestone"),
        item.getAttribute("data-deadline-days"), dates);
      if (date) {
        dueLine(dated, rule.textContent, date);
        item.setAttribute("data-deadline-date", iso(date));
      } else {
        item.removeAttribute("data-deadline-date");
      }
      dated.hidden = !date;
      rule.hidden = Boolean(date);
      var late = Boolean(date) && date < now && isOpen(item);
      overdue.hidden = !late;
      item.classList.toggle("wegwijs-plan__item--overdue", late);
    });
  }

  // The fase the dates point to: the last fase that has begun; before the first
  // known beginning, the fase before it.
  function datedFase(dates, now) {
    var found = null;
    for (var i = 0; i < sections.length; i += 1) {
      var s = sections[i];
      var start = at(s.getAttribute("data-start-milestone"), s.getAttribute("data-start-days"), dates);
      if (!s.hasAttribute("data-start-milestone") || !start) continue;
      if (start <= now) { found = i; continue; }
      if (found === null) found = Math.max(i - 1, 0);
      break;
    }
    return found;
  }

  function openItems(section) {
    return Array.prototype.filter.call(
      section.querySelectorAll("li[data-check-id][data-fase]"), isOpen);
  }

  function drawNext(dates, now) {
    if (!next) return;
    var list = next.querySelector("[data-plan-next-list]");
    var done = next.querySelector("[data-plan-next-done]");
    var start = datedFase(dates, now);
    var chosen = [];
    var order = sections.map(function (s, i) { return i; });
    if (start !== null) order = order.slice(start).concat(order.slice(0, start));
    for (var k = 0; k < order.length && !chosen.length; k += 1) {
      chosen = openItems(sections[order[k]]).slice(0, 3);
    }
    list.textContent = "";
    chosen.forEach(function (item) {
      var li = document.createElement("li");
      var label = item.querySelector(".wegwijs-check__text");
      var a = document.createElement("a");
      a.href = "#" + item.id;
      a.textContent = label ? label.textContent : item.id;
      if (label && label.getAttribute("lang")) {
        a.setAttribute("lang", label.getAttribute("lang"));
        a.setAttribute("dir", label.getAttribute("dir") || "ltr");
      }
      li.appendChild(a);
      li.setAttribute("data-next-id", item.id);
      var due = item.querySelector("[data-due]");
      if (due) {
        var copy = due.cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll("[hidden]"), function (e) { e.remove(); });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(copy);
        copy.removeAttribute("data-due");
      }
      list.appendChild(li);
    });
    list.hidden = !chosen.length;
    done.hidden = chosen.length > 0;
    next.setAttribute("data-current-fase", chosen.length ? chosen[0].getAttribute("data-fase") : "");
    next.hidden = false;
  }

  function draw() {
    var dates = store.read();
    var now = today();
    drawItems(dates, now);
    drawNext(dates, now);
  }

  if (form) {
    var stored = store.read();
    Array.prototype.forEach.call(form.querySelectorAll("input[data-milestone]"), function (input) {
      var name = input.getAttribute("data-milestone");
      if (parse(stored[name])) input.value = stored[name];
      input.addEventListener("change", function () {
        var dates = store.read();
        if (parse(input.value)) dates[name] = input.value; else delete dates[name];
        store.write(dates);
        draw();
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }
  // A tick (here or, via checklist.js's storage listener, in another tab) changes what is open.
  plan.addEventListener("change", function (event) {
    if (event.target.matches("input[data-check-id]")) draw();
  });
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null || event.key === "wegwijs.checklist.v1") {
      // checklist.js applies the ticks in its own storage listener, registered first.
      if (form) {
        var dates = store.read();
        Array.prototype.forEach.call(form.querySelectorAll("input[data-milestone]"), function (input) {
          input.value = parse(dates[input.getAttribute("data-milestone")]) ? dates[input.getAttribute("data-milestone")] : "";
        });
      }
      draw();
    }
  });
  draw();
  ready();
})();
