/* Video player: spoken language, subtitle language and audio description for every
   <figure class="wegwijs-video"> (markup: overrides/partials/wegwijs/video.html).

   Spoken language = a whole MP4 per language (the same H.264 stream, that language's
   audio; see tools/wegwijs/sources/media.py for why). Switching sets the video's src (which overrides
   the <source>, the Dutch original for readers without JavaScript) and restores the
   position, the paused state and the speed, so sound and picture cannot drift apart:
   it works the same in iPhone Safari, Chromium and Firefox, where audioTracks or a
   separately synced <audio> do not.

   Data thrift: while the reader has not pressed play, a swap only changes the src
   (preload stays "none"): no video or audio byte is fetched.

   Poster: the markup names the WebP poster; where the browser cannot decode WebP
   (probed with a 1x1 WebP image), the JPEG in data-poster-fallback is shown instead.

   Arrowing through the spoken-language select (closed, with the keyboard) changes its
   value at every step: the choice is applied once it is committed (Enter, or the focus
   leaving the select), so only the chosen language's file is fetched, not one per step.
   A choice with the mouse or a touch picker applies at once.

   The audio description's active cue is shown in the player and read out through the
   page's one polite live region ([data-wegwijs-live], main.html), in its own language.

   State for scripts and tests, on the <figure>: data-state = ready (set up; or the last
   spoken-language switch is complete: new source set, position, speed and play state
   restored) | switching (a switch is under way) | error (the new file failed to load);
   data-pending = a language the select shows that is not applied yet (arrowing). */
(function () {
  "use strict";

  var WEBP_PROBE = "data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

  function posterFallback(video) {
    var fallback = video.getAttribute("data-poster-fallback");
    if (!fallback) return;
    var probe = new Image();
    probe.onload = function () { if (!probe.width) video.poster = fallback; };
    probe.onerror = function () { video.poster = fallback; };
    probe.src = WEBP_PROBE;
  }

  function setup(figure) {
    var video = figure.querySelector("video");
    var source = video && video.querySelector("source");  // the Dutch original
    var controls = figure.querySelector("[data-role=controls]");
    var audioSelect = figure.querySelector("[data-role=audio]");
    var subtitleSelect = figure.querySelector("[data-role=subtitles]");
    var describe = figure.querySelector("[data-role=descriptions]");
    var descriptionText = figure.querySelector("[data-role=description-text]");
    if (!video || !source || !controls || !audioSelect || !subtitleSelect || !describe || !descriptionText) return;
    controls.hidden = false;
    var pending = null;  // the restore of a switch still under way: {position, wasPaused, rate, stop}
    var switches = 0;    // counts switches: a late event of an earlier one changes no state

    function state(value) { figure.setAttribute("data-state", value); }

    function tracks(kind) {
      return Array.prototype.filter.call(video.textTracks, function (t) { return t.kind === kind; });
    }

    /* ---- spoken language ---- */
    function currentAudio() { return video.getAttribute("data-audio"); }

    function setAudio(lang) {
      var option = audioSelect.querySelector('option[value="' + lang + '"]');
      if (!option || lang === currentAudio()) return;
      var started = video.currentTime > 0 || !video.paused || video.readyState > 0;
      var position = video.currentTime;
      var wasPaused = video.paused;
      var rate = video.playbackRate;
      if (pending) {
        // A second switch before the first one restored the position: the reader's
        // place is still the one from before the first switch.
        started = true;
        position = pending.position;
        wasPaused = pending.wasPaused;
        rate = pending.rate;
        pending.stop();
      }
      var number = ++switches;
      state("switching");
      video.setAttribute("data-audio", lang);
      if (started) video.preload = "auto";  // the reader already watches: fetch what is needed
      // The src attribute overrides the <source> (the Dutch original, for no-JS readers).
      // Setting it restarts loading; unlike load(), Chromium then fetches nothing while
      // preload is "none" (measured in tests/test_player_browser.py).
      video.src = option.getAttribute("data-src");
      video.defaultPlaybackRate = rate;
      video.playbackRate = rate;
      applyTextTracks();
      if (!started) { state("ready"); return; }
      // Ask to play at once, inside the reader's gesture: iPhone Safari allows play()
      // only from a user action. Playback starts once data is there, after the seek.
      if (!wasPaused) {
        var playing = video.play();
        if (playing && playing.catch) playing.catch(function () {});
      }
      restore(position, wasPaused, rate, number);
    }

    // Seek back to where the reader was as soon as the new file can seek there (at
    // once when the server supports range requests, as nginx does), and play on if it
    // was playing. A server without range requests makes a file unseekable: then
    // playback just continues from the start once the file can play through.
    function restore(position, wasPaused, rate, number) {
      var events = ["loadedmetadata", "progress", "canplaythrough"];
      function stop() {
        events.forEach(function (e) { video.removeEventListener(e, attempt); });
        video.removeEventListener("error", failed);
        pending = null;
      }
      function failed() { stop(); if (number === switches) state("error"); }
      function done() { if (number === switches) state("ready"); }
      function covered() {
        var ranges = video.seekable;
        for (var i = 0; i < ranges.length; i++) {
          if (ranges.start(i) <= position && position <= ranges.end(i)) return true;
        }
        return false;
      }
      function attempt(event) {
        if (video.readyState < 1) return;
        if (!covered() && !(event && event.type === "canplaythrough")) return;
        stop();
        var seek = covered() && video.currentTime !== position;
        // "ready" once the seek back to the reader's place is done.
        if (seek) video.addEventListener("seeked", done, { once: true });
        if (covered()) video.currentTime = position;
        video.playbackRate = rate;
        if (!wasPaused && video.paused) {
          var playing = video.play();
          if (playing && playing.catch) playing.catch(function () {});
        }
        if (!seek) done();
      }
      pending = { position: position, wasPaused: wasPaused, rate: rate, stop: stop };
      events.forEach(function (e) { video.addEventListener(e, attempt); });
      video.addEventListener("error", failed);
    }

    /* ---- subtitles ---- */
    function applyTextTracks() {
      var want = subtitleSelect.value;
      tracks("subtitles").forEach(function (t) {
        t.mode = t.language === want ? "showing" : "disabled";
      });
      var audio = currentAudio();
      tracks("descriptions").forEach(function (t) {
        t.mode = describe.checked && t.language === audio ? "hidden" : "disabled";
      });
      descriptionText.hidden = !describe.checked;
      if (!describe.checked) descriptionText.textContent = "";
    }

    // The browser's own subtitle menu changes the tracks too: keep our select in step.
    video.textTracks.addEventListener("change", function () {
      var showing = tracks("subtitles").filter(function (t) { return t.mode === "showing"; })[0];
      var value = showing ? showing.language : "";
      if (subtitleSelect.value !== value) subtitleSelect.value = value;
    });

    /* ---- audio description: the active cue, shown and read out ---- */
    // The text direction of each language comes with the markup (data-dir, from Babel).
    var live = document.querySelector("[data-wegwijs-live]");
    Array.prototype.forEach.call(video.querySelectorAll("track[kind=descriptions]"), function (element) {
      var t = element.track;
      var dir = element.getAttribute("data-dir") === "rtl" ? "rtl" : "ltr";
      t.addEventListener("cuechange", function () {
        if (t.mode !== "hidden") return;
        var cue = t.activeCues && t.activeCues[0];
        if (!cue) return;
        descriptionText.setAttribute("lang", t.language);
        descriptionText.setAttribute("dir", dir);
        descriptionText.textContent = cue.text;
        if (!live) return;
        var spoken = document.createElement("span");
        spoken.setAttribute("lang", t.language);
        spoken.setAttribute("dir", dir);
        spoken.textContent = cue.text;
        live.textContent = "";
        live.appendChild(spoken);
      });
    });

    /* ---- committing the spoken-language choice ---- */
    var STEP_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"];
    var arrowing = false;  // the last change came from stepping through the closed select
    function commit() {
      arrowing = false;
      figure.removeAttribute("data-pending");
      setAudio(audioSelect.value);
    }
    audioSelect.addEventListener("keydown", function (event) {
      // Enter commits (and does not open the list, as Chromium would on Linux).
      if (event.key === "Enter") { event.preventDefault(); commit(); return; }
      // A printable key jumps to a language by its first letter: a step too.
      // (Alt+Arrow and Space open the list instead: a choice there is committed.)
      arrowing = !event.altKey && (STEP_KEYS.indexOf(event.key) >= 0 || (event.key.length === 1 && event.key !== " "));
    });
    audioSelect.addEventListener("pointerdown", function () { arrowing = false; });
    audioSelect.addEventListener("change", function () {
      if (!arrowing) { commit(); return; }
      if (audioSelect.value === currentAudio()) figure.removeAttribute("data-pending");
      else figure.setAttribute("data-pending", audioSelect.value);
    });
    audioSelect.addEventListener("blur", function () { if (figure.hasAttribute("data-pending")) commit(); });
    subtitleSelect.addEventListener("change", applyTextTracks);
    describe.addEventListener("change", applyTextTracks);

    // Start in the page's language (selected in the markup); without JavaScript the
    // Dutch original plays. Nothing is fetched: the reader has not pressed play.
    video.setAttribute("data-audio", source.getAttribute("data-lang"));
    setAudio(audioSelect.value);
    applyTextTracks();
    if (!pending) state("ready");
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.wegwijs-video video[data-poster-fallback]"), posterFallback);
    Array.prototype.forEach.call(document.querySelectorAll("figure.wegwijs-video"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
