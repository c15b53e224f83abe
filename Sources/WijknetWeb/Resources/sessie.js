// Warns two minutes before an idle session ends and lets the user stay signed in. Without this
// script nothing is lost either: a form sent after the session ended is kept and offered again.
(function () {
  var box = document.querySelector(".session-warning");
  if (!box || !window.fetch) return;
  var minutes = parseInt(box.getAttribute("data-minutes"), 10);
  var text = box.querySelector("p");
  var form = box.querySelector("form");
  var warnTimer, endTimer;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = setTimeout(function () {
      text.textContent = "Je sessie verloopt over 2 minuten. Wat je hebt ingevuld, blijft bewaard, maar je moet dan opnieuw inloggen.";
      form.hidden = false;
      box.hidden = false;
    }, Math.max(0, minutes - 2) * 60000);
    endTimer = setTimeout(function () {
      text.textContent = "Je sessie is verlopen. Verstuur je een formulier, dan log je eerst opnieuw in; wat je had ingevuld, blijft bewaard.";
      form.hidden = true;
    }, minutes * 60000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
      .then(function (response) { if (response.status === 204) schedule(); });
  });
  schedule();
})();
