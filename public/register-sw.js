// Registers the service worker and tells the app when an update is waiting.
//
// Kept as a plain file (not inline) so the Content-Security-Policy can forbid inline
// scripts. The app listens for the `followup:update-ready` event and, when the user taps
// Reload, calls `window.followupApplyUpdate()`, which activates the waiting worker and
// reloads once it has taken control. Nothing here ever reloads on its own.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var waiting = null;
  var reloading = false;

  function announce(worker) {
    waiting = worker;
    window.followupUpdateWaiting = true;
    window.dispatchEvent(new CustomEvent("followup:update-ready"));
  }

  function watch(worker) {
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
    });
  }

  window.followupApplyUpdate = function () {
    if (!waiting) {
      window.location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    waiting.postMessage({ type: "SKIP_WAITING" });
  };

  function register() {
    navigator.serviceWorker
      .register("sw.js", { scope: "./", updateViaCache: "none" })
      .then(function (registration) {
        if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
        if (registration.installing) watch(registration.installing);
        registration.addEventListener("updatefound", function () {
          if (registration.installing) watch(registration.installing);
        });
        // Look for a new version when the app comes back to the foreground.
        document.addEventListener("visibilitychange", function () {
          if (document.visibilityState === "visible") registration.update().catch(function () {});
        });
      })
      .catch(function (error) {
        console.warn("Followup: offline support unavailable:", error);
      });
  }

  // After the page has loaded and the app's start is over: the registration's own work,
  // and on a first visit the worker's install (it fetches every file), then never compete
  // with the first screen. At most three seconds after load.
  window.addEventListener("load", function () {
    if ("requestIdleCallback" in window) {
      window.requestIdleCallback(register, { timeout: 3000 });
    } else {
      setTimeout(register, 0);
    }
  });
})();
