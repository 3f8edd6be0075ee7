// Progressive enhancement: a "复制链接" button next to the read-only permalink field.
// Without JavaScript the field still works: tap it, select all, copy.
(function () {
  "use strict";
  document.querySelectorAll("input.permalink").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = input.dataset.copyLabel || "复制链接";
    input.addEventListener("focus", function () { input.select(); });
    button.addEventListener("click", function () {
      input.select();
      var done = function () { button.textContent = input.dataset.copiedLabel || "已复制"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
    input.insertAdjacentElement("afterend", button);
  });
})();
