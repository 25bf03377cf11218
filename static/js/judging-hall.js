// The hall's screen: every few seconds the leaderboard's live part is fetched again
// and replaces the one shown (without JavaScript the page refreshes itself).
(function () {
  "use strict";
  var box = document.querySelector("[data-hall-live]");
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute("data-hall-live");
  function refresh() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && html.trim() !== box.innerHTML.trim()) {
          box.innerHTML = html;
        }
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 4000);
})();
