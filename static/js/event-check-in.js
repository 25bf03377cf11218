// The steward's camera: where the browser has the BarcodeDetector API, a scanned QR
// code fills the ticket-code field and sends the form (the same POST as a typed
// code). Without it the button stays hidden and the typed code is the way.
(function () {
  "use strict";
  var box = document.querySelector("[data-scanner]");
  var form = document.querySelector("[data-check-in-form]");
  if (!box || !form || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  var field = form.querySelector("input[name=code]");
  var video = box.querySelector("[data-scan-video]");
  var status = box.querySelector("[data-scan-status]");
  var start = box.querySelector("[data-scan-start]");
  box.hidden = false;

  start.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        start.hidden = true;
        return video.play().then(function () {
          scan(detector, stream);
        });
      })
      .catch(function () {
        status.textContent = box.dataset.noCamera || "";
        field.focus();
      });
  });

  function scan(detector, stream) {
    detector
      .detect(video)
      .then(function (codes) {
        if (codes.length && codes[0].rawValue) {
          stream.getTracks().forEach(function (track) { track.stop(); });
          field.value = codes[0].rawValue;
          form.submit();
          return;
        }
        window.requestAnimationFrame(function () { scan(detector, stream); });
      })
      .catch(function () {
        window.setTimeout(function () { scan(detector, stream); }, 300);
      });
  }
})();
