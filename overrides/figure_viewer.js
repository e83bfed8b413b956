// Full-screen view of a figure (scripts/course_site/figures/html.py makes the figures).
//
// Our own few lines rather than a lightbox package: the figures are inline SVG
// (lightboxes expect image files), and the <dialog> element already gives a
// modal with Esc to close, a focus trap and an inert page behind it. We add
// zoom, the back button (a history entry while open) and keyboard keys.
// Without JavaScript, "크게 보기" simply opens the figure's SVG file; so does
// the viewer when the drawing cannot be fetched.
(() => {
  "use strict";
  if (typeof HTMLDialogElement !== "function") return;

  const STEP = 1.5;
  let dialog, stage, title, drawing, trigger, zoom = 1;

  function button(label, text, action) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.title = label;
    element.addEventListener("click", action);
    return element;
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "figure-viewer";
    dialog.setAttribute("aria-labelledby", "figure-viewer-title");
    const bar = document.createElement("div");
    bar.className = "figure-viewer__bar";
    title = document.createElement("h2");
    title.className = "figure-viewer__title";
    title.id = "figure-viewer-title";
    bar.append(
      title,
      button("축소 (− 키)", "−", () => setZoom(zoom / STEP)),
      button("화면에 맞추기 (0 키)", "맞춤", () => setZoom(1)),
      button("확대 (+ 키)", "+", () => setZoom(zoom * STEP)),
      button("닫기 (Esc 키)", "닫기", () => dialog.close()),
    );
    stage = document.createElement("div");
    stage.className = "figure-viewer__stage";
    stage.tabIndex = 0; // arrow keys pan a zoomed figure
    stage.setAttribute("role", "group");
    stage.setAttribute("aria-label", "그림 (화살표 키로 움직이기)");
    dialog.append(bar, stage);
    document.body.append(dialog);

    dialog.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "+" || event.key === "=") setZoom(zoom * STEP);
      else if (event.key === "-" || event.key === "_") setZoom(zoom / STEP);
      else if (event.key === "0") setZoom(1);
      else return;
      event.preventDefault();
    });
    dialog.addEventListener("close", () => {
      stage.replaceChildren();
      // Closed by Esc or the button: drop the history entry opened for it.
      if (history.state && history.state.figureViewer) history.back();
      if (trigger) trigger.focus();
    });
    window.addEventListener("popstate", () => {
      if (dialog.open) dialog.close(); // the back button closes the viewer
    });
    window.addEventListener("resize", () => dialog.open && setZoom(zoom));
  }

  // zoom 1 = the whole figure fits the screen; larger zooms scroll.
  function setZoom(value) {
    const natural = Number(drawing.getAttribute("width"));
    const height = Number(drawing.getAttribute("height"));
    const fit = Math.min(stage.clientWidth / natural, stage.clientHeight / height);
    zoom = Math.min(Math.max(value, 1), Math.max(1, 8 / fit));
    drawing.style.width = `${Math.floor(natural * fit * zoom)}px`;
  }

  // The figure's drawing, fetched first if it has not arrived yet (figure_drawings.js).
  function drawingOf(figure) {
    const box = figure.querySelector(".course-figure__drawing");
    const svg = box && box.querySelector("svg");
    if (svg) return Promise.resolve(svg);
    if (!box || !window.courseFigureDrawing) return Promise.reject(new Error("no drawing"));
    return window.courseFigureDrawing(box);
  }

  function open(figure, from) {
    drawingOf(figure).then(
      (svg) => show(figure, svg, from),
      () => { window.location.href = from.href; }, // the figure's own file, as without JavaScript
    );
  }

  function show(figure, svg, from) {
    if (!dialog) build();
    trigger = from;
    const caption = figure.querySelector("figcaption");
    title.textContent = caption ? caption.firstChild.textContent.trim() : svg.getAttribute("aria-label");
    drawing = svg.cloneNode(true);
    stage.replaceChildren(drawing);
    history.pushState({ figureViewer: true }, "");
    dialog.showModal();
    setZoom(1);
    stage.focus();
  }

  // One listener for the whole page, not one per figure: nothing to set up
  // while the page loads (a seminar has a dozen or more figures).
  let pending;
  document.addEventListener("click", (event) => {
    const figure = event.target.closest && event.target.closest(".course-figure");
    if (!figure || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const link = figure.querySelector(".course-figure__open");
    if (!link || !figure.querySelector(".course-figure__drawing")) return;
    if (event.target.closest(".course-figure__open")) {
      event.preventDefault();
      open(figure, link);
    } else if (event.target.closest(".course-figure__drawing")) {
      // A plain click or tap enlarges; a drag or double click selects text
      // (hence the short wait: the second click of a double click cancels).
      clearTimeout(pending);
      if (event.detail > 1) return;
      pending = setTimeout(() => {
        if (!String(window.getSelection())) open(figure, link);
      }, 250);
    }
  });
})();
