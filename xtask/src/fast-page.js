// `cargo xtask serve --fast` only: served in place of register-sw.js, never in dist/.
//
// 1. No service worker. The release worker answers every navigation from its precache and
//    keeps a new version waiting for the user's "Reload", so with it a saved change would
//    not show. Any worker an earlier `cargo xtask serve` left on this origin is unregistered
//    (the fast build's sw.js, fetched by its update check, also removes itself and its caches).
// 2. Reload on a new build: the dev server streams the id of the build it serves
//    (`__build`, Server-Sent Events). When it differs from this page's, the page reloads;
//    when a build fails, the compiler's message is shown over the page until the next one.
(function () {
  var BUILD = "__FOLLOWUP_FAST_BUILD__";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        registration.unregister();
      });
    });
  }
  if (!window.EventSource) return;
  var failure = null;
  var source = new EventSource("__build?page=" + encodeURIComponent(BUILD));
  source.addEventListener("build", function (event) {
    if (event.data === BUILD) return;
    source.close();
    console.info("Followup fast build " + event.data + " is ready: reloading");
    window.location.reload();
  });
  source.addEventListener("failed", function (event) {
    if (!failure) {
      failure = document.createElement("pre");
      failure.setAttribute("role", "alert");
      var s = failure.style;
      s.position = "fixed";
      s.inset = "0 0 auto 0";
      s.zIndex = "2147483647";
      s.maxHeight = "60vh";
      s.overflow = "auto";
      s.margin = "0";
      s.padding = "12px";
      s.font = "12px/1.4 ui-monospace, monospace";
      s.whiteSpace = "pre-wrap";
      s.background = "#7f1d1d";
      s.color = "#fff";
      document.body.appendChild(failure);
    }
    failure.textContent = "The build failed (this page is the last good one):\n\n" + event.data;
  });
})();
