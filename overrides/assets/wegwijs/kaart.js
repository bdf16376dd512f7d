/* Kaart: the OpenStreetMap map loads only when the visitor presses the button.
   Before that this page makes no request to any other host (the list, the links
   and the sketch map are part of the page itself). */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), function (box) {
    box.hidden = false;
    var button = box.querySelector(".wegwijs-map__show");
    if (!button) return;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "wegwijs-map__frame";
      frame.title = box.getAttribute("data-title") || "OpenStreetMap";
      frame.setAttribute("loading", "lazy");
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.src = "https://www.openstreetmap.org/export/embed.html?bbox=" +
        encodeURIComponent(box.getAttribute("data-bbox")) + "&layer=mapnik";
      box.replaceChild(frame, button);
      frame.focus();
    });
  });
})();
