// Progressive enhancement: hovering or focusing a citation link in a text shows the provision's
// wording (taken from the page's own "本文依据的法律" list) in a small pop-up. Escape closes it;
// the pointer can move onto it (WCAG 1.4.13). Without JavaScript the link opens the provision page.
(function () {
  "use strict";
  var texts = {};
  document.querySelectorAll(".cited-laws li").forEach(function (li) {
    var link = li.querySelector("a[href]");
    var quote = li.querySelector("blockquote");
    if (link && quote) texts[link.getAttribute("href")] = { title: link.textContent, quote: quote };
  });
  var links = document.querySelectorAll(".body a[href]");
  if (!links.length || !Object.keys(texts).length) return;

  var pop = document.createElement("div");
  pop.className = "cite-pop";
  pop.id = "cite-pop";
  pop.setAttribute("role", "tooltip");
  pop.hidden = true;
  document.body.appendChild(pop);
  var current = null;
  var timer = null;

  function show(link) {
    var entry = texts[link.getAttribute("href")];
    if (!entry) return;
    clearTimeout(timer);
    pop.textContent = "";
    var title = document.createElement("p");
    title.className = "cite-pop-title";
    title.textContent = entry.title;
    pop.appendChild(title);
    entry.quote.querySelectorAll("p").forEach(function (p) {
      pop.appendChild(p.cloneNode(true));
    });
    pop.hidden = false;
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.left = left + "px";
    pop.style.top = box.bottom + window.scrollY + 6 + "px";
    link.setAttribute("aria-describedby", "cite-pop");
    current = link;
  }

  function hide() {
    pop.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    clearTimeout(timer);
    timer = setTimeout(hide, 250);
  }

  links.forEach(function (link) {
    if (!texts[link.getAttribute("href")]) return;
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", hideSoon);
  });
  pop.addEventListener("mouseenter", function () { clearTimeout(timer); });
  pop.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !pop.hidden) hide();
  });
})();
