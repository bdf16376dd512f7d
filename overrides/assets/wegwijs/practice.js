/* Practice questions (tools/wegwijs/markdown/practice.py, issue 16).
   Each question is a <fieldset> of native radio buttons in a div.wegwijs-q
   (data-question = its id, data-right = the number of the right answer). This script
   shows the "check" button; the reader checks a choice with it, or with Enter on a
   radio button. The result is shown under the question and announced in the page's
   ONE live region ([data-practice-live]).
   State lives only in this browser: localStorage "wegwijs.practice.v1" =
   {"<question id>": {"answer": <number>, "right": true|false}}, one key for the whole
   site, so every language shares it (the questions have the same ids and answer order
   in every language). Nothing is sent anywhere.
   On the overview, each thema's [data-practice-ids] gets "3 van 6 goed".
   States for the browser tests: per question data-state="right" | "wrong" (after a
   check or when a stored answer is restored); <html data-wegwijs-practice="ready">
   once stored answers are restored and the handlers wired. */
(function () {
  "use strict";
  var store = window.wegwijs.store("wegwijs.practice.v1");
  var cfg = document.currentScript ? document.currentScript.dataset : {};
  var numbers = window.wegwijs.numbers(document.documentElement.lang || "nl");
  var live = document.querySelector("[data-practice-live]");
  var questions = Array.prototype.slice.call(document.querySelectorAll(".wegwijs-q[data-question]"));

  function announce(message) {
    if (!live) return;
    // The same text twice is still a change, so a screen reader reads it again.
    live.textContent = live.textContent === message ? message + "\u00a0" : message;
  }

  function text(node) { return node ? node.textContent.replace(/\s+/g, " ").trim() : ""; }

  function radios(question) {
    return Array.prototype.slice.call(question.querySelectorAll("input[type=radio]"));
  }

  function feedback(question, right) {
    var rightInput = question.querySelector("input[type=radio][value=\"" + question.dataset.right + "\"]");
    var rightLabel = rightInput ? question.querySelector("label[for=\"" + rightInput.id + "\"]") : null;
    var first = right ? (cfg.right || "Right!") :
      (cfg.wrong || "Not right: {answer}").replace("{answer}", text(rightLabel));
    var explanation = text(question.querySelector(".wegwijs-q__explanation"));
    return explanation ? first + " " + explanation : first;
  }

  // Show the result of the answer with this number; announce it when the reader checked it.
  function show(question, answer, spoken) {
    var right = String(answer) === question.dataset.right;
    var message = feedback(question, right);
    var result = question.querySelector(".wegwijs-q__result");
    if (result) {
      result.textContent = message;
      result.hidden = false;
    }
    if (spoken) announce(message);
    question.dataset.state = right ? "right" : "wrong";
    return right;
  }

  function check(question) {
    var chosen = question.querySelector("input[type=radio]:checked");
    if (!chosen) {
      var result = question.querySelector(".wegwijs-q__result");
      if (result) {
        result.textContent = cfg.choose || "?";
        result.hidden = false;
      }
      announce(cfg.choose || "?");
      return;
    }
    var state = store.read();
    var answer = Number(chosen.value);
    state[question.dataset.question] = { answer: answer, right: show(question, answer, true) };
    store.write(state);
    showScores(state);
  }

  function restore(state) {
    questions.forEach(function (question) {
      var saved = state[question.dataset.question];
      var input = saved ? radios(question).filter(function (r) { return Number(r.value) === saved.answer; })[0] : null;
      if (!input) return;
      input.checked = true;
      show(question, saved.answer, false);
    });
  }

  function showScores(state) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-practice-ids]"), function (module) {
      var ids = module.getAttribute("data-practice-ids").split(" ").filter(Boolean);
      var right = ids.filter(function (id) { return state[id] && state[id].right === true; }).length;
      var score = module.querySelector("[data-practice-score]");
      if (!score) return;
      score.textContent = (cfg.score || "{right} / {total}")
        .replace("{right}", numbers.format(right)).replace("{total}", numbers.format(ids.length));
      score.hidden = false;
    });
  }

  questions.forEach(function (question) {
    var actions = question.querySelector(".wegwijs-q__actions");
    var button = question.querySelector(".wegwijs-q__check");
    if (actions) actions.hidden = false;
    if (button) button.addEventListener("click", function () { check(question); });
    radios(question).forEach(function (radio) {
      radio.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          check(question);
        }
      });
    });
  });
  store.changed(function () {
    var state = store.read();
    restore(state);
    showScores(state);
  });
  var saved = store.read();
  restore(saved);
  showScores(saved);
  document.documentElement.dataset.wegwijsPractice = "ready";
})();
