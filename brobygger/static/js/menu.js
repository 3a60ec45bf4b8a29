// On a phone the menu sits behind one button (the <html class="js"> set in the head hides it
// there); without JavaScript it stays open, so every link is still reachable.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var menu = document.getElementById("menu");
  if (!button || !menu) return;
  button.addEventListener("click", function () {
    var open = menu.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
