// "Salin tautan" on a post page: copies the post's address. A file, not inline script:
// every page's CSP allows script from the site only. Without script the button stays hidden.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.warta-copy[data-url]");
  if (!navigator.clipboard) return;
  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
        button.textContent = "Tautan tersalin";
      }, function () {
        button.textContent = "Gagal menyalin";
      });
    });
  });
})();
