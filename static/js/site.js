// The phone menu: collapsed behind a button when scripts run, always open when they don't.
(function () {
  var toggle = document.querySelector(".menu-toggle");
  var menu = document.getElementById("site-nav");
  if (!toggle || !menu) return;
  document.documentElement.classList.add("js-menu");
  menu.classList.add("collapsed");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = menu.classList.toggle("collapsed") === false;
    toggle.setAttribute("aria-expanded", String(open));
  });
})();
