/* Inlined by main.html right after the header. Without a stored choice the
   page starts in the first palette entry and Material's script switches to the
   entry for the device's colour scheme later, while text is already styled:
   without Material's "no transitions while switching" rules (left out by
   scripts/hook_theme_css.py, they restyled the whole page twice per load),
   a dark device would see link colours fade. Starting in the right entry
   leaves Material nothing to change. */
(function () {
  if (typeof __md_get !== "function" || __md_get("__palette")) return;
  var inputs = document.querySelectorAll("[data-md-component=palette] [data-md-color-media]");
  for (var i = 0; i < inputs.length; i++) {
    var media = inputs[i].getAttribute("data-md-color-media");
    if (media && window.matchMedia(media).matches) {
      ["scheme", "primary", "accent"].forEach(function (key) {
        document.body.setAttribute("data-md-color-" + key, inputs[i].getAttribute("data-md-color-" + key));
      });
      return;
    }
  }
})();
