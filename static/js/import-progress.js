// Polls an import batch's status while it runs; reloads the page when it is done.
(function () {
  var box = document.getElementById("import-status");
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
        if (["pending", "checking", "importing"].indexOf(data.status) === -1) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
