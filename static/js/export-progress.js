// Polls a board export's progress while it is written; reloads the page when it is
// finished (the page refreshes itself without JavaScript: a <noscript> meta).
(function () {
  var box = document.getElementById("export-status");
  if (!box || box.dataset.running !== "1") return;
  var bar = box.querySelector(".progress");
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        bar.setAttribute("aria-valuenow", data.progress);
        // A class per percent (site.css), not an inline style: the CSP forbids those.
        bar.firstElementChild.className = "pct-" + Math.round(data.progress);
        box.querySelector('[data-field="status_label"]').textContent = data.status_label;
        if (data.status === "pending" || data.status === "running") {
          window.setTimeout(poll, 1500);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
