// Accessibility fixes for Django's admin widgets (the admin needs JavaScript anyway):
// split date/time inputs and select2 search boxes get names, and the decorative icons of the
// filter_horizontal widget, which carry an aria-label, get the image role that allows one.
(function () {
  "use strict";

  function text(node) {
    return (node && node.textContent ? node.textContent : "").replace(/[:：\s]+$/, "").trim();
  }

  function rowLabel(el) {
    var row = el.closest(".form-row, .flex-container, td");
    return row ? text(row.querySelector("label")) : "";
  }

  function fix() {
    document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(function (span) {
      span.setAttribute("role", "img");
    });
    document.querySelectorAll("p.datetime input[type=text]:not([aria-label])").forEach(function (input) {
      var caption = input.previousSibling && input.previousSibling.nodeType === 3 ? text(input.previousSibling) : "";
      input.setAttribute("aria-label", [rowLabel(input), caption].filter(Boolean).join(" "));
    });
    document.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (input) {
      var container = input.closest(".select2-container");
      var select = container && container.previousElementSibling;
      var label = select && select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
      input.setAttribute("aria-label", "搜索" + (label ? "：" + text(label) : ""));
    });
  }

  fix();
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
})();
