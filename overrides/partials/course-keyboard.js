/* Keyboard fixes for Material's components, inlined by main.html (no extra request). */

/* A table wider than the screen scrolls inside its box (.md-typeset__scrollwrap,
   added by Material's script). Only a focusable box can be scrolled with the
   arrow keys, so a box that scrolls gets a tab stop and a name; one that fits
   gets neither, so Tab does not stop on every table. */
function courseMarkScrollingTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "표 (옆으로 스크롤)");
    } else if (box.hasAttribute("role")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}

document.addEventListener("DOMContentLoaded", function () {
  /* Material wraps the tables when its document$ fires, after this listener. */
  if (window.document$) {
    window.document$.subscribe(function () {
      setTimeout(courseMarkScrollingTables, 0);
    });
  }
  window.addEventListener("resize", courseMarkScrollingTables);
});

/* The palette toggle is a radio group that Material switches on Enter only;
   Space is what keyboard users press on a button-like control. */
document.addEventListener("keydown", function (event) {
  var palette = event.target.closest && event.target.closest("[data-md-component=palette]");
  if (!palette || event.key !== " ") {
    return;
  }
  event.preventDefault();
  var toggle = palette.querySelector("label:not([hidden])");
  if (toggle) {
    toggle.click();
    document.getElementById(toggle.htmlFor).focus();
  }
});

/* On a phone the navigation drawer opens from the header's menu button, a
   <label> that Material leaves out of the Tab order: keyboard and screen
   reader users could never open it. It becomes a real <button> (a label may
   not be named or take a button role), which toggles Material's checkbox. */
document.addEventListener("DOMContentLoaded", function () {
  var drawer = document.getElementById("__drawer");
  document.querySelectorAll(".md-header label[for='__drawer']").forEach(function (label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " course-menu-button";
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", "메뉴");
    button.setAttribute("aria-expanded", String(drawer.checked));
    button.addEventListener("click", function () {
      drawer.checked = !drawer.checked;
      drawer.dispatchEvent(new Event("change"));
    });
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
    });
    label.replaceWith(button);
  });
  if (drawer) drawer.addEventListener("change", courseShowCurrentPageInDrawer);
});

/* Material scrolls the menu to the current page's link when the page loads,
   but on a phone the closed drawer's contents are not laid out (course.css)
   and the link has no size then; so it is done the first time the drawer
   opens, the link in the middle of the menu as Material would place it. */
var courseDrawerShown = false;
function courseShowCurrentPageInDrawer(event) {
  if (courseDrawerShown || !event.target.checked) return;
  courseDrawerShown = true;
  document.querySelectorAll(".md-sidebar--primary .md-nav__link--active[href]").forEach(function (link) {
    var menu = link.closest(".md-sidebar__scrollwrap");
    if (!menu || !link.offsetHeight) return; // the table of contents inside the menu may be folded away
    var offset = link.getBoundingClientRect().top - menu.getBoundingClientRect().top + menu.scrollTop;
    menu.scrollTo({ top: offset - menu.clientHeight / 2 });
  });
}
