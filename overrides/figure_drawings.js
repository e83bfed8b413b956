// Figure drawings fetched as they near the screen (scripts/course_site/figures/html.py
// makes the boxes they go in, each the size its drawing will have).
//
// A drawing is inlined, not shown as an image: its text stays text (selected,
// found by Ctrl+F, translated), drawn with the page's fonts in the page's
// palette. Until it arrives, the box holds the drawing's labels as a
// hidden="until-found" copy: find-in-page finds them and fires "beforematch",
// on which the drawing is fetched too. Printing lays the page out right after
// "beforeprint", so the drawings still missing are fetched synchronously then.
(() => {
  "use strict";
  const WAITING = ".course-figure__drawing[data-drawing]";
  const fetching = new Map(); // box -> Promise of its <svg>
  let observer = null;
  // The figure is watched, not the box inside it: a figure far from the
  // screen may be skipped (content-visibility, course.css), and what a
  // skipped block holds has no place on the page to come near the screen.
  const watched = (box) => box.closest(".course-figure") || box; // one drawing each (figures/html.py)

  function insert(box, text) {
    if (!box.hasAttribute("data-drawing")) return box.querySelector("svg"); // printed meanwhile
    const template = document.createElement("template");
    template.innerHTML = text;
    const svg = template.content.querySelector("svg");
    if (!svg) throw new Error(`no <svg> in ${box.dataset.drawing}`);
    // The box spoke for the drawing while it was away; now the drawing does.
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", box.getAttribute("aria-label") || "");
    svg.setAttribute("focusable", "false");
    box.removeAttribute("role");
    box.removeAttribute("aria-label");
    box.removeAttribute("data-drawing");
    box.replaceChildren(svg);
    if (observer) observer.unobserve(watched(box));
    return svg;
  }

  function load(box) {
    if (!box.hasAttribute("data-drawing")) return Promise.resolve(box.querySelector("svg"));
    if (!fetching.has(box)) {
      const url = box.dataset.drawing;
      const drawing = fetch(url)
        .then((response) => {
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          return response.text();
        })
        .then((text) => insert(box, text));
      drawing.catch(() => fetching.delete(box)); // tried again when next needed
      fetching.set(box, drawing);
    }
    return fetching.get(box);
  }

  function loadNow(box) {
    const request = new XMLHttpRequest();
    request.open("GET", box.dataset.drawing, false);
    try {
      request.send();
      if (request.status === 200) insert(box, request.responseText);
    } catch (error) {
      // Offline: the labels stay, printed in the drawing's place.
    }
  }

  const boxes = document.querySelectorAll(WAITING);
  if (!boxes.length) return;
  // The figure viewer (figure_viewer.js) asks for a drawing tapped before it arrived.
  window.courseFigureDrawing = load;

  if ("IntersectionObserver" in window) {
    // A screen and a half ahead: fetched before a reader scrolling at a normal pace gets there.
    observer = new IntersectionObserver(
      (entries) => entries.forEach((entry) => {
        if (!entry.isIntersecting) return;
        const box = entry.target.matches(WAITING) ? entry.target : entry.target.querySelector(WAITING);
        if (box) load(box).catch(() => {});
      }),
      { rootMargin: "150% 0px" },
    );
    boxes.forEach((box) => observer.observe(watched(box)));
  } else {
    boxes.forEach((box) => load(box).catch(() => {}));
  }
  document.addEventListener(
    "beforematch",
    (event) => {
      const box = event.target.closest && event.target.closest(WAITING);
      if (box) load(box).catch(() => {});
    },
    true,
  );
  window.addEventListener("beforeprint", () => document.querySelectorAll(WAITING).forEach(loadNow));
})();
